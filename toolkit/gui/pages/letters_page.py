"""Letters: choose a template, a recipient, fill in the details, check the text, then print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.common.message import INFO, OK, WARNING, InlineMessage
from toolkit.gui.common.step_row import StepRow
from toolkit.gui.common.wrapping_column import WrappingColumn
from toolkit.gui.context import AppContext
from toolkit.gui.letters import letter_work
from toolkit.gui.letters.adaptive_splitter import AdaptiveSplitter
from toolkit.gui.letters.drive_panel import DrivePanel
from toolkit.gui.letters.fields_form import FieldsForm
from toolkit.gui.letters.final_text import FinalTextStep
from toolkit.gui.letters.pdf_preview import PdfPreview
from toolkit.gui.letters.recipient_panel import RecipientPanel
from toolkit.gui.letters.step_buttons import StepButtons
from toolkit.gui.letters.template_chooser import TemplateChooser
from toolkit.gui.pages.base import Page
from toolkit.i18n import SUPPORTED_LANGUAGES, _, current_language
from toolkit.letters.catalog import TemplateMeta, get_template
from toolkit.letters.compose import Letter, compose, copy_text
from toolkit.letters.constituency import directory_places, recipient_problems
from toolkit.letters.fields import SHARED_NAMES, template_fields
from toolkit.settings import Settings

PREVIEW_DELAY_MS = 350
STEP_LETTER, STEP_TO, STEP_DETAILS, STEP_PRINT, DRIVE_TAB = range(5)


def office_note_text() -> str:
    return _(
        "Paper letters go to the district office nearest you. Mail to Washington offices is "
        "screened (irradiated) and delayed by weeks, so the district office is where paper "
        "letters are read. For a quick answer, send the same text by fax or the office's web form."
    )


def mismatch_text(problems: list[str]) -> str:
    return _("This recipient may not be yours: {problems}.").format(problems="; ".join(problems))


class NotReady(UserError):
    """The letter cannot be composed yet; ``step`` is where the person can fix it."""

    def __init__(self, step: int, message: str) -> None:
        super().__init__(message)
        self.step = step


def scrolled(widget: QWidget) -> QScrollArea:
    """A step that scrolls when the window is narrow, instead of pushing the preview away."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def forget(
    listeners: list[Callable[[Settings], None]], listener: Callable[[Settings], None]
) -> None:
    if listener in listeners:
        listeners.remove(listener)


class LettersPage(Page):
    key = "letters"
    fits_window = True

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            _("Letters"),
            _("Write to your representatives: one clear request, your own story, one page."),
        )
        self.letters: list[Letter] = []
        self.mismatches: list[str] = []
        self.mismatch_notes: list[str] = []
        self.accepted_mismatches: set[str] = set()
        # Asks whether to print despite a mismatch; tests swap it for an answer.
        self.confirm: Callable[[str], bool] = self._ask
        self.edits: dict[str, str] = {}
        self.pdf = b""
        self.pages: list[int] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self._appearance = (context.settings.language, context.settings.large_text)
        self._build()
        listener = self._settings_changed
        context.settings_listeners.append(listener)
        # The window rebuilds its pages when the language changes: a deleted page stops listening.
        self.destroyed.connect(lambda *_args: forget(context.settings_listeners, listener))
        self._template_changed(self.chooser.current_id())
        self._step_changed(STEP_LETTER)
        # What was last saved or printed (at first: the empty page), to tell unsaved work.
        self.saved_work = letter_work.take(self).typed()

    def _build(self) -> None:
        self.steps = QTabWidget()
        self.chooser = TemplateChooser(lambda: self.context.settings)
        self.chooser.template_changed.connect(self._template_changed)
        self.recipients = RecipientPanel(self.context.data_dir)
        self._add_office_note()
        self.recipients.changed.connect(self.schedule)
        self.final = FinalTextStep()
        self.final.text_edited.connect(self._text_edited)
        self.final.reset_requested.connect(self.reset_text)
        self.final.which.currentIndexChanged.connect(lambda _i: self._show_current_text())
        self.final.print_button.clicked.connect(self.print_letters)
        self.final.copy_button.clicked.connect(self.copy_text)
        self.drive = DrivePanel(self._drive_settings, self.context.data_dir)
        self.steps.addTab(self.chooser, _("1. Letter"))
        self.steps.addTab(scrolled(self.recipients), _("2. To whom"))
        self.steps.addTab(self._details_step(), _("3. Your details"))
        self.steps.addTab(scrolled(self.final), _("4. Print"))
        self.steps.addTab(scrolled(self.drive), _("Many letters"))
        for index, tip in enumerate(
            (
                _("Choose a letter"),
                _("Choose who the letter goes to"),
                _("Your name, address and story"),
                _("Check the text, then save or print"),
                _("Letter-writing drive: one letter per row of a spreadsheet"),
            )
        ):
            self.steps.setTabToolTip(index, tip)
        self.steps.currentChanged.connect(self._step_changed)
        self.step_buttons = StepButtons()
        self.step_buttons.back_button.clicked.connect(self.go_back)
        self.step_buttons.next_button.clicked.connect(self.go_next)
        left = WrappingColumn()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # The steps as buttons that wrap: a tab bar would be cut off in a longer language.
        self.step_row = StepRow(self.steps)
        left_layout.addWidget(self.step_row)
        left_layout.addWidget(self.steps, 1)
        left_layout.addWidget(self.step_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # Checks of the letter, announced to screen readers as they change.
        self.message = InlineMessage()
        right_layout.addWidget(self.message)
        self.preview = PdfPreview()
        right_layout.addWidget(self.preview, 1)
        self.splitter = AdaptiveSplitter(left, right)
        self.splitter.setSizes([600, 400])
        self.body.addWidget(self.splitter, 1)

    def _add_office_note(self) -> None:
        """Why paper letters go to the district office, right under the choice of office."""
        self.office_note = QLabel(office_note_text())
        self.office_note.setWordWrap(True)
        self.office_note.setObjectName("notice")
        layout = self.recipients.layout()
        row = self.recipients.to_capitol.parentWidget()
        if isinstance(layout, QVBoxLayout) and row is not None:
            layout.insertWidget(layout.indexOf(row) + 1, self.office_note)

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
        if self.recipients.picker is not None:
            self.recipients.picker.set_level(meta.level)
        self.office_note.setVisible(meta.level not in ("city", "county"))
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
        """The letters as they stand (raises NotReady saying which step to fill in)."""
        meta = self.template()
        if meta is None:
            raise NotReady(STEP_LETTER, _("Choose a letter in step 1."))
        chosen = self.recipients.recipients(meta.recipient_kind)
        if not chosen:
            raise NotReady(STEP_TO, _("Choose who the letter goes to in step 2."))
        problems = self.form.problems()
        if set(problems) & set(SHARED_NAMES):
            raise NotReady(STEP_DETAILS, _("Fill in your name and address in step 3."))
        if problems:
            raise NotReady(STEP_DETAILS, _("Fill in the boxes marked * in step 3."))
        values = self.form.values()
        today = dt.date.today()
        letters = []
        places = directory_places(self.context.data_dir)
        self.mismatches, self.mismatch_notes = [], []
        for recipient, office in chosen:
            mismatches, notes = recipient_problems(meta.level, values, recipient, places)
            self.mismatches += mismatches
            self.mismatch_notes += notes
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
        except NotReady as exc:
            self.letters, self.pdf, self.pages = [], b"", []
            self.preview.show_hint(_("{what} Then your letter appears here.").format(what=str(exc)))
            self._say("")
            return
        except UserError as exc:
            self.letters, self.pdf, self.pages = [], b"", []
            self.preview.show_hint(str(exc))
            self._say("")
            return
        self.pdf, self.pages = rendered.pdf, rendered.pages
        self.preview.show_pdf(self.pdf)
        notes = [mismatch_text(self.mismatches)] if self.mismatches else []
        notes += [w for letter in self.letters for w in letter.warnings]
        notes += [w for per_letter in rendered.warnings for w in per_letter]
        notes += [too_long_warning(p) for p in rendered.pages if p > 1]
        if self.edits:
            notes.append(_("You changed the text by hand, so changes to the fields are not used."))
        if notes:
            self._say("\n".join(dict.fromkeys(notes)), WARNING)
        else:
            self._say(_("Ready to print."), OK)
        self.final.set_targets([letter.recipient_label for letter in self.letters])
        self._show_current_text()

    def _say(self, text: str, severity: str = INFO) -> None:
        self.message.show_message(text, severity)

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
        """Compose now; if something is missing, go to that step and say what (Save, Print)."""
        self.refresh()
        if self.letters:
            return True
        try:
            self.compose_letters()
        except NotReady as exc:
            self.steps.setCurrentIndex(exc.step)
            if exc.step == STEP_DETAILS:
                self._show_field_problems()
            else:
                self.step_buttons.say(str(exc))
        except UserError as exc:
            self.step_buttons.say(str(exc))
        return False

    def save_pdf(self) -> None:
        if not self._ready():
            return
        if any(p > 1 for p in self.pages):
            answer = QMessageBox.question(
                self, _("Letters"), _("The letter runs to more than one page. Save anyway?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # A letter names the person: the file dialog must not remember where it went.
        path = private_file_dialog.save_path(
            self, _("Save the letter"), "letter.pdf", _("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> bool:
        """Write the letters as shown to ``path`` (the file dialog calls this; so do tests)."""
        from toolkit.atomic import write_atomic

        if not self._ready() or not self._mismatch_accepted():
            return False
        try:
            write_atomic(path, self.pdf)
        except UserError as exc:
            QMessageBox.warning(self, _("Letters"), str(exc))
            return False
        self.context.show_status(_("Saved {path}").format(path=path))
        self.saved_work = letter_work.take(self).typed()
        return True

    def print_letters(self) -> None:
        from toolkit.gui.common.printing import print_for_person

        if not self._ready() or not self._mismatch_accepted():
            return
        line = print_for_person(self, self.pdf, _("Letter"), self.context.settings)
        self.context.show_status(line)
        if line:
            self.saved_work = letter_work.take(self).typed()

    def _mismatch_accepted(self) -> bool:
        """A letter to someone who does not represent the sender goes out only if the person
        says so, once for these recipients."""
        if not self.mismatches:
            return True
        key = "\n".join(self.mismatches)
        if key in self.accepted_mismatches:
            return True
        if self.confirm(mismatch_text(self.mismatches) + "\n\n" + _("Print it anyway?")):
            self.accepted_mismatches.add(key)
            return True
        return False

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Letters"), text)
        return answer == QMessageBox.StandardButton.Yes

    def copy_text(self) -> str:
        self.refresh()
        text = "\n\n".join(copy_text(letter) for letter in self.letters)
        if text:
            QApplication.clipboard().setText(text)
            self.context.show_status(_("The letter's text is copied. Paste it into the form."))
        return text

    def _drive_settings(self) -> tuple[str, str, str]:
        return self.chooser.current_id(), self.letter_language(), self.context.settings.paper

    # --- steps and navigation ----------------------------------------------------------------

    def go_back(self) -> None:
        self.steps.setCurrentIndex(max(self.steps.currentIndex() - 1, 0))

    def go_next(self) -> None:
        """Move on when this step is done; on the last step, save the PDF."""
        step = self.steps.currentIndex()
        if step == STEP_PRINT:
            self.save_pdf()
            return
        if step == STEP_TO and not self._has_recipients():
            self.step_buttons.say(
                _("Choose who the letter goes to: tick a name, or type an address below.")
            )
            return
        if step == STEP_DETAILS and self._show_field_problems():
            return
        self.steps.setCurrentIndex(step + 1)

    def _has_recipients(self) -> bool:
        meta = self.template()
        return meta is not None and bool(self.recipients.recipients(meta.recipient_kind))

    def _show_field_problems(self) -> bool:
        """Mark every field with a problem and say which; True when there are any."""
        problems = self.form.check_all()
        if problems:
            labels = ", ".join(self.form.infos[name].label for name in problems)
            self.step_buttons.say(_("Please check: {fields}.").format(fields=labels))
            self.form.focus_first(problems)
        return bool(problems)

    def _step_changed(self, index: int) -> None:
        self.step_buttons.show_step(index, STEP_PRINT)
        # One ZIP code serves both: the directory search and the sender's address.
        sender_zip = self.form.text_of("sender_zip").strip() if self.form.editors else ""
        if index == STEP_TO:
            self.recipients.prefill_zip(sender_zip)
        elif index > STEP_TO and not sender_zip and self.recipients.zip_code():
            self.form.set_value("sender_zip", self.recipients.zip_code())

    def open_target(self, target: str) -> None:
        if target and self.chooser.select(target):
            self.steps.setCurrentIndex(STEP_LETTER)

    def _settings_changed(self, new: Settings) -> None:
        if (new.language, new.large_text) != self._appearance:
            # The window is about to replace this page: stop its work first.
            self.timer.stop()
            self.drive.shutdown()
            return
        self.schedule()

    def before_leave(self) -> None:
        # A running drive goes on while the person looks at another page; closing the window
        # stops it (DrivePanel watches the window).
        self.timer.stop()

    def unsaved_work(self) -> list[str]:
        work = letter_work.take(self)
        if work.typed() == self.saved_work:
            return []
        if work.edits:
            return [_("the letter you changed by hand (not saved or printed)")]
        return [_("the letter you are writing (not saved or printed)")]

    def work_in_progress(self) -> object | None:
        work = letter_work.take(self)
        return work if work.typed() != self.saved_work else None

    def restore_work(self, work: object) -> None:
        if isinstance(work, letter_work.LetterWork):
            letter_work.restore(self, work)
