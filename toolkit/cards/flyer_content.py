"""Flyer wording per language, read from ``assets/flyers/<code>.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from toolkit import content_dates, paths
from toolkit.cards.content import LANGUAGES, CardContentError, check_code
from toolkit.content_dates import ContentDates, Source
from toolkit.content_pack.origin import origin_label, pack_version_for
from toolkit.i18n import N_, _
from toolkit.pdf.markup import clean_text
from toolkit.yamlio import load_yaml

FLYER_IDS = ("rights-at-the-door", "document-encounter", "qualified-immunity", "event")
FLYER_NAMES = {
    "rights-at-the-door": N_("Your rights at the door"),
    "document-encounter": N_("If you see an encounter: document it safely"),
    "qualified-immunity": N_("What qualified immunity means"),
    "event": N_("Your center's event"),
}
EVENT_FIELDS = ("date", "place", "bring", "organized_by", "free")


@dataclass
class Section:
    heading: str
    points: list[str]


@dataclass
class FlyerText:
    title: str
    intro: str
    sections: list[Section]


@dataclass
class FlyerLanguage:
    code: str
    direction: str
    review_status: str
    review_note: str
    dates: ContentDates
    not_legal_advice: str
    hotline: str
    tear_off: str
    flyers: dict[str, FlyerText] = field(default_factory=dict)
    event_labels: dict[str, str] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    # The content pack version the wording comes from; None: the bundled text.
    content_pack: str | None = None

    @property
    def reviewed(self) -> bool:
        return self.review_status == "reviewed"

    def content_origin(self, language: str | None = None) -> str:
        """ "Content: bundled" or "Content pack 2026.12.2", in ``language`` (default: the
        interface language); a flyer prints it in its own: ``content_origin(code)``."""
        return origin_label(self.content_pack, language)


def check_flyer(flyer_id: str) -> str:
    if flyer_id not in FLYER_IDS:
        raise CardContentError(
            _("There is no flyer called {name}. Available: {names}.").format(
                name=flyer_id, names=", ".join(FLYER_IDS)
            )
        )
    return flyer_id


def _text(value: Any) -> str:
    return clean_text(str(value)).strip()


def _failure(path: Path) -> content_dates.Fail:
    def fail(problem: str) -> CardContentError:
        return CardContentError(
            _("The flyer file {path}: {problem}").format(path=path, problem=problem)
        )

    return fail


def _dates(raw: dict[str, Any], path: Path) -> ContentDates:
    return content_dates.read_dates(raw, _failure(path))


def _sources(raw: dict[str, Any], path: Path) -> tuple[Source, ...]:
    return content_dates.read_sources(raw.get("sources"), _failure(path))


def load_flyers(code: str) -> FlyerLanguage:
    """One language's flyers, from the applied content pack if it holds them, else bundled."""
    return _load_flyers(check_code(code), paths.content_roots())


@cache
def _load_flyers(code: str, roots: tuple[Path, ...]) -> FlyerLanguage:
    return read_flyer_file(paths.content_path("assets", "flyers", f"{code}.yaml"), code)


def read_flyer_file(path: Path, code: str) -> FlyerLanguage:
    """One language's flyer file, checked; any problem is a ``CardContentError`` naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise CardContentError(
            _("The flyer file {path} could not be read ({reason}).").format(
                path=path, reason=f"{type(exc).__name__}: {exc}"
            )
        ) from exc
    return parse_flyer_text(text, path, code)


def parse_flyer_text(text: str, path: Path, code: str) -> FlyerLanguage:
    """A flyer file's text (``path`` names it), checked: any problem is a CardContentError."""
    try:
        raw = load_yaml(text)
        review = raw.get("review") or {}
        common = raw["common"]
        language = FlyerLanguage(
            code=code,
            direction=str(raw.get("direction", "ltr")),
            review_status=str(review.get("status", "unreviewed")),
            review_note=str(review.get("note", "")),
            dates=_dates(raw, path),
            not_legal_advice=_text(common["not_legal_advice"]),
            hotline=_text(common["hotline"]),
            tear_off=_text(common["tear_off"]),
            sources=_sources(raw, path),
            content_pack=pack_version_for(path),
        )
        for flyer_id, body in raw["flyers"].items():
            if flyer_id == "event":
                language.event_labels = {k: _text(body[k]) for k in EVENT_FIELDS}
                continue
            sections = [
                Section(_text(s["heading"]), [_text(p) for p in s["points"]])
                for s in body["sections"]
            ]
            language.flyers[flyer_id] = FlyerText(
                _text(body["title"]), _text(body["intro"]), sections
            )
    except (OSError, ValueError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise CardContentError(
            _("The flyer file {path} could not be read ({reason}).").format(
                path=path, reason=f"{type(exc).__name__}: {exc}"
            )
        ) from exc
    return language


def flyer_languages() -> list[str]:
    return [
        code
        for code in LANGUAGES
        if paths.content_path("assets", "flyers", f"{code}.yaml").is_file()
    ]
