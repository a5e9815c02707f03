"""Self-test for letters: every template composed and printed in each language, and a drive."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from toolkit.directory.model import CITY_COUNCIL, STATE_UPPER, US_SENATOR, Office, Recipient
from toolkit.letters.catalog import TemplateMeta, list_templates
from toolkit.selftest import check

SENDER = {
    "sender_name": "Selftest Resident",
    "sender_street": "1 Main St",
    "sender_city": "Springfield",
    "sender_state": "IL",
    "sender_zip": "62701",
    "story": "A story <with> markup & more.",
}
EXTRA = {"city_name": "Springfield", "agenda_item": "", "bill_number": "SB 1", "body": "Hello."}
OFFICE = (Office("Office", ("1 Capitol Ave", "Springfield, IL 62701")),)
RECIPIENTS = {
    "federal": Recipient("S1", US_SENATOR, "Pat Example", "Example", "Senator", "senate",
                         offices=OFFICE),
    "state": Recipient("S2", STATE_UPPER, "Lee Example", "Example", "Senator", "upper",
                       offices=OFFICE),
    "city": Recipient("B1", CITY_COUNCIL, "", "", offices=OFFICE),
}  # fmt: skip


def _read_text(pdf: bytes) -> str | None:
    """The PDF's text, or None where pypdf is not bundled (then only its frame is checked)."""
    if not (pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")):
        raise AssertionError("a letter PDF is incomplete")
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _values(meta: TemplateMeta) -> dict[str, str]:
    return {**SENDER, **{f.name: EXTRA.get(f.name, "x") for f in meta.fields}}


@check("letters")
def letters_check(data_dir: Path) -> str:
    from toolkit.letters.compose import compose
    from toolkit.letters.letter_pdf import render_letter

    day = dt.date(2026, 11, 25)
    count = 0
    for meta in list_templates():
        recipient = RECIPIENTS.get(meta.level, RECIPIENTS["federal"])
        for language in meta.languages:
            letter = compose(meta, _values(meta), recipient, language, day)
            text = _read_text(render_letter(letter).pdf)
            if text is None:
                count += 1
                continue
            greeting = letter.text.split("\n\n")[3]
            for expected in ("Selftest Resident", greeting):
                if expected not in text:
                    raise AssertionError(f"{meta.id} ({language}): {expected!r} not in the PDF")
            count += 1
    return f"{count} letters printed; {_drive(data_dir, day)}"


def _drive(data_dir: Path, day: dt.date) -> str:
    from toolkit.letters.catalog import get_template
    from toolkit.letters.drive import plan_drive, write_drive

    source = data_dir / "drive.csv"
    rows = ["name,street,city,state,zip,story,recipient_name,recipient_title,recipient_address"]
    rows += [f"R {i},1 Main,Springfield,IL,62701,Story {i},Pat Example,Senator,1 Ave|City"
             for i in range(4)]  # fmt: skip
    rows.append("Bad row,,Springfield,IL,62701,,Pat Example,Senator,1 Ave|City")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plan = plan_drive(get_template("federal-dhs-funding"), source, "en", None, lambda _i: None,
                      day)  # fmt: skip
    output = write_drive(plan, data_dir / "drive.pdf", envelopes=data_dir / "env.pdf")
    if output.letters != 4 or [p.row for p in plan.problems] != [6]:
        raise AssertionError(f"drive: {output.letters} letters, problems {plan.problems}")
    return "a 5-row drive gave 4 letters and reported row 6"
