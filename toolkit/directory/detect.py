"""Which importer a file or folder needs, told from its name and its first bytes."""

from __future__ import annotations

from pathlib import Path

from toolkit.directory import census, congress, openstates, zccd
from toolkit.directory.errors import ImportFileError
from toolkit.directory.parsed import ParsedFile
from toolkit.directory.textfile import header_key, read_text
from toolkit.i18n import _

YAML_SUFFIXES = (".yml", ".yaml")
# Open States keeps former members and executives beside the legislature: skip them.
OPENSTATES_SKIP = ("retired", "executive", "municipalities", "committees")


def unknown_file(path: Path) -> ImportFileError:
    return ImportFileError(
        _(
            "{file} is not a file the directory can import. Expected legislators-current.csv or "
            ".json, legislators-district-offices.json, zccd.csv, the Census ZCTA relationship "
            "files (tab20_..._zcta520_natl.txt), or Open States .yml files."
        ).format(file=path.name)
    )


def parse_path(path: Path, today: str) -> list[ParsedFile]:
    """Every importable file in ``path`` (a file or a folder), parsed but not yet stored."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(_("{path} does not exist.").format(path=path))
    if path.is_dir():
        return parse_folder(path, today)
    return [parse_file(path, today)]


def parse_folder(folder: Path, today: str) -> list[ParsedFile]:
    legislature = folder / "legislature"
    if legislature.is_dir():
        return parse_folder(legislature, today)
    people = sorted(p for p in folder.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
    results = [openstates.parse_people(people, today, whole_state=True)] if people else []
    for child in sorted(folder.iterdir()):
        census_file = child.suffix.lower() == ".txt" and child.name.lower().startswith("tab20")
        if child.is_file() and (child.suffix.lower() in (".csv", ".json") or census_file):
            results.append(parse_file(child, today))
        elif (
            child.is_dir() and not child.name.startswith(".") and child.name not in OPENSTATES_SKIP
        ):
            results.extend(parse_folder(child, today))
    if not results:
        raise ImportFileError(
            _("{path} holds no file the directory can import.").format(path=folder)
        )
    return results


def parse_file(path: Path, today: str) -> ParsedFile:
    suffix = path.suffix.lower()
    if "historical" in path.name.lower():
        raise ImportFileError(
            _("{file} lists former members: import legislators-current instead.").format(
                file=path.name
            )
        )
    if suffix == ".txt" and census.looks_like_census(read_text(path).partition("\n")[0]):
        return census.parse_census(path)
    if suffix == ".csv":
        return parse_csv(path)
    if suffix == ".json":
        return parse_json(path)
    if suffix in YAML_SUFFIXES:
        return parse_yaml(path, today)
    raise unknown_file(path)


def parse_csv(path: Path) -> ParsedFile:
    first_line = read_text(path).partition("\n")[0]
    header = {header_key(name) for name in first_line.replace(";", ",").split(",")}
    if {"zcta", "cd"} <= header or path.name.lower().startswith("zccd"):
        return zccd.parse_zccd(path)
    if "bioguide_id" in header or path.name.lower().startswith("legislators"):
        return congress.parse_members_csv(path)
    raise unknown_file(path)


def parse_json(path: Path) -> ParsedFile:
    data = congress.load_json(path)
    first = data[0] if isinstance(data, list) and data else None
    if isinstance(first, dict) and "terms" in first:
        return congress.members_from_json(path, data)
    if isinstance(first, dict) and "offices" in first:
        return congress.district_offices_from_json(path, data)
    raise unknown_file(path)


def parse_yaml(path: Path, today: str) -> ParsedFile:
    data = openstates.load_yaml(path)
    # congress-legislators also publishes its members as YAML, with the JSON's structure.
    if isinstance(data, list) and data and isinstance(data[0], dict) and "terms" in data[0]:
        return congress.members_from_json(path, data)
    if openstates.looks_like_person(data):
        return openstates.parse_people([path], today, whole_state=False)
    raise unknown_file(path)
