"""The local address book: add, edit, delete, list, and CSV import in any common encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.directory import model
from toolkit.directory.addressbook import BookEntry
from toolkit.directory.directory import Directory
from toolkit.directory.errors import DirectoryError, ImportFileError, UnknownRecipientError

ROWS = (
    "name,title,organization,address,city,state\n"
    'Ana Núñez,Councilmember,City Council of Springfield,"800 E. Monroe St.\n'
    'Springfield, IL 62701",Springfield,IL\n'
    'Office of the City Clerk,,City of Springfield,"800 E. Monroe St., Room 106",Springfield,il\n'
)


def test_add_edit_delete_list(tmp_path: Path) -> None:
    with Directory(tmp_path) as directory:
        added = directory.book_add(
            BookEntry(
                name="  José  García Jr. ",
                title="Councilmember",
                organization="Chicago City Council",
                address="121 N. LaSalle St.\n\nChicago, IL 60602",
                state="il",
            )
        )
        assert added.id == "book-1"
        assert added.full_name == "José García Jr." and added.last_name == "García"
        assert added.kind == model.CITY_COUNCIL and added.state == "IL"
        assert added.offices[0].lines == ("121 N. LaSalle St.", "Chicago, IL 60602")
        assert directory.get("book-1") == added
        other = directory.book_add(BookEntry(name="Sheriff Office", address="1 Main St"))
        assert other.kind == model.OTHER and other.id == "book-2"
        edited = directory.book_edit(
            "book-1",
            BookEntry(name="José García", title="Alderman", organization="Chicago City Council"),
        )
        assert edited.title == "Alderman" and edited.offices == ()
        assert directory.book_entry("book-1").organization == "Chicago City Council"
        assert [r.id for r in directory.book_list()] == ["book-1", "book-2"]
        directory.book_delete("book-2")
        with pytest.raises(UnknownRecipientError, match="book-2"):
            directory.get("book-2")
        with pytest.raises(UnknownRecipientError):
            directory.book_delete("book-2")
        # A deleted id is never given again: a saved letter must not reach someone else.
        assert directory.book_add(BookEntry(name="New Person")).id == "book-3"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (BookEntry(name="   "), "name is required"),
        (BookEntry(name="A", kind="mayor"), "Unknown kind 'mayor'"),
        (BookEntry(name="A", state="Illinois"), "two-letter code"),
        (BookEntry(name="A" * 201), "name is too long"),
        (BookEntry(name="A", address="\n".join("line" for _ in range(7))), "too many lines"),
    ],
)
def test_bad_entries_name_the_field(tmp_path: Path, entry: BookEntry, message: str) -> None:
    with Directory(tmp_path) as directory, pytest.raises(DirectoryError, match=message):
        directory.book_add(entry)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "latin-1", "cp1252"])
def test_csv_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "council.csv"
    path.write_bytes(ROWS.replace("\n", "\r\n").encode(encoding))
    with Directory(tmp_path / "d") as directory:
        added = directory.book_import_csv(path)
        assert [r.full_name for r in added] == ["Ana Núñez", "Office of the City Clerk"]
        assert added[0].offices[0].lines == ("800 E. Monroe St.", "Springfield, IL 62701")
        assert added[0].kind == model.CITY_COUNCIL and added[1].state == "IL"
        assert [r.full_name for r in directory.book_list(city="springfield")] == [
            "Ana Núñez",
            "Office of the City Clerk",
        ]


def test_csv_with_semicolons_and_a_kind_column(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(
        "Name;Title;Organization;Address;Kind\nAl Smith;Mayor;City;1 Main;other\n", encoding="utf-8"
    )
    with Directory(tmp_path / "d") as directory:
        assert directory.book_import_csv(path)[0].kind == model.OTHER


def test_csv_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text("name,title,address\nAl,Mayor,1 Main\n", encoding="utf-8")
    with Directory(tmp_path / "d") as directory:
        with pytest.raises(ImportFileError, match=r"book\.csv has no column named .organization."):
            directory.book_import_csv(path)
        assert directory.book_list() == []


def test_csv_bad_row_is_named_and_nothing_is_added(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(
        "name,title,organization,address\nAl,Mayor,City,1 Main\n,x,y,z\n", encoding="utf-8"
    )
    with Directory(tmp_path / "d") as directory:
        with pytest.raises(ImportFileError, match=r"book\.csv, line 3: The name is required"):
            directory.book_import_csv(path)
        assert directory.book_list() == []
