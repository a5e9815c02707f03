"""Every translated item the app ships, with its bundled review status and the center's."""

from __future__ import annotations

from toolkit import paths
from toolkit.guides.model import Review
from toolkit.i18n import DOMAIN, SOURCE_LANGUAGE
from toolkit.translations.status import is_reviewed

# Every interface catalog was drafted by the project team; none is reviewed yet.
CATALOG_REVIEW = Review("unreviewed", "Drafted by the project team; not yet reviewed.")


def interface_catalogs() -> list[str]:
    """Languages with a compiled interface catalog (complete or still being translated)."""
    found = paths.locale_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    return sorted(path.parent.parent.name for path in found)


def _row(kind: str, language: str, item: str, bundled: Review) -> dict[str, str]:
    return {
        "kind": kind,
        "language": language,
        "item": item,
        "bundled_status": bundled.status,
        "note": bundled.note,
        "reviewed_here": "yes"
        if is_reviewed(kind, language, item, Review("unreviewed")) and not bundled.reviewed
        else "no",
    }


def translated_items() -> list[dict[str, str]]:
    """Guides, cards, flyers and interface catalogs in every language but English."""
    from toolkit.cards.content import all_cards
    from toolkit.cards.flyer_content import flyer_languages, load_flyers
    from toolkit.guides.loader import languages, load_library

    rows = []
    for language in languages():
        if language == SOURCE_LANGUAGE:
            continue
        for guide in load_library(language, fallback=False).guides:
            rows.append(_row("guide", language, guide.id, guide.review))
    for card in all_cards():
        if card.code != SOURCE_LANGUAGE:
            rows.append(
                _row("card", card.code, "card", Review(card.review_status, card.review_note))
            )
    for code in flyer_languages():
        if code != SOURCE_LANGUAGE:
            flyer = load_flyers(code)
            rows.append(
                _row("flyer", code, "flyer", Review(flyer.review_status, flyer.review_note))
            )
    for code in interface_catalogs():
        rows.append(_row("interface", code, "catalog", CATALOG_REVIEW))
    return rows
