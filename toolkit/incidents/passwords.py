"""Is a passphrase good enough for a vault or a package? Length, and not a common password."""

from __future__ import annotations

import functools
import re

from toolkit import paths
from toolkit.i18n import _
from toolkit.incidents import crypto
from toolkit.incidents.store import VaultError

MIN_LENGTH = 8
ROWS = (
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "1234567890",
    "abcdefghijklmnopqrstuvwxyz",
)


class WeakPassphraseError(VaultError):
    pass


@functools.cache
def common() -> frozenset[str]:
    """The shipped list of common passwords (an asset, so every install and bundle has it)."""
    text = paths.asset("security", "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _is_run(text: str) -> bool:
    """One character repeated, or a straight run along a keyboard row or the alphabet."""
    if len(set(text)) <= 2:
        return True
    return any(text in row or text in row[::-1] for row in ROWS)


def problem(passphrase: str) -> str:
    """'' when the passphrase is acceptable, else a plain reason."""
    text = crypto.normalize(passphrase)
    if len(text) < MIN_LENGTH:
        return _("The passphrase must be at least {n} characters long.").format(n=MIN_LENGTH)
    lowered = text.lower()
    stem = re.sub(r"[\d\W_]+$", "", lowered)
    words = common()
    if lowered in words or (len(stem) >= 4 and stem in words) or _is_run(lowered):
        return _(
            "This passphrase is one of the most common passwords, which are tried first. "
            "Use a few unrelated words, for example four words and a number."
        )
    return ""


def check(passphrase: str) -> None:
    reason = problem(passphrase)
    if reason:
        raise WeakPassphraseError(reason)
