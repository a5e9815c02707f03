"""Self-test check for the desktop shell: build the main window offscreen and visit each page."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.selftest import check


@check("main window")
def main_window_builds(data: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from toolkit.gui.app import application, create_main_window, load_fonts
    from toolkit.gui.pages.registry import PAGES
    from toolkit.gui.style import UI_FAMILIES

    application()
    missing = set(UI_FAMILIES) - load_fonts()
    if missing:  # the interface would fall back to the host's fonts (boxes for some scripts)
        raise AssertionError(f"bundled interface fonts not loaded: {', '.join(sorted(missing))}")
    window = create_main_window()
    try:
        for info in PAGES:
            window.navigate(info.key, "")
            if window.current_key() != info.key:
                raise AssertionError(f"could not open the {info.key} page")
    finally:
        window.close()
        window.deleteLater()
    return f"{len(PAGES)} pages opened, interface fonts: {', '.join(UI_FAMILIES)}"
