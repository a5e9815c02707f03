"""Test setup: Qt offscreen, a private data folder per test, English unless a test says so."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Forced, not setdefault: a desktop session's own platform must not leak into the tests.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# One cache for the whole run (CJK subsets are reused), never the person's own ~/.cache.
_CACHE = tempfile.TemporaryDirectory(prefix="toolkit-test-cache-")
os.environ["TOOLKIT_CACHE_DIR"] = _CACHE.name

REPO = Path(__file__).resolve().parent.parent
# Small excerpts of the public directory data, committed: see tests/data/README.md.
PUBLIC_DATA = REPO / "tests" / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("TOOLKIT_DATA_DIR", str(folder))
    yield folder
    # Undone first, so a test's patched catalog loader cannot outlive it as English.
    monkeypatch.undo()
    from toolkit.i18n import set_language

    set_language("en")


@pytest.fixture(autouse=True)
def delete_windows() -> Iterator[None]:
    """Delete every top-level widget a test left: closed-but-alive windows slow later tests."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def public_data() -> Path:
    """The committed excerpts of the public files: ``directory/`` and ``openstates/``."""
    return PUBLIC_DATA
