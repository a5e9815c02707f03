"""Running a worker object on its own QThread, shared by letter drives and vault jobs."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, SignalInstance


class Worker(Protocol):
    finished: SignalInstance
    failed: SignalInstance
    cancelled: SignalInstance

    def run(self) -> None: ...

    def moveToThread(self, thread: QThread) -> bool: ...

    def deleteLater(self) -> None: ...


def start_in_thread(worker: Worker, parent: QObject) -> QThread:
    """Start ``worker.run`` on a new thread that ends when the worker finishes, fails or stops."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: quit() is thread-safe, and a queued quit would never run while the GUI thread is
    # blocked waiting for the thread (locking the vault or closing the window during a job).
    for signal in (worker.finished, worker.failed, worker.cancelled):
        signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread
