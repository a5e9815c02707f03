"""Self-test checks for rights cards and flyers: every script renders, with no missing glyph."""

from __future__ import annotations

from pathlib import Path

from toolkit.selftest import check


@check("cards")
def cards_in_every_language(data_dir: Path) -> str:
    from toolkit.cards.card_face import Branding
    from toolkit.cards.card_sheet import cards_pdf
    from toolkit.cards.content import LANGUAGES
    from toolkit.cards.flyer_content import FLYER_IDS
    from toolkit.cards.flyer_pdf import EventDetails, FlyerRequest, render_flyer
    from toolkit.pdf.scripts import missing_glyphs

    branding = Branding("Self-test Community Center", "+1 (555) 010-0199", qr=True)
    missing: set[str] = set()
    for code in LANGUAGES:
        sheet = cards_pdf([code], "letter", "duplex", branding, data_dir=data_dir)
        if sheet.pages != 2 or not sheet.pdf.startswith(b"%PDF"):
            raise RuntimeError(f"the {code} card sheet did not render")
        missing |= {
            f"{code}:{ch}" for p in sheet.pieces for ch in missing_glyphs(p.font, p.logical)
        }
    event = EventDetails("Self-test", "today", "here", "")
    flyers = 0
    for code in ("en", "ar", "zh-Hans"):
        for flyer_id in FLYER_IDS:
            request = FlyerRequest(
                flyer_id, code, "letter", True, branding.org_name, "555", event=event
            )
            rendered = render_flyer(request)
            missing |= {
                f"{code}:{ch}" for p in rendered.pieces for ch in missing_glyphs(p.font, p.logical)
            }
            flyers += 1
    if missing:
        raise RuntimeError("missing glyphs: " + " ".join(sorted(missing)))
    return f"{len(LANGUAGES)} card sheets and {flyers} flyers, no missing glyphs"
