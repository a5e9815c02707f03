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
# Scripts beyond the twelve card languages: one regular face each (bold is drawn by stroking
# the outline as well, as for CJK), which keeps the bundle small.
DEVANAGARI = "TKDevanagari"
KHMER = "TKKhmer"
THAI = "TKThai"
TAMIL = "TKTamil"
TELUGU = "TKTelugu"
# Every face shaped by HarfBuzz. Shaped glyphs carry no usable Unicode (presentation forms,
# private-use code points, shared letter skeletons), so these faces get an empty ToUnicode
# map and the text layer (``TEXT``, drawn invisibly) carries what the glyphs say.
SHAPED_FACES = frozenset({ARABIC, ARABIC_BOLD, DEVANAGARI, KHMER, THAI, TAMIL, TELUGU})
SYNTHETIC_BOLD_FACES = frozenset({DEVANAGARI, KHMER, THAI, TAMIL, TELUGU})
TEXT = "TKText"


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
    Face(DEVANAGARI, "fontpkg_noto_sans_devanagari", "NotoSansDevanagari[wdth,wght].ttf", 400),
    Face(KHMER, "fontpkg_noto_sans_khmer", "NotoSansKhmer[wdth,wght].ttf", 400),
    Face(THAI, "fontpkg_noto_sans_thai", "NotoSansThai[wdth,wght].ttf", 400),
    Face(TAMIL, "fontpkg_noto_sans_tamil", "NotoSansTamil[wdth,wght].ttf", 400),
    Face(TELUGU, "fontpkg_noto_sans_telugu", "NotoSansTelugu[wdth,wght].ttf", 400),
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

    _install_tounicode_hook()
    for face in FACES:
        pdfmetrics.registerFont(TTFont(face.name, str(instance_path(face))))
    register_alias(TEXT, instance_path(FACES[0]).read_bytes())
    for family, regular, bold, italic, bold_italic in (
        (SANS, SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
        (ARABIC, ARABIC, ARABIC_BOLD, ARABIC, ARABIC_BOLD),
    ):
        addMapping(family, 0, 0, regular)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
    return tuple(face.name for face in FACES)


def register_alias(name: str, data: bytes) -> str:
    """A second ReportLab font from the same file under its own name and PDF font object."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(name, io.BytesIO(data))
        font.face.name = name.encode("ascii")  # ReportLab merges fonts that share a face name
        pdfmetrics.registerFont(font)
    return name


_GLYPH_ONLY: set[str] = set(SHAPED_FACES)


def glyph_only(font_name: str) -> str:
    """A twin of ``font_name`` whose glyphs extract as no text (the text layer says it)."""
    from reportlab.pdfbase import pdfmetrics

    if font_name in _GLYPH_ONLY:
        return font_name
    twin = f"{font_name}-G"
    if twin not in _GLYPH_ONLY:
        register_alias(twin, pdfmetrics.getFont(font_name).face._ttf_data)
        _GLYPH_ONLY.add(twin)
    return twin


def text_font(font_name: str) -> str:
    """The face the invisible text layer uses for letters drawn in ``font_name``: the font
    itself, or for a shaped (glyph-only) face a twin that maps its letters back to Unicode."""
    from reportlab.pdfbase import pdfmetrics

    if font_name not in SHAPED_FACES:
        return font_name
    return register_alias(f"{font_name}-T", pdfmetrics.getFont(font_name).face._ttf_data)


@cache
def _install_tounicode_hook() -> None:
    """Give glyph-only faces an empty ToUnicode map (ReportLab builds one per font subset)."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap

    def make_cmap(fontname: str, subset: list[int]) -> str:
        cmap = str(original(fontname, subset))
        if fontname.partition("+")[2] not in _GLYPH_ONLY:
            return cmap
        lines = cmap.split("\n")
        start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar"))
        end = lines.index("endbfchar")
        empty = [f"<{code:02X}> <>" for code in range(len(subset))]
        return "\n".join([*lines[: start + 1], *empty, *lines[end:]])

    ttfonts.makeToUnicodeCMap = make_cmap


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
