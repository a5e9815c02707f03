"""What the app put on the clipboard, so "Finish and clear" removes it and nothing else.

Only fingerprints are kept (never the text). On X11, Wayland, Windows and macOS Qt knows
whether this process owns the clipboard; the offscreen and minimal platforms keep the
clipboard inside the process, so everything on it there is the app's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

IN_PROCESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def _digest(text: str) -> str:
    import hashlib  # on the first copy, not at start-up (OpenSSL takes a few ms to load)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ClipboardWatch(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: set[str] = set()
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _owned_now(self) -> bool:
        return (
            QGuiApplication.clipboard().ownsClipboard()
            or QGuiApplication.platformName() in IN_PROCESS_PLATFORMS
        )

    def _changed(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text and self._owned_now():
            self._ours.add(_digest(text))

    def holds_ours(self) -> bool:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        return bool(text) and (clipboard.ownsClipboard() or _digest(text) in self._ours)

    def clear_ours(self) -> bool:
        """Empty the clipboard when it holds text this app put there; True when it did."""
        cleared = self.holds_ours()
        if cleared:
            QGuiApplication.clipboard().clear()
        self._ours.clear()
        return cleared
