"""The Letters page: fill a letter, edit its text, save it; a drive runs in the background."""

from __future__ import annotations

from pathlib import Path

from letters_helpers import SENDER, pdf_text
from pytestqt.qtbot import QtBot

from toolkit.gui.context import AppContext
from toolkit.gui.pages.letters_page import LettersPage
from toolkit.settings import Settings


def make_page(qtbot: QtBot, data_dir: Path) -> LettersPage:
    page = LettersPage(AppContext(Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def fill(page: LettersPage) -> None:
    page.open_target("city-sanctuary")
    page.recipients.set_manual("Maria Hadden", "Councilmember", "121 N LaSalle St\nChicago, IL")
    for name, value in {**SENDER, "city_name": "Chicago"}.items():
        page.form.set_value(name, value)


def test_fill_edit_and_save_a_letter(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page = make_page(qtbot, data_dir)
    fill(page)
    assert page.chooser.current_id() == "city-sanctuary"
    page.form.set_value("sender_zip", "abc")
    assert page.form.errors["sender_zip"].text()
    page.form.set_value("sender_zip", "60608")
    assert page.form.errors["sender_zip"].text() == ""
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=5000)
    assert page.preview.page_count() == 1
    edited = page.final.editor.toPlainText().replace("Sincerely,", "With gratitude,")
    page.final.editor.setPlainText(edited)
    out = tmp_path / "letter.pdf"
    assert page.save_pdf_to(out)
    text = pdf_text(out.read_bytes())
    assert "Dear Councilmember Hadden:" in text and SENDER["story"] in text
    assert "With gratitude," in text and "Ana Ruiz" in text
    assert "With gratitude," in page.copy_text()


def test_missing_field_blocks_saving(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page = make_page(qtbot, data_dir)
    fill(page)
    page.form.set_value("sender_name", "")
    assert not page.save_pdf_to(tmp_path / "no.pdf")
    assert "sender_name" in page.message.text()
    assert not (tmp_path / "no.pdf").exists()


def test_drive_runs_in_the_background(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page = make_page(qtbot, data_dir)
    page.open_target("blank")
    source = tmp_path / "drive.csv"
    rows = ["name,street,city,state,zip,story,body,recipient_name,recipient_address"]
    rows += [f"R{i},1 Main,Chicago,IL,60608,,Hello {i},Jan Doe,1 Rd|Town" for i in range(5)]
    rows.append("Bad,1 Main,Chicago,IL,60608,,,Jan Doe,1 Rd|Town")
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.drive.envelopes.setChecked(True)
    page.drive.start(source, tmp_path / "out.pdf")
    qtbot.waitUntil(lambda: page.drive.start_button.isEnabled(), timeout=20000)
    qtbot.waitUntil(lambda: not page.drive.is_running(), timeout=5000)
    report = page.drive.report.toPlainText()
    assert "Letters: 5." in report and "Row 7" in report
    assert (tmp_path / "out-envelopes.pdf").is_file()
    assert page.drive.progress.value() == page.drive.progress.maximum()
