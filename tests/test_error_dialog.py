"""An unexpected exception shows a plain message and leaves a log with no personal data."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from toolkit import crashlog
from toolkit.cli import run
from toolkit.gui import error_dialog
from toolkit.gui.app import create_main_window

SECRET = "Ana Ruiz, 1200 W Cermak Rd"


def explode() -> None:
    raise ValueError(f"start_time: {SECRET!r} is not a time")


def button_named(box: QMessageBox, text: str) -> QPushButton:
    for button in box.buttons():
        if button.text() == text and isinstance(button, QPushButton):
            return button
    raise AssertionError(f"no button {text!r}")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_page_shows_a_message_and_writes_the_log(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    trigger = QPushButton("Boom", window)
    trigger.clicked.connect(explode)
    trigger.click()  # the exception leaves the slot: Qt hands it to sys.excepthook
    reporter = QApplication.instance().findChild(error_dialog.ErrorReporter)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert "Something went wrong" in box.text()
    log = data_dir / "logs" / crashlog.LOG_NAME
    assert str(log) in box.informativeText()
    written = log.read_text(encoding="utf-8")
    assert "builtins.ValueError (message left out)" in written
    assert "in explode" in written
    assert SECRET not in written and SECRET not in box.detailedText()
    assert str(Path.home()) not in written  # frames are named from the package, not the home
    button_named(box, "Copy details").click()
    assert QApplication.clipboard().text() == box.detailedText()
    assert box.isVisible()  # copying does not close the message
    button_named(box, "Close").click()
    assert not box.isVisible()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_reaches_the_same_message(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = create_main_window()
    qtbot.addWidget(window)
    thread = threading.Thread(target=explode)
    thread.start()
    thread.join()
    reporter = QApplication.instance().findChild(error_dialog.ErrorReporter)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "in explode" in (data_dir / "logs" / crashlog.LOG_NAME).read_text(encoding="utf-8")
    reporter.dialog.close()


def test_command_line_bug_is_one_line_and_a_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from toolkit.cli import guides_cmd

    monkeypatch.setattr(guides_cmd, "list_guides", lambda args: explode())
    assert run(["guides", "list"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error: ValueError" in err
    assert "the details (no personal data) are in" in err
    assert SECRET not in (data_dir / "logs" / crashlog.LOG_NAME).read_text(encoding="utf-8")


def test_the_log_keeps_only_the_newest_reports(data_dir: Path) -> None:
    for _ in range(700):
        try:
            explode()
        except ValueError as error:
            crashlog.record(error)
    log = data_dir / "logs" / crashlog.LOG_NAME
    assert log.stat().st_size <= crashlog.MAX_LOG_BYTES
    assert (log.stat().st_mode & 0o777) == 0o600


def test_frozen_launcher_logs_a_crash_before_any_window(data_dir: Path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "from toolkit import crashlog\n"
        "crashlog.install_for_process()\n"
        f"raise ValueError({SECRET!r})\n"
    )
    env = {**os.environ, "TOOLKIT_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    written = (data_dir / "logs" / crashlog.LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.ValueError (message left out)" in written
    assert SECRET not in written
    assert (data_dir / "logs" / "faults.log").exists()
    launcher = (Path(__file__).resolve().parent.parent / "packaging" / "launcher.py").read_text()
    assert "crashlog.install_for_process()" in launcher
