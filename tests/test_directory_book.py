"""The local address book: add, edit, delete, list, and CSV import in any common encoding."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from toolkit.directory import model
from toolkit.directory.addressbook import BookEntry, is_stale, provenance_lines
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


# Sources, "verified on" dates, and CSV and vCard files

CONTACTS = (
    BookEntry(
        name="María José Núñez",
        title="Alderperson",
        organization="City Council of Chicago; 25th Ward",
        address="Office of the 25th Ward, Suite 3\n2242 S. Damen Ave., Rear\nChicago, IL 60608",
        city="Chicago",
        state="IL",
        source="City clerk's website",
        verified_on="2026-11-20",
    ),
    BookEntry(
        name="王小明",
        title="County Commissioner",
        organization="Cook County Board",
        address='118 N. Clark St., Room 567 "Board"\nChicago, IL 60602',
        kind="other",
        source="phone call, 312-603-6400 \\ front desk",
        verified_on="2025-06-01",
    ),
    BookEntry(name="Office of the Mayor", address="City Hall\nSpringfield\nIL"),
)


def test_a_verified_on_date_in_arabic_digits_is_that_date() -> None:
    from toolkit.directory.addressbook import clean_date

    assert clean_date("٢٠٢٦-١١-٢٠") == "2026-11-20"


@pytest.mark.parametrize(("file_format", "file_name"), [("csv", "book.csv"), ("vcard", "b.vcf")])
def test_export_then_import_gives_the_same_contacts(
    tmp_path: Path, file_format: str, file_name: str
) -> None:
    out = tmp_path / file_name
    with Directory(tmp_path / "a") as first:
        for entry in CONTACTS:
            first.book_add(entry)
        assert first.book_export(out, file_format) == 3
        before = [entry for _r, entry in first.book_contacts()]
    with Directory(tmp_path / "b") as second:
        added = second.book_import(out)
        after = [entry for _r, entry in second.book_contacts()]
    assert after == before
    assert before[0].address.count("\n") == 2 and before[0].source == "City clerk's website"
    assert [r.full_name for r in added] == ["María José Núñez", "Office of the Mayor", "王小明"]
    assert added[0].offices[0].lines == (
        "Office of the 25th Ward, Suite 3",
        "2242 S. Damen Ave., Rear",
        "Chicago, IL 60608",
    )


def test_csv_export_quotes_multi_line_addresses(tmp_path: Path) -> None:
    out = tmp_path / "book.csv"
    with Directory(tmp_path / "d") as directory:
        directory.book_add(CONTACTS[0])
        directory.book_export(out, "csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == (
        "name,title,organization,address,kind,city,state,source,verified_on"
    )
    assert '"Office of the 25th Ward, Suite 3\r\n2242 S. Damen Ave., Rear\r\nChicago' not in text
    assert '"Office of the 25th Ward, Suite 3\n2242 S. Damen Ave., Rear\nChicago, IL 60608"' in text


def test_vcard_export_is_folded_utf8_version_4(tmp_path: Path) -> None:
    out = tmp_path / "book.vcf"
    long_name = "Ñ" * 60
    with Directory(tmp_path / "d") as directory:
        directory.book_add(replace(CONTACTS[0], name=long_name))
        directory.book_add(CONTACTS[1])
        directory.book_export(out, "vcard")
        data = out.read_bytes()
        lines = data.split(b"\r\n")
        assert all(len(line) <= 75 for line in lines)
        assert lines[:2] == [b"BEGIN:VCARD", b"VERSION:4.0"]
        assert data.count(b"BEGIN:VCARD") == 2 and data.count(b"END:VCARD") == 2
        text = data.decode("utf-8")
        assert "NOTE:City clerk's website" in text and "X-VERIFIED-ON:2026-11-20" in text
        assert "REV:20261120T000000Z" in text
        assert "ADR;TYPE=work;LABEL=" in text.replace("\r\n ", "")
        unfolded = text.replace("\r\n ", "")
        assert (
            ":;;Office of the 25th Ward\\, Suite 3,2242 S. Damen Ave.\\, Rear;Chicago;IL;60608;"
            in (unfolded)
        )
        again = Directory(tmp_path / "e").book_import(out)
        assert again[0].full_name == long_name


VCARD_3 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Díaz;Bo;;Hon.;\r\n"
    "TITLE:Councilmember\r\n"
    "ORG:City of Springfield;City Council\r\n"
    "item1.ADR;TYPE=WORK:;Room 301;800 E. Monroe St.;Springfield;IL;62701;USA\r\n"
    "NOTE:Met at the town hall\\, 2026\r\n"
    "REV:2026-10-02T15:04:05Z\r\n"
    "TEL;TYPE=WORK:+1-217-555-0100\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Pe=\r\n"
    "=C3=B1a\r\n"
    "LABEL;WORK:1 Main St.\\nAnytown\\, OH 44101\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Ana\r\n"
    "  Lee\r\n"
    'ADR;LABEL="Suite 2^n10 Elm St.^nSalem, OR 97301":;;10 Elm St.;Salem;OR;97301;\r\n'
    "X-VERIFIED-ON:2026-11-30\r\n"
    "END:VCARD\r\n"
)


def test_vcards_from_other_programs(tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARD_3, encoding="utf-8", newline="")
    with Directory(tmp_path / "d") as directory:
        added = directory.book_import(path)
        entries = [directory.book_entry(r.id) for r in added]
    bo, jose, ana = entries
    assert bo.name == "Hon. Bo Díaz" and bo.organization == "City of Springfield, City Council"
    assert bo.address == "800 E. Monroe St.\nRoom 301\nSpringfield, IL 62701"
    assert (bo.city, bo.state, bo.kind) == ("Springfield", "IL", model.CITY_COUNCIL)
    assert bo.source == "Met at the town hall, 2026" and bo.verified_on == "2026-10-02"
    assert jose.name == "José Peña" and jose.address == "1 Main St.\nAnytown, OH 44101"
    assert ana.name == "Ana Lee" and ana.address == "Suite 2\n10 Elm St.\nSalem, OR 97301"
    assert ana.verified_on == "2026-11-30"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("BEGIN:VCARD\r\nFN:A\r\n", r"line 1: a contact starts or ends"),
        ("BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\n", r"line 3: a contact starts or ends"),
        ("BEGIN:VCARD\r\nno colon here\r\nEND:VCARD\r\n", r"line 2: not a vCard line"),
        ("BEGIN:VCARD\r\nTITLE:Mayor\r\nEND:VCARD\r\n", r"contact at line 1: The name is required"),
        ("BEGIN:VCARD\r\nVERSION:4.0\r\n", r"line 1: a contact starts"),
        ("\r\n", r"has no contacts"),
    ],
)
def test_bad_vcards_are_named_and_nothing_is_added(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.vcf"
    path.write_text(text, encoding="utf-8")
    with Directory(tmp_path / "d") as directory:
        with pytest.raises(ImportFileError, match=message):
            directory.book_import(path)
        assert directory.book_list() == []


def test_source_and_verified_date_are_kept_and_checked(tmp_path: Path) -> None:
    with Directory(tmp_path) as directory:
        added = directory.book_add(
            BookEntry(name="Al", source="  phone   call ", verified_on=" 2026-11-20 ")
        )
        entry = directory.book_entry(added.id)
        assert (entry.source, entry.verified_on) == ("phone call", "2026-11-20")
        edited = directory.book_edit(added.id, replace(entry, verified_on=""))
        assert directory.book_entry(edited.id).verified_on == ""
        for bad in ("20/11/2026", "2026-02-30", "2026-1-5"):
            with pytest.raises(DirectoryError, match="YYYY-MM-DD"):
                directory.book_add(BookEntry(name="Al", verified_on=bad))


def test_csv_import_reads_source_and_verified_on(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_text(
        "name,title,organization,address,source,verified_on\n"
        'Al,Clerk,City,"1 Main St\nTown, IL 60000",City website,2026-11-20\n'
        "Bo,Clerk,City,2 Main St,,2026-13-01\n",
        encoding="utf-8",
    )
    with Directory(tmp_path / "d") as directory:
        with pytest.raises(ImportFileError, match=r"line 4: The .verified on. date"):
            directory.book_import(path)
        path.write_text(path.read_text(encoding="utf-8").replace("2026-13-01", ""), "utf-8")
        al, _bo = directory.book_import(path)
        assert directory.book_entry(al.id).source == "City website"
        assert al.offices[0].lines == ("1 Main St", "Town, IL 60000")


def test_provenance_says_when_to_check_again() -> None:
    today = date(2026, 12, 1)
    fresh = BookEntry(name="A", source="City clerk's website", verified_on="2026-11-20")
    assert provenance_lines(fresh, today) == [
        "Source: City clerk's website",
        "Verified on 2026-11-20",
    ]
    old = replace(fresh, verified_on="2025-11-30")
    assert is_stale(old, today) and not is_stale(replace(fresh, verified_on="2025-12-01"), today)
    assert "more than a year ago: check this contact again" in provenance_lines(old, today)[1]
    assert "Not verified yet" in provenance_lines(BookEntry(name="A"), today)[0]


def test_cli_import_export_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from toolkit.cli import run

    source = tmp_path / "council.vcf"
    source.write_text(VCARD_3, encoding="utf-8", newline="")
    assert run(["directory", "book", "import", str(source)]) == 0
    assert "Added 3 contacts from council.vcf" in capsys.readouterr().out
    args = ["--source", "City clerk's website", "--verified-on", "2026-11-20"]
    assert run(["directory", "book", "edit", "book-3", *args]) == 0
    assert run(["directory", "book", "add", "--name", "Cy", "--verified-on", "today"]) == 0
    capsys.readouterr()
    assert run(["directory", "book", "list"]) == 0
    out = capsys.readouterr().out
    assert "Source: City clerk's website" in out and "Verified on 2026-11-20" in out
    assert f"Verified on {date.today().isoformat()}" in out
    assert run(["directory", "book", "list", "--json"]) == 0
    data = {item["id"]: item for item in json.loads(capsys.readouterr().out)}
    assert data["book-3"]["verified_on"] == "2026-11-20"
    assert data["book-3"]["contact_source"] == "City clerk's website"
    for file_format, name in (("csv", "out.csv"), ("vcard", "out.vcf")):
        out_file = tmp_path / name
        assert (
            run(["directory", "book", "export", "--format", file_format, "--out", str(out_file)])
            == 0
        )
        assert f"Wrote 4 contacts to {out_file}" in capsys.readouterr().out
        with Directory(tmp_path / file_format) as copy:
            assert len(copy.book_import(out_file)) == 4
    assert run(["directory", "book", "add", "--name", "D", "--verified-on", "soon"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
