"""A live view of the printed page, fed from PDF bytes kept in memory (no temporary files).

Until the letter can be composed, a friendly line says which step to fill in instead.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

# Characters on a line of the hint at the narrowest: the page beside the steps stays readable;
# when the window is narrower still, the preview moves below the steps (AdaptiveSplitter).
MIN_CHARACTERS = 16
MIN_HEIGHT = 260
HINT_MARGIN = 24


class PdfPreview(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel("")
        self.hint.setObjectName("notice")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(HINT_MARGIN)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumWidth(0)
        self.hint.setMinimumWidth(0)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.view)
        self._buffer: QBuffer | None = None
        self.pdf = b""

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().averageCharWidth() * MIN_CHARACTERS + 2 * HINT_MARGIN + 8
        return QSize(width, MIN_HEIGHT)

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def hint_shown(self) -> bool:
        return self.stack.currentWidget() is self.hint

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
        self.stack.setCurrentWidget(self.view)

    def page_count(self) -> int:
        return int(self.document.pageCount())
