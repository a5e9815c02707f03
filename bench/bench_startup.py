"""Cold start to a shown main window, beside a bare PySide6 window, measured in the same run."""

from __future__ import annotations

from common import Figure, median_seconds, run_python

BARE_QT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def figures(repeat: int) -> list[Figure]:
    bare = median_seconds(lambda: run_python(BARE_QT), repeat)
    app = median_seconds(lambda: run_python(args=["-m", "toolkit", "--quit-after-show"]), repeat)
    return [
        Figure("start: bare PySide6 QMainWindow shown", bare * 1000, "ms"),
        Figure(
            "start: toolkit main window shown",
            app * 1000,
            "ms",
            f"goal: within 2x bare ({bare * 2000:.0f} ms)",
        ),
    ]
