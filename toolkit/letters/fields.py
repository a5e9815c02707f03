"""The fields a resident fills in: the shared sender fields and each template's own, checked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from toolkit.digits import western_digits
from toolkit.errors import UserError
from toolkit.i18n import N_, _, current_language
from toolkit.letters.catalog import FieldSpec, TemplateMeta
from toolkit.pdf.markup import clean_text

STORY_MAX = 1500
PERSONAL_MAX = 300
ZIP_PATTERN = re.compile(r"^\d{5}(-?\d{4})?$", re.ASCII)


@dataclass(frozen=True)
class SharedField:
    name: str
    label: str  # untranslated; shown through _()
    required: bool
    max_length: int
    multiline: bool = False


SHARED_FIELDS: tuple[SharedField, ...] = (
    SharedField("sender_name", N_("Your full name"), True, 80),
    SharedField("sender_street", N_("Street address"), True, 120),
    SharedField("sender_city", N_("City"), True, 60),
    SharedField("sender_state", N_("State"), True, 30),
    SharedField("sender_zip", N_("ZIP code"), True, 10),
    SharedField("story", N_("Your story"), False, STORY_MAX, multiline=True),
    # A sentence of the sender's own, printed as the last paragraph: in a drive, it keeps
    # hundreds of letters from reading as one form letter.
    SharedField("personal_line", N_("A line of your own (optional)"), False, PERSONAL_MAX),
)
SHARED_NAMES = tuple(f.name for f in SHARED_FIELDS)


class FieldError(UserError):
    """One or more fields are empty, too long or malformed; the message names each field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class FieldInfo:
    """What the GUI and the checks need about any field, shared or declared."""

    name: str
    label: str
    help: str
    required: bool
    max_length: int
    multiline: bool


def template_fields(meta: TemplateMeta, language: str | None = None) -> list[FieldInfo]:
    """Every field of a letter, shared ones first, labelled in the interface language."""
    lang = language or current_language()
    shared = [
        FieldInfo(f.name, _(f.label), "", f.required, f.max_length, f.multiline)
        for f in SHARED_FIELDS
    ]
    return shared + [_declared(f, lang) for f in meta.fields]


def _declared(spec: FieldSpec, language: str) -> FieldInfo:
    return FieldInfo(
        spec.name,
        spec.label_in(language),
        spec.help_in(language),
        spec.required,
        spec.max_length,
        spec.multiline,
    )


def normalize(value: object, multiline: bool) -> str:
    text = clean_text(str(value or "")).strip()
    if not multiline:
        text = " ".join(text.split())
    return text


def field_problem(info: FieldInfo, value: str, with_name: bool = True) -> str:
    """A one-line message naming the field, or "" when the value is fine.

    ``with_name`` adds the technical name (``sender_zip``) that CLI and CSV users type; the GUI
    shows the label alone.
    """
    if with_name:
        label = _("{label} ({name})").format(label=info.label, name=info.name)
    else:
        label = info.label
    if info.required and not value:
        return _("{label} is required.").format(label=label)
    if len(value) > info.max_length:
        return _("{label} is too long: {length} characters, at most {limit}.").format(
            label=label, length=len(value), limit=info.max_length
        )
    if info.name == "sender_zip" and value and not ZIP_PATTERN.match(western_digits(value)):
        return _("{label} must be a 5-digit ZIP code, like 60601 or 60601-1234.").format(
            label=label
        )
    return ""


def check_fields(
    meta: TemplateMeta, values: Mapping[str, object], language: str | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Return (clean values for every field, problems by field name)."""
    clean: dict[str, str] = {}
    problems: dict[str, str] = {}
    for info in template_fields(meta, language):
        value = normalize(values.get(info.name, ""), info.multiline)
        if info.name == "sender_zip":
            value = western_digits(value)  # ۶۰۶۰۷ typed, 60607 on the letter and envelope
        clean[info.name] = value
        problem = field_problem(info, value)
        if problem:
            problems[info.name] = problem
    return clean, problems


def validate_fields(
    meta: TemplateMeta, values: Mapping[str, object], language: str | None = None
) -> dict[str, str]:
    """Clean values, or FieldError naming every field with a problem."""
    clean, problems = check_fields(meta, values, language)
    if problems:
        raise FieldError(problems)
    return clean


def unknown_fields(meta: TemplateMeta, names: list[str]) -> list[str]:
    known = set(SHARED_NAMES) | {f.name for f in meta.fields}
    return [name for name in names if name not in known]
