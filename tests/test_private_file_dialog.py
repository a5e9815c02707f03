"""Incident exports and attachments are chosen in a dialog that remembers nothing afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from toolkit.gui import private_file_dialog


@pytest.fixture(autouse=True)
def private_qt_settings(tmp_path: Path) -> None:
    """Keep Qt's settings file for these tests in a temporary folder."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))


def test_dialog_is_qt_own_not_the_system_one(qtbot: QtBot) -> None:
    dialog = private_file_dialog.make_dialog(None, "t", "", "")
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_chosen_folder_is_not_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    secret_folder = tmp_path / "evidence-maria"
    secret_folder.mkdir()
    photo = secret_folder / "raid-photo.jpg"
    photo.write_bytes(b"jpeg")

    def choose() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(50, choose)
            return
        dialogs[0].setDirectory(str(secret_folder))
        # Typed into the file name box, as a person would (selectFile waits for a slow scan).
        name_box = dialogs[0].findChild(QLineEdit, "fileNameEdit")
        assert name_box is not None
        name_box.setText(str(photo))
        dialogs[0].accept()

    QTimer.singleShot(50, choose)
    chosen = private_file_dialog.open_paths(None, "Attach files")
    assert chosen == [photo]
    settings = QSettings(QSettings.Scope.UserScope, private_file_dialog.QT_SETTINGS_ORGANIZATION)
    assert "FileDialog" not in settings.childGroups()
    written = "".join(p.read_text(errors="ignore") for p in tmp_path.rglob("*.conf"))
    assert "evidence-maria" not in written


def test_no_page_opens_a_dialog_that_keeps_history() -> None:
    """Every file chosen anywhere in the app goes through the private dialog."""
    import re
    from pathlib import Path

    gui = Path(__file__).resolve().parent.parent / "toolkit" / "gui"
    static = re.compile(r"QFileDialog\.get(OpenFileNames?|SaveFileName|ExistingDirectory)\(")
    offenders = [
        str(path.relative_to(gui))
        for path in gui.rglob("*.py")
        if path.name != "private_file_dialog.py" and static.search(path.read_text("utf-8"))
    ]
    assert offenders == []
