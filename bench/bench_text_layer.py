"""The text layer: each document kind made from the same typical content, Latin and mixed scripts.

Run against an older checkout to compare (the entry points used here exist in both):
    PYTHONPATH=/path/to/old/checkout python bench/bench_text_layer.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Figure, median_seconds

MIXED = "Officers came at 7:10. قال الضابط لا تتحرك. Witness 王小明 saw it; Сосед всё видел."
LATIN = "Officers came to the door at 7:10 and asked for my neighbor by name. "


def kinds(text: str) -> dict[str, Callable[[], object]]:
    from toolkit.cards.card_face import Branding
    from toolkit.cards.card_sheet import cards_pdf
    from toolkit.cards.flyer_pdf import FlyerRequest, render_flyer
    from toolkit.guides.guide_pdf import guide_pdf
    from toolkit.guides.loader import load_library
    from toolkit.incidents.record import Incident, Witness
    from toolkit.incidents.recovery_sheet import make_recovery_pdf
    from toolkit.incidents.report_pdf import make_report_pdf
    from toolkit.letters.compose import Letter
    from toolkit.letters.letter_pdf import render_letters
    from toolkit.letters.mailing import envelopes_pdf, labels_pdf
    from toolkit.settings import Settings

    name = text.split(";")[0][-40:]
    record = Incident(
        start_date="2026-11-20",
        what_happened=text * 6,
        witnesses=[Witness(name=name)],
        id="r-1",
        created="2026-11-20T08:00:00+00:00",
    )
    letter = Letter(
        "t", "en", f"Dear Senator,\n\n{text * 4}\n\nSincerely,\n\nAna Ruiz", "Ana Ruiz",
        ("Ana Ruiz", "1200 W Cermak Rd", "Chicago, IL 60608"),
        (name, "230 S Dearborn St", "Chicago, IL 60604"), "k", "Senator",
    )  # fmt: skip
    guide = load_library("en").guides[0]
    return {
        "report": lambda: make_report_pdf(record, []),
        "recovery sheet": lambda: make_recovery_pdf(name, "ABCD-EFGH-IJKL-MNOP", "2026-12-01"),
        "letter": lambda: render_letters([letter]),
        "envelopes (10)": lambda: envelopes_pdf([letter] * 10),
        "labels (30)": lambda: labels_pdf([letter] * 30),
        "guide": lambda: guide_pdf(guide, Settings(org_name=name)),
        "card sheet (en)": lambda: cards_pdf(["en"], branding=Branding(org_name=name[:30])),
        "flyer (en)": lambda: render_flyer(
            FlyerRequest("rights-at-the-door", "en", org_name=name[:30])
        ),
    }


def figures(repeat: int) -> list[Figure]:
    out = []
    for label, text in (("Latin", LATIN), ("mixed scripts", MIXED)):
        for kind, make in kinds(text).items():
            make()  # fonts registered, CJK subset cut and cached: what a second PDF costs
            seconds = median_seconds(make, repeat)
            out.append(Figure(f"text layer: {kind}, {label}", seconds * 1000, "ms"))
    return out


if __name__ == "__main__":
    for figure in figures(5):
        print(figure.row())
