"""The core must run without Qt: no core module may import PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import toolkit

PACKAGE = Path(toolkit.__file__).parent


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = relative.parts
        if "gui" in parts or parts[-1] in ("__main__", "catalogs") or "checks" in parts:
            continue
        names.append(".".join(p for p in parts if p != "__init__") or "toolkit")
    return names


def test_core_modules_import_without_qt() -> None:
    modules = core_modules()
    assert "toolkit.settings" in modules and "toolkit.pdf.document" in modules
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"


def test_only_paths_module_knows_about_frozen_bundles() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "_MEIPASS" in path.read_text(encoding="utf-8") and path.name != "paths.py"
    ]
    assert offenders == []
