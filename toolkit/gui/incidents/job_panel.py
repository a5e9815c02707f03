"""What a running job shows: what is happening, a progress bar and a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from toolkit.gui.incidents.job_worker import JobWorker, Work, start_job
from toolkit.i18n import _
from toolkit.incidents.report_pdf import human_size

STEPS = 1000


class JobPanel(QWidget):
    """Runs one job at a time; ``done(message)`` fires on the GUI thread when it ends."""

    done = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.job_thread: QThread | None = None
        self.worker: JobWorker | None = None
        self.cancel_message = ""
        self.what = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        row.addWidget(self.bar, 1)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.hide()

    @property
    def running(self) -> bool:
        return self.worker is not None

    def show_running(self, title: str) -> None:
        self.what = title
        self.title.setText(title)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def start(self, title: str, work: Work, cancel_message: str) -> bool:
        if self.running:
            return False
        self.cancel_message = cancel_message
        self.show_running(title)
        self.job_thread, self.worker = start_job(work, self)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._end)
        self.worker.failed.connect(self._end)
        self.worker.cancelled.connect(self._cancelled)
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)
            self.title.setText(_("Stopping…"))

    def stop_and_wait(self) -> None:
        """Cancel and wait for the thread (it stops within one 1 MiB chunk), then deliver its
        last signal now, so the vault can be locked right after."""
        if self.worker is None or self.job_thread is None:
            return
        self.cancel()
        self.job_thread.wait()
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)

    def _progress(self, done: int, total: int) -> None:
        if self.worker is None:
            return
        self.bar.setValue(STEPS if total <= 0 else min(STEPS, done * STEPS // total))
        if not self.worker.stop.is_set():
            amount = _("{done} of {total}").format(done=human_size(done), total=human_size(total))
            self.title.setText(f"{self.what} {amount}")

    def _cancelled(self) -> None:
        self._end(self.cancel_message)

    def _end(self, message: str) -> None:
        if self.job_thread is not None:
            self.job_thread.wait()
        self.job_thread = None
        self.worker = None
        self.hide()
        self.done.emit(message)
