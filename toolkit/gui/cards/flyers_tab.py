"""The Flyers tab: choose a flyer and language, tear-off strips, event details; preview, save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.cards import content
from toolkit.cards.flyer_content import FLYER_IDS, FLYER_NAMES, flyer_languages
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.cards.sheet_preview import SheetPreview
from toolkit.gui.cards.widgets import ControlsSplitter, combo, first_language, message, save_pdf
from toolkit.gui.common.printing import ask_printer, print_for_person
from toolkit.gui.context import AppContext
from toolkit.gui.wrap_check import WrapCheck
from toolkit.i18n import _, in_interface_direction


class FlyersTab(QWidget):
    preview_updated = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.ask_printer = ask_printer  # swappable: tests need no printer
        self.pdf = b""
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.flyer = combo([(_(FLYER_NAMES[flyer_id]), flyer_id) for flyer_id in FLYER_IDS])
        form.addRow(_("Flyer"), self.flyer)
        names = {c.code: c.label for c in content.all_cards(context.data_dir)}
        codes = flyer_languages()
        shown = [(in_interface_direction(names.get(code, code)), code) for code in codes]
        self.language = combo(shown)
        self.language.setCurrentIndex(codes.index(first_language(codes)))
        form.addRow(_("Language"), self.language)
        self.paper = combo([(_("US Letter"), "letter"), (_("A4"), "a4")])
        self.paper.setCurrentIndex(max(0, self.paper.findData(context.settings.paper)))
        form.addRow(_("Paper"), self.paper)
        tear_off_row = WrapCheck(_("Tear-off strips with the hotline"))
        self.tear_off = tear_off_row.box
        form.addRow("", tear_off_row)
        self.event_title = QLineEdit()
        self.event_date = QLineEdit()
        self.event_place = QLineEdit()
        self.event_bring = QLineEdit()
        self.event_title.setPlaceholderText(_("For example: Know your rights workshop"))
        self.event_date.setPlaceholderText(_("For example: Saturday, March 7, 10 am"))
        self.event_rows = [
            (_("Event title"), self.event_title),
            (_("Date and time"), self.event_date),
            (_("Place"), self.event_place),
            (_("What to bring"), self.event_bring),
        ]
        self.event_labels = []
        for label, edit in self.event_rows:
            edit.setMaxLength(120)
            edit.textChanged.connect(self.schedule)
            caption = QLabel(label)
            self.event_labels.append(caption)
            form.addRow(caption, edit)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(form)
        column.addStretch(1)
        self.splitter = ControlsSplitter(left, self._results(), share=0.6)
        outer.addWidget(self.splitter)
        for box in (self.flyer, self.language, self.paper):
            box.currentIndexChanged.connect(self.schedule)
        self.tear_off.toggled.connect(self.schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.refresh)
        self.schedule()

    def _results(self) -> QWidget:
        """Warnings, Save and Print, then the preview: the buttons stay near the top."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 0, 0, 0)
        self.notice = message("warning")
        column.addWidget(self.notice)
        self.error = message("warning")
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save PDF…"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_flyer)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        # Which content pack the chosen language's wording comes from.
        self.origin = QLabel("")
        self.origin.setWordWrap(True)
        column.addWidget(self.origin)
        self.preview = SheetPreview((_("Flyer"),))
        column.addWidget(self.preview, 1)
        return box

    def schedule(self) -> None:
        is_event = self.flyer.currentData() == "event"
        for (_label, edit), caption in zip(self.event_rows, self.event_labels, strict=True):
            edit.setVisible(is_event)
            caption.setVisible(is_event)
        self.timer.start()

    def refresh(self) -> None:
        from toolkit.cards.flyer_content import load_flyers
        from toolkit.cards.flyer_pdf import EventDetails, FlyerRequest, render_flyer

        settings = self.context.settings
        code = str(self.language.currentData())
        flyer_id = str(self.flyer.currentData())
        event = EventDetails(
            self.event_title.text(),
            self.event_date.text(),
            self.event_place.text(),
            self.event_bring.text(),
        )
        if flyer_id == "event" and not event.title.strip():
            event.title = _("Your event's title")
            event.date = event.date or _("Date and time")
            event.place = event.place or _("Place")
        request = FlyerRequest(
            flyer_id,
            code,
            str(self.paper.currentData()),
            self.tear_off.isChecked(),
            settings.org_name,
            settings.hotline,
            settings.logo_path,
            event,
        )
        try:
            language = load_flyers(code)
            self.origin.setText(language.content_origin())
            rendered = render_flyer(request)
        except UserError as exc:
            self.pdf = b""
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.preview.clear()
            self.preview_updated.emit()
            return
        self.notice.setVisible(not language.reviewed)
        self.notice.setText(
            _("This flyer's translation has not been checked by a native speaker yet.")
        )
        self.error.setVisible(False)
        self.pdf = rendered.pdf
        self.preview.show_pdf(rendered.pdf)
        self.preview_updated.emit()

    def save(self) -> None:
        if not self.pdf:
            return
        name = f"flyer-{self.flyer.currentData()}-{self.language.currentData()}.pdf"
        path, _filter = private_file_dialog.get_save_file_name(
            self, _("Save flyer as PDF"), str(Path.home() / name), "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        save_pdf(self.pdf, path, self.error, self.context)

    def print_flyer(self) -> None:
        if self.pdf:
            line = print_for_person(
                self, self.pdf, _("Flyer"), self.context.settings, self.ask_printer
            )
            self.context.show_status(line)
