"""Small widgets shared by the Cards and Flyers tabs, sized to fit a small laptop screen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
    QWidget,
)

from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.gui.common.message import ERROR, INFO, WARNING, InlineMessage
from toolkit.gui.context import AppContext
from toolkit.i18n import SOURCE_LANGUAGE, _, current_language


def first_language(available: Sequence[str]) -> str:
    """The language a tab starts in: the interface's, when there is wording in it."""
    interface = current_language()
    return interface if interface in available else SOURCE_LANGUAGE


class Combo(QComboBox):
    """A drop-down that likes to show its longest entry but may shrink on a small screen."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().averageCharWidth() * 10 + 40
        return QSize(min(hint.width(), narrow), hint.height())


def combo(items: list[tuple[str, str]]) -> QComboBox:
    box = Combo()
    for text, data in items:
        box.addItem(text, data)
    return box


def message(name: str) -> InlineMessage:
    """A word-wrapped message box styled by ``name`` (warning or notice), hidden while empty,
    announced to screen readers and scrolled into view when it shows (the shared one)."""
    label = InlineMessage()
    label.severity = WARNING if name == "warning" else INFO
    label.setObjectName(name)
    return label


class VerticalScroll(QScrollArea):
    """Scrolls up and down only: always wide enough for its content and a scroll bar."""

    def __init__(self, content: QWidget, preferred_width: int = 0) -> None:
        super().__init__()
        self.preferred_width = preferred_width
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * self.frameWidth())
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        # A short preferred height: the list grows into free space but never makes the page tall.
        return QSize(max(self.minimumWidth(), self.preferred_width), 160)


class ControlsSplitter(QSplitter):
    """Controls on the left, results on the right; the controls get no more than they use."""

    def __init__(self, controls: QWidget, results: QWidget, share: float = 0.5) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.share = share
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
        if controls is None:
            return
        total = self.width() - self.handleWidth()
        wanted = min(controls.sizeHint().width(), int(total * self.share))
        left = max(controls.minimumSizeHint().width(), wanted)
        self.setSizes([left, max(total - left, 0)])


def save_pdf(pdf: bytes, path: Path, error: QLabel, context: AppContext) -> None:
    """Write a finished PDF; a full disk or a read-only folder shows in ``error``."""
    try:
        write_atomic(path, pdf)
    except UserError as exc:
        if isinstance(error, InlineMessage):
            error.show_message(str(exc), ERROR)
        else:
            error.setText(str(exc))
            error.setVisible(True)
        return
    context.show_status(_("Saved to {path}").format(path=path))
