"""The letter templates: metadata from ``templates/letters/<id>.yaml``, loaded and checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toolkit import content_dates, paths
from toolkit.content_dates import ContentDates, Source
from toolkit.content_pack.origin import origin_label, pack_version_for
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.yamlio import load_yaml

LEVELS = ("federal", "state", "city", "any")
RECIPIENT_KINDS = ("congress", "state_legislator", "city_council", "any")
LETTER_LANGUAGES = ("en", "es")
# A template with level "any" (the blank letter) is listed under every level.
ANY_LEVEL = "any"


class TemplateError(UserError):
    """An unknown template, or a template file that is not well formed."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: dict[str, str]
    help: dict[str, str]
    required: bool
    max_length: int
    multiline: bool

    def label_in(self, language: str) -> str:
        return self.label.get(language) or self.label.get("en") or self.name

    def help_in(self, language: str) -> str:
        return self.help.get(language) or self.help.get("en", "")


@dataclass(frozen=True)
class Bill:
    number: str
    title: str
    chamber: str = ""
    congress: str = ""
    introduced: str = ""


@dataclass(frozen=True)
class TemplateMeta:
    id: str
    level: str
    recipient_kind: str
    dates: ContentDates
    title: dict[str, str]
    summary: dict[str, str]
    status_note: dict[str, str]
    bills: tuple[Bill, ...]
    fields: tuple[FieldSpec, ...]
    languages: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    # The content pack version its metadata or a letter text comes from; None: bundled.
    content_pack: str | None = None

    def content_origin(self, language: str | None = None) -> str:
        """ "Content: bundled" or "Content pack 2026.12.2", in ``language`` (default: the
        interface language); a letter prints it in the letter's language."""
        return origin_label(self.content_pack, language)

    @property
    def facts_checked(self) -> str:
        """The date the facts were last checked, as YYYY-MM-DD."""
        return self.dates.facts_checked.isoformat()

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title["en"]

    def summary_in(self, language: str) -> str:
        return self.summary.get(language) or self.summary.get("en", "")

    def status_in(self, language: str) -> str:
        return self.status_note.get(language) or self.status_note.get("en", "")

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def body_path(self, language: str) -> Path:
        return paths.content_path("templates", "letters", f"{self.id}.{language}.j2")


def letters_dir() -> Path:
    return paths.templates_dir() / "letters"


def letter_dirs() -> tuple[Path, ...]:
    """Where letter texts are looked up: the applied content pack's folder, then bundled."""
    return tuple(root / "templates" / "letters" for root in paths.content_roots())


def _text_map(raw: Any, key: str, source: Path) -> dict[str, str]:
    if isinstance(raw, str):
        return {"en": raw}
    if not isinstance(raw, dict) or "en" not in raw:
        raise TemplateError(
            _("{file}: '{key}' needs an English text.").format(file=source.name, key=key)
        )
    return {str(lang): str(text).strip() for lang, text in raw.items()}


def _field(raw: dict[str, Any], source: Path) -> FieldSpec:
    name = str(raw.get("name", "")).strip()
    if not name.isidentifier():
        raise TemplateError(_("{file}: a field has no valid name.").format(file=source.name))
    return FieldSpec(
        name=name,
        label=_text_map(raw.get("label", name), "label", source),
        help=_text_map(raw.get("help", ""), "help", source) if raw.get("help") else {},
        required=bool(raw.get("required", False)),
        max_length=int(raw.get("max_length", 200)),
        multiline=bool(raw.get("multiline", False)),
    )


def _bill(raw: dict[str, Any]) -> Bill:
    return Bill(
        number=str(raw.get("number", "")),
        title=str(raw.get("title", "")),
        chamber=str(raw.get("chamber", "")),
        congress=str(raw.get("congress", "")),
        introduced=str(raw.get("introduced", "")),
    )


def _dates(raw: dict[str, Any], source: Path) -> tuple[ContentDates, tuple[Source, ...]]:
    def fail(problem: str) -> TemplateError:
        return TemplateError(_("{file}: {problem}").format(file=source.name, problem=problem))

    dates = content_dates.read_dates(raw, fail)
    sources = content_dates.read_sources(raw.get("sources"), fail)
    return dates, sources


def parse_meta(source: Path) -> TemplateMeta:
    """Read and check one template's metadata file."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise TemplateError(
            _("{file} could not be read: {reason}").format(file=source.name, reason=exc)
        ) from exc
    meta = parse_meta_text(text, source, lambda meta, lang: meta.body_path(lang).is_file())
    bodies = [meta.body_path(language) for language in meta.languages]
    return replace(meta, content_pack=pack_version_for(source, *bodies))


def parse_meta_text(
    text: str, source: Path, has_body: Callable[[TemplateMeta, str], bool]
) -> TemplateMeta:
    """Check one template's metadata (``source`` names it); ``has_body`` says whether the
    letter text of a language exists (a content pack checks its own files and the bundle)."""
    try:
        raw = load_yaml(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise TemplateError(
            _("{file} could not be read: {reason}").format(file=source.name, reason=exc)
        ) from exc
    if not isinstance(raw, dict) or raw.get("id") != source.stem:
        raise TemplateError(_("{file}: the id must match the file name.").format(file=source.name))
    level, kind = raw.get("level"), raw.get("recipient_kind")
    if level not in LEVELS or kind not in RECIPIENT_KINDS:
        raise TemplateError(_("{file}: unknown level or recipient kind.").format(file=source.name))
    dates, sources = _dates(raw, source)
    meta = TemplateMeta(
        id=str(raw["id"]),
        level=str(level),
        recipient_kind=str(kind),
        dates=dates,
        title=_text_map(raw.get("title"), "title", source),
        summary=_text_map(raw.get("summary", ""), "summary", source),
        status_note=_text_map(raw.get("status_note") or {"en": ""}, "status_note", source),
        bills=tuple(_bill(b) for b in raw.get("bills") or ()),
        fields=tuple(_field(f, source) for f in raw.get("fields") or ()),
        languages=tuple(str(lang) for lang in raw.get("languages") or ("en",)),
        sources=sources,
    )
    for language in meta.languages:
        if not has_body(meta, language):
            raise TemplateError(
                _("{file}: the letter text for language '{lang}' is missing.").format(
                    file=source.name, lang=language
                )
            )
    return meta


@cache
def _load_all(folders: tuple[Path, ...]) -> tuple[TemplateMeta, ...]:
    metas = [parse_meta(path) for path in paths.content_files(("templates", "letters"), "*.yaml")]
    order = {level: i for i, level in enumerate(LEVELS)}
    return tuple(sorted(metas, key=lambda m: (order[m.level], m.id)))


def all_templates() -> tuple[TemplateMeta, ...]:
    return _load_all(letter_dirs())


def get_template(template_id: str) -> TemplateMeta:
    for meta in all_templates():
        if meta.id == template_id:
            return meta
    known = ", ".join(m.id for m in all_templates())
    raise TemplateError(
        _("Unknown letter template '{id}'. Known templates: {known}").format(
            id=template_id, known=known
        )
    )


def list_templates(level: str | None = None, language: str | None = None) -> list[TemplateMeta]:
    """Templates for a level (the blank letter is in every level) that exist in ``language``."""
    found = []
    for meta in all_templates():
        if level and meta.level not in (level, ANY_LEVEL):
            continue
        if language and language not in meta.languages:
            continue
        found.append(meta)
    return found


def check_language(meta: TemplateMeta, language: str) -> str:
    if language not in meta.languages:
        raise TemplateError(
            _("The template '{id}' has no '{lang}' version. Available: {langs}").format(
                id=meta.id, lang=language, langs=", ".join(meta.languages)
            )
        )
    return language
