"""A letter-writing drive run off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from toolkit.errors import UserError
from toolkit.gui.worker_thread import start_in_thread
from toolkit.letters.catalog import get_template
from toolkit.letters.constituency import directory_places
from toolkit.letters.drive import DriveOutput, DrivePlan, plan_drive, write_drive
from toolkit.letters.letter_pdf import CancelledError

SCALE = 1000


@dataclass(frozen=True)
class DriveJob:
    template_id: str
    csv_path: Path
    out: Path
    language: str
    paper: str
    envelopes: Path | None = None
    labels: Path | None = None
    summary: Path | None = None


class DriveWorker(QObject):
    """Runs in its own QThread; reports through signals only."""

    progress = Signal(int, int)  # done, total: per mille, composing is the first half
    finished = Signal(object, object)  # DrivePlan, DriveOutput
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: DriveJob, data_dir: Path | None = None) -> None:
        super().__init__()
        self.job = job
        self.data_dir = data_dir
        self.plan: DrivePlan | None = None
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            plan, output = self._run()
        except CancelledError:
            self.cancelled.emit()
        except UserError as exc:
            self.progress.emit(SCALE, SCALE)  # finished, even if nothing could be printed
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still reach the person as a message
            self.progress.emit(SCALE, SCALE)
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(plan, output)

    def _run(self) -> tuple[DrivePlan, DriveOutput]:
        job = self.job
        meta = get_template(job.template_id)
        half = SCALE // 2
        plan = plan_drive(
            meta,
            job.csv_path,
            job.language,
            progress=lambda done, total: self.progress.emit(done * half // max(total, 1), SCALE),
            cancelled=self.stop.is_set,
            places=directory_places(self.data_dir) if self.data_dir else None,
        )
        self.plan = plan
        output = write_drive(
            plan,
            job.out,
            job.paper,
            job.envelopes,
            job.labels,
            progress=lambda done, total: self.progress.emit(
                half + done * half // max(total, 1), SCALE
            ),
            cancelled=self.stop.is_set,
            summary=job.summary,
        )
        self.progress.emit(SCALE, SCALE)
        return plan, output


def start_drive(
    job: DriveJob, parent: QObject, data_dir: Path | None = None
) -> tuple[QThread, DriveWorker]:
    worker = DriveWorker(job, data_dir)
    return start_in_thread(worker, parent), worker
