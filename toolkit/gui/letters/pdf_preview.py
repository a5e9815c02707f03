"""A live view of the printed page, fed from PDF bytes kept in memory (no temporary files)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PdfPreview(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view)
        self._buffer: QBuffer | None = None
        self.pdf = b""

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        # The document reads from the buffer: keep it alive until the next one replaces it.
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def page_count(self) -> int:
        return int(self.document.pageCount())
