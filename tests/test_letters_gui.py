"""The Letters page: fill a letter, edit its text, save it; a drive runs in the background."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from letters_helpers import SENDER, pdf_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_helpers import seen_bottom, show_page

from tests.letters_gui_helpers import window_at_letter
from toolkit.gui.app import create_main_window
from toolkit.gui.context import AppContext
from toolkit.gui.pages.letters_page import DRIVE_TAB, STEP_DETAILS, STEP_PRINT, STEP_TO, LettersPage
from toolkit.gui.style import apply_style
from toolkit.settings import LoadResult, Settings

# A 1024-pixel-wide window less the navigation column.
PAGE_WIDTH_AT_1024 = 1024 - 240


def make_page(qtbot: QtBot, data_dir: Path) -> LettersPage:
    page = LettersPage(AppContext(Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def leave_field(page: LettersPage, name: str) -> None:
    """What Qt sends when the person tabs or clicks out of a field."""
    event = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
    QApplication.sendEvent(page.form.editors[name], event)


@pytest.fixture(params=[False, True], ids=["normal", "large-text"])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    font, sheet = qapp.font(), qapp.styleSheet()
    apply_style(qapp, request.param)
    yield request.param
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


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
    leave_field(page, "sender_zip")
    assert page.form.errors["sender_zip"].text() == (
        "ZIP code must be a 5-digit ZIP code, like 60601 or 60601-1234."
    )
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
    assert page.steps.currentIndex() == STEP_DETAILS
    assert page.step_buttons.message.text() == "Please check: Your full name."
    assert page.form.errors["sender_name"].text() == "Your full name is required."
    assert page.form.editors["sender_name"].styleSheet()
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


def test_every_step_is_visible_at_1024_pixels(
    qtbot: QtBot, data_dir: Path, text_size: bool
) -> None:
    page = make_page(qtbot, data_dir)
    assert page.minimumSizeHint().width() <= PAGE_WIDTH_AT_1024
    page.resize(PAGE_WIDTH_AT_1024, 700)
    page.show()
    qtbot.waitExposed(page)
    row = page.step_row  # the steps as buttons that wrap, never cut off
    for index, button in enumerate(row.buttons):
        assert button.mapTo(page, button.rect().bottomRight()).x() <= page.width()
        assert button.text() == page.steps.tabText(index)


@pytest.mark.parametrize("width", [PAGE_WIDTH_AT_1024, 560, 1200])
def test_the_preview_stays_readable_beside_or_below_the_steps(
    qtbot: QtBot, data_dir: Path, text_size: bool, width: int
) -> None:
    page = make_page(qtbot, data_dir)
    page.resize(width, 900)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    preview = page.preview
    assert preview.hint_shown()
    # Never squeezed to a sliver with one word per line: at least 16 average characters wide.
    assert preview.width() >= preview.fontMetrics().averageCharWidth() * 16
    side_by_side = page.splitter.orientation() == Qt.Orientation.Horizontal
    assert side_by_side == (page.splitter.width() >= page.splitter.side_by_side_width())
    if side_by_side:
        assert preview.mapTo(page, preview.rect().topLeft()).x() > page.steps.width()
    else:
        assert preview.mapTo(page, preview.rect().topLeft()).y() > page.steps.height()
    assert preview.height() >= 200
    if width == 1200:
        assert side_by_side


def test_no_problems_shown_before_the_person_types(qtbot: QtBot, data_dir: Path) -> None:
    page = make_page(qtbot, data_dir)
    page.refresh()
    assert not any(label.text() for label in page.form.errors.values())
    assert page.message.text() == ""
    assert page.preview.hint_shown()
    assert "step 2" in page.preview.hint.text()
    page.recipients.set_manual("Jan Doe", "", "1 Main St\nTown, IL")
    page.refresh()
    assert page.preview.hint.text() == (
        "Fill in your name and address in step 3. Then your letter appears here."
    )
    leave_field(page, "sender_name")
    assert page.form.errors["sender_name"].text() == "Your full name is required."
    assert page.form.errors["sender_street"].text() == ""
    page.form.set_value("sender_name", "Ana Ruiz")
    assert page.form.errors["sender_name"].text() == ""


def test_next_and_back_walk_through_the_steps(qtbot: QtBot, data_dir: Path) -> None:
    page = make_page(qtbot, data_dir)
    page.open_target("city-sanctuary")
    buttons = page.step_buttons
    assert buttons.back_button.isHidden() and not buttons.next_button.isHidden()
    qtbot.mouseClick(buttons.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_TO
    qtbot.mouseClick(buttons.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_TO, "no recipient yet"
    assert "Choose who the letter goes to" in buttons.message.text()
    page.recipients.set_manual("Maria Hadden", "Councilmember", "121 N LaSalle St\nChicago, IL")
    qtbot.mouseClick(buttons.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_DETAILS
    qtbot.mouseClick(buttons.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_DETAILS, "fields are empty"
    assert page.form.errors["sender_city"].text() == "City is required."
    assert "sender_" not in buttons.message.text()
    for name, value in {**SENDER, "city_name": "Chicago"}.items():
        page.form.set_value(name, value)
    qtbot.mouseClick(buttons.next_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_PRINT
    assert buttons.next_button.text() == "Save PDF…"
    assert buttons.next_button.objectName() == "primary"
    qtbot.mouseClick(buttons.back_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == STEP_DETAILS
    page.steps.setCurrentIndex(DRIVE_TAB)
    assert buttons.next_button.isHidden() and buttons.back_button.isHidden()


def test_one_zip_code_serves_search_and_address(qtbot: QtBot, data_dir: Path) -> None:
    page = make_page(qtbot, data_dir)
    picker = page.recipients.picker
    assert picker is not None
    page.form.set_value("sender_zip", "60608")
    page.steps.setCurrentIndex(STEP_TO)
    assert picker.zip_edit.text() == "60608"
    other = make_page(qtbot, data_dir)
    other.steps.setCurrentIndex(STEP_TO)
    assert other.recipients.picker is not None
    other.recipients.picker.zip_edit.setText("60601")
    other.steps.setCurrentIndex(STEP_DETAILS)
    assert other.form.text_of("sender_zip") == "60601"
    assert other.form.errors["sender_zip"].text() == ""


def long_drive(tmp_path: Path, rows: int) -> Path:
    source = tmp_path / "drive.csv"
    lines = ["name,street,city,state,zip,story,body,recipient_name,recipient_address"]
    lines += [f"R{i},1 Main,Chicago,IL,60608,,Hello {i},Jan Doe,1 Rd|Town" for i in range(rows)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return source


def test_closing_the_window_stops_a_drive_but_moving_away_does_not(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, page = window_at_letter(qtbot, "blank")
    page.drive.start(long_drive(tmp_path, 400), tmp_path / "out.pdf")
    window.navigate("guides", "")
    assert page.drive.is_running()
    thread = page.drive.drive_thread
    assert thread is not None
    window.close()
    assert thread.isFinished()
    assert not (tmp_path / "out.pdf").exists()


def test_language_switch_rebuilds_the_page_without_errors(qtbot: QtBot, data_dir: Path) -> None:
    window = create_main_window(LoadResult(Settings()))
    qtbot.addWidget(window)
    old = window.pages["letters"]
    assert isinstance(old, LettersPage)
    listeners = window.context.settings_listeners
    window.context.save_settings(Settings(language="es"))
    new = window.pages["letters"]
    assert new is not old and new.title_label.text() == "Cartas"
    qtbot.waitUntil(lambda: old._settings_changed not in listeners, timeout=3000)
    assert isinstance(new, LettersPage)
    # Only this page's listener: other pages' old listeners are the window's to clear (reported).
    new._settings_changed(Settings(language="es", paper="a4"))
    new.refresh()
    assert new.preview.hint_shown()


@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 800)])
def test_next_shows_without_scrolling_on_a_laptop_screen_and_no_step_is_squeezed(
    qtbot: QtBot, data_dir: Path, large_text: bool, width: int, height: int
) -> None:
    window = create_main_window(LoadResult(Settings(large_text=large_text)))
    page = show_page(qtbot, window, "letters", width, height)
    assert isinstance(page, LettersPage)
    for step in range(STEP_PRINT + 1):
        page.steps.setCurrentIndex(step)
        for _round in range(10):  # wrapped rows settle over a few event rounds
            QApplication.processEvents()
        seen = seen_bottom(window, "letters")
        button = page.step_buttons.next_button
        bottom = button.mapTo(window, button.rect().bottomLeft()).y()
        assert button.isVisible() and bottom <= seen, (
            f"step {step}: Next ends at {bottom} of {seen}"
        )
        assert page.steps.height() >= page.steps.minimumSizeHint().height()
        row_bottom = page.step_row.mapTo(page, page.step_row.rect().bottomLeft()).y()
        assert row_bottom < page.steps.mapTo(page, page.steps.rect().topLeft()).y()
