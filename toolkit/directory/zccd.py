"""Importer for zccd.csv: ZIP code tabulation areas to congressional districts (cd 0: at-large)."""

from __future__ import annotations

from pathlib import Path

from toolkit.directory.errors import ImportFileError
from toolkit.directory.parsed import ZCCD, ParsedFile
from toolkit.directory.states import is_state_code
from toolkit.directory.textfile import read_csv
from toolkit.i18n import _

COLUMNS = ("state_abbr", "zcta", "cd")


def parse_zccd(path: Path) -> ParsedFile:
    parsed = ParsedFile(path=path, kind=ZCCD, source=ZCCD)
    seen: set[tuple[str, str, str]] = set()
    for line, row in read_csv(path, COLUMNS):
        zcta, state, cd = row["zcta"].strip(), row["state_abbr"].strip().upper(), row["cd"].strip()
        # Spreadsheets drop leading zeros ("5401" for Burlington's 05401): put them back.
        if zcta.isdigit() and len(zcta) < 5:
            zcta = zcta.zfill(5)
        if not (len(zcta) == 5 and zcta.isdigit() and is_state_code(state) and cd.isdigit()):
            raise ImportFileError(
                _(
                    "{file}, line {line}: expected a 5-digit ZIP, a state code and a district "
                    "number, found {zcta!r}, {state!r}, {cd!r}."
                ).format(file=path.name, line=line, zcta=zcta, state=state, cd=cd)
            )
        key = (zcta, state, str(int(cd)))
        if key not in seen:
            seen.add(key)
            parsed.zccd_rows.append(key)
    if not parsed.zccd_rows:
        raise ImportFileError(_("{file} has no rows.").format(file=path.name))
    return parsed
