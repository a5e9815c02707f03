"""Save a screenshot of one page of the app (for the README and for looking at changes).

xvfb-run -a python scripts/screenshot.py PAGE [TARGET] OUT.png
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from toolkit.gui.app import application, create_main_window
from toolkit.settings import LoadResult, Settings


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    page, target, out = argv if len(argv) == 3 else (argv[0], "", argv[1])
    app = application()
    sample = Settings(org_name="Eastside Community Center", hotline="(555) 010-0199")
    window = create_main_window(LoadResult(sample))
    window.resize(1200, 800)
    window.show()
    window.navigate(page, target)

    def snap() -> None:
        window.grab().save(out)
        app.quit()

    QTimer.singleShot(1500, snap)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
