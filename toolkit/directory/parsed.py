"""What an importer hands to the store: one file's records, checked before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit.directory.model import Office, Recipient

# Kinds of file the directory imports; each is also the key of its source in the store, except
# Open States, whose source is one per state ("openstates-il").
CONGRESS = "congress"
DISTRICT_OFFICES = "district-offices"
ZCCD = "zccd"
OPENSTATES = "openstates"
# Census ZCTA relationship files: one source per level ("census-cd", "census-sldu", ...).
CENSUS = "census"


@dataclass
class ParsedFile:
    path: Path
    kind: str
    source: str
    dataset_date: str = ""  # the newest date found in the data, "" when the file has none
    recipients: list[Recipient] = field(default_factory=list)
    district_offices: dict[str, list[Office]] = field(default_factory=dict)
    zccd_rows: list[tuple[str, str, str]] = field(default_factory=list)  # zcta, state, district
    # Census files: (zcta, level, state, district, share of the ZIP area's land)
    zip_rows: list[tuple[str, str, str, str, float]] = field(default_factory=list)
    vintage: str = ""  # "cd:119", "sldu:2024": which districts the file describes
    # True: everything previously imported from this source is replaced; False: added or updated.
    replace: bool = True

    @property
    def count(self) -> int:
        if self.kind == ZCCD:
            return len(self.zccd_rows)
        if self.kind == CENSUS:
            return len(self.zip_rows)
        if self.kind == DISTRICT_OFFICES:
            return sum(len(offices) for offices in self.district_offices.values())
        return len(self.recipients)
