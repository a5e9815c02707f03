"""A message shown where the eye is: beside or under the control that caused it.

The label takes the style of its severity, scrolls itself into view, tells screen readers
(an alert event, and the control's accessible description carries the message until it is
cleared) and hides itself when empty.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

ERROR, WARNING, INFO, OK = "error", "warning", "info", "ok"
OBJECT_NAMES = {ERROR: "messageError", WARNING: "warning", INFO: "notice", OK: "messageOk"}


class InlineMessage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.severity = INFO
        self.control: QWidget | None = None
        self._control_description = ""
        self.hide()

    def show_message(self, text: str, severity: str = INFO, control: QWidget | None = None) -> None:
        """Show ``text``; ``control`` (the field or button it is about) is described by it."""
        self._release_control()
        self.severity = severity
        self.setObjectName(OBJECT_NAMES.get(severity, "notice"))
        self.style().unpolish(self)
        self.style().polish(self)
        super().setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        if control is not None and text:
            self.control = control
            self._control_description = control.accessibleDescription()
            control.setAccessibleDescription(text)
        if text:
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
            # After the layout has made room for the label.
            QTimer.singleShot(0, self, self.bring_into_view)

    def setText(self, text: str) -> None:  # QLabel's name: shows, hides and announces too
        self.show_message(text, self.severity, self.control)

    def clear_message(self) -> None:
        self.show_message("")

    def _release_control(self) -> None:
        if self.control is not None:
            with contextlib.suppress(RuntimeError):  # the control was deleted meanwhile
                self.control.setAccessibleDescription(self._control_description)
        self.control = None

    def bring_into_view(self) -> None:
        """Scroll every scroll area around the message so that it is on screen."""
        parent = self.parentWidget()
        while parent is not None:
            inner = parent.widget() if isinstance(parent, QScrollArea) else None
            if isinstance(parent, QScrollArea) and inner is not None and inner.isAncestorOf(self):
                parent.ensureWidgetVisible(self, 20, 20)
            parent = parent.parentWidget()
