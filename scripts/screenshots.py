"""Screenshots of every page at 1024x600 in English, Spanish, Arabic, Chinese, Vietnamese and
the pseudo-language, for looking at clipped text and for the README.

python scripts/screenshots.py OUT_DIR [WIDTHxHEIGHT] [LANG,LANG...]   (offscreen; PAGE-LANG.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A throwaway data folder: screenshots never show (or change) a person's own data.
os.environ.setdefault("TOOLKIT_DATA_DIR", tempfile.mkdtemp(prefix="toolkit-tmp-shots-"))

from PySide6.QtCore import QEventLoop, Qt, QTimer

from toolkit import i18n
from toolkit.gui.app import application, create_main_window
from toolkit.gui.pages.registry import PAGES
from toolkit.pseudo_locale import PseudoTranslations
from toolkit.settings import LoadResult, Settings

LANGUAGES = ("en", "es", "ar", "zh-Hans", "vi", "pseudo")
# The letter page is shown with a letter on its way, the way people see it most.
TARGETS = {"letters": "city-sanctuary"}


def settle(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def shoot(out: Path, language: str, size: tuple[int, int]) -> list[Path]:
    real_catalog = i18n.load_catalog
    if language == "pseudo":
        i18n.load_catalog = lambda _code: PseudoTranslations()  # type: ignore[assignment]
    try:
        sample = Settings(
            language="en" if language == "pseudo" else language,
            org_name="Eastside Community Center",
            hotline="(555) 010-0199",
        )
        window = create_main_window(LoadResult(sample))
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*size)
        window.show()
        written = []
        for info in PAGES:
            window.navigate(info.key, TARGETS.get(info.key, ""))
            settle(1200)  # previews are drawn after a short pause
            path = out / f"{info.key}-{language}.png"
            window.grab().save(str(path))
            written.append(path)
        window.close()
        window.deleteLater()
        return written
    finally:
        i18n.load_catalog = real_catalog


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2, 3):
        print(__doc__)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in (argv[1] if len(argv) == 2 else "1024x600").split("x"))
    application()
    for language in argv[2].split(",") if len(argv) == 3 else LANGUAGES:
        for path in shoot(out, language, (width, height)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
