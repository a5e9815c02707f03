"""A globe drawn with Qt, for the language button: the bundled fonts have no globe emoji."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def globe_pixmap(size: int, color: str = "#10233f") -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(max(1.0, size / 14))
    painter.setPen(pen)
    margin = pen.widthF()
    outer = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.drawEllipse(outer)
    painter.drawEllipse(outer.adjusted(outer.width() * 0.28, 0, -outer.width() * 0.28, 0))
    middle = outer.center().y()
    painter.drawLine(int(outer.left()), int(middle), int(outer.right()), int(middle))
    for fraction in (0.25, 0.75):
        y = outer.top() + outer.height() * fraction
        inset = outer.width() * 0.07
        painter.drawLine(int(outer.left() + inset), int(y), int(outer.right() - inset), int(y))
    painter.end()
    return pixmap


def globe_icon(size: int = 32) -> QIcon:
    return QIcon(globe_pixmap(size))
