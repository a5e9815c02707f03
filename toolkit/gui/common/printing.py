"""The one print path: the PDF itself, page by page, at true size on the paper it was made for.

No "fit to page": the page is drawn from the paper's corner at its real size in millimetres,
shifted by the printer's calibration offsets (Settings), so cards and labels land on the marks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from toolkit.i18n import _
from toolkit.settings import Settings

# Pages are rendered at this resolution at most: sharp on paper, without gigabyte images.
RENDER_DPI = 300
MM_PER_INCH = 25.4

Offsets = tuple[float, float]  # millimetres right and down


def _open(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def prepare_printer(printer: QPrinter, pdf: bytes, title: str) -> None:
    """Paper size and orientation from the PDF's first page, no margins, the document's name."""
    document, buffer = _open(pdf)
    try:
        size = document.pagePointSize(0)
    finally:
        document.close()
        buffer.close()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    orientation = (
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch),
        orientation,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    printer.setDocName(title)


def print_pdf(pdf: bytes, printer: QPrinter, offsets: Offsets = (0.0, 0.0)) -> int:
    """Print every page of ``pdf`` at true size; returns the number of pages sent."""
    document, buffer = _open(pdf)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        buffer.close()
        return 0
    try:
        dpi = printer.resolution()
        dx, dy = (value / MM_PER_INCH * dpi for value in offsets)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            render_dpi = min(dpi, RENDER_DPI)
            pixels = QSize(
                round(points.width() * render_dpi / 72), round(points.height() * render_dpi / 72)
            )
            image = document.render(page, pixels)
            target = QRectF(dx, dy, points.width() * dpi / 72, points.height() * dpi / 72)
            painter.drawImage(target, image)
        return int(document.pageCount())
    finally:
        painter.end()
        document.close()
        buffer.close()


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


def print_with_dialog(
    parent: QWidget,
    pdf: bytes,
    title: str,
    offsets_for: Callable[[str], Offsets] = lambda _name: (0.0, 0.0),
    ask: Callable[[QWidget, QPrinter], bool] = ask_printer,
) -> int | None:
    """Ask for a printer, then print; None when the person cancelled.

    ``offsets_for`` gives the calibration offsets of the chosen printer (by its name).
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, pdf, title)
    if not ask(parent, printer):
        return None
    return print_pdf(pdf, printer, offsets_for(printer.printerName()))


def print_for_person(
    parent: QWidget,
    pdf: bytes,
    title: str,
    settings: Settings,
    ask: Callable[[QWidget, QPrinter], bool] = ask_printer,
) -> str:
    """Print through the dialog with the chosen printer's calibration; a line to show."""
    pages = print_with_dialog(parent, pdf, title, settings.offsets_for, ask)
    if pages is None:
        return ""
    return _("Sent {pages} page(s) to the printer.").format(pages=pages)
