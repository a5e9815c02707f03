"""A letter-writing drive run off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from toolkit.errors import UserError
from toolkit.gui.worker_thread import start_in_thread
from toolkit.letters.catalog import get_template
from toolkit.letters.drive import DriveOutput, DrivePlan, plan_drive, write_drive
from toolkit.letters.letter_pdf import CancelledError


@dataclass(frozen=True)
class DriveJob:
    template_id: str
    csv_path: Path
    out: Path
    language: str
    paper: str
    envelopes: Path | None = None
    labels: Path | None = None


class DriveWorker(QObject):
    """Runs in its own QThread; reports through signals only."""

    progress = Signal(int, int)  # done, total (composing counts as the first half)
    finished = Signal(object, object)  # DrivePlan, DriveOutput
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: DriveJob) -> None:
        super().__init__()
        self.job = job
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            plan, output = self._run()
        except CancelledError:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still reach the person as a message
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(plan, output)

    def _run(self) -> tuple[DrivePlan, DriveOutput]:
        job = self.job
        meta = get_template(job.template_id)
        plan = plan_drive(
            meta,
            job.csv_path,
            job.language,
            progress=lambda done, total: self.progress.emit(done, total * 2),
            cancelled=self.stop.is_set,
        )
        total = max(len(plan.letters), 1)
        output = write_drive(
            plan,
            job.out,
            job.paper,
            job.envelopes,
            job.labels,
            progress=lambda done, _total: self.progress.emit(total + done, total * 2),
            cancelled=self.stop.is_set,
        )
        return plan, output


def start_drive(job: DriveJob, parent: QObject) -> tuple[QThread, DriveWorker]:
    worker = DriveWorker(job)
    return start_in_thread(worker, parent), worker
