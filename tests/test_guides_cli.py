"""``toolkit guides``: list, show, search and pdf from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.__main__ import main
from toolkit.guides.loader import load_library


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_json_has_every_guide(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "guides", "list", "--lang", "es", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == load_library("es").ids()
    assert rows[0]["language"] == "es" and rows[0]["facts_checked"]


def test_list_text_groups_by_topic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "guides", "list")
    assert code == 0
    assert "Know your rights" in out and "rights-at-the-door" in out


def test_search_json_finds_accented_word(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "guides", "search", "policia", "--lang", "es", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits and all(h["highlights"] for h in hits)
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end].lower() == "policía"


def test_search_without_results_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "guides", "search", "zzzqqq")
    assert code == 0 and "zzzqqq" in out


def test_show_prints_plain_text_with_notice(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "guides", "show", "if-detained", "--lang", "es")
    assert code == 0
    assert out.startswith("SI USTED O UN FAMILIAR")
    assert "**" not in out and "](" not in out
    assert "Fuentes" in out


def test_unknown_id_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "guides", "show", "nope")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        'toolkit: error: There is no guide "nope". See the guide ids with: toolkit guides list'
    ]


def test_pdf_and_summary_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    full, flyer = tmp_path / "door.pdf", tmp_path / "flyer.pdf"
    assert run(capsys, "guides", "pdf", "rights-at-the-door", "--out", str(full))[0] == 0
    code, out, _err = run(
        capsys,
        "guides",
        "pdf",
        "rights-at-the-door",
        "--summary",
        "--paper",
        "a4",
        "--out",
        str(flyer),
    )
    assert code == 0 and str(flyer) in out
    assert len(PdfReader(io.BytesIO(full.read_bytes())).pages) > 1
    page = PdfReader(io.BytesIO(flyer.read_bytes())).pages
    assert len(page) == 1
    assert round(float(page[0].mediabox.width)) == 595  # A4


def test_pdf_needs_pdf_suffix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "guides", "pdf", "if-detained", "--out", str(tmp_path / "x.txt"))
    assert code == 2 and ".pdf" in err
