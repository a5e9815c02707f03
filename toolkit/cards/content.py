"""Rights card wording per language: the bundled text, a center's own edits, review status.

Bundled text lives in ``assets/cards/<code>.yaml``. A center's edited wording is saved as
``cards/<code>.yaml`` in the data folder and used instead, until it is restored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from toolkit import content_dates, display_names, paths
from toolkit.atomic import write_atomic
from toolkit.content_dates import ContentDates, Source
from toolkit.content_pack.origin import origin_label, pack_version_for
from toolkit.errors import UserError
from toolkit.i18n import _, current_language
from toolkit.pdf.markup import clean_text
from toolkit.yamlio import load_yaml

LANGUAGES = ("en", "es", "zh-Hans", "vi", "ko", "tl", "ar", "ht", "pt", "fr", "ru", "fa")
POINTS = 5
# Edited wording is checked against these before it is saved (the card is small).
MAX_TITLE = 60
MAX_POINT = 200
MAX_LABEL = 30


class CardContentError(UserError):
    """Card wording that is missing, malformed or cannot be used."""


@dataclass
class CardText:
    code: str
    name: str
    english_name: str
    direction: str
    review_status: str
    review_note: str
    title: str
    points: list[str]
    hotline_label: str
    # The bundled file's dates and sources (a center's edited wording keeps them).
    dates: ContentDates
    sources: tuple[Source, ...] = ()
    custom: bool = False
    # The content pack version the wording comes from; None: the bundled text.
    content_pack: str | None = None

    @property
    def reviewed(self) -> bool:
        return self.review_status == "reviewed"

    def content_origin(self, language: str | None = None) -> str:
        """ "Content: bundled" or "Content pack 2026.12.2", in ``language`` (default: the
        interface language); a card prints it in its own language: ``content_origin(code)``."""
        return origin_label(self.content_pack, language)

    @property
    def label(self) -> str:
        """How the language is listed: its own name, then its name in the interface language."""
        shown = display_names.shown(self.english_name)
        if self.code == current_language() or self.name.casefold() == shown.casefold():
            return self.name
        return f"{self.name} ({shown})"

    def all_text(self) -> str:
        return "\n".join([self.title, *self.points, self.hotline_label])


@dataclass
class BackText:
    title: str
    lines: list[str]


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CardContentError(
            _("The card file {path} could not be read ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    return _parse_yaml(text, path)


def _parse_yaml(text: str, path: Path) -> dict[str, Any]:
    try:
        raw = load_yaml(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise CardContentError(
            _("The card file {path} could not be read ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    if not isinstance(raw, dict):
        raise CardContentError(
            _("The card file {path} is not in the expected form.").format(path=path)
        )
    return raw


def check_code(code: str) -> str:
    if code not in LANGUAGES:
        raise CardContentError(
            _("There is no rights card in the language {code}. Available: {codes}.").format(
                code=code, codes=", ".join(LANGUAGES)
            )
        )
    return code


def custom_path(code: str, data_dir: Path | None = None) -> Path:
    return (data_dir or paths.data_dir()) / "cards" / f"{code}.yaml"


def _dates_and_sources(raw: dict[str, Any], path: Path) -> tuple[ContentDates, tuple[Source, ...]]:
    def fail(problem: str) -> CardContentError:
        return CardContentError(
            _("The card file {path}: {problem}").format(path=path, problem=problem)
        )

    dates = content_dates.read_dates(raw, fail)
    return dates, content_dates.read_sources(raw.get("sources"), fail)


def _card_from(raw: dict[str, Any], path: Path, bundled: CardText | None = None) -> CardText:
    """A card from a file's data; a center's edited wording (``bundled`` given) keeps the
    bundled card's names, direction, review status, dates and sources."""
    if bundled is None:
        dates, sources = _dates_and_sources(raw, path)
        pack = pack_version_for(path)
    else:
        dates, sources, pack = bundled.dates, bundled.sources, bundled.content_pack
    try:
        front = raw["front"]
        review = raw.get("review") or {}
        points = [clean_text(str(p)).strip() for p in front["points"]]
        card = CardText(
            code=str(raw["code"]),
            name=str(raw.get("name", raw["code"])),
            english_name=str(raw.get("english_name", raw.get("name", raw["code"]))),
            direction=str(raw.get("direction", "ltr")),
            review_status=str(review.get("status", "unreviewed")),
            review_note=str(review.get("note", "")),
            title=clean_text(str(front["title"])).strip(),
            points=points,
            hotline_label=clean_text(str(front["hotline_label"])).strip(),
            dates=dates,
            sources=sources,
            custom=bundled is not None,
            content_pack=pack,
        )
    except (KeyError, TypeError) as exc:
        raise CardContentError(
            _("The card file {path} is missing the field {field}.").format(path=path, field=exc)
        ) from exc
    validate(card)
    return card


def validate(card: CardText) -> None:
    """Raise a clear error for wording that cannot make a card."""
    if not card.title:
        raise CardContentError(_("The card title cannot be empty."))
    if len(card.points) != POINTS or any(not p for p in card.points):
        raise CardContentError(_("A card needs exactly {n} points, none empty.").format(n=POINTS))
    if len(card.title) > MAX_TITLE:
        raise CardContentError(
            _("The card title can be at most {n} characters.").format(n=MAX_TITLE)
        )
    for number, point in enumerate(card.points, start=1):
        if len(point) > MAX_POINT:
            raise CardContentError(
                _("Point {number} can be at most {n} characters.").format(
                    number=number, n=MAX_POINT
                )
            )
    if not card.hotline_label or len(card.hotline_label) > MAX_LABEL:
        raise CardContentError(
            _("The hotline label must have 1 to {n} characters.").format(n=MAX_LABEL)
        )


def original_card(code: str) -> CardText:
    # From the applied content pack if it holds this language, else bundled.
    return read_card_file(paths.content_path("assets", "cards", f"{check_code(code)}.yaml"))


def read_card_file(path: Path) -> CardText:
    """A bundled card file, checked; any problem is a ``CardContentError`` naming it."""
    return _card_from(_read_yaml(path), path)


def check_card_text(text: str, path: Path) -> None:
    """A card file's text (from a content pack) must make a card: raises CardContentError.
    The English file also holds the back of every card, so it is checked too."""
    raw = _parse_yaml(text, path)
    _card_from(raw, path)
    if path.stem == "en":
        _back_from(raw, path)


def load_card(code: str, data_dir: Path | None = None) -> CardText:
    """The card a center prints: its saved wording if any, else the bundled text."""
    path = custom_path(check_code(code), data_dir)
    if path.is_file():
        original = original_card(code)
        card = _card_from({**_read_yaml(path), "code": code}, path, original)
        # Review status describes the bundled translation; names never change.
        card.name, card.english_name = original.name, original.english_name
        card.direction = original.direction
        card.review_status, card.review_note = original.review_status, original.review_note
        return card
    return original_card(code)


def all_cards(data_dir: Path | None = None) -> list[CardText]:
    return [load_card(code, data_dir) for code in LANGUAGES]


def save_custom(card: CardText, data_dir: Path | None = None) -> Path:
    """Keep a center's own wording for this language."""
    validate(card)
    data = {
        "code": card.code,
        "front": {
            "title": card.title,
            "points": list(card.points),
            "hotline_label": card.hotline_label,
        },
    }
    path = custom_path(card.code, data_dir)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    write_atomic(path, text.encode("utf-8"))
    return path


def restore_original(code: str, data_dir: Path | None = None) -> bool:
    """Drop the center's wording; returns whether there was any."""
    path = custom_path(check_code(code), data_dir)
    if not path.is_file():
        return False
    path.unlink()
    return True


def back_text() -> BackText:
    """The English statement printed on every card's back."""
    path = paths.content_path("assets", "cards", "en.yaml")
    return _back_from(_read_yaml(path), path)


def _back_from(raw: dict[str, Any], path: Path) -> BackText:
    try:
        back = raw["back"]
        return BackText(clean_text(str(back["title"])), [clean_text(str(x)) for x in back["lines"]])
    except (KeyError, TypeError) as exc:
        raise CardContentError(
            _("The card file {path} is missing the field {field}.").format(path=path, field=exc)
        ) from exc
