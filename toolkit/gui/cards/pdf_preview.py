"""Showing PDF bytes kept in memory (no temporary files); printing is gui.common.printing."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget


def load_document(pdf: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading from memory; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    return document, buffer


def page_images(pdf: bytes, width: int, pages: int = 2) -> list[QImage]:
    """The first ``pages`` pages rendered ``width`` pixels wide."""
    document, buffer = load_document(pdf)
    images = []
    for index in range(min(pages, document.pageCount())):
        size = document.pagePointSize(index)
        height = int(width * size.height() / max(size.width(), 1))
        images.append(document.render(index, QSize(width, height)))
    document.close()
    buffer.close()
    return images
