"""Self-test check for the desktop shell: build the main window offscreen and visit each page."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.selftest import check


@check("main window")
def main_window_builds(data: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from toolkit.gui.app import application, create_main_window
    from toolkit.gui.pages.registry import PAGES

    application()
    window = create_main_window()
    try:
        for info in PAGES:
            window.navigate(info.key, "")
            if window.current_key() != info.key:
                raise AssertionError(f"could not open the {info.key} page")
    finally:
        window.close()
        window.deleteLater()
    return f"{len(PAGES)} pages opened"
