"""The static font faces ship ready in assets/fonts: no install ever waits to cut them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pytestqt.qtbot import QtBot

from toolkit import paths
from toolkit.gui import style
from toolkit.gui.app import create_main_window, load_fonts
from toolkit.pdf import fonts

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("face", fonts.FACES, ids=lambda face: face.name)
def test_each_face_is_shipped_as_the_instance_of_its_variable_font(face: fonts.Face) -> None:
    shipped = TTFont(paths.bundled_fonts_dir() / face.instance_filename)
    source = TTFont(fonts.source_path(face))
    assert "fvar" not in shipped  # static, so ReportLab embeds the right weight
    assert shipped["name"].getDebugName(6) == face.name  # unique PostScript name
    assert shipped["OS/2"].usWeightClass == face.weight
    assert set(shipped.getBestCmap()) == set(source.getBestCmap())


def test_shipped_faces_were_cut_from_the_pinned_font_packages() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "cut_fonts.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pdf_fonts_are_the_shipped_faces_and_nothing_is_cut() -> None:
    for face in fonts.FACES:
        assert fonts.instance_path(face) == paths.bundled_fonts_dir() / face.instance_filename
    fonts.register_fonts()
    assert not (paths.cache_dir() / "fonts").exists()
    assert fonts.ui_font_files() == [fonts.instance_path(face) for face in fonts.FACES]


def test_interface_uses_the_bundled_faces_for_every_script(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo
    from PySide6.QtWidgets import QApplication

    window = create_main_window()
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert app.font().families() == style.UI_FAMILIES
    assert QFontInfo(app.font()).family() == "Noto Sans"
    assert set(style.UI_FAMILIES) <= load_fonts()  # loaded from the bundle, not the host
    for family, system in (
        ("Noto Sans", QFontDatabase.WritingSystem.Cyrillic),
        ("Noto Sans", QFontDatabase.WritingSystem.Vietnamese),
        ("Noto Sans Arabic", QFontDatabase.WritingSystem.Arabic),
        ("Noto Sans CJK SC", QFontDatabase.WritingSystem.SimplifiedChinese),
        ("Noto Sans CJK SC", QFontDatabase.WritingSystem.Korean),
    ):
        assert family in QFontDatabase.families(system), (family, system)
