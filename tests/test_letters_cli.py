"""The letters command line: templates list, one letter, a batch; errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from letters_helpers import pdf_text

from toolkit.__main__ import main

SETS = [
    "--set", "sender_name=Ana <Ruiz> & Co", "--set", "sender_street=1 Main St",
    "--set", "sender_city=Chicago", "--set", "sender_state=IL", "--set", "sender_zip=60601",
    "--set", "recipient_name=Jan Schakowsky", "--set", "recipient_title=Representative",
    "--set", "recipient_address=2408 Rayburn House Office Building\nWashington, DC 20515-1309",
]  # fmt: skip


def test_templates_list_json_filters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list", "--level", "state", "--lang", "es", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {t["level"] for t in found} == {"state", "any"}
    assert any(f["name"] == "bill_number" for f in found[0]["fields"])


def test_letter_pdf_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "letter.pdf"
    args = ["letter", "federal-dhs-funding", *SETS, "--date", "2026-11-25"]
    assert main([*args, "--out", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert "Ana <Ruiz> & Co" in text and "Dear Representative Schakowsky:" in text
    assert "Washington, DC 20515-1309" in text
    assert main([*args, "--lang", "es", "--text"]) == 0
    printed = capsys.readouterr().out
    assert "25 de noviembre de 2026" in printed and "Atentamente," in printed


def test_bad_input_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "nope", "--text"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["letter", "blank", *SETS, "--text"]) == 2
    err = capsys.readouterr().err
    assert "body" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["letter", "blank", *SETS, "--set", "colour=red", "--text"]) == 2
    assert "colour" in capsys.readouterr().err


def test_batch_reports_bad_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "drive.csv"
    source.write_text(
        "name,street,city,state,zip,story,recipient_name,recipient_title,recipient_address\n"
        "Ana,1 Main,Chicago,IL,60601,Hi,Jan Schakowsky,Representative,1 Rayburn|Washington DC\n"
        "Bo,,Chicago,IL,60601,Hi,Jan Schakowsky,Representative,1 Rayburn|Washington DC\n",
        encoding="utf-8",
    )
    out = tmp_path / "drive.pdf"
    assert (
        main(
            [
                "letters",
                "batch",
                "federal-dhs-funding",
                "--csv",
                str(source),
                "--out",
                str(out),
                "--envelopes",
                str(tmp_path / "env.pdf"),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert "Row 3" in captured.err and "sender_street" in captured.err
    assert "Letters: 1." in captured.out and "Rows skipped: 1." in captured.out
    assert "Representative Jan Schakowsky" in captured.out
    assert (tmp_path / "env.pdf").is_file() and "Ana" in pdf_text(out.read_bytes())


def test_letter_to_a_directory_member(
    public_data: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.directory.directory import Directory

    with Directory(data_dir) as directory:
        directory.import_path(public_data / "directory" / "legislators-current.csv")
    out = tmp_path / "durbin.pdf"
    args = ["letter", "federal-qi-federal-agents", *SETS[:10], "--to", "D000563"]
    assert main([*args, "--out", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    assert "The Honorable Richard J. Durbin" in text and "Dear Senator Durbin:" in text
    assert "S. 3625" in text
    assert main([*args[:-1], "X0000", "--text"]) == 2
    assert "X0000" in capsys.readouterr().err
