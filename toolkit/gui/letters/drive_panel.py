"""The drive step: a residents' CSV in, one combined PDF or a folder out, with envelopes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThread
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.gui import private_file_dialog
from toolkit.gui.letters.drive_worker import DriveJob, DriveWorker, start_drive
from toolkit.i18n import _
from toolkit.letters.drive import DriveOutput, DrivePlan

# The page supplies the chosen template, letter language and paper at the moment of starting.
JobSettings = Callable[[], tuple[str, str, str]]


def accepted_ids_text() -> str:
    return _(
        "The recipient_id column accepts: a member of Congress's Bioguide id (such as D000563), "
        "a state legislator's Open States id (ocd-person/...), or an address-book id (book-1, "
        "book-2, ...), as \u201ctoolkit directory find\u201d and the address book list them. "
        "Leave it empty to type recipient_name, recipient_title and recipient_address instead. "
        "A row whose recipient does not represent the writer's ZIP, or holds another office "
        "than the letter is for, is not printed unless its allow_mismatch column says yes."
    )


class DrivePanel(QWidget):
    def __init__(self, job_settings: JobSettings, data_dir: Path | None = None) -> None:
        super().__init__()
        self.job_settings = job_settings
        self.data_dir = data_dir
        self.drive_thread: QThread | None = None
        self.worker: DriveWorker | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A drive prints one letter per row of a spreadsheet saved as CSV, with the "
                "columns name, street, city, state, zip, story and, if you like, recipient_id "
                "or recipient_name, recipient_title and recipient_address. The letter "
                "chosen on the first step is used. Letters come out grouped by recipient."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.accepted_ids = QLabel(accepted_ids_text())
        self.accepted_ids.setWordWrap(True)
        self.accepted_ids.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.accepted_ids)
        self.envelopes = QCheckBox(_("Also make #10 envelopes"))
        self.labels = QCheckBox(_("Also make address labels (30 per sheet)"))
        self.one_file_each = QCheckBox(_("One PDF file per letter (in a folder)"))
        self.summary = QCheckBox(_("Also write a summary CSV"))
        self.summary.setToolTip(
            _("For the organizer: row, sender, recipient, office, pages and problems of every row")
        )
        self.summary.setChecked(True)
        for box in (self.envelopes, self.labels, self.one_file_each, self.summary):
            layout.addWidget(box)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(_("Choose the CSV file and start…"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.choose_and_start)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("danger")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(_("Drive report"))
        layout.addWidget(self.report, 1)

    def choose_and_start(self) -> None:
        source, _filter = private_file_dialog.get_open_file_name(
            self, _("Residents' CSV file"), "", _("CSV files (*.csv);;All files (*)")
        )
        if not source:
            return
        if self.one_file_each.isChecked():
            out = private_file_dialog.get_existing_directory(self, _("Folder for the letters"))
        else:
            out, _filter = private_file_dialog.get_save_file_name(
                self, _("Save the letters as"), "letters.pdf", _("PDF files (*.pdf)")
            )
        if out:
            self.start(Path(source), Path(out))

    def start(self, source: Path, out: Path) -> None:
        """Run the drive in the background (tests call this directly)."""
        template_id, language, paper = self.job_settings()
        folder = out if out.suffix.lower() != ".pdf" else out.parent
        stem = out.stem if out.suffix.lower() == ".pdf" else "letters"
        job = DriveJob(
            template_id, source, out, language, paper,
            folder / f"{stem}-envelopes.pdf" if self.envelopes.isChecked() else None,
            folder / f"{stem}-labels.pdf" if self.labels.isChecked() else None,
            folder / f"{stem}-summary.csv" if self.summary.isChecked() else None,
        )  # fmt: skip
        self.report.setPlainText(_("Working…"))
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.drive_thread, self.worker = start_drive(job, self, self.data_dir)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        # Closing the window or quitting stops the drive; moving to another page does not.
        if self.window() is not self:
            self.window().installEventFilter(self)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()
            self.cancel_button.setEnabled(False)

    def shutdown(self) -> None:
        """Cancel a running drive and wait until its thread has finished."""
        if self.drive_thread is None or not self.drive_thread.isRunning():
            return
        self.cancel()
        self.drive_thread.quit()
        self.drive_thread.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.shutdown()
        return super().eventFilter(watched, event)

    def is_running(self) -> bool:
        return self.drive_thread is not None and self.drive_thread.isRunning()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, message: str) -> None:
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.report.setPlainText(message)

    def _finished(self, plan: DrivePlan, output: DriveOutput) -> None:
        self.progress.setValue(self.progress.maximum())
        lines = [
            _("Letters: {letters}. Pages: {pages}. Rows skipped: {bad}.").format(
                letters=output.letters, pages=output.pages, bad=len(plan.problems)
            )
        ]
        lines += [_("Check: {warning}").format(warning=note) for note in plan.file_notes]
        lines += [f"  {count:>4}  {label}" for label, count in plan.counts()]
        lines += [_("Skipped: {problem}").format(problem=p.line()) for p in plan.problems]
        if plan.identical_warning():
            lines.append(_("Check: {warning}").format(warning=plan.identical_warning()))
        lines += [_("Check: {warning}").format(warning=n.line()) for n in plan.notes]
        lines += [_("Check: {warning}").format(warning=w.line()) for w in output.warnings]
        lines += [_("Saved {path}").format(path=path) for path in output.files]
        self._done("\n".join(lines))

    def _failed(self, message: str) -> None:
        self.progress.setValue(self.progress.maximum())
        self._done(message)

    def _cancelled(self) -> None:
        self._done(_("The drive was cancelled before it finished."))
