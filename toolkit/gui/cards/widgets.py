"""Small widgets shared by the Cards and Flyers tabs, sized to fit a small laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QSplitter, QStyle, QWidget


def combo(items: list[tuple[str, str]]) -> QComboBox:
    """A drop-down whose width follows its column, not its longest entry."""
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


def message(name: str) -> QLabel:
    """A word-wrapped, initially hidden message box styled by ``name`` (warning or notice)."""
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class VerticalScroll(QScrollArea):
    """Scrolls up and down only: always wide enough for its content and a scroll bar."""

    def __init__(self, content: QWidget, preferred_height: int = 160) -> None:
        super().__init__()
        self.preferred_height = preferred_height
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * self.frameWidth())
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        # A short preferred height: the list grows into free space but never makes the page tall.
        return QSize(self.minimumWidth(), self.preferred_height)


class ControlsSplitter(QSplitter):
    """Controls on the left, results on the right; the controls get no more than they use."""

    def __init__(self, controls: QWidget, results: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.addWidget(controls)
        self.addWidget(results)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.sized = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.sized:
            return
        self.sized = True
        controls = self.widget(0)
        total = self.width() - self.handleWidth()
        wanted = min(controls.sizeHint().width(), total // 2)
        left = max(controls.minimumSizeHint().width(), wanted)
        self.setSizes([left, max(total - left, 0)])
