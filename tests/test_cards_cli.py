"""The cards and flyer commands, run through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.cli import run


def test_cards_command_writes_a_two_page_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    code = run(
        [
            "cards",
            "--lang",
            "es",
            "--lang",
            "en",
            "--org",
            "Eastside",
            "--hotline",
            "(555) 010-0100",
            "--qr",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert len(PdfReader(out).pages) == 2
    captured = capsys.readouterr()
    assert "Spanish" in captured.err and "reviewed" in captured.err  # the review notice
    assert "long edge" in captured.out


def test_cards_languages_lists_twelve_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["cards", "languages", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 12 and {r["code"] for r in rows} >= {"ar", "fa", "zh-Hans", "ko"}


def test_cards_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["cards", "--lang", "xx", "--out", str(tmp_path / "x.pdf")]) == 2
    assert (
        run(["cards", "--lang", "en", "--hotline", "1" * 30, "--out", str(tmp_path / "x.pdf")]) == 2
    )
    assert run(["cards", "--lang", "en", "--qr", "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("toolkit: error:") == 3 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_flyer_command_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "event.pdf"
    assert (
        run(
            [
                "flyer",
                "event",
                "--lang",
                "es",
                "--title",
                "Taller",
                "--date",
                "1 de marzo",
                "--place",
                "Biblioteca",
                "--hotline",
                "555",
                "--tear-off",
                "--paper",
                "a4",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert len(PdfReader(out).pages) == 1
    assert run(["flyers", "list", "--json"]) == 0
    assert run(["flyers"]) == 0
    assert "rights-at-the-door" in capsys.readouterr().out
