"""Nothing lost: closing with an unsaved letter asks first, a change of text size keeps the
letter being written, and saving makes closing quiet again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.letters_gui_helpers import window_with_letter
from tests.letters_helpers import SENDER
from toolkit.gui.app import create_main_window
from toolkit.gui.pages.letters_page import LettersPage
from toolkit.settings import LoadResult, Settings


def test_an_empty_window_closes_without_a_question(qtbot: QtBot) -> None:
    window = create_main_window(LoadResult(Settings()))
    qtbot.addWidget(window)
    window.show()
    window.navigate("letters", "city-sanctuary")
    asked: list[list[str]] = []
    window.ask_to_close = asked.append
    assert window.unsaved_work() == []
    window.close()
    assert not asked and not window.isVisible()


def test_closing_with_an_unsaved_letter_asks_and_cancel_keeps_it(qtbot: QtBot) -> None:
    window, page = window_with_letter(qtbot)
    asked: list[list[str]] = []
    window.ask_to_close = asked.append
    window.close()
    assert asked == [["the letter you are writing (not saved or printed)"]]
    assert window.isVisible()  # nothing answered yet: the window stays, the letter too
    assert page.form.text_of("sender_name") == "Ana Ruiz"
    window.close_anyway()
    assert not window.isVisible()


def test_the_default_question_defaults_to_cancel(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    window, _page = window_with_letter(qtbot)
    window.close()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert "the letter you are writing" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.isVisible()


@pytest.mark.parametrize(("answer", "confirmed"), [("No", False), ("Yes", True)])
def test_the_language_question_names_what_is_lost_and_no_keeps_it(
    qtbot: QtBot, answer: str, confirmed: bool
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window, _page = window_with_letter(qtbot)
    seen: list[str] = []

    def reply() -> None:  # the question is modal: answer it from the event loop
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, reply)  # not open yet
            return
        seen.append(box.text())
        box.button(getattr(QMessageBox.StandardButton, answer)).click()

    QTimer.singleShot(0, reply)
    assert window._confirm_language_loss(["the letter you are writing"]) is confirmed
    assert seen and "the letter you are writing" in seen[0]


def test_a_hand_edited_letter_is_named_and_saving_makes_closing_quiet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, page = window_with_letter(qtbot)
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=5000)
    page.final.editor.setPlainText(page.final.editor.toPlainText() + "\nP.S. Thank you.")
    assert window.unsaved_work() == ["the letter you changed by hand (not saved or printed)"]
    assert page.save_pdf_to(tmp_path / "letter.pdf")
    assert window.unsaved_work() == []


@pytest.mark.parametrize(
    "changed", [Settings(large_text=True), Settings(language="es")], ids=["large-text", "language"]
)
def test_a_change_of_text_size_or_language_keeps_the_letter(
    qtbot: QtBot, changed: Settings
) -> None:
    window, page = window_with_letter(qtbot)
    qtbot.waitUntil(lambda: bool(page.pdf), timeout=5000)
    page.final.editor.setPlainText(page.final.editor.toPlainText() + "\nP.S. Thank you.")
    page.steps.setCurrentIndex(3)
    window.context.save_settings(changed)
    window.navigate("letters", "")
    rebuilt = window.pages["letters"]
    assert isinstance(rebuilt, LettersPage) and rebuilt is not page
    assert rebuilt.chooser.current_id() == "city-sanctuary"
    assert rebuilt.form.text_of("story") == SENDER["story"]
    assert rebuilt.recipients.name.text() == "Maria Hadden"
    assert rebuilt.steps.currentIndex() == 3
    assert "P.S. Thank you." in rebuilt.final.editor.toPlainText()
    assert rebuilt.unsaved_work()  # still unsaved, still asked about


def test_card_wording_dialog_asks_before_throwing_away_changes(
    qtbot: QtBot, data_dir: Path
) -> None:
    from toolkit.gui.cards.wording_dialog import WordingDialog

    dialog = WordingDialog("es", data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False  # type: ignore[func-returns-value]
    dialog.reject()  # nothing changed: closes without a question
    assert not asked and not dialog.isVisible()
    dialog.show()
    dialog.title.setText(dialog.title.text() + " (centro)")
    assert dialog.unsaved_work()
    dialog.reject()
    assert asked and dialog.isVisible()  # the person said "Cancel": the wording stays
    dialog.confirm_discard = lambda: True
    dialog.reject()
    assert not dialog.isVisible()
