"""Page previews of a PDF from bytes in memory, scaled to fit (two pages as tabs)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from toolkit.gui.cards.pdf_preview import page_images
from toolkit.gui.common.step_row import StepRow
from toolkit.i18n import _

# Rendered once this wide, then scaled down smoothly: sharp enough for a large window.
RENDER_WIDTH = 900


class PageView(QWidget):
    """One page drawn as large as fits, keeping its proportions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(260, 336)

    def minimumSizeHint(self) -> QSize:
        # Small enough for a 1024x700 window in large-text mode; the page scales down to fit.
        return QSize(180, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self._page_rect()
        painter.fillRect(target, QColor("#ffffff"))
        if not self.image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        painter.setPen(QPen(QColor("#b0b0b0")))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()

    def _page_rect(self) -> QRect:
        """The largest rectangle with the page's proportions, centered at the top."""
        ratio = 11 / 8.5
        if not self.image.isNull():
            ratio = self.image.height() / max(self.image.width(), 1)
        width = min(self.width(), int(self.height() / ratio))
        height = int(width * ratio)
        return QRect((self.width() - width) // 2, 0, width, height)


class SheetPreview(QWidget):
    """One page shown directly, or several pages as tabs (front and back of a card sheet)."""

    def __init__(self, captions: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.captions = captions or (_("Front (page 1)"), _("Back (page 2)"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.views = [PageView() for _caption in self.captions]
        self.tabs: QTabWidget | None = None
        if len(self.views) == 1:
            column.addWidget(QLabel(self.captions[0]))
            column.addWidget(self.views[0], 1)
        else:
            self.tabs = QTabWidget()
            for view, caption in zip(self.views, self.captions, strict=True):
                self.tabs.addTab(view, caption)
            # Front and back as buttons that wrap: a tab bar is cut off in a narrow column.
            self.step_row = StepRow(self.tabs)
            column.addWidget(self.step_row)
            column.addWidget(self.tabs, 1)
        self.pages_shown = 0

    def set_captions(self, captions: tuple[str, ...]) -> None:
        if self.tabs is not None:
            for index, caption in enumerate(captions[: self.tabs.count()]):
                self.tabs.setTabText(index, caption)
                self.step_row.buttons[index].setText(caption.replace("&", "&&"))
                self.step_row.buttons[index].setAccessibleName(caption)

    def show_pdf(self, pdf: bytes) -> None:
        images = page_images(pdf, RENDER_WIDTH, len(self.views))
        self.pages_shown = len(images)
        for index, view in enumerate(self.views):
            view.set_image(images[index] if index < len(images) else QImage())
            if self.tabs is not None:
                self.tabs.setTabEnabled(index, index < len(images))
                self.step_row.buttons[index].setEnabled(index < len(images))

    def clear(self) -> None:
        for view in self.views:
            view.set_image(QImage())
        self.pages_shown = 0
