"""Calibrate a printer once: print the marks, type what was measured, every later sheet shifts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.gui.common.printing import ask_printer, prepare_printer, print_pdf
from toolkit.gui.context import AppContext
from toolkit.i18n import _
from toolkit.pdf.calibration import MARK_MM, CalibrationError, make_calibration_pdf
from toolkit.pdf.calibration import offsets_from_measurement as offsets_from


class CalibrationDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        ask: Callable[[QWidget, QPrinter], bool] = ask_printer,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.ask = ask  # swappable, so tests need no real printer
        self.printer_name = ""
        self.setWindowTitle(_("Printer calibration"))
        column = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Cards, envelopes and labels must land exactly on the marks. Print the "
                "calibration page once on each printer, measure mark A with a ruler, and type "
                "what you measured."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.print_button = QPushButton(_("1. Print the calibration page"))
        self.print_button.clicked.connect(self.print_page)
        column.addWidget(self.print_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.from_left = self._millimetres()
        self.from_top = self._millimetres()
        form.addRow(_("2. From the left edge to the line (mm):"), self.from_left)
        form.addRow(_("3. From the top edge to the line (mm):"), self.from_top)
        column.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Calibration message"))
        column.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(
            _("4. Save for this printer"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def _millimetres(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.0, 60.0)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setValue(MARK_MM)
        box.setSuffix(" mm")
        return box

    def print_page(self) -> None:
        pdf = make_calibration_pdf(self.context.settings.paper)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, pdf, _("Printer calibration page"))
        if not self.ask(self, printer):
            return
        print_pdf(pdf, printer)  # never shifted: the marks show the printer's own drift
        self.printer_name = printer.printerName()
        self.save_button.setEnabled(True)
        self.message.setText(
            _("Sent to {printer}. Measure mark A, then type the two numbers.").format(
                printer=self.printer_name or _("the printer")
            )
        )

    def save(self) -> None:
        try:
            dx, dy = offsets_from(self.from_left.value(), self.from_top.value())
            offsets = {**self.context.settings.print_offsets, self.printer_name: [dx, dy]}
            self.context.save_settings(
                dataclasses.replace(self.context.settings, print_offsets=offsets)
            )
        except (CalibrationError, UserError) as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            _(
                "Saved. Everything printed on {printer} is now shifted {dx} mm right, {dy} mm down."
            ).format(printer=self.printer_name or _("the printer"), dx=dx, dy=dy)
        )
