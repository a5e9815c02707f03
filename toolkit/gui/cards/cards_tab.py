"""The Cards tab: languages and counts, layout, QR, a live front and back preview, save, print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from toolkit import display_names
from toolkit.cards import content
from toolkit.content_pack.origin import grouped_origins
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.cards.sheet_preview import SheetPreview
from toolkit.gui.cards.widgets import (
    ControlsSplitter,
    VerticalScroll,
    combo,
    first_language,
    message,
    save_pdf,
)
from toolkit.gui.cards.wording_dialog import WordingDialog
from toolkit.gui.common.calibration_dialog import CalibrationDialog
from toolkit.gui.common.printing import ask_printer, print_for_person
from toolkit.gui.context import AppContext
from toolkit.gui.wrap_check import WrapCheck
from toolkit.i18n import _, in_interface_direction

MAX_PER_LANGUAGE = 100


class CardsTab(QWidget):
    preview_updated = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.ask_printer = ask_printer  # swappable: tests need no printer
        self.pdf = b""
        self.spins: dict[str, QSpinBox] = {}
        self.language_labels: dict[str, QLabel] = {}
        self.edit_buttons: dict[str, QPushButton] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.splitter = ControlsSplitter(self._controls(), self._results())
        outer.addWidget(self.splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh)
        self.spins[first_language(content.LANGUAGES)].setValue(10)
        self.schedule()

    def _controls(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 8, 0)
        heading = QLabel(_("How many cards in each language?"))
        heading.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(self._language_list(), 1)
        column.addWidget(QLabel(_("Printing")))
        self.layout_choice = combo(
            [(_("Two-sided (duplex)"), "duplex"), (_("One-sided, fold over"), "fold")]
        )
        self.layout_choice.currentIndexChanged.connect(self.schedule)
        column.addWidget(self.layout_choice)
        self.paper = combo([(_("US Letter"), "letter"), (_("A4"), "a4")])
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.context.settings.paper)))
        self.paper.currentIndexChanged.connect(self.schedule)
        column.addWidget(self.paper)
        qr_row = WrapCheck(_("Add a QR code that dials the hotline (larger cards, 8 to a sheet)"))
        self.qr = qr_row.box
        self.qr.toggled.connect(self.schedule)
        column.addWidget(qr_row)
        return box

    def _language_list(self) -> VerticalScroll:
        """Languages as a compact grid (name, count, Edit…) that scrolls up and down only."""
        box = QWidget()
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        for row, card in enumerate(content.all_cards(self.context.data_dir)):
            label = QLabel(in_interface_direction(card.label))
            label.setWordWrap(True)
            # Right-to-left names would otherwise align right in a left-to-right list.
            label.setAlignment(
                Qt.AlignmentFlag.AlignAbsolute
                | Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignVCenter
            )
            spin = QSpinBox()
            spin.setRange(0, MAX_PER_LANGUAGE)
            spin.setAccessibleName(card.label)
            spin.valueChanged.connect(self.schedule)
            label.setBuddy(spin)
            edit = QPushButton(_("Edit…"))
            edit.setToolTip(_("Edit wording: {language}").format(language=card.label))
            edit.setAccessibleName(_("Edit wording: {language}").format(language=card.label))
            edit.clicked.connect(lambda _checked=False, code=card.code: self.edit_wording(code))
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(edit, row, 2)
            self.spins[card.code] = spin
            self.language_labels[card.code] = label
            self.edit_buttons[card.code] = edit
        # Wide enough for every name on one line when there is room; names wrap when there is not.
        for label in self.language_labels.values():
            label.setWordWrap(False)
        natural = box.sizeHint().width()
        for label in self.language_labels.values():
            label.setWordWrap(True)
        bar = box.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return VerticalScroll(box, natural + bar + 4)

    def _results(self) -> QWidget:
        """Warnings, the totals, Save and Print, how to print, then the preview."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(8, 0, 0, 0)
        self.notice = message("warning")
        column.addWidget(self.notice)
        self.error = message("warning")
        column.addWidget(self.error)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        # Which content pack the chosen languages' wording comes from.
        self.origin = QLabel("")
        self.origin.setWordWrap(True)
        column.addWidget(self.origin)
        column.addLayout(self._buttons())
        column.addLayout(self._calibration_row())
        self.instructions = message("notice")
        self.instructions.setVisible(True)
        column.addWidget(self.instructions)
        self.preview = SheetPreview()
        column.addWidget(self.preview, 1)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(_("Save PDF…"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_sheet)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        return row

    def _calibration_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.calibrate_button = QPushButton(_("Printer calibration…"))
        self.calibrate_button.clicked.connect(self.calibrate)
        row.addWidget(self.calibrate_button)
        row.addStretch(1)
        return row

    def calibrate(self) -> None:
        CalibrationDialog(self.context, self, self.ask_printer).exec()

    def counts(self) -> list[tuple[str, int]]:
        return [(code, spin.value()) for code, spin in self.spins.items() if spin.value() > 0]

    def schedule(self) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Rebuild the sheet and its preview (a sheet takes well under a second)."""
        from toolkit.cards.card_face import Branding
        from toolkit.cards.card_sheet import SheetRequest, render_sheet

        self._show_review_notice()
        self._show_origin()
        settings = self.context.settings
        layout = str(self.layout_choice.currentData())
        request = SheetRequest(
            self.counts(),
            str(self.paper.currentData()),
            layout,
            Branding(settings.org_name, settings.hotline, self.qr.isChecked()),
        )
        try:
            if self.qr.isChecked() and not settings.hotline:
                raise UserError(_("A QR code needs a hotline number: add it in Settings."))
            rendered = render_sheet(request, self.context.data_dir)
        except UserError as exc:
            self.pdf = b""
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.preview.clear()
            self._set_enabled(False)
            self.preview_updated.emit()
            return
        self.error.setVisible(False)
        self.pdf = rendered.pdf
        self.preview.show_pdf(rendered.pdf)
        cards = sum(n for _code, n in request.entries)
        sheets = rendered.pages if layout == "fold" else rendered.pages // 2
        self.summary.setText(
            _("Cards: {cards}. Sheets of paper: {sheets}.").format(cards=cards, sheets=sheets)
        )
        self.instructions.setText(self._instructions(layout))
        if layout == "fold":
            self.preview.set_captions(
                (_("Page {number}").format(number=1), _("Page {number}").format(number=2))
            )
        else:
            self.preview.set_captions((_("Front (page 1)"), _("Back (page 2)")))
        self._set_enabled(True)
        self.preview_updated.emit()

    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)

    def _instructions(self, layout: str) -> str:
        if layout == "duplex":
            return _(
                "How to print: choose two-sided printing and \u201cflip on long edge\u201d. "
                "Print at actual size (100%), not \u201cfit to page\u201d. Then cut on the marks."
            )
        return _(
            "How to print: one side, at actual size (100%). Cut out each strip on the marks, "
            "fold it on the dashed line, and glue or laminate it."
        )

    def _show_review_notice(self) -> None:
        cards = [content.load_card(code, self.context.data_dir) for code, _n in self.counts()]
        # Named in the interface's language: "español" in a Spanish sentence, not "Spanish".
        names = [display_names.shown(card.english_name) for card in cards if not card.reviewed]
        self.notice.setVisible(bool(names))
        if names:
            self.notice.setText(
                _(
                    "Not yet checked by a native speaker: {languages}. Ask a fluent reader to "
                    "look at these cards before you hand them out."
                ).format(languages=", ".join(names))
            )

    def _show_origin(self) -> None:
        cards = [content.load_card(code, self.context.data_dir) for code, _n in self.counts()]
        lines = grouped_origins((card.label, card.content_pack) for card in cards)
        self.origin.setText("\n".join(lines))

    def edit_wording(self, code: str) -> None:
        dialog = WordingDialog(code, self.context.data_dir, self)
        self.dialog = dialog  # kept so tests can reach it
        if dialog.exec():
            self.context.show_status(_("Card wording saved."))
        self.schedule()

    def save(self) -> None:
        if not self.pdf:
            return
        path, _filter = private_file_dialog.get_save_file_name(
            self, _("Save cards as PDF"), str(Path.home() / "rights-cards.pdf"), "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        save_pdf(self.pdf, path, self.error, self.context)

    def print_sheet(self) -> None:
        if self.pdf:
            line = print_for_person(
                self, self.pdf, _("Rights cards"), self.context.settings, self.ask_printer
            )
            self.context.show_status(line)
