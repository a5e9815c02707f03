"""The right recipient or none: a drive prints only the rows whose recipient represents the
sender and holds the office the letter is written for; every other row is reported."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from letters_helpers import SENDER, pdf_text
from pypdf import PdfReader

from toolkit.cli import run
from toolkit.directory.directory import Directory
from toolkit.letters.addressing import manual_recipient
from toolkit.letters.catalog import get_template
from toolkit.letters.compose import compose
from toolkit.letters.drive import NoLettersError, plan_drive, write_drive

DAY = dt.date(2026, 11, 25)
HEADER = [
    "name", "street", "city", "state", "zip", "story", "personal_line", "recipient_id",
    "recipient_name", "recipient_title", "recipient_address", "allow_mismatch",
]  # fmt: skip
TYPED_SENATOR = [
    "",
    "Tammy Duckworth",
    "Senator",
    "524 Hart Senate Office Building|Washington, DC 20510",
]


@pytest.fixture
def directory(data_dir: Path, public_data: Path) -> Path:
    folder = public_data / "directory"
    with Directory(data_dir) as opened:
        opened.import_paths(
            [
                folder / "legislators-current.json",
                folder / "legislators-district-offices.json",
                folder / "zccd.csv",
            ]
        )
    return data_dir


def row(i: int, kind: str) -> list[str]:
    """A resident of one of three states, writing to their own or to someone else's member."""
    who = [f"Resident {i}", f"{i} Main St"]
    story, line = f"Story {i}.", f"My own line {i}."
    empty = ["", "", "", ""]
    table = {
        "il": [*who, "Chicago", "IL", "60608", story, line, "D000563", *empty[1:], ""],
        "al": [*who, "Selma", "AL", "35005", story, line, "S001185", *empty[1:], ""],
        "ca": [*who, "Los Angeles", "CA", "90002", story, line, "W000187", *empty[1:], ""],
        "texan_to_il": [*who, "Dallas", "TX", "75001", story, line, "D000563", *empty[1:], ""],
        "wrong_district": [*who, "Chicago", "IL", "60649", story, line, "D000096", *empty[1:], ""],
        "accepted": [*who, "Chicago", "IL", "60649", story, line, "D000096", *empty[1:], "yes"],
        "typed": [*who, "Chicago", "IL", "60608", story, line, *TYPED_SENATOR, ""],
        "alderperson": [
            *who, "Chicago", "IL", "60608", story, line, "", "Maria Hadden", "Alderperson",
            "121 N LaSalle St|Chicago, IL 60602", "",
        ],
        "zip_in_other_state": [*who, "Chicago", "IL", "35005", story, line, "D000563", *empty],
    }  # fmt: skip
    return table[kind]


KINDS = ["il", "al", "ca", "typed", "il", "al", "ca", "texan_to_il", "wrong_district",
         "accepted", "alderperson", "zip_in_other_state"]  # fmt: skip
REFUSED = {"texan_to_il", "wrong_district", "alderperson", "zip_in_other_state"}


def write_drive_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def test_drive_of_500_prints_only_the_rows_that_should_go_out(
    directory: Path, tmp_path: Path
) -> None:
    kinds = [KINDS[i % len(KINDS)] for i in range(500)]
    source = write_drive_csv(tmp_path / "drive.csv", [row(i, k) for i, k in enumerate(kinds)])
    meta = get_template("federal-dhs-funding")
    plan = plan_drive(meta, source, "en", day=DAY)
    refused = {n + 2 for n, kind in enumerate(kinds) if kind in REFUSED}
    assert {p.row for p in plan.problems} == refused
    assert len(plan.letters) == 500 - len(refused)
    reasons = {p.row: p.reason for p in plan.problems}
    texan = next(n + 2 for n, k in enumerate(kinds) if k == "texan_to_il")
    assert "the sender lives in TX, but Richard J. Durbin represents Illinois" in reasons[texan]
    wrong = next(n + 2 for n, k in enumerate(kinds) if k == "wrong_district")
    assert "ZIP 60649 lies in IL-1, IL-2, not in IL-7" in reasons[wrong]
    assert "allow_mismatch" in reasons[wrong]
    alder = next(n + 2 for n, k in enumerate(kinds) if k == "alderperson")
    assert "written for a member of Congress, but Maria Hadden is not one" in reasons[alder]
    other = next(n + 2 for n, k in enumerate(kinds) if k == "zip_in_other_state")
    assert "ZIP 35005 is not in Illinois" in reasons[other]
    # The accepted mismatch prints, and says so.
    accepted = {n + 2 for n, k in enumerate(kinds) if k == "accepted"}
    assert accepted <= set(plan.rows)
    assert {p.row for p in plan.notes if p.reason.startswith("sent although")} == accepted
    # Sorted by office: senators first, then representatives; one envelope and label each.
    order = [letter.recipient_kind for letter in plan.letters]
    assert order == sorted(order, key=["us_senator", "us_representative"].index)
    out, envelopes, labels, summary = (tmp_path / n for n in ("l.pdf", "e.pdf", "b.pdf", "s.csv"))
    output = write_drive(plan, out, envelopes=envelopes, labels=labels, summary=summary)
    assert len(PdfReader(envelopes).pages) == len(plan.letters)
    assert len(PdfReader(out).pages) == output.pages
    lines = list(csv.DictReader(io.StringIO(summary.read_text(encoding="utf-8-sig"))))
    assert [int(line["row"]) for line in lines] == list(range(2, 502))
    assert set(lines[0]) == {"row", "sender", "recipient", "office", "pages", "problems"}
    by_row = {int(line["row"]): line for line in lines}
    assert by_row[texan]["pages"] == "0" and "not printed" in by_row[texan]["problems"]
    assert by_row[2]["recipient"] == "Senator Richard J. Durbin"
    assert by_row[2]["office"].startswith("District office")
    assert by_row[2]["sender"] == "Resident 0 (Chicago IL)"


def test_every_row_refused_lists_each_problem(directory: Path, tmp_path: Path) -> None:
    source = write_drive_csv(tmp_path / "d.csv", [row(i, "texan_to_il") for i in range(3)])
    plan = plan_drive(get_template("federal-dhs-funding"), source, "en", day=DAY)
    summary = tmp_path / "s.csv"
    with pytest.raises(NoLettersError) as caught:
        write_drive(plan, tmp_path / "l.pdf", summary=summary)
    message = str(caught.value)
    assert message.count("Row ") == 3 and "Row 4: the sender lives in TX" in message
    assert summary.read_text(encoding="utf-8-sig").count("not printed") == 3


def test_personal_line_and_identical_letters(directory: Path, tmp_path: Path) -> None:
    rows = [row(i, "il") for i in range(12)]
    for cells in rows:
        cells[5] = cells[6] = ""  # no story, no line of their own: twelve form letters
    source = write_drive_csv(tmp_path / "d.csv", rows)
    plan = plan_drive(get_template("federal-dhs-funding"), source, "en", day=DAY)
    assert plan.identical == 12
    assert "12 of 12 letters have the same wording" in plan.identical_warning()
    personal = write_drive_csv(tmp_path / "p.csv", [row(i, "il") for i in range(12)])
    plan = plan_drive(get_template("federal-dhs-funding"), personal, "en", day=DAY)
    assert plan.identical == 0 and plan.identical_warning() == ""
    assert "My own line 3." in plan.letters[3].text
    assert plan.letters[3].text.index("My own line 3.") < plan.letters[3].text.index("Sincerely")


def test_letter_command_refuses_a_wrong_district_unless_allowed(
    directory: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["letter", "federal-dhs-funding", "--to", "D000096", "--date", "2026-11-25"]
    fields = [f"--set={k}={v}" for k, v in {**SENDER, "sender_zip": "60649"}.items()]
    assert run([*base, *fields, "--text"]) == 2
    assert "ZIP 60649 lies in IL-1, IL-2, not in IL-7" in capsys.readouterr().err
    assert run([*base, *fields, "--text", "--allow-mismatch"]) == 0
    captured = capsys.readouterr()
    assert "Dear Representative Davis:" in captured.out
    assert "not in IL-7" in captured.err
    ok = [f"--set={k}={v}" for k, v in {**SENDER, "sender_zip": "60608"}.items()]
    assert run([*base, *ok, "--out", str(tmp_path / "ok.pdf")]) == 0
    assert "Davis" in pdf_text((tmp_path / "ok.pdf").read_bytes())


def test_blank_title_is_never_invented() -> None:
    meta = get_template("federal-dhs-funding")
    board = manual_recipient("Board of Commissioners", "", "1 Main St|Town, IL 60000", "congress")
    text = compose(meta, SENDER, board, "en", DAY).text
    assert "Dear Board of Commissioners:" in text
    assert "Representative Commissioners" not in text
    typed = manual_recipient("Jan Schakowsky", "", "1 Main St|Town, IL 60000", "congress")
    assert "Dear Jan Schakowsky:" in compose(meta, SENDER, typed, "en", DAY).text
