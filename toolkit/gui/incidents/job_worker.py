"""Long vault work (importing a video, writing a package) on its own QThread.

The work gets a progress callback and a cancel check; the core raises CancelledError and rolls
back, so a cancelled job leaves the vault as it was. Results come back through signals only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from toolkit.errors import UserError
from toolkit.gui.worker_thread import start_in_thread
from toolkit.incidents.attachments import CancelCheck, CancelledError, Progress

Work = Callable[[Progress, CancelCheck], str]


class JobWorker(QObject):
    # Python ints, not Qt ints: a video can be larger than 2 GiB.
    progress = Signal(object, object)  # bytes done, bytes in all
    finished = Signal(str)  # message for the person
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            message = self.work(self.progress.emit, self.stop.is_set)
        except CancelledError:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still reach the person as a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(message)


def start_job(work: Work, parent: QObject) -> tuple[QThread, JobWorker]:
    worker = JobWorker(work)
    return start_in_thread(worker, parent), worker
