"""The PyInstaller bundle: its unpacked size, and its start times beside the unfrozen app's.

Measured only when a bundle was built (``python packaging/build.py``); otherwise one note figure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from common import Figure, median_seconds, run_python

ROOT = Path(__file__).resolve().parent.parent
BUNDLE_DIST = ROOT / "packaging" / "dist" / "bundle"
SIZE_GOAL_MIB = 170


def bundle_folder() -> Path | None:
    for candidate in (BUNDLE_DIST / "Rights Toolkit.app", BUNDLE_DIST / "RightsToolkit"):
        if candidate.is_dir():
            return candidate
    return None


def frozen_executable(folder: Path) -> Path:
    if folder.suffix == ".app":
        return folder / "Contents" / "MacOS" / "toolkit"
    return folder / ("toolkit.exe" if sys.platform.startswith("win") else "toolkit")


def size_mib(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / (1 << 20)


def run_frozen(executable: Path, args: list[str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([str(executable), *args], check=True, env=env, capture_output=True)


def start_pair(executable: Path, args: list[str], repeat: int) -> tuple[float, float]:
    unfrozen = median_seconds(lambda: run_python(args=["-m", "toolkit", *args]), repeat)
    frozen = median_seconds(lambda: run_frozen(executable, args), repeat)
    return unfrozen * 1000, frozen * 1000


def figures(repeat: int) -> list[Figure]:
    folder = bundle_folder()
    if folder is None:
        return [Figure("bundle: not built (python packaging/build.py)", 0.0, "n/a")]
    executable = frozen_executable(folder)
    result = [
        Figure(
            "bundle: size unpacked",
            size_mib(folder),
            "MiB",
            f"goal: < {SIZE_GOAL_MIB} MiB",
        )
    ]
    for label, args in (
        ("start to shown window (--quit-after-show)", ["--quit-after-show"]),
        ("self-test start (selftest --only settings)", ["selftest", "--only", "settings"]),
        ("command line start (--version)", ["--version"]),
    ):
        unfrozen, frozen = start_pair(executable, args, repeat)
        result.append(Figure(f"unfrozen: {label}", unfrozen, "ms"))
        result.append(
            Figure(f"frozen: {label}", frozen, "ms", f"goal: <= unfrozen ({unfrozen:.0f} ms)")
        )
    return result
