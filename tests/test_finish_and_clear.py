"""A whole session at a shared laptop, then "Finish and clear": nothing personal is left on
screen, on the clipboard, in the data folder outside the vault, or in the temporary folder."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.incidents_support import CHEAP_N, cheap_kdf
from tests.letters_gui_helpers import window_with_letter
from toolkit.gui import private_file_dialog

NAME = "Xiomara Quintanilla-Ybarra"
STORY = "Agents took my brother Teodulo from the bus stop at dawn."
INCIDENT = "Two agents in a grey van stopped Teodulo near the Quikmart."
PASSPHRASE = "shared laptop passphrase"
SECRETS = (NAME, "Quintanilla", STORY, "Teodulo", "Quikmart", PASSPHRASE)


def texts_on_screen(root: QWidget) -> str:
    parts = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        elif hasattr(widget, "text") and callable(widget.text):
            value = widget.text()
            parts.append(value if isinstance(value, str) else "")
    return "\n".join(parts)


def files_holding(folder: Path, secrets: tuple[str, ...], since: float = 0.0) -> list[str]:
    found = []
    needles = [s.encode("utf-8") for s in secrets] + [s.encode("utf-16-le") for s in secrets]
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path.stat().st_mtime < since or path.stat().st_size > 2**24:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in needles):
            found.append(str(path))
    return found


def test_a_whole_session_then_finish_and_clear_leaves_nothing(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cheap_kdf(monkeypatch)
    started = time.time() - 1
    # A letter: written, edited by hand, copied to paste into a web form, saved as a PDF.
    window, letters = window_with_letter(qtbot, sender_name=NAME, story=STORY)
    qtbot.waitUntil(lambda: bool(letters.pdf), timeout=5000)
    letters.final.editor.setPlainText(letters.final.editor.toPlainText() + "\nThank you.")
    assert NAME in letters.copy_text()
    saved = tmp_path / "chosen" / "letter.pdf"
    saved.parent.mkdir()
    assert letters.save_pdf_to(saved)
    # An incident record, in a vault.
    window.navigate("incidents", "")
    incidents = window.pages["incidents"]
    unlock = incidents.unlock_view  # type: ignore[attr-defined]
    unlock.kdf_n = CHEAP_N
    incidents.show_recovery = lambda name, code: None  # type: ignore[attr-defined]
    unlock.new_name.setText("familia")
    unlock.new_passphrase.line.setText(PASSPHRASE)
    unlock.confirm_passphrase.line.setText(PASSPHRASE)
    unlock.create_vault()
    view = incidents.vault_view  # type: ignore[attr-defined]
    view.form.widgets["start_date"].setText("2026-11-30")
    view.form.widgets["what_happened"].setPlainText(INCIDENT)
    assert view.save()
    view.search.setText("Teodulo")
    # A settings form left half-filled.
    window.navigate("settings", "")
    window.pages["settings"].org_name.setText("Quintanilla family")  # type: ignore[attr-defined]
    assert QGuiApplication.clipboard().text()
    # What Qt's own file dialog remembers (last folder, history) goes too.
    remembered = QSettings(QSettings.Scope.UserScope, private_file_dialog.QT_SETTINGS_ORGANIZATION)
    remembered.setValue("FileDialog/history", [str(saved.parent)])
    remembered.sync()

    qtbot.mouseClick(window.finish_button, Qt.MouseButton.LeftButton)
    # The old pages go at the next turn of the event loop (they are deleted, not only hidden).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert window.pages["incidents"].vault is None  # type: ignore[attr-defined]
    shown = texts_on_screen(window)
    assert not [s for s in SECRETS if s in shown]
    assert not [s for s in SECRETS if s in QGuiApplication.clipboard().text()]
    # The vault holds the record encrypted; nothing else in the data folder names anyone.
    assert files_holding(data_dir, SECRETS) == []
    left = files_holding(Path(tempfile.gettempdir()), SECRETS, since=started)
    assert [f for f in left if not f.startswith(str(tmp_path))] == []
    assert saved.is_file()  # what the person chose to save stays
    history = QSettings(QSettings.Scope.UserScope, private_file_dialog.QT_SETTINGS_ORGANIZATION)
    assert not history.childGroups() or "FileDialog" not in history.childGroups()
    assert window.current_key() == "guides"
    # The next person sees an empty unlock view: no vault name is remembered.
    window.navigate("incidents", "")
    unlock = window.pages["incidents"].unlock_view  # type: ignore[attr-defined]
    assert unlock.vault_name.text() == ""  # the name is typed again, never remembered
