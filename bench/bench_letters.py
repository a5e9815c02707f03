"""Letters: one letter composed and printed, a 500-letter drive per letter, and LibreOffice."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import Figure, median_seconds

from toolkit.directory.model import US_SENATOR, Office, Recipient
from toolkit.letters.catalog import get_template
from toolkit.letters.compose import Letter, compose
from toolkit.letters.drive import plan_drive, write_drive
from toolkit.letters.letter_pdf import render_letter

DAY = dt.date(2026, 11, 25)
SENATOR = Recipient(
    "D000563", US_SENATOR, "Richard J. Durbin", "Durbin", "Senator", "senate", "IL",
    offices=(Office("Washington", ("711 Hart Senate Office Building", "Washington, DC 20510")),),
)  # fmt: skip
SENDER = {
    "sender_name": "Ana Ruiz",
    "sender_street": "1200 W Cermak Rd",
    "sender_city": "Chicago",
    "sender_state": "IL",
    "sender_zip": "60608",
    "story": "My neighbor was detained outside the school where our children study. " * 3,
}
DRIVE_ROWS = 500


def one_letter() -> Letter:
    return compose(get_template("federal-qi-federal-agents"), SENDER, SENATOR, "en", DAY)


def drive_seconds(folder: Path) -> float:
    source = folder / "drive.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "street", "city", "state", "zip", "story", "recipient_name",
                         "recipient_title", "recipient_address"])  # fmt: skip
        office = "711 Hart Senate Office Building|Washington, DC 20510"
        for i in range(DRIVE_ROWS):
            senator = ["Richard J. Durbin", "Tammy Duckworth"][i % 2]
            writer.writerow([f"Resident {i}", f"{i} Main St", "Chicago", "IL", "60608",
                             SENDER["story"], senator, "Senator", office])  # fmt: skip
    started = time.perf_counter()
    plan = plan_drive(get_template("federal-qi-federal-agents"), source, "en", None,
                      lambda _id: None, DAY)  # fmt: skip
    write_drive(plan, folder / "drive.pdf")
    return time.perf_counter() - started


def libreoffice_figure(letter: Letter, folder: Path) -> Figure:
    name = "letters: LibreOffice .docx to PDF, one letter"
    soffice = shutil.which("soffice")
    if soffice is None:
        return Figure(name, 0.0, "ms", "LibreOffice not installed")
    try:
        import docx  # type: ignore[import-not-found]
    except ImportError:
        return Figure(name, 0.0, "ms", "python-docx not installed: no .docx to convert")
    document = docx.Document()
    for block in letter.text.split("\n\n"):
        document.add_paragraph(block)
    source = folder / "letter.docx"
    document.save(str(source))
    command = [soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder), str(source)]  # fmt: skip
    seconds = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), 3)
    return Figure(name, seconds * 1000, "ms", "what centers use today")


def figures(repeat: int) -> list[Figure]:
    letter = one_letter()
    render_letter(letter)  # fonts registered once, as in a running app
    single = median_seconds(lambda: render_letter(one_letter()), max(repeat, 5))
    with tempfile.TemporaryDirectory() as tmp:
        drive = min(drive_seconds(Path(tmp)) for _ in range(max(1, min(repeat, 3))))
        office = libreoffice_figure(letter, Path(tmp))
    return [
        Figure("letters: one letter composed and printed", single * 1000, "ms"),
        Figure(
            f"letters: {DRIVE_ROWS}-letter drive, per letter",
            drive * 1000 / DRIVE_ROWS,
            "ms",
            "goal: < 10 ms",
        ),
        office,
    ]
