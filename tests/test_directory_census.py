"""State legislators by ZIP from the Census 2020 ZCTA relationship files, built here in their
documented layout: pipe-delimited, UTF-8 with a byte-order mark, AREALAND_PART for the overlap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from letters_helpers import SENDER

from toolkit.cli import run
from toolkit.directory.directory import Directory
from toolkit.directory.districts import district_key, division_id
from toolkit.letters.constituency import directory_places, recipient_problems

ZCTA_COLUMNS = (
    "OID_ZCTA5_20|GEOID_ZCTA5_20|NAMELSAD_ZCTA5_20|AREALAND_ZCTA5_20|AREAWATER_ZCTA5_20|"
    "MTFCC_ZCTA5_20|CLASSFP_ZCTA5_20|FUNCSTAT_ZCTA5_20"
)


def census_file(path: Path, level: str, rows: list[tuple[str, str, str, int, int]]) -> Path:
    """rows: (zcta, district GEOID, district name, ZCTA land, land in both)."""
    other = (
        f"OID_{level}_20|GEOID_{level}_20|NAMELSAD_{level}_20|AREALAND_{level}_20|"
        f"AREAWATER_{level}_20|MTFCC_{level}_20|CLASSFP_{level}_20|FUNCSTAT_{level}_20"
    )
    lines = [f"{ZCTA_COLUMNS}|{other}|AREALAND_PART|AREAWATER_PART"]
    for n, (zcta, geoid, name, land, part) in enumerate(rows):
        zcta_cells = f"{n}|{zcta}|ZCTA5 {zcta}|{land}|0|G6350|B5|S" if zcta else "||||||||"
        lines.append(f"{zcta_cells}|{n}|{geoid}|{name}|999999|0|G5210|LU|N|{part}|0")
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


@pytest.fixture
def imported(data_dir: Path, tmp_path: Path, public_data: Path) -> Path:
    cd = census_file(
        tmp_path / "tab20_cd11920_zcta520_natl.txt",
        "CD119",
        [
            ("60629", "1701", "Congressional District 1", 1000, 100),
            ("60629", "1704", "Congressional District 4", 1000, 500),
            ("60629", "1706", "Congressional District 6", 1000, 150),
            ("60629", "1707", "Congressional District 7", 1000, 250),
            ("60629", "17ZZ", "Congressional Districts not defined", 1000, 0),
            ("05401", "5000", "Congressional District (at Large)", 800, 800),
            ("20001", "1198", "Delegate District (at Large)", 500, 500),
            ("75001", "4824", "Congressional District 24", 700, 700),
            ("", "1701", "Congressional District 1", 0, 0),
        ],
    )
    sldu = census_file(
        tmp_path / "tab20_sldu202420_zcta520_natl.txt",
        "SLDU2024",
        [
            ("60629", "17001", "State Senate District 1", 1000, 600),
            ("60629", "17005", "State Senate District 5", 1000, 400),
        ],
    )
    sldl = census_file(
        tmp_path / "tab20_sldl202420_zcta520_natl.txt",
        "SLDL2024",
        [
            ("60629", "17001", "State House District 1", 1000, 300),
            ("60629", "17002", "State House District 2", 1000, 300),
            ("60629", "17005", "State House District 5", 1000, 400),
            ("03570", "33C01", "State House District Coös 1", 900, 900),
        ],
    )
    nh = tmp_path / "nh" / "legislature"
    nh.mkdir(parents=True)
    (nh / "Pat-Doe.yml").write_text(
        "id: ocd-person/00000000-0000-0000-0000-000000000001\nname: Pat Doe\n"
        "family_name: Doe\nroles:\n- type: lower\n  jurisdiction: "
        "ocd-jurisdiction/country:us/state:nh/government\n  district: Coös 1\n"
        "  start_date: '2024-12-04'\n",
        encoding="utf-8",
    )
    with Directory(data_dir) as directory:
        directory.import_paths(
            [
                cd,
                sldu,
                sldl,
                public_data / "directory" / "legislators-current.json",
                public_data / "openstates" / "il" / "legislature",
                nh,
            ]
        )
    return data_dir


def test_zip_60629_lists_every_candidate_with_its_share(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["directory", "find", "--zip", "60629", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    got = {(r["kind"], r["district"], r["zip_share"]) for r in found}
    assert {("us_senator", "", 1.0)} < got
    assert {("us_representative", d, s) for d, s in (("1", 0.1), ("4", 0.5), ("6", 0.15))} < got
    assert ("us_representative", "7", 0.25) in got
    assert {(k, d, s) for k, d, s in got if k == "state_upper"} == {
        ("state_upper", "1", 0.6),
        ("state_upper", "5", 0.4),
    }
    assert {(d, s) for k, d, s in got if k == "state_lower"} == {
        ("1", 0.3),
        ("2", 0.3),
        ("5", 0.4),
    }
    assert run(["directory", "find", "--zip", "60629"]) == 0
    out = capsys.readouterr().out
    assert "ZIP 60629 spans 4 congressional districts (IL-4 (50%), IL-7 (25%)," in out
    assert "ZIP 60629 spans 2 state senate districts" in out
    assert "ZIP 60629 spans 3 state house districts" in out
    assert "50% of the ZIP's land area is in this district" in out
    assert "Census ZIP table: 119th Congress districts, 2020 Census" in out
    assert "2024 state house districts, 2020 Census" in out


def test_at_large_delegates_named_districts_and_redrawn_states(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Directory(imported) as directory:
        vt = directory.find_all_by_zip("05401")
        assert [(c.recipient.kind, c.share) for c in vt.candidates].count(
            ("us_representative", 1.0)
        ) == 1
        dc = directory.find_all_by_zip("20001")
        assert [c.recipient.title for c in dc.candidates] == ["Delegate"]
        nh = directory.find_all_by_zip("03570")
        assert [c.recipient.full_name for c in nh.candidates] == ["Pat Doe"]
    assert division_id("NH", "sldl", "Coös 1") == "ocd-division/country:us/state:nh/sldl:coos1"
    assert district_key("First Suffolk") == district_key("1st Suffolk District")
    assert run(["directory", "find", "--zip", "75001"]) == 0
    out = capsys.readouterr().out
    assert "Warning: TX redrew its congressional districts after this table was made" in out


def test_state_letters_check_the_state_district(imported: Path) -> None:
    with Directory(imported) as directory:
        lower = directory.find_by_state("IL", level="state", chamber="lower")
    places = directory_places(imported)
    sender = {**SENDER, "sender_zip": "60629"}
    mine = next(r for r in lower if r.district == "5")
    assert recipient_problems("state", sender, mine, places) == ([], [])
    other = next(r for r in lower if r.district == "3")
    problems, _notes = recipient_problems("state", sender, other, places)
    assert problems == [
        "ZIP 60629 lies in IL House district 5, IL House district 1, IL House district 2, "
        "not in IL House district 3"
    ]
