"""``toolkit directory ...`` end to end, through the real command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cli import run


def test_import_find_status(public_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = public_data / "directory"
    assert (
        run(
            [
                "directory",
                "import",
                str(folder / "legislators-current.json"),
                str(folder / "legislators-district-offices.json"),
                str(folder / "zccd.csv"),
            ]
        )
        == 0
    )
    assert "2947" in capsys.readouterr().out  # zccd rows in the excerpt
    assert run(["directory", "find", "--zip", "35005"]) == 0
    out = capsys.readouterr().out
    assert "ZIP 35005 spans 2 congressional districts (AL-6, AL-7)" in out
    assert "Terri A. Sewell — Representative — AL-7 — Democrat  [S001185]" in out
    assert "District office (Selma): Federal Building, 908 Alabama Ave." in out
    assert "Congress members: data as of 2026-06-10" in out
    assert run(["directory", "find", "--state", "oh", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len([r for r in data if r["kind"] == "us_senator"]) == 2
    assert {r["place"] for r in data} >= {"OH", "OH-1"}
    assert run(["directory", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert {s["source"] for s in status["sources"]} == {"congress", "district-offices", "zccd"}


def test_find_warns_when_a_term_has_ended(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = tmp_path / "legislators-current.json"
    members.write_text(
        json.dumps(
            [
                {
                    "id": {"bioguide": "X000001"},
                    "name": {"first": "Pat", "last": "Doe"},
                    "terms": [
                        {
                            "type": "sen",
                            "start": "2019-01-03",
                            "end": "2025-01-03",
                            "state": "VT",
                            "party": "Independent",
                            "address": "1 Hart Senate Office Building Washington DC 20510",
                        }
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )
    assert run(["directory", "import", str(members)]) == 0
    assert run(["directory", "find", "--state", "VT"]) == 0
    out = capsys.readouterr().out
    assert "Warning: this term ended on 2025-01-03" in out
    assert "Washington office: 1 Hart Senate Office Building, United States Senate" in out
    assert run(["directory", "status"]) == 0
    assert "1 terms have ended" in capsys.readouterr().out


def test_zip_with_no_match_is_one_clear_line(
    public_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        [
            "directory",
            "import",
            str(public_data / "directory" / "zccd.csv"),
            str(public_data / "directory" / "legislators-current.csv"),
        ]
    )
    capsys.readouterr()
    assert run(["directory", "find", "--zip", "00000"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "toolkit: error: No district found for ZIP 00000. PO-box ZIPs are not in the table: "
        "look up by state and district instead."
    )


def test_state_legislators(public_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["directory", "import", str(public_data / "openstates" / "ca" / "legislature")])
    capsys.readouterr()
    assert (
        run(
            ["directory", "find", "--state", "CA", "--level", "state", "--district", "39", "--json"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert {(r["title"], r["chamber"]) for r in data} == {
        ("Senator", "upper"),
        ("Assembly Member", "lower"),
    }


def test_book_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            [
                "directory",
                "book",
                "add",
                "--name",
                "Ana <b>Núñez</b> & Co",
                "--title",
                "Councilmember",
                "--address",
                "1 Main St\\nSpringfield, IL 62701",
            ]
        )
        == 0
    )
    assert "book-1" in capsys.readouterr().out
    csv_file = tmp_path / "council.csv"
    csv_file.write_bytes("\ufeffname,title,organization,address\nBo,Mayor,City,2 Main\n".encode())
    assert run(["directory", "book", "import", str(csv_file)]) == 0
    assert run(["directory", "book", "edit", "book-2", "--title", "Mayor Pro Tem"]) == 0
    capsys.readouterr()
    assert run(["directory", "book", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["full_name"], r["title"]) for r in data] == [
        ("book-1", "Ana <b>Núñez</b> & Co", "Councilmember"),
        ("book-2", "Bo", "Mayor Pro Tem"),
    ]
    assert data[0]["offices"][0]["lines"] == ["1 Main St", "Springfield, IL 62701"]
    assert run(["directory", "book", "delete", "book-1"]) == 0
    assert run(["directory", "book", "delete", "book-1"]) == 2
    assert "book-1" in capsys.readouterr().err


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["directory", "import", str(tmp_path / "missing.csv")]) == 2
    assert run(["directory", "find", "--state", "XX"]) == 2
    assert run(["directory", "book", "add", "--name", "A", "--kind", "mayor"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and all(line.startswith("toolkit: error: ") for line in err)
    assert "missing.csv does not exist" in err[0]
