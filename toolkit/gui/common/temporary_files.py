"""The app's own temporary files, removed by "Finish and clear" and on close.

The app keeps previews and PDFs in memory; what may be left in the system's temporary folder
is a self-test or import folder from a run that was killed. Only names the app makes are
touched, only when older than a running check could be (another copy of the app may be running
one), and never the cache (fonts, not personal).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from toolkit import paths

# The prefixes toolkit.selftest, toolkit.checks and the GUI give their temporary folders.
PREFIXES = ("toolkit-selftest-", "toolkit-directory-", "toolkit-tmp-")
# A self-test or import check takes seconds; anything older was left by a run that was killed.
LEFT_AFTER_SECONDS = 3600


def folder() -> Path:
    return Path(tempfile.gettempdir())


def leftovers(base: Path | None = None, now: float | None = None) -> list[Path]:
    base = base or folder()
    cache = paths.cache_dir().resolve()
    cutoff = (time.time() if now is None else now) - LEFT_AFTER_SECONDS
    found = []
    for entry in base.iterdir() if base.is_dir() else []:
        try:
            old = entry.lstat().st_mtime < cutoff
        except OSError:
            continue
        if old and entry.name.startswith(PREFIXES) and entry.resolve() != cache:
            found.append(entry)
    return found


def remove(base: Path | None = None, now: float | None = None) -> int:
    """Remove the app's temporary files and folders; returns how many were removed."""
    removed = 0
    for entry in leftovers(base, now):
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed += 1
        except OSError:
            continue  # another running copy's folder, or already gone
    return removed
