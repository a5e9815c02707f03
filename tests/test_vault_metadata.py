"""What the vault file says in the clear: padded sizes, padded records, no creation time; an
imported file's own "created" is shown as its claim, not as fact."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from incidents_support import PASS, cheap_kdf, new_vault
from pypdf import PdfReader

from toolkit.cli import run
from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.record import Incident
from toolkit.incidents.report_pdf import make_report_pdf


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_sizes_and_lengths_are_padded(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    short = opened.save(Incident(start_date="2025-01-02", what_happened="x" * 100))
    for n in range(101, 356, 5):  # 51 stories of different lengths
        opened.save(Incident(start_date="2025-01-02", what_happened="x" * n))
    for name, size in (("a.bin", 5000), ("b.bin", 5100), ("c.bin", 3 * 1024 * 1024 + 17)):
        (tmp_path / name).write_bytes(b"z" * size)
    att.add_files(opened, short.id, [tmp_path / "a.bin", tmp_path / "b.bin", tmp_path / "c.bin"])
    infos = att.attachments(opened, short.id)
    assert [i.size for i in infos] == [5000, 5100, 3 * 1024 * 1024 + 17]
    assert att.read_bytes(opened, infos[2]) == (tmp_path / "c.bin").read_bytes()
    opened.lock()
    path = vault.vault_path("default", data_dir)
    sizes = [r[0] for r in _rows(path, "SELECT size FROM attachments ORDER BY rowid")]
    assert sizes[0] == sizes[1] and sizes[2] not in (3 * 1024 * 1024 + 17,)
    stored = _rows(
        path, "SELECT attachment_id, sum(length(blob)) FROM chunks GROUP BY attachment_id"
    )
    assert len({total for _id, total in stored if total < 10_000}) == 1
    lengths = {r[0] for r in _rows(path, "SELECT length(blob) FROM records")}
    assert len(lengths) <= 2  # 52 lengths of text, at most two lengths on disk
    keys = {str(r[0]) for r in _rows(path, "SELECT key FROM meta")}
    assert "created" not in keys


def test_an_imported_created_is_labelled_as_the_files_claim(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cheap_kdf(monkeypatch)
    new_vault(data_dir)[0].lock()
    source = tmp_path / "record.json"
    source.write_text(
        json.dumps({"start_date": "2025-01-02", "created": "2019-03-04T05:06:07+00:00"})
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run(["incidents", "add", str(source), "--passphrase-stdin"]) == 0
    record_id = capsys.readouterr().out.strip()
    with vault.Vault("default", data_dir) as opened:
        opened.unlock(PASS)
        item = opened.get(record_id)
        assert item.created_stated == "2019-03-04T05:06:07+00:00"
        assert not item.created.startswith("2019")
        pdf = make_report_pdf(item, []).pdf
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "2019-03-04 05:06:07 UTC" in text
    assert "as stated in the imported file" in text
