"""Letter-writing drives: CSV encodings and columns, bad rows reported, order by recipient."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from letters_helpers import SENATOR, page_sizes, pdf_text

from toolkit.directory.model import Recipient
from toolkit.letters.catalog import get_template
from toolkit.letters.drive import plan_drive, write_drive
from toolkit.letters.drive_csv import DriveFileError
from toolkit.letters.letter_pdf import CancelledError

DAY = dt.date(2026, 11, 25)
HEADER = ["name", "street", "city", "state", "zip", "story", "recipient_id"]


def lookup(recipient_id: str) -> Recipient | None:
    return SENATOR if recipient_id == SENATOR.id else None


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


def resident(i: int) -> list[str]:
    return [f"Resident {i}", f"{i} Main St", "Chicago", "IL", "60608", f"Story {i}.", SENATOR.id]


def test_drive_of_500_rows_reports_bad_rows_and_prints_the_rest(tmp_path: Path) -> None:
    rows = [HEADER] + [resident(i) for i in range(500)]
    rows[10][4] = ""  # row 11: no ZIP
    rows[20][6] = "X999999"  # row 21: unknown recipient
    rows[30][5] = "y" * 2000  # row 31: story too long
    rows[40] = ["Manual Person", "9 Elm", "Chicago", "IL", "60608", "Hi.", ""]  # row 41
    source = write_csv(tmp_path / "drive.csv", rows)
    meta = get_template("federal-dhs-funding")
    default = Recipient(
        id="manual",
        kind="us_representative",
        full_name="Chuy García",
        last_name="García",
        title="Representative",
    )
    plan = plan_drive(meta, source, "en", default, lookup, DAY)
    assert [(p.row, p.reason.split(" ")[0]) for p in plan.problems] == [
        (11, "ZIP"),
        (21, "Unknown"),
        (31, "Your"),
    ]
    assert len(plan.letters) == 497
    # Bundled by recipient: the default recipient's letter is not mixed into the senator's.
    labels = [letter.recipient_label for letter in plan.letters]
    assert labels.count("Representative Chuy García") == 1
    assert labels == sorted(labels, key=labels.index)
    out = tmp_path / "all.pdf"
    seen: list[int] = []
    result = write_drive(
        plan,
        out,
        "letter",
        tmp_path / "env.pdf",
        tmp_path / "labels.pdf",
        progress=lambda done, total: seen.append(done),
    )
    assert result.letters == 497 and result.pages == 497 and seen[-1] == 497
    assert len(page_sizes(out.read_bytes())) == 497
    assert len(page_sizes((tmp_path / "labels.pdf").read_bytes())) == 17


def test_bom_and_latin1_files_read_the_same(tmp_path: Path) -> None:
    rows = [HEADER, ["José Peña", "1 Calle Ñandú", "Chicago", "IL", "60608", "Señora", SENATOR.id]]
    meta = get_template("federal-dhs-funding")
    for encoding in ("utf-8-sig", "latin-1"):
        source = write_csv(tmp_path / f"{encoding}.csv", rows, encoding)
        plan = plan_drive(meta, source, "es", None, lookup, DAY)
        assert plan.problems == []
        assert "José Peña\n1 Calle Ñandú" in plan.letters[0].text


def test_wrong_columns_are_named(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "bad.csv", [["name", "adress", "city", "zip", "story"]])
    with pytest.raises(DriveFileError) as caught:
        plan_drive(get_template("blank"), source, "en", None, lookup, DAY)
    message = str(caught.value)
    assert "bad.csv" in message and "street" in message and "state" in message
    assert "adress" in message and "body" in message


def test_one_file_per_letter_and_cancel(tmp_path: Path) -> None:
    rows = [HEADER] + [resident(i) for i in range(3)]
    meta = get_template("federal-dhs-funding")
    plan = plan_drive(meta, write_csv(tmp_path / "d.csv", rows), "en", None, lookup, DAY)
    result = write_drive(plan, tmp_path / "letters", "a4")
    names = sorted(p.name for p in (tmp_path / "letters").iterdir())
    assert len(names) == 3 and names[0].startswith("0001-senator-richard-j-durbin-row2")
    assert "Resident 0" in pdf_text(result.files[0].read_bytes())
    with pytest.raises(CancelledError):
        write_drive(plan, tmp_path / "c.pdf", cancelled=lambda: True)
    assert not (tmp_path / "c.pdf").exists()
