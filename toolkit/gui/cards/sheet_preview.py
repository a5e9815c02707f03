"""Front and back previews of a PDF, side by side, from bytes in memory."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from toolkit.gui.cards.pdf_preview import page_images
from toolkit.i18n import _

PREVIEW_WIDTH = 300


class SheetPreview(QWidget):
    def __init__(self, captions: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.captions = captions or (_("Front (page 1)"), _("Back (page 2)"))
        row = QHBoxLayout(self)
        self.images: list[QLabel] = []
        self.caption_labels: list[QLabel] = []
        for caption in self.captions:
            column = QVBoxLayout()
            title = QLabel(caption)
            image = QLabel()
            image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            image.setMinimumSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.3))
            image.setStyleSheet("background: #ffffff; border: 1px solid #b0b0b0;")
            column.addWidget(title)
            column.addWidget(image)
            column.addStretch(1)
            row.addLayout(column)
            self.images.append(image)
            self.caption_labels.append(title)
        self.pages_shown = 0

    def show_pdf(self, pdf: bytes) -> None:
        images = page_images(pdf, PREVIEW_WIDTH, len(self.images))
        self.pages_shown = len(images)
        for index, label in enumerate(self.images):
            if index < len(images):
                label.setPixmap(QPixmap.fromImage(images[index]))
                label.setVisible(True)
                self.caption_labels[index].setVisible(True)
            else:
                label.clear()
                label.setVisible(False)
                self.caption_labels[index].setVisible(False)

    def clear(self) -> None:
        for label in self.images:
            label.clear()
        self.pages_shown = 0
