"""Cold start to a shown main window, beside a bare PySide6 window, measured in the same run.

Each child prints the wall-clock time at which its window is shown; the figure is that time
less the moment the child was launched, so process teardown and what runs after the window
shows are not counted (the time to exit is printed too, for comparison). The two are started
alternately (bare, app, bare, app, ...) so a busy machine slows both alike; the figure is the
median of 7 of each (``--repeat`` more, never fewer) and their ratio. Both run with their
bytecode cached, as an installed app and the bundle do.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import Figure

ROOT = Path(__file__).resolve().parent.parent
BARE_QT = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
print("shown", time.time(), flush=True)
QTimer.singleShot(0, app.quit)
app.exec()
"""
TOOLKIT = """
import time
from toolkit.__main__ import main
main(["--quit-after-show"], on_shown=lambda: print("shown", time.time(), flush=True))
"""
# The bare window has no text and touches no Qt enum. Any window with text pays for
# fontconfig and a font, and any code that names Qt.AlignmentFlag and the like makes PySide
# build the Qt namespace's hundred-odd Python enums (some 20 ms): this floor shows that part.
TEXT_FLOOR = """
import time
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Guides", alignment=Qt.AlignmentFlag.AlignLeft))
window.show()
print("shown", time.time(), flush=True)
QTimer.singleShot(0, app.quit)
app.exec()
"""
RATIO_GOAL = 1.3


def _start(code: str) -> tuple[float, float]:
    """Seconds from launch to the window shown, and to the process's exit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' installs have their .pyc files
    launched = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    exited = time.time()
    stamps = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("shown ")]
    if not stamps:
        raise RuntimeError(f"no window was shown: {result.stderr[-2000:]}")
    return float(stamps[0]) - launched, exited - launched


def figures(repeat: int) -> list[Figure]:
    runs = max(repeat, 7)
    for code in (BARE_QT, TOOLKIT, TEXT_FLOOR):  # warm the file cache and write bytecode
        _start(code)
    times: dict[str, list[tuple[float, float]]] = {BARE_QT: [], TOOLKIT: [], TEXT_FLOOR: []}
    for _ in range(runs):
        for code, found in times.items():
            found.append(_start(code))
    shown = {code: statistics.median(s for s, _e in found) for code, found in times.items()}
    exited = {code: statistics.median(e for _s, e in found) for code, found in times.items()}
    bare, app, floor = shown[BARE_QT], shown[TOOLKIT], shown[TEXT_FLOOR]
    met = "met" if app / bare <= RATIO_GOAL else "NOT met"
    return [
        Figure(f"start: bare PySide6 QMainWindow shown (median of {runs})", bare * 1000, "ms"),
        Figure(
            f"start: toolkit main window shown (median of {runs})",
            app * 1000,
            "ms",
            f"goal: within {RATIO_GOAL}x bare ({bare * RATIO_GOAL * 1000:.0f} ms)",
        ),
        Figure("start: toolkit / bare", app / bare, "x", f"goal: <= {RATIO_GOAL}x ({met})"),
        Figure(
            "start: bare window + one label + Qt's enums, / bare",
            floor / bare,
            "x",
            "what any window with text pays before its own code",
        ),
        Figure("start: bare, launch to exit", exited[BARE_QT] * 1000, "ms"),
        Figure(
            "start: toolkit, launch to exit",
            exited[TOOLKIT] * 1000,
            "ms",
            "with teardown and what runs after the window shows",
        ),
    ]
