"""Empty QVariant returns must not be able to crash the app (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import toolkit.gui  # applies the workaround
from PySide6.QtWidgets import QApplication, QComboBox, QListWidgetItem
app = QApplication([])
combo = QComboBox()
combo.addItem("no data")
item = QListWidgetItem("x")
for _ in range(20000):
    combo.currentData()
    item.data(256)
print("survived")
"""


def test_many_empty_variant_reads_do_not_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
