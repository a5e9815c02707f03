"""Self-test checks for rights cards and flyers: every script renders, with no missing glyph.

The self-test runs each check in a process of its own and keeps each under 150 MiB. Cutting a
Chinese or Korean font subset is what takes memory, so those languages get checks of their own,
and each Chinese flyer (a subset each) one more. Four in one process reached 157 MiB while
fontTools cut the subsets; since HarfBuzz cuts them, every Chinese and Korean sheet and flyer
together take 67 MiB, so the split is now a margin rather than a need.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.cards.flyer_content import FLYER_IDS
from toolkit.selftest import check

CJK = ("zh-Hans", "ko")


@check("cards")
def cards_in_every_language(data_dir: Path) -> str:
    from toolkit.cards.content import LANGUAGES

    languages = [code for code in LANGUAGES if code not in CJK]
    flyers = [(code, flyer_id) for code in ("en", "ar") for flyer_id in FLYER_IDS]
    return cards_and_flyers(data_dir, languages, flyers)


@check("cards, Chinese and Korean")
def cards_in_chinese_and_korean(data_dir: Path) -> str:
    return cards_and_flyers(data_dir, list(CJK), flyers=[])


def _chinese_flyer_check(flyer_id: str) -> None:
    @check(f"flyer, Chinese: {flyer_id}")
    def one_flyer(data_dir: Path) -> str:
        return cards_and_flyers(data_dir, [], flyers=[("zh-Hans", flyer_id)])


for _flyer_id in FLYER_IDS:
    _chinese_flyer_check(_flyer_id)


def cards_and_flyers(data_dir: Path, languages: list[str], flyers: list[tuple[str, str]]) -> str:
    """Card sheets in ``languages`` and (language, flyer id) flyers, checked for missing glyphs."""
    from toolkit.cards.card_face import Branding
    from toolkit.cards.card_sheet import cards_pdf
    from toolkit.cards.flyer_pdf import EventDetails, FlyerRequest, render_flyer
    from toolkit.pdf.scripts import missing_glyphs

    branding = Branding("Self-test Community Center", "+1 (555) 010-0199", qr=True)
    missing: set[str] = set()
    for code in languages:
        sheet = cards_pdf([code], "letter", "duplex", branding, data_dir=data_dir)
        if sheet.pages != 2 or not sheet.pdf.startswith(b"%PDF"):
            raise RuntimeError(f"the {code} card sheet did not render")
        missing |= {
            f"{code}:{ch}" for p in sheet.pieces for ch in missing_glyphs(p.font, p.logical)
        }
    event = EventDetails("Self-test", "today", "here", "")
    for code, flyer_id in flyers:
        request = FlyerRequest(
            flyer_id, code, "letter", True, branding.org_name, "555", event=event
        )
        rendered = render_flyer(request)
        missing |= {
            f"{code}:{ch}" for p in rendered.pieces for ch in missing_glyphs(p.font, p.logical)
        }
    if missing:
        raise RuntimeError("missing glyphs: " + " ".join(sorted(missing)))
    return f"{len(languages)} card sheets and {len(flyers)} flyers, no missing glyphs"
