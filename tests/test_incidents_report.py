"""The report a lawyer reads, read back with pypdf: cover, page numbers, agencies, the
declaration beside the statement's last words, photo thumbnails with their EXIF facts."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from incidents_support import PASS, full_record, new_vault
from PIL import Image
from pypdf import PdfReader

from toolkit.incidents import attachments as att
from toolkit.incidents import record
from toolkit.incidents.photo_facts import photo_facts
from toolkit.incidents.record import Incident, RecordError
from toolkit.incidents.report_pdf import make_report_pdf

EXPORTED = dt.datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("America/Chicago"))
DECLARATION = "I declare under penalty of perjury under the laws of the United States of America"


def pages_text(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def page_of(pages: list[str], needle: str) -> int:
    found = [i for i, text in enumerate(pages) if needle in text]
    assert found, needle
    return found[-1]


def jpeg(exif_fields: bool = True, orientation: int = 0, size: tuple[int, int] = (80, 40)) -> bytes:
    exif = Image.Exif()
    if exif_fields:
        exif[0x010F] = "Canon"
        exif[0x0110] = "Canon EOS R6"
        exif.get_ifd(0x8769)[0x9003] = "2025:06:01 07:20:11"
        exif.get_ifd(0x8825)[2] = (41.0, 52.0, 7.0)  # a GPS latitude: never printed
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_cover_pages_and_every_agency() -> None:
    item = full_record()
    item.agencies = ["ICE", "CBP", "police"]
    pdf = make_report_pdf(item, [], org_name="Casa Unida", exported=EXPORTED).pdf
    pages = pages_text(pdf)
    assert "Incident report" in pages[0] and "Casa Unida" in pages[0]
    assert item.id in pages[0]
    assert "2026-12-01 14:05 (UTC-06:00, CST)" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert f"incident report {item.id}" in text
    everything = " ".join(pages)
    for name in ("ICE (Immigration", "CBP (Customs", "Police"):
        assert name in pages[0] and everything.count(name) >= 2, name


@pytest.mark.parametrize("words", [40, 320, 350, 740, 1120, 1460])
def test_declaration_is_on_the_page_of_the_statements_last_words(words: int) -> None:
    # At these lengths (but 40) a declaration simply placed after the statement lands alone
    # on the next page: the statement's last lines must move with it.
    story = " ".join(f"word{n}" for n in range(words)) + " and that is the end of my account"
    item = Incident(start_date="2025-06-01", what_happened=story, id="r-1", created="x")
    pages = pages_text(make_report_pdf(item, []).pdf)
    assert page_of(pages, "the end of my account") == page_of(pages, DECLARATION)
    declaration = pages[page_of(pages, DECLARATION)]
    assert "that the foregoing is true and correct" in declaration
    for line in ("Executed on (date)", "Signature", "Printed name"):
        assert line in declaration


def test_attestation_by_the_staff_member() -> None:
    item = full_record()
    text = " ".join(pages_text(make_report_pdf(item, [], org_name="Casa Unida").pdf))
    assert "Taken down by" in text and "Rosa Díaz" in text and "Intake volunteer" in text
    assert "as the person gave it to me" in text and "Date: 2025-06-02" in text
    assert text.count("Signature: ____") == 2
    item.attested_by = ""
    assert "Taken down by" not in " ".join(pages_text(make_report_pdf(item, []).pdf))


def test_timeline_holds_every_dated_row_in_order() -> None:
    pages = pages_text(make_report_pdf(full_record(), []).pdf)
    timeline = " ".join(pages)[" ".join(pages).index("Timeline") :]
    order = ["Incident started", "Witness: Neighbor Ana", "Taken into custody: Juan P"]
    positions = [timeline.index(what) for what in [*order, "Incident ended"]]
    assert positions == sorted(positions)


def test_photo_thumbnail_beside_its_hash_with_exif_time_and_camera(
    data_dir: Path, tmp_path: Path
) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(full_record())
    att.add_stream(opened, item.id, io.BytesIO(jpeg()), "door.jpg")
    att.add_stream(opened, item.id, io.BytesIO(jpeg(exif_fields=False)), "plain.jpg")
    att.add_stream(opened, item.id, io.BytesIO(b"hotline notes"), "call.txt")
    files = att.attachments(opened, item.id)
    pdf = make_report_pdf(item, files, read=lambda info: att.read_bytes(opened, info)).pdf
    opened.lock()
    reader = PdfReader(io.BytesIO(pdf))
    pages = pages_text(pdf)
    squeezed = [re.sub(r"\s", "", text) for text in pages]
    for info in files:
        page = next(i for i, text in enumerate(squeezed) if info.sha256 in text)
        images = len(reader.pages[page].images)
        assert images >= (1 if info.name.endswith(".jpg") else 0), info.name
    assert sum(len(p.images) for p in reader.pages) == 2
    text = " ".join(pages)
    assert "Taken (camera clock): 2025-06-01 07:20:11" in text
    assert "Camera: Canon EOS R6" in text
    assert "Taken (camera clock): not in the file" in text
    assert "Camera: not in the file" in text
    assert "Photo taken (camera clock): door.jpg" in text
    assert "GPS" not in text and "41.0" not in text and "52/1" not in text


def test_thumbnail_is_upright_small_and_carries_no_metadata() -> None:
    facts = photo_facts(jpeg(orientation=6, size=(2000, 1000)))
    assert facts is not None
    thumb = Image.open(io.BytesIO(facts.thumbnail))
    assert thumb.size == (facts.width, facts.height) == (180, 360)  # turned upright
    assert dict(thumb.getexif()) == {} and b"Canon" not in facts.thumbnail
    assert photo_facts(b"not an image") is None


def test_a_record_of_100000_characters_exports() -> None:
    long = ("Agents stood at the door and asked for everyone's papers. " * 2000)[:100_000]
    item = Incident(start_date="2025-06-01", what_happened=long, id="r-1", created="x")
    made = make_report_pdf(item, [])
    assert made.pages > 20 and made.warnings == []
    pages = pages_text(made.pdf)
    assert f"Page {made.pages} of {made.pages}" in pages[-1]


def test_old_single_agency_reads_as_a_list() -> None:
    assert record.from_dict({"start_date": "2025-01-02", "agency": "ICE"}).agencies == ["ICE"]
    both = {"start_date": "2025-01-02", "agency": "ICE", "agencies": ["CBP", "ICE"]}
    assert record.from_dict(both).agencies == ["CBP", "ICE"]
    assert record.from_dict({"start_date": "2025-01-02", "agency": ""}).agencies == []
    assert record.template()["agencies"] == []
    assert "agency" not in json.dumps(record.template()).replace("agency_other", "")
    with pytest.raises(RecordError, match="FBI"):
        record.from_dict({"start_date": "2025-01-02", "agencies": ["ICE", "FBI"]})
    with pytest.raises(RecordError, match="list"):
        record.from_dict({"start_date": "2025-01-02", "agencies": "ICE"})


def test_row_dates_are_checked() -> None:
    ok = {"start_date": "2025-01-02", "witnesses": [{"name": "Ana", "when": "07:30"}]}
    assert record.from_dict(ok).witnesses[0].when == "07:30"
    bad = {"start_date": "2025-01-02", "detained": [{"name": "Juan", "when": "yesterday"}]}
    with pytest.raises(RecordError, match="People detained"):
        record.from_dict(bad)


def test_an_old_record_in_a_vault_opens_with_its_agency(data_dir: Path) -> None:
    from toolkit.incidents import crypto, vault

    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02", agencies=["ICE"]))
    old = {k: v for k, v in item.to_dict().items() if k != "agencies"}
    old["agency"] = "sheriff"
    blob = opened.seal_json(old, crypto.aad("record", item.id))
    opened.conn().execute("UPDATE records SET blob = ? WHERE id = ?", (blob, item.id))
    opened.conn().commit()
    opened.lock()
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    assert again.get(item.id).agencies == ["sheriff"]
    again.lock()


def test_form_picks_several_agencies(qtbot: object) -> None:
    from toolkit.gui.incidents.record_form import RecordForm

    form = RecordForm()
    form.set_data({"start_date": "2025-01-02", "agency": "police"})  # a draft from before
    boxes = form.check_boxes("agencies")
    assert boxes["police"].isChecked() and not boxes["ICE"].isChecked()
    boxes["ICE"].setChecked(True)
    assert form.data()["agencies"] == ["ICE", "police"]
    assert "agency_other" in form.widgets


def test_cli_export_with_attestation_and_thumbnail(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from test_incidents_cli import cli

    def go(*args: str) -> tuple[int, str, str]:
        return cli(monkeypatch, capsys, "incidents", *args, "--passphrase-stdin", stdin=PASS)

    assert go("init")[0] == 0
    record_file = tmp_path / "record.json"
    record_file.write_text(json.dumps({"start_date": "2025-06-01", "agencies": ["ICE", "CBP"]}))
    photo = tmp_path / "door.jpg"
    photo.write_bytes(jpeg())
    code, out, err = go("add", str(record_file), "--attach", str(photo))
    assert code == 0, err
    report = tmp_path / "report.pdf"
    args = ["--attested-by", "Rosa Díaz", "--attested-role", "Intake volunteer"]
    code, _out, err = go("export", out.strip(), "--out", str(report), *args)
    assert code == 0, err
    pdf = report.read_bytes()
    text = " ".join(pages_text(pdf))
    assert "Rosa Díaz" in text and "Intake volunteer" in text and "Camera: Canon EOS R6" in text
    assert "ICE (Immigration" in text and "CBP (Customs" in text
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(pdf)).pages) == 1
