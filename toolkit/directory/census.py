"""Importer for the Census 2020 ZCTA relationship files: ZIP areas to congressional (CD119) and
state legislative (SLDU/SLDL 2024) districts, with each district's share of the ZIP's land.

Layout (pipe-delimited, UTF-8 with a byte-order mark): ``GEOID_ZCTA5_20`` and
``AREALAND_ZCTA5_20`` for the ZIP area, ``GEOID_<LEVEL><VINTAGE>_20`` and ``NAMELSAD_...`` for the
district, ``AREALAND_PART`` for the land they share. A district GEOID is the state's FIPS code
followed by the district code: ``ZZ``/``ZZZ`` is water or land in no district (skipped), ``00``
an at-large seat and ``98`` a non-voting delegate (both district "0", as Congress data has them).
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.directory.districts import district_name
from toolkit.directory.errors import ImportFileError
from toolkit.directory.parsed import CENSUS, ParsedFile
from toolkit.directory.states import STATE_FIPS
from toolkit.directory.textfile import read_text
from toolkit.i18n import _

DISTRICT_COLUMN = re.compile(r"^GEOID_(?P<level>CD|SLDU|SLDL)(?P<vintage>\d+)_20$")
LEVELS = {"CD": "cd", "SLDU": "sldu", "SLDL": "sldl"}
ZCTA_COLUMN = "GEOID_ZCTA5_20"


def looks_like_census(first_line: str) -> bool:
    names = {name.strip().lstrip("\ufeff") for name in first_line.split("|")}
    return ZCTA_COLUMN in names and any(DISTRICT_COLUMN.match(n) for n in names)


def vintage_label(level: str, vintage: str) -> str:
    """ "119th Congress districts, 2020 Census" or "2024 state senate districts, 2020 Census"."""
    if level == "cd":
        return _("{n}th Congress districts, 2020 Census").format(n=vintage)
    if level == "sldu":
        return _("{year} state senate districts, 2020 Census").format(year=vintage)
    return _("{year} state house districts, 2020 Census").format(year=vintage)


def _number(text: str) -> float:
    try:
        return float(text.strip() or 0)
    except ValueError:
        return 0.0


def _district(level: str, code: str, name: str) -> str | None:
    """The district as Congress and Open States data name it; None for water or no district."""
    code = code.strip().upper()
    if not code or set(code) == {"Z"}:
        return None
    if level == "cd":
        return "0" if code in ("00", "98") else str(int(code)) if code.isdigit() else code
    if code.isdigit():
        return str(int(code))
    # Named districts (New Hampshire's "Coos 1", Vermont's "Addison-1", Massachusetts'
    # "1st Suffolk"): the Census name, matched to Open States through the crosswalk.
    return district_name(name) or code


def parse_census(path: Path) -> ParsedFile:
    text = read_text(path)
    lines = text.splitlines()
    if not lines:
        raise ImportFileError(_("{file} has no rows.").format(file=path.name))
    header = [name.strip().lstrip("\ufeff") for name in lines[0].split("|")]
    match = next((m for m in map(DISTRICT_COLUMN.match, header) if m), None)
    if match is None or ZCTA_COLUMN not in header or "AREALAND_PART" not in header:
        raise ImportFileError(
            _(
                "{file} is not a Census ZCTA relationship file: it needs the columns "
                "GEOID_ZCTA5_20, a district GEOID and AREALAND_PART."
            ).format(file=path.name)
        )
    level, vintage = LEVELS[match["level"]], match["vintage"]
    column = {name: i for i, name in enumerate(header)}
    geoid = column[match.group(0)]
    name_column = column.get(f"NAMELSAD_{match['level']}{vintage}_20")
    zcta_column, part = column[ZCTA_COLUMN], column["AREALAND_PART"]
    zcta_land = column.get("AREALAND_ZCTA5_20")
    land: dict[str, float] = {}
    parts: dict[tuple[str, str, str], float] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("|")
        if len(cells) < len(header):
            raise ImportFileError(
                _("{file}, line {line}: expected {count} columns separated by |.").format(
                    file=path.name, line=number, count=len(header)
                )
            )
        zcta, district_id = cells[zcta_column].strip(), cells[geoid].strip()
        if not zcta or not district_id:
            continue  # a district's land outside every ZIP area, or a ZIP area in no district
        state = STATE_FIPS.get(district_id[:2])
        if not (len(zcta) == 5 and zcta.isdigit()) or state is None:
            raise ImportFileError(
                _(
                    "{file}, line {line}: {zcta!r} / {geoid!r} is not a ZIP area and district."
                ).format(file=path.name, line=number, zcta=zcta, geoid=district_id)
            )
        name = cells[name_column] if name_column is not None else ""
        district = _district(level, district_id[2:], name)
        share = _number(cells[part])
        if zcta_land is not None:
            land[zcta] = _number(cells[zcta_land])
        if district is None:
            land.setdefault(zcta, 0.0)
            continue
        key = (zcta, state, district)
        parts[key] = parts.get(key, 0.0) + share
    if not parts:
        raise ImportFileError(_("{file} has no rows.").format(file=path.name))
    totals: dict[str, float] = {}
    for (zcta, _st, _dist), area in parts.items():
        totals[zcta] = totals.get(zcta, 0.0) + area
    counts: dict[str, int] = {}
    for zcta, _st, _dist in parts:
        counts[zcta] = counts.get(zcta, 0) + 1
    rows = []
    for (zcta, state, district), area in sorted(parts.items()):
        whole = land.get(zcta) or totals[zcta]
        share = area / whole if whole > 0 else 1.0 / counts[zcta]
        rows.append((zcta, level, state, district, round(min(share, 1.0), 4)))
    return ParsedFile(
        path=path,
        kind=CENSUS,
        source=f"{CENSUS}-{level}",
        vintage=f"{level}:{vintage}",
        zip_rows=rows,
    )
