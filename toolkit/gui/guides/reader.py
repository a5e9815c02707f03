"""The guide reader: comfortable text, working links, back/forward, language, print and PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.gui.incidents.flow_layout import FlowLayout
from toolkit.gui.style import LARGE_TEXT_FACTOR
from toolkit.guides.loader import languages, load_library
from toolkit.guides.model import Guide
from toolkit.guides.reader_html import guide_html
from toolkit.i18n import _, language_name, translate_in
from toolkit.settings import Settings
from toolkit.translations.status import status_line

Place = tuple[str, str]  # (guide id, language)


def ask_save_path(parent: QWidget, title: str, suggested: str) -> str:
    from toolkit.gui import private_file_dialog  # on the first save, not at start-up

    path, _filter = private_file_dialog.get_save_file_name(
        parent, title, str(Path.home() / suggested), _("PDF files (*.pdf)")
    )
    return path


if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def _ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    from toolkit.gui.common.printing import ask_printer

    return ask_printer(parent, printer)


class GuideReader(QWidget):
    """Shows one guide at a time; ``app_link`` carries ``app:...`` links to the window."""

    app_link = Signal(str)
    guide_opened = Signal(str, str)  # id, language

    def __init__(self, settings: Callable[[], Settings]) -> None:
        super().__init__()
        self.settings = settings
        # Swappable in tests, like Dangerzone keeps its dialogs as attributes.
        self.ask_save_path: Callable[[QWidget, str, str], str] = ask_save_path
        # Printing (QtPrintSupport, QtPdf) is loaded on the first print, not at start-up.
        self.ask_printer: Callable[[QWidget, QPrinter], bool] = _ask_printer
        self.history: list[Place] = []
        self.position = -1
        self.guide: Guide | None = None
        self.reading_language = "en"  # may differ from guide.language for an English stand-in
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._navigation_row())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        # Says plainly when a guide is shown in English or its translation is not reviewed.
        self.status_note = QLabel()
        self.status_note.setObjectName("warning")
        self.status_note.setWordWrap(True)
        self.status_note.hide()
        layout.addWidget(self.status_note)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setAccessibleName(_("Guide text"))
        layout.addWidget(self.browser, 1)
        # The page puts this bar under both columns: on a small screen the three buttons
        # need the whole width, and beside the guide list they would not fit.
        self.print_bar = self._print_bar()
        self._update_buttons()

    def _navigation_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(_("◀ Back"))
        self.back_button.clicked.connect(self.back)
        self.forward_button = QPushButton(_("Forward ▶"))
        self.forward_button.clicked.connect(self.forward)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of this guide"))
        self.language.setToolTip(_("Language of this guide"))
        for code in languages():
            self.language.addItem(language_name(code), code)
        self.language.currentIndexChanged.connect(self._language_chosen)
        # Wraps onto two lines when the reader is narrow, instead of widening the page.
        language_label = QLabel(_("Language of this guide:"))
        language_label.setWordWrap(True)
        language_label.setBuddy(self.language)
        row.addWidget(self.back_button)
        row.addWidget(self.forward_button)
        row.addStretch(1)
        row.addWidget(language_label)
        row.addWidget(self.language)
        return row

    def _print_bar(self) -> QWidget:
        bar = QWidget(self)
        # Five buttons wrap onto a second row rather than widen the page past a small screen.
        row = FlowLayout(bar, spacing=6)
        row.setContentsMargins(0, 0, 0, 0)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        self.summary_button = QPushButton(_("One-page summary PDF…"))
        self.summary_button.clicked.connect(self.save_summary_pdf)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_guide)
        # A bilingual volunteer reviews the translation being read (not shown for English).
        self.review_button = QPushButton(_("Mark as reviewed…"))
        self.review_button.clicked.connect(lambda: self.open_review("reviewed"))
        self.correct_button = QPushButton(_("Suggest a correction…"))
        self.correct_button.clicked.connect(lambda: self.open_review("correction"))
        row.addWidget(self.review_button)
        row.addWidget(self.correct_button)
        for widget in (self.save_button, self.summary_button, self.print_button):
            row.addWidget(widget)
        return bar

    def open_review(self, action: str) -> None:
        from toolkit.gui.common.review_dialog import ReviewDialog

        if self.guide is None or self.guide.language == "en":
            return
        dialog = ReviewDialog("guide", self.guide.language, self.guide.id, action, self)
        self.review_dialog = dialog  # kept, so tests can fill and save it
        dialog.accepted.connect(self.refresh)
        dialog.open()

    # Opening and moving around

    def current(self) -> Place | None:
        return self.history[self.position] if self.position >= 0 else None

    def open_guide(self, guide_id: str, language: str | None = None) -> None:
        """Show a guide and remember it for Back; raises UserError for an unknown id."""
        language = language or (self.current() or ("", self.default_language()))[1]
        guide = load_library(language).get(guide_id)
        del self.history[self.position + 1 :]
        self.history.append((guide_id, language))
        self.position = len(self.history) - 1
        self._show(guide, language)

    def default_language(self) -> str:
        from toolkit.i18n import current_language

        code = current_language()
        return code if code in languages() else "en"

    def back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self._show_place()

    def forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.position += 1
            self._show_place()

    def _show_place(self) -> None:
        place = self.current()
        if place is not None:
            self._show(load_library(place[1]).get(place[0]), place[1])

    def _show(self, guide: Guide, language: str) -> None:
        self.guide = guide
        self.reading_language = language
        self.refresh()
        self.browser.verticalScrollBar().setValue(0)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)
        self.message.hide()
        self._update_buttons()
        self.guide_opened.emit(guide.id, language)

    def status_text(self) -> str:
        """The note above the guide: shown in English for now, and/or not yet reviewed."""
        guide = self.guide
        if guide is None:
            return ""
        lines = []
        if guide.language != self.reading_language:
            lines.append(
                translate_in(
                    self.reading_language,
                    "This guide is not yet translated into {language}. It is shown in English.",
                ).format(language=language_name(self.reading_language))
            )
        lines.append(status_line("guide", guide.language, guide.id, guide.review))
        return "\n".join(line for line in lines if line)

    def refresh(self) -> None:
        """(Re)draw the current guide, e.g. after the hotline or text size changed."""
        if self.guide is None:
            return
        settings = self.settings()
        titles = {g.id: g.title for g in load_library(self.guide.language).guides}
        scale = LARGE_TEXT_FACTOR if settings.large_text else 1.0
        self.browser.setHtml(guide_html(self.guide, settings, titles, scale))
        note = self.status_text()
        self.status_note.setText(note)
        self.status_note.setVisible(bool(note))

    def _update_buttons(self) -> None:
        self.back_button.setEnabled(self.position > 0)
        self.forward_button.setEnabled(self.position < len(self.history) - 1)
        for button in (self.save_button, self.summary_button, self.print_button):
            button.setEnabled(self.guide is not None)
        translated = self.guide is not None and self.guide.language != "en"
        self.review_button.setVisible(translated)
        self.correct_button.setVisible(translated)
        self.language.setEnabled(self.guide is not None)

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if self.guide is not None and code and code != self.reading_language:
            self.open_guide(self.guide.id, str(code))

    def _follow(self, url: QUrl) -> None:
        link = url.toString()
        scheme, _sep, rest = link.partition(":")
        if scheme == "guide":
            try:
                self.open_guide(rest)
            except UserError as exc:
                self.show_message(str(exc))
        elif scheme == "app":
            self.app_link.emit(link)

    # Printing and saving

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save_pdf(self) -> None:
        self._save(summary=False)

    def save_summary_pdf(self) -> None:
        self._save(summary=True)

    def _save(self, summary: bool) -> None:
        if self.guide is None:
            return
        from toolkit.guides.guide_pdf import guide_pdf, summary_pdf

        guide = self.guide
        title = _("Save a one-page summary as PDF") if summary else _("Save the guide as PDF")
        suffix = "-summary" if summary else ""
        path = self.ask_save_path(self, title, f"{guide.id}-{guide.language}{suffix}.pdf")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            make = summary_pdf if summary else guide_pdf
            settings = self.settings()
            write_atomic(Path(path), make(guide, settings, settings.paper))
        except UserError as exc:
            self.show_message(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_message(_("Saved {path}").format(path=path))

    def print_guide(self) -> None:
        """Print the guide's PDF on the paper Settings names, at true size (like every page)."""
        if self.guide is None:
            return
        from toolkit.guides.guide_pdf import guide_pdf

        settings = self.settings()
        try:
            pdf = guide_pdf(self.guide, settings, settings.paper)
        except UserError as exc:
            self.show_message(str(exc))
            return
        from toolkit.gui.common.printing import print_for_person

        line = print_for_person(self, pdf, self.guide.title, settings, self.ask_printer)
        if line:
            self.show_message(line)
