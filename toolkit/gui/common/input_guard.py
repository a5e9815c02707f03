"""One event filter on the application for what every page's controls should do alike.

- Tab leaves a multi-line box (Ctrl+Tab still types a tab in Qt).
- The mouse wheel changes a combo box or spin box only when it has the keyboard focus;
  otherwise the wheel scrolls the page under the pointer, as people expect.
- A control the wheel reaches is never focused by the wheel alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

_VALUE_CONTROLS = (QComboBox, QAbstractSpinBox)


def value_control(obj: QObject) -> QWidget | None:
    """The combo or spin box ``obj`` is, or is the line edit of."""
    for candidate in (obj, obj.parent()):
        if isinstance(candidate, _VALUE_CONTROLS):
            return candidate
    return None


def prepare(widget: QWidget) -> None:
    """What the guard does to each widget before it is first shown."""
    if isinstance(widget, QPlainTextEdit) or (
        isinstance(widget, QTextEdit) and not isinstance(widget, QTextBrowser)
    ):
        # A read-only browser keeps Tab for its links and leaves after the last one.
        widget.setTabChangesFocus(True)
    elif isinstance(widget, _VALUE_CONTROLS) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            prepare(watched)
        elif kind == QEvent.Type.Wheel:
            control = value_control(watched)
            if control is not None and not control.hasFocus() and isinstance(event, QWheelEvent):
                scroll_to_parent(control, event)
                return True
        return False


def scroll_to_parent(control: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the scroll area around ``control`` instead (the page scrolls)."""
    parent = control.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    forwarded = QWheelEvent(
        position,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QApplication.sendEvent(viewport, forwarded)


_guard: InputGuard | None = None


def install(app: QApplication) -> InputGuard:
    """Install the guard once per application, preparing the widgets that already exist.

    The app installs it once the window is shown: a Python filter on the application makes
    every event and widget class pass through Python, which costs start-up some 30 ms, and
    nobody can type or turn the wheel before the window is there.
    """
    global _guard
    if _guard is None:
        _guard = InputGuard(app)
        app.installEventFilter(_guard)
        for widget in app.allWidgets():
            prepare(widget)
    return _guard
