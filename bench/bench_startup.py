"""Cold start to a shown main window, beside a bare PySide6 window, measured in the same run.

The two are started alternately (bare, app, bare, app, ...) so a busy machine slows both alike;
the figure is the median of 7 of each (``--repeat`` more, never fewer) and their ratio.
"""

from __future__ import annotations

import statistics
import time

from common import Figure, run_python

BARE_QT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
RATIO_GOAL = 1.3


def _seconds(func: object) -> float:
    started = time.perf_counter()
    func()  # type: ignore[operator]
    return time.perf_counter() - started


def figures(repeat: int) -> list[Figure]:
    runs = max(repeat, 7)
    run_python(BARE_QT)  # warm the file cache for both before timing
    run_python(args=["-m", "toolkit", "--quit-after-show"])
    bare_times, app_times = [], []
    for _ in range(runs):
        bare_times.append(_seconds(lambda: run_python(BARE_QT)))
        app_times.append(_seconds(lambda: run_python(args=["-m", "toolkit", "--quit-after-show"])))
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    return [
        Figure(f"start: bare PySide6 QMainWindow shown (median of {runs})", bare * 1000, "ms"),
        Figure(
            f"start: toolkit main window shown (median of {runs})",
            app * 1000,
            "ms",
            f"goal: within {RATIO_GOAL}x bare ({bare * RATIO_GOAL * 1000:.0f} ms)",
        ),
        Figure(
            "start: toolkit / bare",
            app / bare,
            "x",
            f"goal: <= {RATIO_GOAL}x ({'met' if app / bare <= RATIO_GOAL else 'NOT met'})",
        ),
    ]
