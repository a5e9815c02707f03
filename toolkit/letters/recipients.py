"""Finding a letter's recipient: in the representatives directory, or as typed by the resident."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from toolkit.directory.model import Recipient
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.letters.addressing import manual_recipient

Lookup = Callable[[str], Recipient | None]


class RecipientError(UserError):
    """No such recipient, or not enough to address the letter."""


def _directory_class() -> Any | None:
    # The directory is optional here: letters to typed recipients work without it.
    for module_name in ("toolkit.directory.directory", "toolkit.directory"):
        try:
            found = getattr(import_module(module_name), "Directory", None)
        except ImportError:
            continue
        if found is not None:
            return found
    return None


def directory_lookup(data_dir: Path | None = None) -> Lookup:
    """A function finding recipients by id in the imported directory (None when unknown)."""
    cache: dict[str, Recipient | None] = {}
    directory: list[Any] = []

    def lookup(recipient_id: str) -> Recipient | None:
        if recipient_id in cache:
            return cache[recipient_id]
        if not directory:
            directory_class = _directory_class()
            if directory_class is None:
                return None
            from toolkit import paths

            directory.append(directory_class(data_dir or paths.data_dir()))
        try:
            found = directory[0].get(recipient_id)
        except (UserError, KeyError, LookupError):
            found = None
        cache[recipient_id] = found if isinstance(found, Recipient) else None
        return cache[recipient_id]

    return lookup


def recipient_from_values(
    values: dict[str, str], template_kind: str, lookup: Lookup, default: Recipient | None = None
) -> Recipient:
    """The recipient named by ``recipient_id``, or typed as name/title/address, or the default."""
    recipient_id = values.get("recipient_id", "").strip()
    if recipient_id:
        found = lookup(recipient_id)
        if found is None:
            raise RecipientError(
                _("Unknown recipient '{id}': it is not in the directory.").format(id=recipient_id)
            )
        return found
    name = values.get("recipient_name", "").strip()
    title = values.get("recipient_title", "").strip()
    address = values.get("recipient_address", "").strip()
    if name or title or address:
        if not address:
            raise RecipientError(_("The recipient's address (recipient_address) is required."))
        if not name and template_kind != "city_council":
            raise RecipientError(_("The recipient's name (recipient_name) is required."))
        return manual_recipient(name, title, address, template_kind)
    if default is not None:
        return default
    raise RecipientError(
        _("No recipient: give recipient_id, or recipient_name and recipient_address.")
    )
