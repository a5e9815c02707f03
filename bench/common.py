"""Shared helpers for the bench modules: a figure, timing a command, a median."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    goal: str = ""

    def row(self) -> str:
        return f"{self.name:<58} {self.value:>10.2f} {self.unit:<6} {self.goal}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def median_seconds(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_python(code: str | None = None, args: list[str] | None = None) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, *(["-c", code] if code else []), *(args or [])]
    subprocess.run(command, check=True, env=env, capture_output=True)
