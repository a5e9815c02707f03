"""Composing a letter: sender block, date, inside address, greeting, body, close, signature.

The result is plain text the resident may edit word for word; the PDF prints that text as is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from toolkit.directory.model import Recipient
from toolkit.i18n import _
from toolkit.letters import addressing
from toolkit.letters.catalog import TemplateError, TemplateMeta, check_language, letter_dirs
from toolkit.letters.fields import validate_fields
from toolkit.letters.phrases import long_date, phrase

SIGNATURE_LINE = "_" * 28
_MANY_BLANKS = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_INLINE_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


@dataclass(frozen=True)
class Letter:
    """A composed letter. ``text`` is the final, editable wording; everything prints from it."""

    template_id: str
    language: str
    text: str
    sender_name: str
    return_address: tuple[str, ...]
    mailing_address: tuple[str, ...]
    recipient_key: str
    recipient_label: str
    warnings: tuple[str, ...] = field(default_factory=tuple)
    recipient_kind: str = ""
    office: str = ""  # the label of the office addressed: "District office (Chicago)"
    date_text: str = ""  # as printed: "November 25, 2026", for the header of page 2

    def edited(self, text: str) -> Letter:
        return replace(self, text=text)


@cache
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    # Plain-text bodies: no HTML escaping here; text is escaped at the PDF edge (para_text).
    # Sandboxed: a template from a content pack must never reach Python's internals.
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def render_body(meta: TemplateMeta, language: str, context: Mapping[str, object]) -> str:
    """The template's paragraphs for these values, tidied (blank line between paragraphs)."""
    env = _environment(letter_dirs())
    try:
        text = env.get_template(f"{meta.id}.{language}.j2").render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateError(
            _("The letter template '{id}' ({lang}) could not be filled in: {reason}").format(
                id=meta.id, lang=language, reason=exc
            )
        ) from exc
    text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n")).strip()
    text = _INLINE_SPACES.sub(" ", text)
    return _MANY_BLANKS.sub("\n\n", text)


def return_address(values: Mapping[str, str]) -> tuple[str, ...]:
    city_line = f"{values['sender_city']}, {values['sender_state']} {values['sender_zip']}"
    return (values["sender_name"], values["sender_street"], city_line.strip())


def recipient_key(recipient: Recipient, mailing: list[str]) -> str:
    """Letters to the same person at the same office sort together in a drive."""
    if recipient.id != addressing.MANUAL_ID:
        return f"{recipient.kind}:{recipient.last_name}:{recipient.id}:{mailing[-1:]}"
    return "manual:" + " ".join(mailing).lower()


def recipient_label(recipient: Recipient, salutation: str) -> str:
    if addressing.is_whole_council(recipient):
        return _("City council")
    title = recipient.title.strip()
    return f"{title} {recipient.full_name}".strip() or salutation


def assemble_text(
    sender: tuple[str, ...], date_text: str, inside: list[str], greeting: str, body: str, close: str
) -> str:
    blocks = [
        "\n".join(sender),
        date_text,
        "\n".join(inside),
        greeting,
        body,
        # Two extra blank lines leave room for the handwritten signature above the line.
        f"{close}\n\n\n{SIGNATURE_LINE}\n{sender[0]}",
    ]
    return "\n\n".join(block for block in blocks if block)


def compose(
    meta: TemplateMeta,
    values: Mapping[str, object],
    recipient: Recipient,
    language: str = "en",
    day: dt.date | None = None,
    office_index: int | None = None,
) -> Letter:
    """Check the fields, fill in the template and lay out the whole letter as text."""
    check_language(meta, language)
    clean = validate_fields(meta, values)
    if office_index is None:
        office_index = addressing.nearest_office_index(
            recipient, str(clean.get("sender_city", "")), str(clean.get("sender_zip", ""))
        )
    inside = addressing.inside_address(recipient, language, office_index)
    greeting = addressing.salutation(recipient, language, str(clean.get("sender_state", "")))
    day = day or dt.date.today()
    context: dict[str, object] = {
        **clean,
        "recipient": addressing.template_context(recipient),
        # ISO text, so a body can compare it with a deadline ("2027-01-03", end of a Congress).
        "letter_date": day.isoformat(),
    }
    body = render_body(meta, language, context)
    personal = str(clean.get("personal_line", "")).strip()
    if personal:
        body = f"{body}\n\n{personal}"
    sender = return_address(clean)
    text = assemble_text(
        sender,
        long_date(day, language),
        inside,
        greeting,
        body,
        phrase(language, "close"),
    )
    warnings = []
    if not addressing.suits_template(recipient, meta.recipient_kind):
        warnings.append(
            _("This letter is written for a different kind of official than {name}.").format(
                name=recipient.full_name or greeting
            )
        )
    if not inside[1:]:
        warnings.append(_("The recipient has no mailing address."))
    return Letter(
        template_id=meta.id,
        language=language,
        text=text,
        sender_name=clean["sender_name"],
        return_address=sender,
        mailing_address=tuple(inside),
        recipient_key=recipient_key(recipient, inside),
        recipient_label=recipient_label(recipient, greeting),
        warnings=tuple(warnings),
        recipient_kind=recipient.kind,
        date_text=long_date(day, language),
        office=office.label
        if (office := addressing.choose_office(recipient, office_index))
        else "",
    )


def is_signature_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 5 and set(stripped) == {"_"}


def copy_text(letter: Letter) -> str:
    """The letter for a web contact form or an email: no signature line, no extra blank lines."""
    lines = [line for line in letter.text.split("\n") if not is_signature_line(line)]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip() + "\n"
