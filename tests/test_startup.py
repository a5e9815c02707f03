"""Start-up does only what the first page needs before the window shows (bench/ times it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

REPO = Path(__file__).resolve().parent.parent
# Prints, once the window is shown, which modules are loaded and which fonts Qt was given.
PROBE = """
import gc, json, sys
from toolkit.__main__ import main

def shown():
    from toolkit.gui import app
    found = {"modules": sorted(sys.modules), "fonts": sorted(app._loaded_families)}
    print(json.dumps({**found, "collecting": gc.isenabled()}))

main(["--quit-after-show"], on_shown=shown)
print(json.dumps({"collecting_after": gc.isenabled()}))
"""
# None of these is needed to show the Guides page; each costs start-up milliseconds.
NOT_BEFORE_SHOWN = (
    "yaml",  # guide front matter comes from the content cache
    "toolkit.cli",  # the command line's parsers
    "toolkit.guides.search",  # built on the first search
    "toolkit.gui.guides.html_delegate",  # search results' painter
    "toolkit.gui.common.input_guard",  # installed once the window is shown
    "PySide6.QtPrintSupport",  # printing
    "PySide6.QtPdf",
    "reportlab",  # PDFs
    "jinja2",  # letters
    "cryptography",  # incident notes
)


def start(tmp_path: Path, language: str = "en") -> dict[str, Any]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"language": language}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TOOLKIT_DATA_DIR": str(data),
        "TOOLKIT_CACHE_DIR": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    shown, after = result.stdout.strip().splitlines()[-2:]
    return {**json.loads(shown), **json.loads(after)}


def test_a_second_start_loads_nothing_the_first_page_does_not_need(tmp_path: Path) -> None:
    first = start(tmp_path)
    assert "yaml" in first["modules"]  # the first start parses the guides and keeps them
    second = start(tmp_path)
    loaded = [name for name in NOT_BEFORE_SHOWN if name in second["modules"]]
    assert loaded == [], f"loaded before the window showed: {loaded}"
    assert "toolkit.gui.pages.guides_page" in second["modules"]
    assert "toolkit.gui.pages.cards_page" not in second["modules"]


def test_the_collector_waits_for_the_window_then_runs_again(tmp_path: Path) -> None:
    found = start(tmp_path)
    assert found["collecting"] is False  # paused while start-up builds the window
    assert found["collecting_after"] is True  # and on for the rest of the session


@pytest.mark.parametrize(
    ("language", "wanted", "later"),
    [
        ("en", {"Noto Sans"}, {"Noto Sans Arabic", "Noto Sans CJK SC"}),
        ("ar", {"Noto Sans", "Noto Sans Arabic"}, {"Noto Sans CJK SC"}),
        ("zh-Hans", {"Noto Sans", "Noto Sans CJK SC"}, {"Noto Sans Arabic"}),
    ],
)
def test_the_window_shows_with_the_faces_of_its_language(
    tmp_path: Path, language: str, wanted: set[str], later: set[str]
) -> None:
    fonts = set(start(tmp_path, language)["fonts"])
    assert wanted <= fonts and not later & fonts


def test_every_face_is_loaded_once_the_window_is_shown(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer

    from toolkit.gui import app
    from toolkit.gui.style import UI_FAMILIES

    QTimer.singleShot(0, lambda: app.finish_start(app.application()))
    qtbot.wait(50)
    assert set(UI_FAMILIES) <= app.load_fonts("en")
