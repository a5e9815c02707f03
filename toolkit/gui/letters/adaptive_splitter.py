"""Steps beside the preview when there is room; the preview below the steps when there is not."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class AdaptiveSplitter(QSplitter):
    """Side by side when both fit at their minimum widths, otherwise one above the other.

    A plain horizontal splitter needs the sum of its children's widths, so on a small screen in
    large text the preview was squeezed to a sliver; stacking keeps both readable.
    """

    def __init__(self, first: QWidget, second: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.addWidget(first)
        self.addWidget(second)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def side_by_side_width(self) -> int:
        """The narrowest width at which the two parts fit next to each other."""
        widths = [self._minimum_width(index) for index in range(self.count())]
        return sum(widths) + self.handleWidth() * max(self.count() - 1, 0)

    def _minimum_width(self, index: int) -> int:
        child = self.widget(index)
        if child is None:
            return 0
        return max(child.minimumSizeHint().width(), child.minimumWidth())

    def minimumSizeHint(self) -> QSize:
        # Never ask for the side-by-side width: below it the parts stack instead.
        hint = super().minimumSizeHint()
        stacked = max((self._minimum_width(i) for i in range(self.count())), default=0)
        return QSize(stacked, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(event.size().width())
        super().resizeEvent(event)

    def arrange(self, width: int) -> None:
        wanted = (
            Qt.Orientation.Horizontal
            if width >= self.side_by_side_width()
            else Qt.Orientation.Vertical
        )
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()
