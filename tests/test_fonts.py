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
from toolkit.pdf import cjk, fonts

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


def test_the_chinese_coverage_list_is_what_the_pinned_face_covers() -> None:
    listed = (paths.bundled_fonts_dir() / cjk.COVERAGE_FILE).read_text(encoding="ascii")
    face = cjk.face_cmap(cjk.COVERAGE_LANGUAGE)
    assert listed == cjk.coverage_text(cjk.coverage_ranges(face))
    assert all(cjk.covers(code) for code in (0x4E00, 0x6C89, 0x9ED8, 0x3002, 0xAC00))
    sample = range(0, 0x30000, 7)
    assert [code for code in sample if cjk.covers(code)] == [c for c in sample if c in face]
    assert not cjk.covers(0x0628) and not cjk.covers(0x10FFFF)  # Arabic: not in this face


def test_checking_what_can_print_never_reads_the_chinese_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from toolkit.pdf import scripts

    def refuse(language: str) -> frozenset[int]:
        raise AssertionError("the collection's cmap was read (some 40 MiB)")

    monkeypatch.setattr(cjk, "face_cmap", refuse)
    assert scripts.can_draw("ñ") and scripts.can_draw("沉") and scripts.can_draw("ج")
    assert not scripts.can_draw("\U00010000")  # Linear B: no bundled face has it
