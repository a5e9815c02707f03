"""The one place that registers embedded fonts with ReportLab.

The fonts come from OFL font packages on PyPI (Noto Sans, Noto Sans Arabic). They ship as
variable fonts, and ReportLab embeds only a variable font's default instance, so each face we
need (regular, bold, italic, bold italic) is a static instance cut with fontTools. Cutting takes
seconds per face, so the instances are committed in ``assets/fonts`` (``scripts/cut_fonts.py``
makes them) and every install, source or frozen, starts with them ready. Only when that folder
is missing are they cut once into the cache.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

from toolkit import paths
from toolkit.atomic import write_atomic
from toolkit.errors import UserError

SANS = "TKSans"
SANS_BOLD = "TKSans-Bold"
SANS_ITALIC = "TKSans-Italic"
SANS_BOLD_ITALIC = "TKSans-BoldItalic"
ARABIC = "TKArabic"
ARABIC_BOLD = "TKArabic-Bold"


@dataclass(frozen=True)
class Face:
    name: str
    package: str
    filename: str
    weight: int

    @property
    def instance_filename(self) -> str:
        return f"{self.name}.ttf"


FACES = (
    Face(SANS, "fontpkg_noto_sans", "NotoSans[wdth,wght].ttf", 400),
    Face(SANS_BOLD, "fontpkg_noto_sans", "NotoSans[wdth,wght].ttf", 700),
    Face(SANS_ITALIC, "fontpkg_noto_sans", "NotoSans-Italic[wdth,wght].ttf", 400),
    Face(SANS_BOLD_ITALIC, "fontpkg_noto_sans", "NotoSans-Italic[wdth,wght].ttf", 700),
    Face(ARABIC, "fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf", 400),
    Face(ARABIC_BOLD, "fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf", 700),
)


class FontError(UserError):
    """A font could not be found or prepared; the message says which and why."""


def source_path(face: Face) -> Path:
    try:
        module = import_module(face.package)
    except ImportError as exc:
        raise FontError(f"The font package {face.package} is not installed.") from exc
    path = Path(str(module.__file__)).parent / "files" / face.filename
    if not path.is_file():
        raise FontError(f"The font file {face.filename} is missing from {face.package}.")
    return path


def make_instance(face: Face) -> bytes:
    """Cut a static face from the variable font (slow: a few seconds; cached by callers)."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source_path(face))
    axes = {axis.axisTag: axis for axis in font["fvar"].axes}
    location: dict[str, float] = {"wght": float(face.weight)}
    if "wdth" in axes:
        location["wdth"] = 100.0
    static = instancer.instantiateVariableFont(font, location, updateFontNames=True)
    static.recalcTimestamp = False  # the same source gives the same bytes
    # Unique PostScript names keep viewers from merging the faces into one.
    for record in static["name"].names:
        if record.nameID == 6:
            record.string = face.name
    out = io.BytesIO()
    static.save(out)
    return out.getvalue()


def instance_path(face: Face) -> Path:
    bundled = paths.bundled_fonts_dir() / face.instance_filename
    if bundled.is_file():
        return bundled
    version = _package_version(face.package)
    cached = paths.cache_dir() / "fonts" / version / face.instance_filename
    if not cached.is_file():
        write_atomic(cached, make_instance(face))
    return cached


def _package_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{package}-{version(package.replace('_', '-'))}"
    except PackageNotFoundError:
        return package


@cache
def register_fonts() -> tuple[str, ...]:
    """Register every face once per process; returns the registered font names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in FACES:
        pdfmetrics.registerFont(TTFont(face.name, str(instance_path(face))))
    for family, regular, bold, italic, bold_italic in (
        (SANS, SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
        (ARABIC, ARABIC, ARABIC_BOLD, ARABIC, ARABIC_BOLD),
    ):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
    return tuple(face.name for face in FACES)


def missing_glyphs(font_name: str, text: str) -> set[str]:
    """Characters of ``text`` the registered font has no glyph for (they would print as boxes)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    font = pdfmetrics.getFont(font_name)
    charmap = font.face.charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) not in charmap}


def cjk_collection_path() -> Path:
    """Noto Sans CJK (a .ttc of CFF outlines) from the noto-cjk-sans-otc package."""
    try:
        module = import_module("noto_cjk_sans_otc")
    except ImportError as exc:
        raise FontError("The font package noto-cjk-sans-otc is not installed.") from exc
    return Path(str(module.__file__)).parent / "NotoSansCJK-Regular.ttc"


def ui_font_files() -> list[Path]:
    """The static faces the GUI loads, so its text looks the same with or without system fonts."""
    return [instance_path(face) for face in FACES]
