"""Written one-page summaries of the guides: the five things to remember, in each language.

Each language keeps them in ``assets/guides/<lang>/summaries.yaml``::

    language: es
    heading: Cinco cosas para recordar
    guides:
      rights-at-the-door:
        points: [five complete sentences]

The points are written, not extracted from the guide, so each one stands alone and is safe to
follow to the letter. An applied content pack may bring its own file for a language; it then
replaces the bundled one. Any mistake in a file is a ``SummaryError`` naming the file, the guide
and the point, so a content editor can fix it. Points are plain text, not markup.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.errors import UserError
from toolkit.yamlio import YAMLError, load_yaml

FILE_NAME = "summaries.yaml"
POINTS = 5
MAX_POINT_CHARS = 220
MAX_HEADING_CHARS = 60
FALLBACK_LANGUAGE = "en"
KNOWN_KEYS = frozenset({"language", "heading", "guides"})
GUIDE_KEYS = frozenset({"points"})
# A point is one or two complete sentences: it ends with a full stop in its own script
# (Latin, CJK, Arabic and Urdu-style), which may be followed by a closing quotation mark.
SENTENCE_ENDS = ".!?。！？۔؟"
CLOSING_MARKS = "\"'”’»)）」』"
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
GUIDE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

__all__ = [
    "FILE_NAME",
    "MAX_POINT_CHARS",
    "POINTS",
    "Summary",
    "SummaryError",
    "ends_as_sentence",
    "guide_ids",
    "load_summaries",
    "load_summary",
    "parse_summaries",
    "read_summaries",
    "summary_file",
]


class SummaryError(UserError):
    """A summaries file is unreadable or malformed; the message names the file and the place."""


@dataclass(frozen=True)
class Summary:
    """The one-page summary of one guide in one language."""

    guide_id: str
    language: str
    heading: str
    points: tuple[str, ...]


def ends_as_sentence(point: str) -> bool:
    """True when ``point`` ends with a full stop (``.`` ``?`` ``!`` ``。`` ``۔`` ``؟``…),
    optionally followed by closing quotation marks."""
    stripped = point.rstrip().rstrip(CLOSING_MARKS).rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS


def _check_language(language: str) -> str:
    if not LANGUAGE_CODE.match(language):
        raise SummaryError(f'"{language}" is not a language code (for example "es" or "zh-Hans").')
    return language


def summary_file(language: str) -> Path:
    """The summaries file for ``language``: the applied content pack's if it has one."""
    return paths.content_path("assets", "guides", _check_language(language), FILE_NAME)


def guide_ids(language: str) -> frozenset[str]:
    """The ids of the guide files in ``language`` (content pack and bundled), unparsed."""
    files = paths.content_files(("assets", "guides", _check_language(language)), "*.md")
    return frozenset(path.stem for path in files)


def _fail(path: Path, problem: str) -> SummaryError:
    return SummaryError(f"Summaries file {path.parent.name}/{path.name}: {problem}")


def _points(path: Path, guide_id: str, entry: Any) -> tuple[str, ...]:
    if not isinstance(entry, dict) or set(entry) != GUIDE_KEYS:
        raise _fail(path, f'guide "{guide_id}" must hold exactly one field, "points".')
    value = entry["points"]
    if not isinstance(value, list) or len(value) != POINTS:
        raise _fail(path, f'guide "{guide_id}" must have exactly {POINTS} points.')
    points: list[str] = []
    for number, point in enumerate(value, start=1):
        where = f'guide "{guide_id}", point {number}'
        if not isinstance(point, str) or not point.strip():
            raise _fail(path, f"{where} must be non-empty text.")
        text = " ".join(point.split())
        if len(text) > MAX_POINT_CHARS:
            raise _fail(
                path,
                f"{where} has {len(text)} characters; keep it to {MAX_POINT_CHARS} or fewer.",
            )
        if not ends_as_sentence(text):
            raise _fail(path, f"{where} must end a complete sentence (with a full stop).")
        points.append(text)
    return tuple(points)


def parse_summaries(path: Path, text: str, known_ids: Collection[str]) -> dict[str, Summary]:
    """Every summary in a file's text, by guide id; ``path`` names the file in errors and its
    folder is the language; ``known_ids`` are the guides a summary may be written for."""
    try:
        data = load_yaml(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise _fail(path, f"it is not valid YAML (line {line}).") from None
    if not isinstance(data, dict):
        raise _fail(path, 'it must hold "language", "heading" and "guides".')
    unknown = sorted(map(str, set(data) - KNOWN_KEYS))
    if unknown:
        raise _fail(path, f"unknown field {', '.join(unknown)}.")
    language = data.get("language")
    if language != path.parent.name:
        raise _fail(path, f'"language" must match the folder name ({path.parent.name}).')
    heading = data.get("heading")
    if not isinstance(heading, str) or not heading.strip():
        raise _fail(path, '"heading" must be non-empty text.')
    heading = " ".join(heading.split())
    if len(heading) > MAX_HEADING_CHARS or "\n" in heading:
        raise _fail(path, f'"heading" must be one line of at most {MAX_HEADING_CHARS} characters.')
    guides = data.get("guides")
    if not isinstance(guides, dict) or not guides:
        raise _fail(path, '"guides" must list guide ids, each with its "points".')
    summaries: dict[str, Summary] = {}
    for guide_id, entry in guides.items():
        if not isinstance(guide_id, str) or not GUIDE_ID.match(guide_id):
            raise _fail(path, f'"{guide_id}" is not a guide id.')
        if guide_id not in known_ids:
            raise _fail(path, f'there is no guide "{guide_id}" in {language} or in English.')
        summaries[guide_id] = Summary(guide_id, language, heading, _points(path, guide_id, entry))
    return summaries


def read_summaries(path: Path, known_ids: Collection[str] | None = None) -> dict[str, Summary]:
    """The summaries in the file at ``path`` (its folder names the language)."""
    language = _check_language(path.parent.name)
    if known_ids is None:
        known_ids = guide_ids(language) | guide_ids(FALLBACK_LANGUAGE)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"it could not be read ({type(exc).__name__}).") from exc
    return parse_summaries(path, text, known_ids)


def load_summaries(language: str) -> dict[str, Summary]:
    """Every summary written in ``language``, by guide id; empty when it has no file.

    Read once per process and content pack (applying or rolling back a pack reads again).
    """
    return dict(_cached(_check_language(language), paths.content_roots()))


@cache
def _cached(language: str, roots: tuple[Path, ...]) -> dict[str, Summary]:
    path = summary_file(language)
    if not path.is_file():
        return {}
    return read_summaries(path)


def load_summary(guide_id: str, language: str) -> Summary | None:
    """The written summary of ``guide_id`` in ``language``, or None when there is none.

    Pass the language of the guide being printed (``guide.language``): an English guide
    standing in for a missing translation then gets the English summary.
    """
    return load_summaries(language).get(guide_id)
