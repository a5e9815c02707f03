"""Self-test check for the directory: import a tiny built-in sample, then look up a ZIP."""

from __future__ import annotations

import tempfile
from pathlib import Path

from toolkit.directory import model
from toolkit.directory.directory import Directory
from toolkit.selftest import check

MEMBERS_CSV = """\
last_name,first_name,full_name,type,state,district,party,address,phone,bioguide_id
Doe,Pat,Pat Doe,sen,IL,,Democrat,1 Hart Senate Office Building Washington DC 20510,,T000001
Roe,Sam,Sam Roe,sen,IL,,Republican,2 Russell Senate Office Building Washington DC 20510,,T000002
Poe,Kim,Kim Poe,rep,IL,7,Democrat,3 Cannon House Office Building Washington DC 20515-1307,,T000003
Loe,Lee,Lee Loe,rep,IL,8,Democrat,4 Cannon House Office Building Washington DC 20515-1308,,T000004
"""
ZCCD_CSV = "state_fips,state_abbr,zcta,cd\n17,IL,60601,7\n17,IL,60602,7\n17,IL,60602,8\n"
PERSON_YML = """\
id: ocd-person/00000000-0000-0000-0000-000000000001
name: Ana Núñez
family_name: Núñez
party:
- name: Democratic
roles:
- type: lower
  jurisdiction: ocd-jurisdiction/country:us/state:ca/government
  district: '17'
offices:
- classification: district
  address: 455 Golden Gate Ave. Suite 14300, San Francisco, CA 94102
"""


@check("directory")
def directory_lookup(data: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="toolkit-directory-") as tmp:
        folder = Path(tmp)
        (folder / "legislators-current.csv").write_text(MEMBERS_CSV, encoding="utf-8")
        (folder / "zccd.csv").write_text(ZCCD_CSV, encoding="utf-8")
        (folder / "Ana-Nunez.yml").write_text(PERSON_YML, encoding="utf-8")
        with Directory(data) as directory:
            directory.import_paths(sorted(folder.iterdir()))
            split = directory.find_by_zip("60602")
            ana = directory.find_by_state("CA", 17, level="state")
    kinds = [r.kind for r in split]
    if kinds != [model.US_SENATOR] * 2 + [model.US_REPRESENTATIVE] * 2:
        raise AssertionError(f"ZIP 60602 should list 2 senators and 2 representatives: {kinds}")
    if split[2].offices[0].lines[-1] != "Washington DC 20515-1307":
        raise AssertionError(f"Washington address not as given: {split[2].offices[0].lines}")
    if [r.title for r in ana] != ["Assembly Member"]:
        raise AssertionError(f"California's lower chamber title is wrong: {ana}")
    return f"sample imported; ZIP 60602 gives {len(split)} candidates in 2 districts"
