"""One handler for unexpected exceptions in the GUI: a plain message, "Copy details", a log.

Python exceptions raised in slots and event handlers reach ``sys.excepthook``; those of worker
threads reach ``threading.excepthook`` and are shown on the GUI thread through a queued signal.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from toolkit import crashlog
from toolkit.i18n import _

if TYPE_CHECKING:  # made only when a dialog shows: start-up does not pay for the type
    from PySide6.QtWidgets import QMessageBox


class ErrorReporter(QObject):
    """Writes each unexpected exception to the log and shows it, one dialog at a time."""

    reported = Signal(str, str)  # the report, the log's path ("" when it could not be written)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None  # kept so tests and callers can find it
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def handle(self, error: BaseException, tb: TracebackType | None) -> None:
        report, log = crashlog.record(error, tb)
        self.reported.emit(report, str(log) if log else "")

    def _show(self, report: str, log: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            return  # one message is enough; every report is in the log
        parent = QApplication.activeWindow()
        self.dialog = error_message(parent, report, log)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None


def error_message(parent: QWidget | None, report: str, log: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Something went wrong"))
    box.setText(_("Something went wrong in the app. What you were doing may not have finished."))
    where = _("The details were saved in {path}.").format(path=log) if log else ""
    box.setInformativeText(
        " ".join(
            part
            for part in (
                _("Check your work before you go on. Saved incident notes are not affected."),
                where,
                _("The details hold no names or text you typed."),
            )
            if part
        )
    )
    box.setDetailedText(report)
    copy = box.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # an action button would close the box; copying should not
    copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
    close = box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.setAccessibleName(_("Something went wrong"))
    return box


_reporter: ErrorReporter | None = None


def install(app: QApplication) -> ErrorReporter:
    """Route every unexpected exception to the app's reporter (one reporter per application;
    the hooks are set again on every call, in case something replaced them)."""
    global _reporter
    # Kept here rather than looked up with findChild, which costs start-up some 10 ms.
    # The reporter is the application's child: it is gone (invalid) with its application.
    if _reporter is None or not shiboken6.isValid(_reporter):
        _reporter = ErrorReporter(app)
    reporter = _reporter

    def on_exception(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(error, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        reporter.handle(error, tb)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            reporter.handle(args.exc_value, args.exc_traceback)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
    return reporter
