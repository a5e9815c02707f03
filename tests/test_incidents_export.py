from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, full_record, new_vault
from PIL import Image
from pypdf import PdfReader

from toolkit.incidents import attachments as att
from toolkit.incidents import photo
from toolkit.incidents.package import verify_package, write_package
from toolkit.incidents.recovery_sheet import make_recovery_pdf
from toolkit.incidents.report_pdf import make_report_pdf
from toolkit.incidents.sealed_stream import PackageError


def _filled(data_dir: Path, tmp_path: Path) -> tuple[object, str]:
    opened, _code = new_vault(data_dir)
    item = opened.save(full_record())
    source = tmp_path / "door.jpg"
    Image.new("RGB", (30, 20), "blue").save(source)
    att.add_file(opened, item.id, source)
    (tmp_path / "call.txt").write_text("hotline notes")
    att.add_file(opened, item.id, tmp_path / "call.txt")
    return opened, item.id


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_report_shows_filled_fields_hashes_pages_and_signature(
    data_dir: Path, tmp_path: Path
) -> None:
    opened, record_id = _filled(data_dir, tmp_path)
    item = opened.get(record_id)  # type: ignore[attr-defined]
    files = att.attachments(opened, record_id)  # type: ignore[arg-type]
    pdf = make_report_pdf(item, files).pdf
    text = " ".join(_text(pdf).split())
    for expected in (
        "Incident report",
        "Apartment 4B, back door <by the alley> & stairs",
        "4411",
        "ABC-1234",
        "A123456789",
        "Broadview",
        "Neighbor Ana",
        "Administrative warrant (form I-205)",
        "Timeline",
        "Incident started",
        files[0].sha256[:32],
        "Signature",
        "Date",
        "Page 1 of",
    ):
        assert expected in text, expected
    assert "Reporter" in text
    opened.lock()  # type: ignore[attr-defined]


def test_package_verifies_and_catches_a_changed_file(data_dir: Path, tmp_path: Path) -> None:
    opened, record_id = _filled(data_dir, tmp_path)
    out = tmp_path / "chosen" / "evidence.zip"
    out.parent.mkdir()
    write_package(opened, record_id, out)  # type: ignore[arg-type]
    result = verify_package(out)
    assert result.ok and [c.status for c in result.checks] == ["good"] * 3
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        original = archive.read("originals/01-door.jpg")
        members = {n: archive.read(n) for n in archive.namelist()}
    assert original == (tmp_path / "door.jpg").read_bytes()
    assert manifest["record"]["id"] == record_id and manifest["app_version"]
    assert {"exported_at", "files", "format"} <= set(manifest)
    assert list(out.parent.iterdir()) == [out]

    members["originals/02-call.txt"] = b"hotline notes, edited"
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    checks = {c.path: c.status for c in verify_package(tampered).checks}
    assert checks == {
        "originals/01-door.jpg": "good",
        "originals/02-call.txt": "changed",
        "report.pdf": "good",
    }
    opened.lock()  # type: ignore[attr-defined]


def test_encrypted_package(data_dir: Path, tmp_path: Path) -> None:
    opened, record_id = _filled(data_dir, tmp_path)
    out = tmp_path / "evidence.tkpkg"
    write_package(opened, record_id, out, passphrase="package phrase", kdf_n=CHEAP_N)  # type: ignore[arg-type]
    assert b"hotline notes" not in out.read_bytes()
    assert verify_package(out, "package phrase").ok
    with pytest.raises(PackageError, match="passphrase"):
        verify_package(out)
    with pytest.raises(PackageError, match="Wrong passphrase"):
        verify_package(out, "other phrase")
    cut = tmp_path / "cut.tkpkg"
    cut.write_bytes(out.read_bytes()[:-10])
    with pytest.raises(PackageError):
        verify_package(cut, "package phrase")
    opened.lock()  # type: ignore[attr-defined]


def test_public_photo_copy_has_no_metadata_and_stays_upright() -> None:
    image = Image.new("RGB", (40, 20), "red")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x0112] = 6  # rotate 90° on display
    exif[0x8825] = {2: (40.0, 26.0, 0.0)}  # a GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    cleaned, suffix = photo.public_copy(buffer.getvalue())
    assert suffix == ".jpg"
    result = Image.open(io.BytesIO(cleaned))
    assert result.size == (20, 40)
    assert dict(result.getexif()) == {}
    assert b"CameraMaker" not in cleaned and b"Exif" not in cleaned


def test_recovery_sheet_shows_the_code() -> None:
    pdf = make_recovery_pdf(
        "household", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "2025-01-01"
    ).pdf
    text = _text(pdf)
    assert "ABCD EFGH IJKL MNOP" in text and "YZ23 4567" in text and "household" in text


def test_package_progress_and_cancel(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(full_record())
    video = tmp_path / "video.mp4"
    video.write_bytes(b"v" * (3 * att.CHUNK_SIZE))
    att.add_file(opened, item.id, video)
    out = tmp_path / "evidence.zip"
    seen: list[tuple[int, int]] = []
    with pytest.raises(att.CancelledError):
        write_package(
            opened,
            item.id,
            out,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert len(seen) == 2 and not out.exists()
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []
    seen.clear()
    write_package(opened, item.id, out, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3 * att.CHUNK_SIZE, 3 * att.CHUNK_SIZE)
    assert verify_package(out).ok
