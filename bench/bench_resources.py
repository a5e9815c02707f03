"""Peak memory of each task, and the first Chinese and Korean card on a fresh install.

Each task runs in its own process (the ``toolkit`` command, offscreen, a fresh data folder) and
its peak resident memory is read from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process, so
nothing else is counted. The first CJK card uses an empty font cache, as on a new machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Figure

MEMORY_GOAL_MB = 150
FIRST_CJK_GOAL_S = 2.0

# Runs one command as a child and prints its peak memory (MiB) and wall time (s) as JSON.
MEASURE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
result = subprocess.run(sys.argv[1:], capture_output=True)
seconds = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"mb": peak_kib / 1024, "s": seconds, "rc": result.returncode,
                  "err": result.stderr.decode(errors="replace")[-300:]}))
"""


# A volunteer's session in the window: the Cards page, then each Chinese flyer in turn.
GUI_SESSION = """
from toolkit.gui.app import application, create_main_window
from toolkit.cards.flyer_pdf import EventDetails, FlyerRequest, render_flyer
app = application()
window = create_main_window()
window.show()
window.navigate("cards", "")
app.processEvents()
event = EventDetails("社区讲座", "12月6日 星期六 下午2点", "社区中心", "身份证件")
for flyer in ("rights-at-the-door", "document-encounter", "qualified-immunity", "event"):
    render_flyer(FlyerRequest(flyer, "zh-Hans", org_name="社区中心", event=event))
"""


def measure(args: list[str], folder: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TOOLKIT_DATA_DIR": str(folder / "data"),
        "TOOLKIT_CACHE_DIR": str(folder / "cache"),
    }
    # A task is a ``toolkit`` command, or ["-c", code] for a session driven from Python.
    run = args if args[:1] == ["-c"] else ["-m", "toolkit", *args]
    command = [sys.executable, "-c", MEASURE, sys.executable, *run]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(out))


def tasks(out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("start the app (window shown)", ["--quit-after-show"]),
        ("self-test", ["selftest"]),
        ("guide as PDF", ["guides", "pdf", "rights-at-the-door", "--out", str(out)]),
        ("10 cards, Spanish", ["cards", "--lang", "es", "--out", str(out)]),
        ("10 cards, Arabic", ["cards", "--lang", "ar", "--out", str(out)]),
        (
            "first 10 cards, Chinese (empty font cache)",
            ["cards", "--lang", "zh-Hans", "--out", str(out)],
        ),
        ("first 10 cards, Korean (empty font cache)", ["cards", "--lang", "ko", "--out", str(out)]),
        ("window: Cards page, then 4 Chinese flyers", ["-c", GUI_SESSION]),
    ]


def figures(repeat: int) -> list[Figure]:
    result = []
    for name, args in tasks(Path(tempfile.gettempdir()) / "toolkit-bench-resources.pdf"):
        with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as folder:
            measured = measure(args, Path(folder))
        mb, seconds = float(measured["mb"]), float(measured["s"])  # type: ignore[arg-type]
        met = "met" if mb < MEMORY_GOAL_MB else "NOT met"
        failed = f"; the command FAILED (exit {measured['rc']})" if measured["rc"] else ""
        result.append(
            Figure(f"memory: {name}, peak", mb, "MiB", f"goal: < {MEMORY_GOAL_MB} ({met}){failed}")
        )
        if name.startswith("first"):
            met = "met" if seconds <= FIRST_CJK_GOAL_S else "NOT met"
            result.append(
                Figure(
                    f"time: {name}",
                    seconds,
                    "s",
                    f"goal: <= {FIRST_CJK_GOAL_S} s, whole command ({met})",
                )
            )
    return result
