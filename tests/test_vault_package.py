"""Forgeries of an evidence package, each refused in plain words; what a good one proves."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import warnings
import zipfile
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, full_record, new_vault
from pypdf import PdfReader

from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.package import MANIFEST, verify_package, write_package
from toolkit.incidents.sealed_stream import MAGIC, PackageError


def _package(data_dir: Path, tmp_path: Path) -> tuple[vault.Vault, str, Path]:
    opened, _code = new_vault(data_dir)
    item = opened.save(full_record())
    (tmp_path / "door.jpg").write_bytes(b"\xff\xd8 original photo bytes" * 100)
    (tmp_path / "call.txt").write_text("hotline notes")
    att.add_files(opened, item.id, [tmp_path / "door.jpg", tmp_path / "call.txt"])
    out = write_package(opened, item.id, tmp_path / "evidence.zip")
    return opened, item.id, out


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _rewrite(path: Path, members: list[tuple[str, bytes]]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names on purpose
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members:
                archive.writestr(name, data)


def _edit_manifest(members: list[tuple[str, bytes]], change: object) -> list[tuple[str, bytes]]:
    out = []
    for name, data in members:
        if name == MANIFEST:
            manifest = json.loads(data)
            change(manifest)  # type: ignore[operator]
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        out.append((name, data))
    return out


def test_a_good_package_is_signed_and_says_what_good_proves(data_dir: Path, tmp_path: Path) -> None:
    opened, _record_id, out = _package(data_dir, tmp_path)
    result = verify_package(out)
    assert result.ok and result.signed
    assert result.fingerprint == opened.fingerprint() and len(result.fingerprint) == 39
    report = dict(_members(out))["report.pdf"]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(report)).pages).split())
    assert opened.fingerprint() in text


def test_a_replaced_original_with_its_hash_updated_fails_the_signature(
    data_dir: Path, tmp_path: Path
) -> None:
    _opened, _record_id, out = _package(data_dir, tmp_path)
    members = _members(out)
    forged = b"a different photo"
    import hashlib

    def swap(manifest: dict) -> None:  # type: ignore[type-arg]
        entry = manifest["files"][0]
        entry["sha256"], entry["size"] = hashlib.sha256(forged).hexdigest(), len(forged)

    members = [(n, forged if n == _edit_manifest(members, swap)[0][0] else d) for n, d in members]
    _rewrite(out, _edit_manifest(members, swap))
    with pytest.raises(PackageError, match="signature does not match"):
        verify_package(out)


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m["record"].update(what_happened="They were invited in."),
        lambda m: m.update(exported_at="2024-01-01T00:00:00+00:00"),
        lambda m: m["files"].pop(1),
    ],
    ids=["record text", "export date", "file dropped from the manifest"],
)
def test_edits_of_the_manifest_fail_the_signature(
    data_dir: Path, tmp_path: Path, change: object
) -> None:
    _opened, _record_id, out = _package(data_dir, tmp_path)
    members = _edit_manifest(_members(out), change)
    dropped = {f["path"] for f in json.loads(dict(_members(out))[MANIFEST])["files"]} - {
        f["path"] for f in json.loads(dict(members)[MANIFEST])["files"]
    }
    _rewrite(out, [(n, d) for n, d in members if n not in dropped])
    with pytest.raises(PackageError, match="signature does not match"):
        verify_package(out)


def test_duplicate_and_unsafe_member_names_are_refused(data_dir: Path, tmp_path: Path) -> None:
    _opened, _record_id, out = _package(data_dir, tmp_path)
    members = _members(out)
    first = members[0]
    _rewrite(out, [*members, (first[0], b"the copy a zip tool would show instead")])
    with pytest.raises(PackageError, match="two files named"):
        verify_package(out)
    for bad in ("../outside.txt", "/etc/evil", "originals/../../x", "C:/x"):
        _rewrite(out, [*members, (bad, b"x")])
        with pytest.raises(PackageError, match="unsafe name"):
            verify_package(out)


def test_a_manifest_inflating_to_one_and_a_half_gigabytes_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "bomb.zip"
    block = b" " * (16 * 1024 * 1024)
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(MANIFEST, "w", force_zip64=True) as member,
    ):
        for _n in range(96):  # 1.5 GiB of spaces, a few MB on disk
            member.write(block)
    assert out.stat().st_size < 10 * 1024 * 1024
    with pytest.raises(PackageError, match="too large"):
        verify_package(out)


def test_an_encrypted_package_asking_for_n_2_24_is_refused_clearly(tmp_path: Path) -> None:
    header = json.dumps(
        {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            "n": 2**24,
            "r": 8,
            "p": 1,
            "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
            "chunk_size": 1048576,
        }
    ).encode()
    out = tmp_path / "evil.tkpkg"
    out.write_bytes(MAGIC + struct.pack(">I", len(header)) + header + bytes(64))
    with pytest.raises(PackageError, match="refuses"):
        verify_package(out, "any passphrase at all")
    out.write_bytes(MAGIC + struct.pack(">I", 2**31) + bytes(64))
    with pytest.raises(PackageError, match="damaged"):
        verify_package(out, "any passphrase at all")


def test_an_unsigned_package_is_not_called_good(data_dir: Path, tmp_path: Path) -> None:
    _opened, _record_id, out = _package(data_dir, tmp_path)

    def old(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["format"] = "rights-toolkit-evidence/1"
        del manifest["signing"]

    _rewrite(out, [(n, d) for n, d in _edit_manifest(_members(out), old) if n != "manifest.sig"])
    result = verify_package(out)
    assert all(c.status == "good" for c in result.checks)
    assert not result.ok and "not signed" in result.problems[0]


def test_no_package_is_written_when_a_file_is_hidden(data_dir: Path, tmp_path: Path) -> None:
    opened, record_id, _out = _package(data_dir, tmp_path)
    opened.lock()
    path = vault.vault_path("default", data_dir)
    conn = sqlite3.connect(path)
    meta = bytearray(conn.execute("SELECT meta FROM attachments LIMIT 1").fetchone()[0])
    meta[30] ^= 1  # one bit of the sealed description: the file vanishes from list_for()
    with conn:
        conn.execute("UPDATE attachments SET meta = ? WHERE rowid = 1", (bytes(meta),))
    conn.close()
    again = vault.Vault("default", data_dir)
    again.unlock("correct horse battery")
    assert len(att.list_for(again, record_id)[0]) == 1
    target = tmp_path / "second.zip"
    with pytest.raises(PackageError, match="No package was written"):
        write_package(again, record_id, target)
    assert not target.exists() and not list(tmp_path.glob(".second.zip*"))
    again.lock()


def test_encrypted_package_round_trip_still_verifies(data_dir: Path, tmp_path: Path) -> None:
    opened, record_id, _out = _package(data_dir, tmp_path)
    out = write_package(
        opened, record_id, tmp_path / "sealed.tkpkg", passphrase="package phrase", kdf_n=CHEAP_N
    )
    assert verify_package(out, "package phrase").ok


def test_cli_verify_prints_the_fingerprint_and_what_good_proves(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.cli import run
    from toolkit.incidents.recovery_sheet import make_recovery_pdf

    opened, _record_id, out = _package(data_dir, tmp_path)
    fingerprint = opened.fingerprint()
    assert run(["incidents", "verify", str(out)]) == 0
    printed = capsys.readouterr().out
    assert fingerprint in printed and "Good means" in printed
    assert "does not prove that the account is true" in printed
    sheet = make_recovery_pdf("default", "A" * 32, opened.created(), fingerprint=fingerprint).pdf
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(sheet)).pages)
    assert fingerprint in " ".join(text.split())
    members = _edit_manifest(_members(out), lambda m: m.update(exported_at="2020-01-01"))
    _rewrite(out, members)
    assert run(["incidents", "verify", str(out)]) != 0
    assert "cannot be trusted" in capsys.readouterr().err
