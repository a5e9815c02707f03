"""Rights cards and flyers: a 10-card duplex sheet in each language, and a flyer."""

from __future__ import annotations

import time

from common import Figure, median_seconds

from toolkit.cards.card_face import Branding
from toolkit.cards.card_sheet import cards_pdf
from toolkit.cards.content import LANGUAGES
from toolkit.cards.flyer_pdf import FlyerRequest, render_flyer

BRANDING = Branding("Eastside Community Center", "+1 (555) 010-0199", qr=True)


def figures(repeat: int) -> list[Figure]:
    started = time.perf_counter()
    for code in LANGUAGES:  # fonts and CJK subsets load once per process
        cards_pdf([code], "letter", "duplex", BRANDING)
    first = time.perf_counter() - started
    result = [Figure("cards: first sheet of every language (fonts loading)", first * 1000, "ms")]
    for code in LANGUAGES:
        seconds = median_seconds(
            lambda c=code: cards_pdf([c], "letter", "duplex", BRANDING), repeat
        )
        result.append(
            Figure(f"cards: 10-card duplex sheet, {code}", seconds * 1000, "ms", "goal: < 150 ms")
        )
    for code in ("en", "ar", "zh-Hans"):
        request = FlyerRequest("rights-at-the-door", code, "letter", True, BRANDING.org_name, "555")
        render_flyer(request)
        seconds = median_seconds(lambda r=request: render_flyer(r), repeat)
        result.append(
            Figure(f"flyer: rights at the door with tear-off, {code}", seconds * 1000, "ms")
        )
    return result
