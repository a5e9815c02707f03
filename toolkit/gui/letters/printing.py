"""Printing a PDF held in memory: each page rendered by QtPdf onto the printer's painter."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Send every page to ``printer``; returns the number of pages printed."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    # Draw from the paper's corner: the PDF already has its own margins.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            target = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
            image = document.render(page, target)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return int(document.pageCount())
