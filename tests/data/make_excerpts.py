"""Rebuild the small public-data excerpts in tests/data from the full public files.

    .venv/bin/python tests/data/make_excerpts.py [SOURCE]

SOURCE is the folder of full files (default: ../shared/data beside the repository), laid out as
``directory/{legislators-current.csv,legislators-current.json,legislators-district-offices.json,
zccd.csv}`` and ``openstates/{il,ca}/legislature/*.yml``. The excerpt keeps that layout and copies
records verbatim (the same CSV lines, the same JSON records written with the same indentation,
whole YAML files), so the importers read it exactly as they read the full files. The choice is
fixed below and does not depend on the order files are listed in: the same source gives the same
bytes. See tests/data/README.md for what is kept and why.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent.parent / "shared" / "data"

# Every member, district office and zccd row of these states: ZIP lookups there stay meaningful.
FULL_STATES = ("IL", "AL")
# House members the tests name, by (state, district); "0" is an at-large seat or a delegate.
# CA-1 took office on 2026-06-10, the latest term start: the Congress file's "data as of" date.
NAMED_SEATS = (
    ("CA", "1"),
    ("CA", "23"),
    ("CA", "25"),
    ("CA", "37"),
    ("CA", "42"),
    ("CA", "43"),
    ("CA", "44"),
    ("NV", "1"),
    ("NV", "3"),
    ("VT", "0"),
    ("WY", "0"),
    ("DC", "0"),
    ("PR", "0"),
    ("OH", "1"),
)
# Both senators of every state kept above, and of these (WA: Cantwell; FL: Moody, appointed).
SENATE_STATES = ("WA", "FL")
# ZIPs the tests look up: split across districts (90002, 35005, 60601), across a state line
# (89019), at large (05401), a delegate (20001) and a resident commissioner (00901).
NAMED_ZIPS = ("90002", "89019", "05401", "20001", "00901", "35005", "60601")
# Open States: every current legislator of districts 1 to 6 in each chamber, and these.
OPENSTATES_STATES = ("il", "ca")
OPENSTATES_MAX_DISTRICT = 6
OPENSTATES_DISTRICTS = {"ca": ("39",)}  # Akilah Weber Pierson (Senate) and the Assembly's 39th


def kept_states() -> set[str]:
    return set(FULL_STATES) | {state for state, _district in NAMED_SEATS} | set(SENATE_STATES)


def keep_member(term_type: str, state: str, district: str) -> bool:
    if state in FULL_STATES:
        return True
    if term_type == "sen":
        return state in kept_states()
    return (state, str(int(district)) if district.isdigit() else district) in NAMED_SEATS


def csv_lines(path: Path) -> list[bytes]:
    """The file's physical lines with their own line ends (these files hold no quoted newline)."""
    return path.read_bytes().splitlines(keepends=True)


def members_csv(source: Path, target: Path) -> set[str]:
    lines = csv_lines(source)
    header = lines[0].decode("utf-8").rstrip("\r\n").split(",")
    type_at, state_at, district_at = (header.index(n) for n in ("type", "state", "district"))
    kept = [lines[0]]
    for raw in lines[1:]:
        row = next(csv.reader([raw.decode("utf-8")]))
        if keep_member(row[type_at], row[state_at], row[district_at]):
            kept.append(raw)
    target.write_bytes(b"".join(kept))
    bioguide_at = header.index("bioguide_id")
    return {next(csv.reader([raw.decode("utf-8")]))[bioguide_at] for raw in kept[1:]}


def write_json(data: Any, target: Path) -> None:
    # The congress-legislators files are exactly json.dumps(indent=2), ASCII, no final newline.
    target.write_text(json.dumps(data, indent=2, ensure_ascii=True), encoding="utf-8")


def members_json(source: Path, target: Path) -> set[str]:
    raw = source.read_text(encoding="utf-8")
    data = json.loads(raw)
    if json.dumps(data, indent=2, ensure_ascii=True) != raw:
        sys.exit(f"{source}: not written as json.dumps(indent=2); update write_json first")
    kept = []
    for person in data:
        term = person["terms"][-1]
        if keep_member(term["type"], term["state"], str(term.get("district", ""))):
            kept.append(person)
    write_json(kept, target)
    return {person["id"]["bioguide"] for person in kept}


def district_offices(source: Path, target: Path, members: set[str]) -> None:
    data = json.loads(source.read_text(encoding="utf-8"))
    write_json([entry for entry in data if entry["id"]["bioguide"] in members], target)


def zccd(source: Path, target: Path) -> None:
    lines = csv_lines(source)
    header = lines[0].decode("utf-8").rstrip("\r\n").split(",")
    state_at, zcta_at = header.index("state_abbr"), header.index("zcta")
    kept = [lines[0]]
    for raw in lines[1:]:
        row = raw.decode("utf-8").rstrip("\r\n").split(",")
        if row[state_at] in FULL_STATES or row[zcta_at] in NAMED_ZIPS:
            kept.append(raw)
    target.write_bytes(b"".join(kept))


def current_seat(person: dict[str, Any]) -> tuple[str, str] | None:
    for role in person.get("roles") or []:
        if role.get("type") in ("upper", "lower", "legislature") and not role.get("end_date"):
            return str(role["type"]), str(role.get("district", ""))
    return None


def openstates(source: Path, target: Path, state: str) -> int:
    folder = source / state / "legislature"
    out = target / state / "legislature"
    out.mkdir(parents=True)
    count = 0
    for path in sorted(folder.glob("*.yml")):
        seat = current_seat(yaml.safe_load(path.read_text(encoding="utf-8")))
        if seat is None:
            continue
        district = seat[1]
        numbered = district.isdigit() and int(district) <= OPENSTATES_MAX_DISTRICT
        if numbered or district in OPENSTATES_DISTRICTS.get(state, ()):
            shutil.copyfile(path, out / path.name)
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=HERE, help="default: this folder")
    args = parser.parse_args()
    source, out = args.source.resolve(), args.out.resolve()
    if not (source / "directory" / "zccd.csv").is_file():
        print(f"make_excerpts: no public data at {source}", file=sys.stderr)
        return 2
    directory = out / "directory"
    shutil.rmtree(directory, ignore_errors=True)
    shutil.rmtree(out / "openstates", ignore_errors=True)
    directory.mkdir(parents=True)
    full = source / "directory"
    from_csv = members_csv(full / "legislators-current.csv", directory / "legislators-current.csv")
    members = members_json(
        full / "legislators-current.json", directory / "legislators-current.json"
    )
    if from_csv != members:
        sys.exit(f"the CSV and the JSON disagree on members: {sorted(from_csv ^ members)}")
    district_offices(
        full / "legislators-district-offices.json",
        directory / "legislators-district-offices.json",
        members,
    )
    zccd(full / "zccd.csv", directory / "zccd.csv")
    shutil.copyfile(
        full / "LICENSE-congress-legislators.txt", directory / "LICENSE-congress-legislators.txt"
    )
    for state in OPENSTATES_STATES:
        openstates(source / "openstates", out / "openstates", state)
    for name in ("LICENSE.txt", "schema.md"):
        shutil.copyfile(source / "openstates" / name, out / "openstates" / name)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and p.suffix != ".py")
    print(f"make_excerpts: wrote {out} ({size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
