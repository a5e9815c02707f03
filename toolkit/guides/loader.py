"""Reading guide files: YAML front matter checked field by field, then the Markdown body.

Guides live in ``assets/guides/<lang>/<id>.md``. Any mistake in a file is reported as a
``GuideError`` naming the file and the field, so a content editor can fix it without a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import content_cache, content_dates, paths
from toolkit.content_dates import ContentDates
from toolkit.errors import UserError
from toolkit.guides.model import REVIEW_STATUSES, Guide, Review, Source
from toolkit.guides.topics import TOPICS, reading_position, topic_order
from toolkit.i18n import _

FENCE = "---"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_TEXT = ("id", "title", "summary", "language", "topic")
KNOWN_KEYS = {
    *REQUIRED_TEXT,
    *content_dates.KEYS,
    "related_guides",
    "related_tools",
    "review",
}
# The source language needs no review field; every translation must say whether a native
# speaker has checked it, so the reader, the PDF and the CLI can say so plainly.
FALLBACK_LANGUAGE = "en"


class GuideError(UserError):
    """A guide file is missing, unreadable or malformed; the message names the file."""


class UnknownGuideError(GuideError):
    """No guide with that id (or no guides in that language)."""


@dataclass(frozen=True)
class Library:
    """The guides read in one language, in list order (topic, then reading order).

    A language may hold only some guides: for the others the library holds the English guide
    (``guide.language == "en"``), so lists, links and search still reach every guide.
    """

    language: str
    guides: tuple[Guide, ...]

    def ids(self) -> list[str]:
        return [guide.id for guide in self.guides]

    def own_ids(self) -> list[str]:
        """The ids of the guides written in this library's language (no English stand-ins)."""
        return [guide.id for guide in self.guides if guide.language == self.language]

    def is_fallback(self, guide: Guide) -> bool:
        """True for an English guide standing in for one this language lacks."""
        return guide.language != self.language

    def find(self, guide_id: str) -> Guide | None:
        return next((g for g in self.guides if g.id == guide_id), None)

    def get(self, guide_id: str) -> Guide:
        guide = self.find(guide_id)
        if guide is None:
            raise UnknownGuideError(
                _('There is no guide "{id}". See the guide ids with: toolkit guides list').format(
                    id=guide_id
                )
            )
        return guide


def guides_root() -> Path:
    return paths.asset("guides")


def languages(root: Path | None = None) -> list[str]:
    """Languages that have a guides folder, English first."""
    # The applied content pack may add a language to the bundled ones.
    bases = [root] if root else [r / "assets" / "guides" for r in paths.content_roots()]
    found = sorted({p.name for b in bases if b.is_dir() for p in b.iterdir() if p.is_dir()})
    return sorted(found, key=lambda code: (code != "en", code))


def _fail(path: Path, problem: str) -> GuideError:
    return GuideError(_("Guide file {file}: {problem}").format(file=path.name, problem=problem))


def split_front_matter(path: Path, text: str) -> tuple[str, str]:
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise _fail(path, _('it must start with a "---" line and the front matter.'))
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]).strip("\n")
    raise _fail(path, _('the front matter has no closing "---" line.'))


def _text(path: Path, meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, _('"{field}" must be non-empty text.').format(field=key))
    return value.strip()


def _text_list(path: Path, meta: dict[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, _('"{field}" must be a list of names.').format(field=key))
    return tuple(value)


def _dates(path: Path, meta: dict[str, Any]) -> ContentDates:
    def fail(problem: str) -> GuideError:
        return _fail(path, problem)

    return content_dates.read_dates(meta, fail)


def _review(path: Path, meta: dict[str, Any], language: str) -> Review:
    value = meta.get("review")
    if value is None and language == FALLBACK_LANGUAGE:
        return Review()
    status = value.get("status") if isinstance(value, dict) else None
    note = value.get("note", "") if isinstance(value, dict) else ""
    if status not in REVIEW_STATUSES or not isinstance(note, str):
        raise _fail(
            path,
            _('"review" must give a status ({statuses}) and may give a note.').format(
                statuses=", ".join(REVIEW_STATUSES)
            ),
        )
    return Review(status, note.strip())


def _sources(path: Path, meta: dict[str, Any]) -> tuple[Source, ...]:
    def fail(problem: str) -> GuideError:
        return _fail(path, problem)

    return content_dates.read_sources(meta.get("sources"), fail)


def parse_guide(path: Path, text: str) -> Guide:
    """Build a guide from a file's text; ``path`` names the file in error messages."""
    header, body = split_front_matter(path, text)
    try:
        meta = content_cache.load(header)
    except content_cache.yaml_error() as exc:
        where = getattr(exc, "problem_mark", None)
        line = where.line + 2 if where is not None else "?"
        message = _("the front matter is not valid YAML (line {line}).").format(line=line)
        raise _fail(path, message) from None
    except ValueError as exc:  # YAML reads 2026-13-01 as a date, then finds no such day
        message = _("a date is not a real calendar date ({reason}).").format(reason=exc)
        raise _fail(path, message) from None
    if not isinstance(meta, dict):
        raise _fail(path, _("the front matter must be a list of NAME: VALUE lines."))
    unknown = sorted(set(meta) - KNOWN_KEYS)
    if unknown:
        raise _fail(path, _("unknown field {field}.").format(field=", ".join(map(str, unknown))))
    guide_id = _text(path, meta, "id")
    if not ID_PATTERN.match(guide_id) or guide_id != path.stem:
        raise _fail(
            path,
            _('"id" must be lowercase words joined by "-" and match the file name.'),
        )
    language = _text(path, meta, "language")
    if language != path.parent.name:
        raise _fail(
            path,
            _('"language" must match the folder name ({folder}).').format(folder=path.parent.name),
        )
    topic = _text(path, meta, "topic")
    if topic not in TOPICS:
        raise _fail(path, _('"topic" must be one of: {topics}.').format(topics=", ".join(TOPICS)))
    if not body.strip():
        raise _fail(path, _("the guide has no text after the front matter."))
    return Guide(
        id=guide_id,
        title=_text(path, meta, "title"),
        summary=_text(path, meta, "summary"),
        language=language,
        topic=topic,
        dates=_dates(path, meta),
        body=body,
        sources=_sources(path, meta),
        related_guides=_text_list(path, meta, "related_guides"),
        related_tools=_text_list(path, meta, "related_tools"),
        review=_review(path, meta, language),
        path=path,
    )


def load_guide(path: Path) -> Guide:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(
            path, _("it could not be read ({reason}).").format(reason=type(exc).__name__)
        ) from exc
    return parse_guide(path, text)


def load_library(language: str, root: Path | None = None, fallback: bool = True) -> Library:
    """Every guide of ``language``: the applied content pack's, then the bundled ones for
    anything the pack does not hold; read once per process and content pack.

    With ``fallback`` the English guide stands in for each guide the language lacks.
    """
    if root is None:
        own = _bundled_library(language, paths.content_roots())
    else:
        own = _read_library(language, root)
    if not fallback or language == FALLBACK_LANGUAGE:
        return own
    english = load_library(FALLBACK_LANGUAGE, root)
    return _with_fallback(own, english)


def _with_fallback(own: Library, english: Library) -> Library:
    have = set(own.ids())
    guides = [*own.guides, *(g for g in english.guides if g.id not in have)]
    guides.sort(key=_list_order)
    return Library(own.language, tuple(guides))


def _list_order(guide: Guide) -> tuple[int, int, str]:
    return topic_order(guide.topic), reading_position(guide.id), guide.title.casefold()


@cache
def _bundled_library(language: str, roots: tuple[Path, ...]) -> Library:
    files = paths.content_files(("assets", "guides", language), "*.md")
    return _read_library(language, guides_root(), files)


def _read_library(language: str, root: Path, files: list[Path] | None = None) -> Library:
    if files is None:
        folder = root / language
        files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if not files:
        raise UnknownGuideError(
            _("There are no guides in language {language}. Available: {languages}").format(
                language=language, languages=", ".join(languages(root)) or "-"
            )
        )
    guides = [load_guide(path) for path in files]
    guides.sort(key=_list_order)
    return Library(language, tuple(guides))
