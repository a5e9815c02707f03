"""Notices when nobody has touched the keyboard or mouse for a while (for the idle lock)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

USER_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatch(QObject):
    """Emits ``idle`` after ``minutes`` without user input while running."""

    idle = Signal()

    def __init__(self, minutes: int) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if self.timer.isActive() and event.type() in USER_INPUT:
            self.timer.start()
        return False
