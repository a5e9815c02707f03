"""The Letters page and its drive say every problem the command line says."""

from __future__ import annotations

from pathlib import Path

from letters_helpers import SENDER
from pytestqt.qtbot import QtBot

from toolkit.gui.context import AppContext
from toolkit.gui.pages.letters_page import LettersPage
from toolkit.settings import Settings


def make_page(qtbot: QtBot, data_dir: Path) -> LettersPage:
    page = LettersPage(AppContext(Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def test_a_letter_for_another_office_asks_before_printing(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page = make_page(qtbot, data_dir)
    page.open_target("federal-dhs-funding")
    page.recipients.set_manual("Maria Hadden", "Alderperson", "121 N LaSalle St\nChicago, IL")
    for name, value in SENDER.items():
        page.form.set_value(name, value)
    asked: list[str] = []
    page.confirm = lambda text: asked.append(text) or False
    assert not page.save_pdf_to(tmp_path / "no.pdf")
    assert "written for a member of Congress, but Maria Hadden is not one" in asked[0]
    assert "may not be yours" in page.message.text()
    page.confirm = lambda text: True
    assert page.save_pdf_to(tmp_path / "yes.pdf")
    page.confirm = lambda text: asked.append(text) or False
    assert page.save_pdf_to(tmp_path / "again.pdf")  # asked once for these recipients
    assert len(asked) == 1


def test_drive_where_every_row_fails_lists_them_and_ends_at_100(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    page = make_page(qtbot, data_dir)
    page.open_target("federal-dhs-funding")
    source = tmp_path / "drive.csv"
    rows = ["name,street,city,state,zip,story,recipient_id"]
    rows += [f"R{i},1 Main,Chicago,IL,6060{i},Hi,X00000{i}" for i in range(3)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.drive.start(source, tmp_path / "out.pdf")
    qtbot.waitUntil(lambda: page.drive.start_button.isEnabled(), timeout=20000)
    qtbot.waitUntil(lambda: not page.drive.is_running(), timeout=5000)
    report = page.drive.report.toPlainText()
    assert "No letters to print: every row has a problem." in report
    for row in (2, 3, 4):
        assert f"Row {row}: Unknown recipient 'X00000{row - 2}'" in report
    assert page.drive.progress.value() == page.drive.progress.maximum()
    assert "book-1" in page.drive.accepted_ids.text()
    assert (tmp_path / "out-summary.csv").read_text(encoding="utf-8-sig").count("not printed") == 3
