"""Imports that never mislead: the encoding named when a file is not UTF-8, YAML bombs refused,
control characters from files escaped on every line the command line prints."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toolkit.cli import run
from toolkit.directory import openstates
from toolkit.directory.directory import Directory
from toolkit.directory.encodings import decode
from toolkit.directory.errors import ImportFileError
from toolkit.letters.catalog import get_template
from toolkit.letters.drive import plan_drive

NAME = "María José Núñez"
BOOK = "name,title,organization,address,kind,city,state\n"


def test_utf8_is_read_strictly_and_other_encodings_are_named() -> None:
    assert decode(f"x,{NAME}\n".encode(), "a.csv") == (f"x,{NAME}\n", "")
    # One stray Windows byte: the whole file is cp1252, and the warning says so.
    text, note = decode(f"x,{NAME}\n".encode("cp1252"), "a.csv")
    assert NAME in text and "Windows-1252" in note and "a.csv" in note
    text, note = decode("名前,山田たろう\n".encode("shift_jis"), "j.csv")
    assert "山田たろう" in text and "Shift-JIS" in note
    text, note = decode("name\tcity\nAna\tCicero\n".encode("utf-16"), "u.txt")
    assert text.startswith("name\tcity") and "UTF-16" in note
    # Byte 0x81 is undefined in cp1252: Latin-1 then, named.
    assert "Latin-1" in decode(b"caf\xe9 \x81", "l.csv")[1]


def test_book_import_in_cp1252_keeps_the_accents_and_warns(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "council.csv"
    source.write_bytes(
        (BOOK + f"{NAME},Alderperson,City Council,1 Main St,,Cicero,IL\n").encode("cp1252")
    )
    assert run(["directory", "book", "import", str(source)]) == 0
    err = capsys.readouterr().err
    assert "council.csv is not UTF-8" in err and "Windows-1252" in err
    with Directory(data_dir) as directory:
        assert directory.book_list()[0].full_name == NAME


def test_excel_unicode_text_is_a_tab_separated_drive(tmp_path: Path) -> None:
    source = tmp_path / "drive.txt"
    rows = ["name\tstreet\tcity\tstate\tzip\tstory\trecipient_name\trecipient_address"]
    rows.append(f"{NAME}\t1 Main\tCicero\tIL\t60804\tHi\tJan Doe\t1 Rd|Town")
    source.write_bytes("\r\n".join(rows).encode("utf-16"))
    plan = plan_drive(get_template("federal-dhs-funding"), source, "en", places=lambda z: None)
    assert len(plan.letters) == 1 and NAME in plan.letters[0].text
    assert any("UTF-16" in note for note in plan.file_notes)


def test_yaml_with_aliases_or_too_large_is_refused(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "person.yml"
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    bomb.write_text("id: ocd-person/x\n" + "\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ImportFileError, match="anchors or aliases"):
        Directory(data_dir).import_path(bomb)
    assert time.monotonic() - started < 2
    big = tmp_path / "big.yml"
    monkeypatch.setattr(openstates, "YAML_MAX_BYTES", 1024 * 1024)
    big.write_bytes(b"id: ocd-person/y\nname: x\n" + b"# padding\n" * 110_000)
    with pytest.raises(ImportFileError, match="too large"):
        Directory(data_dir).import_path(big)


def test_control_characters_from_files_are_escaped(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "council.csv"
    source.write_text(BOOK + "Evil\x1b[2J Name,Alderperson,City Council,1 Main St,,,IL\n")
    assert run(["directory", "book", "import", str(source)]) == 0
    assert run(["directory", "book", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Evil\\x1b[2J Name" in out
    drive = tmp_path / "drive.csv"
    drive.write_text(
        "name,street,city,state,zip,story,recipient_id\nA\x1b]0;pwned\x07,1 Main,X,IL,60608,,X9\n",
        encoding="utf-8",
    )
    code = run(
        [
            "letters",
            "batch",
            "federal-dhs-funding",
            "--csv",
            str(drive),
            "--out",
            str(tmp_path / "o.pdf"),
        ]
    )
    assert code == 2
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err + captured.out and "\x07" not in captured.err
    assert "Row 2" in captured.err
