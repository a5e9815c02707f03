"""Chinese and Korean fonts for ReportLab, cut from the Noto Sans CJK collection on PyPI.

ReportLab embeds only TrueType outlines, and the Noto CJK fonts on PyPI (``noto-cjk-sans-otc``)
are CFF. So for each document HarfBuzz subsets the right face (SC or KR) of the collection to the
characters the text needs, fontTools converts its cubic CFF outlines to quadratic TrueType ones,
and ReportLab registers the result. Subsets are cached on disk by a hash of the characters, and
registered once per process, so a second sheet with the same text costs nothing.
"""

from __future__ import annotations

import bisect
import hashlib
import io
from functools import cache
from pathlib import Path

from toolkit import paths
from toolkit.atomic import write_atomic
from toolkit.pdf.fonts import FontError

# Face index inside NotoSansCJK-Regular.ttc, per language (the collection's order).
FACES: dict[str, tuple[int, str]] = {
    "zh-Hans": (2, "SC"),
    "ko": (1, "KR"),
}
COLLECTION_FILE = "NotoSansCJK-Regular.ttc"
# Bump when the conversion changes, so stale cached subsets are not reused.
CONVERSION_VERSION = "3"
_registered: dict[str, str] = {}


def is_cjk_language(language: str) -> bool:
    return language in FACES


def collection_path() -> Path:
    bundled = paths.bundled_fonts_dir() / COLLECTION_FILE
    if bundled.is_file():
        return bundled
    try:
        import noto_cjk_sans_otc
    except ImportError as exc:
        raise FontError("The font package noto-cjk-sans-otc is not installed.") from exc
    path = Path(str(noto_cjk_sans_otc.__file__)).parent / COLLECTION_FILE
    if not path.is_file():
        raise FontError(f"The font file {COLLECTION_FILE} is missing from noto-cjk-sans-otc.")
    return path


# Which code points the Simplified Chinese face covers, as "first-last" hex ranges, cut with
# the other faces (scripts/cut_fonts.py): reading the collection's cmap for it took some 40 MiB,
# for every document, whatever its language.
COVERAGE_FILE = "cjk-coverage.txt"
COVERAGE_LANGUAGE = "zh-Hans"


def face_cmap(language: str) -> frozenset[int]:
    """Every code point the full face covers, read from the collection (slow, large)."""
    from fontTools.ttLib import TTCollection

    index, _tag = FACES[language]
    collection = TTCollection(str(collection_path()), lazy=True)
    return frozenset(collection.fonts[index].getBestCmap())


def coverage_ranges(codes: frozenset[int]) -> list[tuple[int, int]]:
    """``codes`` as sorted, merged (first, last) ranges."""
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def coverage_text(ranges: list[tuple[int, int]]) -> str:
    return "".join(f"{first:04X}-{last:04X}\n" for first, last in ranges)


@cache
def _coverage() -> tuple[list[int], list[int]]:
    path = paths.bundled_fonts_dir() / COVERAGE_FILE
    try:
        lines = path.read_text(encoding="ascii").split()
        pairs = [_range(line) for line in lines]
    except (OSError, ValueError):
        pairs = coverage_ranges(face_cmap(COVERAGE_LANGUAGE))  # a checkout without the file
    return [first for first, _last in pairs], [last for _first, last in pairs]


def _range(line: str) -> tuple[int, int]:
    first, last = line.split("-")
    return int(first, 16), int(last, 16)


def covers(code: int) -> bool:
    """Whether the Simplified Chinese face has a glyph for ``code``."""
    firsts, lasts = _coverage()
    at = bisect.bisect_right(firsts, code) - 1
    return at >= 0 and code <= lasts[at]


# ReportLab places glyphs by cmap alone, writes horizontally and applies no OpenType features:
# a subset needs none of these tables.
UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG")
# The standard name records (copyright, family, licence...), all kept as the face has them.
NAME_IDS = range(26)


def subset_bytes(language: str, chars: str, ps_name: str) -> bytes:
    """A TrueType-outline font holding just ``chars`` from the language's CJK face."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    index, _tag = FACES[language]
    # HarfBuzz cuts the subset from the mapped file, reading only the glyphs asked for (a few
    # MiB, some 10 ms). fontTools' subsetter parsed the whole 65,535-glyph face first: about
    # 45 MiB and half a second, for every new set of characters.
    damaged = FontError(f"The font file {COLLECTION_FILE} is damaged or unreadable.")
    try:
        face = hb.Face(hb.Blob.from_file_path(str(collection_path())), index)
    except hb.HarfBuzzError as exc:
        raise damaged from exc
    if face.glyph_count == 0:
        raise damaged
    wanted = hb.SubsetInput()
    for ch in chars:
        wanted.unicode_set.add(ord(ch))
    for tag in UNUSED_TABLES:
        wanted.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    for name_id in NAME_IDS:
        wanted.name_id_set.add(name_id)
    wanted.flags = (
        hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
    )
    try:
        cut = hb.subset(face, wanted)
    except RuntimeError as exc:  # HarfBuzz's "Subsetting failed"
        raise damaged from exc
    font = TTFont(io.BytesIO(cut.blob.data))
    _cff_to_glyf(font)  # a few hundred glyphs, not the whole face
    for record in font["name"].names:
        if record.nameID == 6:
            # ReportLab caches faces by PostScript name: each subset needs its own.
            record.string = ps_name
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cff_to_glyf(font: object) -> None:
    """Replace CFF outlines by TrueType quadratic ones, which ReportLab can embed."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_set = font.getGlyphSet()  # type: ignore[attr-defined]
    order = font.getGlyphOrder()  # type: ignore[attr-defined]
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf  # type: ignore[index]
    font["loca"] = newTable("loca")  # type: ignore[index]
    del font["CFF "]  # type: ignore[attr-defined]
    maxp = font["maxp"]  # type: ignore[index]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0  # type: ignore[index]
    font["head"].glyphDataFormat = 0  # type: ignore[index]
    font.sfntVersion = "\x00\x01\x00\x00"  # type: ignore[attr-defined]
    for name in ("VORG", "CFF2"):
        if name in font:  # type: ignore[operator]
            del font[name]  # type: ignore[attr-defined]
    font["post"].formatType = 3.0  # type: ignore[index]


def cjk_font(language: str, chars: str) -> str:
    """Register (once) and return a ReportLab font name covering ``chars`` for ``language``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    wanted = "".join(sorted(set(chars) | {" "}))
    digest = hashlib.sha256(f"{language}\n{wanted}".encode()).hexdigest()[:16]
    if digest in _registered:
        return _registered[digest]
    _index, tag = FACES[language]
    name = f"TKCJK{tag}-{digest[:10]}"
    cached = paths.cache_dir() / "cjk" / CONVERSION_VERSION / f"{tag}-{digest}.ttf"
    if not cached.is_file():
        write_atomic(cached, subset_bytes(language, wanted, name))
    pdfmetrics.registerFont(TTFont(name, str(cached)))
    _registered[digest] = name
    return name
