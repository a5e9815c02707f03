"""File dialogs that leave no trace of what was chosen.

System file dialogs add the chosen file to "recent files" lists (the Windows registry, GTK's
recently-used list), and Qt's own dialog remembers the last folder and a history in its
settings file. For incident notes, where the file name or folder can itself be private, we use
Qt's dialog and wipe what it remembered as soon as it closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from shiboken6 import delete

QT_SETTINGS_ORGANIZATION = "QtProject"
QT_FILE_DIALOG_GROUP = "FileDialog"


def make_dialog(parent: QWidget | None, title: str, start: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    # Native dialogs write to the system's recent-files lists; Qt's own dialog does not.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    # Qt's own catalogs translate "Look in:" and "Files of type:" but not the "&Look in:" and
    # "Files of &type:" its dialog now asks for, so those two stayed English.
    for label, source in (
        (QFileDialog.DialogLabel.LookIn, "Look in:"),
        (QFileDialog.DialogLabel.FileType, "Files of type:"),
    ):
        dialog.setLabelText(label, QCoreApplication.translate("QFileDialog", source))
    return dialog


def forget_history() -> None:
    """Remove the folder and history Qt's file dialog saved in its settings."""
    settings = QSettings(QSettings.Scope.UserScope, QT_SETTINGS_ORGANIZATION)
    settings.remove(QT_FILE_DIALOG_GROUP)
    settings.sync()


def _run_with_filter(dialog: QFileDialog) -> tuple[list[str], str]:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        chosen = list(dialog.selectedFiles()) if accepted else []
        name_filter = dialog.selectedNameFilter() if accepted else ""
    finally:
        dialog.setHistory([])
        delete(dialog)  # the dialog saves its settings when destroyed: destroy it now ...
        forget_history()  # ... then wipe them
    return chosen, name_filter


def _run(dialog: QFileDialog) -> list[str]:
    return _run_with_filter(dialog)[0]


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    dialog = make_dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""


def open_paths(parent: QWidget | None, title: str) -> list[Path]:
    dialog = make_dialog(parent, title, "", "")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return [Path(p) for p in _run(dialog)]


# The same calls as QFileDialog's static functions, for every file chosen in the app: on a
# shared laptop the next person must not find the last person's folders and file names.


def get_open_file_name(
    parent: QWidget | None, caption: str, start: str = "", filters: str = ""
) -> tuple[str, str]:
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen, name_filter = _run_with_filter(dialog)
    return (chosen[0] if chosen else ""), name_filter


def get_open_file_names(
    parent: QWidget | None, caption: str, start: str = "", filters: str = ""
) -> tuple[list[str], str]:
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run_with_filter(dialog)


def get_save_file_name(
    parent: QWidget | None, caption: str, start: str = "", filters: str = ""
) -> tuple[str, str]:
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen, name_filter = _run_with_filter(dialog)
    return (chosen[0] if chosen else ""), name_filter


def get_existing_directory(parent: QWidget | None, caption: str, start: str = "") -> str:
    dialog = make_dialog(parent, caption, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen, _name_filter = _run_with_filter(dialog)
    return chosen[0] if chosen else ""
