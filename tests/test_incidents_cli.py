from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from incidents_support import cheap_kdf
from pypdf import PdfReader

from toolkit.cli import run

PASS = "cli passphrase 1"


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap_kdf(monkeypatch)


def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_end_to_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def go(*args: str, stdin: str = PASS + "\n") -> tuple[int, str, str]:
        return cli(monkeypatch, capsys, *args, "--passphrase-stdin", stdin=stdin)

    sheet = tmp_path / "sheet.pdf"
    code, out, _err = go("incidents", "init", "--recovery-sheet", str(sheet))
    assert code == 0 and str(sheet) in out
    assert "Recovery code" in PdfReader(sheet).pages[0].extract_text()

    code, out, _err = cli(monkeypatch, capsys, "incidents", "template")
    fields = json.loads(out)
    fields.update(start_date="2025-06-01", place_address="5 Elm St", agency="CBP")
    record_file = tmp_path / "record.json"
    record_file.write_text(json.dumps(fields))
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"not really a jpeg")
    code, out, err = go("incidents", "add", str(record_file), "--attach", str(photo))
    assert code == 0, err
    record_id = out.strip()

    code, out, _err = go("incidents", "list", "--json")
    rows = json.loads(out)
    assert rows[0]["id"] == record_id and rows[0]["attachments"] == 1

    code, out, _err = go("incidents", "show", record_id)
    assert "5 Elm St" in out and "photo.jpg" in out

    report = tmp_path / "report.pdf"
    assert go("incidents", "export", record_id[:6], "--out", str(report))[0] == 0
    assert "5 Elm St" in PdfReader(report).pages[0].extract_text()

    package = tmp_path / "evidence.zip"
    assert go("incidents", "package", record_id, "--out", str(package))[0] == 0
    code, out, _err = cli(monkeypatch, capsys, "incidents", "verify", str(package))
    assert code == 0 and "good" in out

    sealed = tmp_path / "evidence.tkpkg"
    stdin = f"{PASS}\npackage phrase\npackage phrase\n"
    assert (
        go("incidents", "package", record_id, "--out", str(sealed), "--encrypt", stdin=stdin)[0]
        == 0
    )
    assert go("incidents", "verify", str(sealed), stdin="package phrase\n")[0] == 0

    code, _out, err = go("incidents", "list", stdin="wrong passphrase\n")
    assert code == 2 and err.startswith("toolkit: error: Wrong passphrase")
    assert len(err.strip().splitlines()) == 1

    code, _out, err = go("incidents", "delete", record_id)
    assert code == 2 and "--yes" in err
    assert go("incidents", "delete", record_id, "--yes")[0] == 0
    assert json.loads(go("incidents", "list", "--json")[1]) == []
    assert go("incidents", "delete", "--all", "--yes")[0] == 0
    code, _out, err = go("incidents", "list")
    assert code == 2 and "no vault" in err


def test_bad_record_file_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"start_date": "2025-01-01", "agencyy": "ICE"}')
    code, _out, err = cli(
        monkeypatch, capsys, "incidents", "add", str(bad), "--passphrase-stdin", stdin=PASS + "\n"
    )
    assert code == 2 and "agencyy" in err and "Traceback" not in err


def test_wipe_after_from_init_and_settings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.incidents import vault

    def go(*args: str, stdin: str = PASS + "\n") -> tuple[int, str, str]:
        return cli(monkeypatch, capsys, "incidents", *args, "--passphrase-stdin", stdin=stdin)

    code, out, err = go("init", "--wipe-after", "5")
    assert code == 0, err
    assert "5 wrong tries" in out
    code, out, _err = go("settings")
    assert code == 0 and "5 wrong tries" in out
    assert vault.Vault("default").retry_state().tries_left == 5
    code, out, _err = go("settings", "--wipe-after", "off")
    assert code == 0 and "off" in out
    assert vault.Vault("default").retry_state().tries_left == 0
    with pytest.raises(SystemExit) as exited:  # argparse refuses it before anything runs
        go("settings", "--wipe-after", "2")
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "3 to 20" in err and len(err.strip().splitlines()) == 1
    code, _out, _err = go("settings", "--wipe-after", "3")
    assert code == 0
    for _attempt in range(3):
        monkeypatch.setattr("toolkit.cli.incidents_cmd.time.sleep", lambda s: None)
        go("list", stdin="wrong passphrase\n")
    assert not vault.vault_path("default").exists()


def test_package_says_what_its_report_cannot_print(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def go(*args: str) -> tuple[int, str, str]:
        return cli(monkeypatch, capsys, *args, "--passphrase-stdin", stdin=PASS + "\n")

    assert go("incidents", "init", "--recovery-sheet", str(tmp_path / "sheet.pdf"))[0] == 0
    fields = json.loads(cli(monkeypatch, capsys, "incidents", "template")[1])
    fields.update(start_date="2025-06-01", what_happened="He shouted \U0001f600 twice")
    record_file = tmp_path / "record.json"
    record_file.write_text(json.dumps(fields))
    code, out, err = go("incidents", "add", str(record_file))
    assert code == 0, err
    package = tmp_path / "evidence.zip"
    code, _out, err = go("incidents", "package", out.strip(), "--out", str(package))
    assert code == 0 and package.is_file()
    warnings = [line for line in err.splitlines() if line.startswith("toolkit: warning:")]
    assert any("\U0001f600" in line for line in warnings), err
