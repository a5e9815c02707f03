"""The directory imports the real public files and finds every candidate for a ZIP."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from toolkit.directory import model
from toolkit.directory.directory import Directory
from toolkit.directory.errors import (
    ImportFileError,
    NoMatchError,
    NotImportedError,
    UnknownRecipientError,
)
from toolkit.errors import UserError


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory, public_data: Path) -> Iterator[Directory]:
    """Congress (JSON), district offices, zccd and both Open States samples, imported once."""
    directory = Directory(tmp_path_factory.mktemp("directory"), today=lambda: date(2026, 8, 1))
    folder = public_data / "directory"
    directory.import_paths(
        [
            folder / "legislators-current.json",
            folder / "legislators-district-offices.json",
            folder / "zccd.csv",
            public_data / "openstates" / "il" / "legislature",
            public_data / "openstates" / "ca" / "legislature",
        ]
    )
    yield directory
    directory.close()


def test_counts_match_the_files(full: Directory) -> None:
    # The committed excerpt's figures (tests/data/README.md): 56 members, 18 of them senators.
    sources = {info.source: info for info in full.data_as_of()}
    assert sources["congress"].count == 56
    assert sources["district-offices"].count == 153
    assert sources["zccd"].count == 2947
    assert full.count("federal") == 56
    senators = full.connection().execute(
        "SELECT count(*) FROM recipients WHERE kind = ?", (model.US_SENATOR,)
    )
    assert senators.fetchone()[0] == 18
    assert sources["openstates-il"].count == 12 and sources["openstates-ca"].count == 14
    assert sources["congress"].dataset_date == "2026-06-10"
    assert sources["congress"].imported_at[:4].isdigit()


def test_zip_split_across_districts_lists_every_candidate(full: Directory) -> None:
    found = full.find_by_zip("90002")
    senators = [r for r in found if r.kind == model.US_SENATOR]
    reps = [r for r in found if r.kind == model.US_REPRESENTATIVE]
    assert {r.state for r in senators} == {"CA"} and len(senators) == 2
    assert sorted(int(r.district) for r in reps) == [37, 42, 43, 44]
    assert full.districts_for_zip("90002") == [
        ("CA", "37"),
        ("CA", "42"),
        ("CA", "43"),
        ("CA", "44"),
    ]


def test_a_zip_typed_in_arabic_or_persian_digits_finds_the_same_districts(
    full: Directory,
) -> None:
    assert full.districts_for_zip("٩٠٠٠٢") == full.districts_for_zip("90002")
    assert len(full.find_by_zip("۹۰۰۰۲")) == len(full.find_by_zip("90002"))


def test_zip_crossing_a_state_line_lists_both_states(full: Directory) -> None:
    found = full.find_by_zip("89019-1234")
    by_state = {(r.state, r.kind, r.district) for r in found}
    assert {s for s, _k, _d in by_state} == {"CA", "NV"}
    assert sum(1 for r in found if r.kind == model.US_SENATOR) == 4
    assert {("CA", "23"), ("CA", "25"), ("NV", "1"), ("NV", "3")} == {
        (r.state, r.district) for r in found if r.kind == model.US_REPRESENTATIVE
    }
    # Grouped by state, senators before representatives.
    assert [r.state for r in found] == sorted(r.state for r in found)
    assert found[0].kind == model.US_SENATOR


def test_at_large_states(full: Directory) -> None:
    vermont = full.find_by_zip("05401")
    reps = [r for r in vermont if r.kind == model.US_REPRESENTATIVE]
    assert len(vermont) == 3 and len(reps) == 1 and reps[0].district == "0"
    assert [r.id for r in full.find_by_state("WY", "AL")] == [
        r.id for r in full.find_by_state("wy", 0)
    ]
    dc = full.find_by_zip("20001")
    assert [r.title for r in dc] == ["Delegate"]
    assert full.find_by_zip("00901")[0].title == "Resident Commissioner"


def test_offices_district_first_then_washington_as_given(full: Directory) -> None:
    senator = full.get("C000127")  # Maria Cantwell
    assert senator.title == "Senator" and senator.organization == "United States Senate"
    assert senator.offices[0].label.startswith("District office")
    washington = senator.offices[-1]
    assert washington.lines == (
        "511 Hart Senate Office Building",
        "United States Senate",
        "Washington DC 20510",
    )
    rep = full.find_by_state("IL", 5)[-1]
    assert rep.last_name == "Quigley" and rep.district == "5"
    assert rep.offices[-1].lines[-1] == "Washington DC 20515-1305"
    assert rep.offices[-1].lines[1] == "U.S. House of Representatives"
    assert any("Chicago, IL" in line for line in rep.offices[0].lines)


def test_state_legislators_have_their_states_titles(full: Directory) -> None:
    ca = full.find_by_state("CA", level="state")
    assert {r.title for r in ca if r.kind == model.STATE_LOWER} == {"Assembly Member"}
    assert {r.title for r in ca if r.kind == model.STATE_UPPER} == {"Senator"}
    assert sum(r.kind == model.STATE_LOWER for r in ca) == 7  # the excerpt's CA files
    assert sum(r.kind == model.STATE_UPPER for r in ca) == 7
    weber = full.find_by_state("CA", 39, level="state", chamber="upper")
    assert [r.full_name for r in weber] == ["Akilah Weber Pierson"]  # was in the Assembly before
    assert weber[0].organization == "California State Senate"
    assert weber[0].offices[0].label == "District office"
    assert weber[0].offices[0].lines == ("7575 Metropolitan Drive Suite 100", "San Diego, CA 92108")
    il = full.find_by_state("IL", "1", level="state")
    assert {(r.title, r.organization) for r in il} == {
        ("Representative", "Illinois House of Representatives"),
        ("Senator", "Illinois Senate"),
    }
    assert "Aarón Ortíz" in {r.full_name for r in il}


def test_get_unknown_id_is_a_clear_user_error(full: Directory) -> None:
    with pytest.raises(UnknownRecipientError, match="X999"):
        full.get("X999")
    with pytest.raises(UserError, match="book-77"):
        full.get("book-77")


def test_zip_with_no_match_and_bad_zip(full: Directory) -> None:
    with pytest.raises(
        NoMatchError, match=r"No district found for ZIP 00000\..*state and district"
    ):
        full.find_by_zip("00000")
    with pytest.raises(NoMatchError, match="5 digits"):
        full.find_by_zip("6060")


def test_expired_terms_are_flagged(full: Directory) -> None:
    assert full.expired_terms() == []  # August 2026
    later = full.expired_terms(today=date(2026, 12, 1))
    assert {r.full_name for r in later} == {"Jon Husted", "Ashley Moody"}
    husted = later[0] if later[0].last_name == "Husted" else later[1]
    assert full.term_ended(husted, date(2026, 12, 1))
    assert not full.term_ended(husted, date(2026, 11, 3))


def test_csv_import_then_json(tmp_path: Path, public_data: Path) -> None:
    with Directory(tmp_path / "d") as directory:
        directory.import_path(public_data / "directory" / "legislators-current.csv")
        directory.import_path(public_data / "directory" / "zccd.csv")
        found = directory.find_by_zip("60601")
        assert [r.kind for r in found] == [
            model.US_SENATOR,
            model.US_SENATOR,
            model.US_REPRESENTATIVE,
        ]
        assert found[2].district == "7"
        assert found[2].offices[0].label == "Washington"  # no district-offices file yet
        directory.import_path(public_data / "directory" / "legislators-district-offices.json")
        assert directory.find_by_zip("60601")[2].offices[0].label.startswith("District office")


def test_lookup_before_import_says_what_to_import(tmp_path: Path) -> None:
    with Directory(tmp_path / "d") as directory:
        with pytest.raises(NotImportedError, match=r"zccd\.csv"):
            directory.find_by_zip("60601")
        with pytest.raises(NotImportedError, match="legislators-current"):
            directory.find_by_state("IL")
        assert directory.data_as_of() == []


def test_corrupt_file_leaves_previous_data_intact(tmp_path: Path, public_data: Path) -> None:
    with Directory(tmp_path / "d") as directory:
        directory.import_path(public_data / "directory" / "legislators-current.json")
        directory.import_path(public_data / "directory" / "zccd.csv")
        before = directory.find_by_zip("89019")
        sources = directory.data_as_of()
        truncated = tmp_path / "legislators-current.json"
        raw = (public_data / "directory" / "legislators-current.json").read_bytes()
        truncated.write_bytes(raw[: len(raw) // 2])
        with pytest.raises(ImportFileError, match=r"legislators-current\.json"):
            directory.import_path(truncated)
        bad_zccd = tmp_path / "zccd.csv"
        good = (public_data / "directory" / "zccd.csv").read_text(encoding="utf-8")
        bad_zccd.write_text(good[:5000] + "\n06,CA,9xx01,3\n", encoding="utf-8")
        with pytest.raises(ImportFileError, match=r"zccd.csv, line \d+"):
            directory.import_path(bad_zccd)
        # Several files at once: a bad one stops them all.
        with pytest.raises(ImportFileError, match=r"zccd\.csv"):
            directory.import_paths([public_data / "openstates" / "il" / "legislature", bad_zccd])
        assert directory.find_by_zip("89019") == before
        assert directory.data_as_of() == sources


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "not a file the directory can import"),
        ("zccd.csv", b"state_abbr,zcta\nIL,60601\n", "no column named \u201ccd\u201d"),
        ("legislators-current.csv", b"\x00\x01\x02binary", "not a text file"),
        ("people.json", b'{"a": 1}', "not a file the directory can import"),
        ("person.yml", b"id: [unclosed", "not valid YAML"),
        ("legislators-historical.json", b"[]", "former members"),
    ],
)
def test_wrong_files_name_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with Directory(tmp_path / "d") as directory, pytest.raises(ImportFileError) as caught:
        directory.import_path(path)
    assert name in str(caught.value) and message in str(caught.value)


def test_single_open_states_file_adds_one_person(tmp_path: Path, public_data: Path) -> None:
    people = sorted((public_data / "openstates" / "il" / "legislature").glob("*.yml"))
    with Directory(tmp_path / "d") as directory:
        directory.import_path(people[0])
        directory.import_path(people[1])
        assert len(directory.find_by_state("IL", level="state")) == 2
        assert directory.data_as_of()[0].count == 2


def test_damaged_database_file_is_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "directory.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError, match="damaged"):
        Directory(folder).data_as_of()


def test_store_uses_wal_and_records_its_schema_version(tmp_path: Path) -> None:
    with Directory(tmp_path / "d") as directory:
        directory.data_as_of()
    conn = sqlite3.connect(tmp_path / "d" / "directory.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 3
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer version"):
        Directory(tmp_path / "d").data_as_of()


def test_folder_of_folders_imports_everything(tmp_path: Path, public_data: Path) -> None:
    copy = tmp_path / "openstates"
    shutil.copytree(public_data / "openstates", copy)
    (copy / "il" / "retired").mkdir()
    with Directory(tmp_path / "d") as directory:
        results = directory.import_path(copy)
        assert sorted(r.source for r in results) == ["openstates-ca", "openstates-il"]


def test_gender_comes_from_both_datasets(full: Directory) -> None:
    """congress-legislators bio.gender (F/M) and Open States gender (Female/Male) reach the
    recipient, so a Spanish greeting can agree with it."""
    il = {r.last_name: r for r in full.find_by_state("IL")}
    assert il["Duckworth"].gender == "F" and il["Durbin"].gender == "M"
    ca = full.find_by_state("CA", level="state")
    assert {r.gender for r in ca} <= {"F", "M", ""} and {"F", "M"} <= {r.gender for r in ca}
    assert full.get(il["Duckworth"].id).gender == "F"  # read back from the store


def test_members_csv_carries_gender(tmp_path: Path, public_data: Path) -> None:
    with Directory(tmp_path / "d") as directory:
        directory.import_path(public_data / "directory" / "legislators-current.csv")
        senators = {
            r.last_name: r.gender for r in directory.find_by_state("IL") if r.chamber == "senate"
        }
    assert senators == {"Duckworth": "F", "Durbin": "M"}


def test_version_1_file_gains_the_gender_column_and_keeps_its_rows(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    conn = sqlite3.connect(folder / "directory.sqlite3")
    conn.executescript(
        """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version VALUES (1);
        CREATE TABLE sources (
            source TEXT PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL,
            imported_at TEXT NOT NULL, dataset_date TEXT NOT NULL, count INTEGER NOT NULL);
        INSERT INTO sources VALUES ('congress', 'congress', 'x.csv', '2026-06-01', '', 1);
        CREATE TABLE recipients (
            id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, full_name TEXT NOT NULL,
            last_name TEXT NOT NULL, title TEXT NOT NULL, chamber TEXT NOT NULL,
            state TEXT NOT NULL, district TEXT NOT NULL, party TEXT NOT NULL,
            term_end TEXT NOT NULL, organization TEXT NOT NULL, source_label TEXT NOT NULL,
            offices TEXT NOT NULL);
        INSERT INTO recipients VALUES ('D000563', 'congress', 'us_senator', 'Richard J. Durbin',
            'Durbin', 'Senator', 'senate', 'IL', '', 'Democrat', '', 'United States Senate',
            'congress-legislators', '[]');
        """
    )
    conn.close()
    with Directory(folder) as directory:
        durbin = directory.get("D000563")
    assert durbin.full_name == "Richard J. Durbin" and durbin.gender == ""
    conn = sqlite3.connect(folder / "directory.sqlite3")
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 3
    conn.close()
