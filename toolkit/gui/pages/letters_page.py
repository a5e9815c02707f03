"""Letters: choose a template, a recipient, fill in the details, check the text, then print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.gui.context import AppContext
from toolkit.gui.letters.drive_panel import DrivePanel
from toolkit.gui.letters.fields_form import FieldsForm
from toolkit.gui.letters.final_text import FinalTextStep
from toolkit.gui.letters.pdf_preview import PdfPreview
from toolkit.gui.letters.recipient_panel import RecipientPanel
from toolkit.gui.letters.template_chooser import TemplateChooser
from toolkit.gui.pages.base import Page
from toolkit.i18n import SUPPORTED_LANGUAGES, _, current_language
from toolkit.letters.catalog import TemplateMeta, get_template
from toolkit.letters.compose import Letter, compose, copy_text
from toolkit.letters.fields import check_fields, template_fields

PREVIEW_DELAY_MS = 350
DRIVE_TAB = 4


class LettersPage(Page):
    key = "letters"

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            _("Letters"),
            _("Write to your representatives: one clear request, your own story, one page."),
        )
        self.letters: list[Letter] = []
        self.edits: dict[str, str] = {}
        self.pdf = b""
        self.pages: list[int] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self._build()
        context.settings_listeners.append(lambda _settings: self.schedule())
        self._template_changed(self.chooser.current_id())

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.steps = QTabWidget()
        self.chooser = TemplateChooser()
        self.chooser.template_changed.connect(self._template_changed)
        self.recipients = RecipientPanel(self.context.data_dir)
        self.recipients.changed.connect(self.schedule)
        self.final = FinalTextStep()
        self.final.text_edited.connect(self._text_edited)
        self.final.reset_requested.connect(self.reset_text)
        self.final.which.currentIndexChanged.connect(lambda _i: self._show_current_text())
        self.final.save_button.clicked.connect(self.save_pdf)
        self.final.print_button.clicked.connect(self.print_letters)
        self.final.copy_button.clicked.connect(self.copy_text)
        self.drive = DrivePanel(self._drive_settings)
        self.steps.addTab(self.chooser, _("1. Choose a letter"))
        self.steps.addTab(self.recipients, _("2. To whom"))
        self.steps.addTab(self._details_step(), _("3. Your details"))
        self.steps.addTab(self.final, _("4. Check and print"))
        self.steps.addTab(self.drive, _("Letter-writing drive"))
        splitter.addWidget(self.steps)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel("")
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        right_layout.addWidget(self.message)
        self.preview = PdfPreview()
        right_layout.addWidget(self.preview, 1)
        splitter.addWidget(right)
        splitter.setSizes([560, 440])
        self.body.addWidget(splitter, 1)

    def _details_step(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language of the letter:")))
        self.language = QComboBox()
        self.language.currentIndexChanged.connect(lambda _i: self.schedule())
        row.addWidget(self.language, 1)
        layout.addLayout(row)
        self.form = FieldsForm()
        self.form.changed.connect(self.schedule)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        return box

    # --- state -------------------------------------------------------------------------------

    def template(self) -> TemplateMeta | None:
        return self.chooser.current()

    def letter_language(self) -> str:
        return str(self.language.currentData() or "en")

    def _template_changed(self, template_id: str) -> None:
        if not template_id:
            return
        meta = get_template(template_id)
        self.form.set_fields(template_fields(meta))
        wanted = self.letter_language() if self.language.count() else current_language()
        self.language.blockSignals(True)
        self.language.clear()
        for code in meta.languages:
            self.language.addItem(SUPPORTED_LANGUAGES.get(code, code), code)
        index = self.language.findData(wanted)
        self.language.setCurrentIndex(max(index, 0))
        self.language.blockSignals(False)
        self.edits.clear()
        self.schedule()

    def schedule(self) -> None:
        self.timer.start()

    def compose_letters(self) -> list[Letter]:
        """The letters as they stand (raises UserError naming what is missing)."""
        meta = self.template()
        if meta is None:
            raise UserError(_("Choose a letter first."))
        values = self.form.values()
        _clean, problems = check_fields(meta, values)
        if problems:
            raise UserError(" ".join(problems.values()))
        chosen = self.recipients.recipients(meta.recipient_kind)
        if not chosen:
            raise UserError(_("Choose who the letter goes to (step 2)."))
        today = dt.date.today()
        letters = []
        for recipient, office in chosen:
            letter = compose(meta, values, recipient, self.letter_language(), today, office)
            edited = self.edits.get(letter.recipient_key)
            letters.append(letter.edited(edited) if edited is not None else letter)
        return letters

    def refresh(self) -> None:
        """Compose, render and show the printed page (runs after typing pauses)."""
        self.timer.stop()
        from toolkit.letters.letter_pdf import render_letters, too_long_warning

        try:
            self.letters = self.compose_letters()
            rendered = render_letters(self.letters, self.context.settings.paper)
        except UserError as exc:
            self.letters, self.pdf, self.pages = [], b"", []
            self.message.setText(str(exc))
            return
        self.pdf, self.pages = rendered.pdf, rendered.pages
        self.preview.show_pdf(self.pdf)
        notes = [w for letter in self.letters for w in letter.warnings]
        notes += [w for per_letter in rendered.warnings for w in per_letter]
        notes += [too_long_warning(p) for p in rendered.pages if p > 1]
        if self.edits:
            notes.append(_("You changed the text by hand, so changes to the fields are not used."))
        self.message.setText("\n".join(dict.fromkeys(notes)) or _("Ready to print."))
        self.final.set_targets([letter.recipient_label for letter in self.letters])
        self._show_current_text()

    def _current_index(self) -> int:
        return min(max(self.final.which.currentIndex(), 0), len(self.letters) - 1)

    def _show_current_text(self) -> None:
        if self.letters:
            self.final.show_text(self.letters[self._current_index()].text)

    def _text_edited(self, text: str) -> None:
        if self.letters:
            self.edits[self.letters[self._current_index()].recipient_key] = text
            self.schedule()

    def reset_text(self) -> None:
        self.edits.clear()
        self.refresh()

    # --- output ------------------------------------------------------------------------------

    def _ready(self) -> bool:
        self.refresh()
        if not self.letters:
            QMessageBox.information(self, _("Letters"), self.message.text())
        return bool(self.letters)

    def save_pdf(self) -> None:
        if not self._ready():
            return
        if any(p > 1 for p in self.pages):
            answer = QMessageBox.question(
                self, _("Letters"), _("The letter runs to more than one page. Save anyway?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the letter"), "letter.pdf", _("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> bool:
        """Write the letters as shown to ``path`` (the file dialog calls this; so do tests)."""
        from toolkit.atomic import write_atomic

        self.refresh()
        if not self.letters:
            return False
        try:
            write_atomic(path, self.pdf)
        except UserError as exc:
            QMessageBox.warning(self, _("Letters"), str(exc))
            return False
        self.context.show_status(_("Saved {path}").format(path=path))
        return True

    def print_letters(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from toolkit.gui.letters.printing import print_pdf

        if not self._ready():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pages = print_pdf(self.pdf, printer)
            self.context.show_status(_("Sent {pages} page(s) to the printer.").format(pages=pages))

    def copy_text(self) -> str:
        self.refresh()
        text = "\n\n".join(copy_text(letter) for letter in self.letters)
        if text:
            QApplication.clipboard().setText(text)
            self.context.show_status(_("The letter's text is copied. Paste it into the form."))
        return text

    def _drive_settings(self) -> tuple[str, str, str]:
        return self.chooser.current_id(), self.letter_language(), self.context.settings.paper

    # --- navigation --------------------------------------------------------------------------

    def open_target(self, target: str) -> None:
        if target and self.chooser.select(target):
            self.steps.setCurrentIndex(0)

    def before_leave(self) -> None:
        self.timer.stop()
