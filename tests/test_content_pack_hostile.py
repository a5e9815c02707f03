"""Hostile content packs: each is refused with a clear message and nothing changes on disk."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest
from content_pack_helpers import DAY, GUIDE, REPO, good_pack, new_key, signed, tree

from toolkit.content_pack import service
from toolkit.content_pack.build import make_manifest
from toolkit.content_pack.rules import PackError

GUIDE_BYTES = (REPO / GUIDE).read_bytes()


def _refused(pack: Path, data_dir: Path, key: object, match: str) -> None:
    """Verify and apply both refuse; the data folder is byte for byte what it was."""
    before = tree(data_dir)
    for step in (service.verify, service.preview, service.apply_file):
        with pytest.raises(PackError, match=match):
            step(pack, data_dir, [key])  # type: ignore[list-item]
    assert tree(data_dir) == before


def _rezip(source: Path, out: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, change.get(info.filename, old.read(info)))
    return out


def test_unsigned_pack(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = good_pack(tmp_path, private)
    out = tmp_path / "unsigned.zip"
    with zipfile.ZipFile(pack) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename != "manifest.sig":
                new.writestr(info, old.read(info))
    _refused(out, data_dir, key, "not signed")


def test_signed_by_an_untrusted_key(tmp_path: Path, data_dir: Path) -> None:
    private, _key = new_key()
    _other, trusted = new_key()
    _refused(good_pack(tmp_path, private), data_dir, trusted, "signature does not match")


def test_tampered_manifest(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = good_pack(tmp_path, private)
    with zipfile.ZipFile(pack) as archive:
        manifest = archive.read("manifest.json").replace(b"2026.12.2", b"2026.12.9")
    out = _rezip(pack, tmp_path / "tampered.zip", {"manifest.json": manifest})
    _refused(out, data_dir, key, "signature does not match")


def test_tampered_file(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = good_pack(tmp_path, private)
    changed = GUIDE_BYTES.replace(b"door", b"DOOR", 1)
    out = _rezip(pack, tmp_path / "tampered.zip", {GUIDE: changed + b"x"})
    _refused(out, data_dir, key, "changed after signing")


def test_not_a_zip_and_wrong_format(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK not really")
    _refused(junk, data_dir, key, "not a zip")
    manifest = make_manifest({GUIDE: GUIDE_BYTES}, "2026.12.2", None, DAY, ("0.1",))
    data = manifest.to_json().replace(b'"format": 1', b'"format": 2')
    out = tmp_path / "format2.zip"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", data)
        archive.writestr("manifest.sig", private.sign(data))
        archive.writestr(GUIDE, GUIDE_BYTES)
    _refused(out, data_dir, key, "format 2")
    not_json = b"{not json"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", not_json)
        archive.writestr("manifest.sig", private.sign(not_json))
    _refused(out, data_dir, key, "not JSON")


def _hostile_listing(tmp_path: Path, private: object, name: str) -> Path:
    """A signed manifest listing ``name`` (bypassing the builder's own check)."""
    import hashlib
    import json

    data = {
        "format": 1,
        "version": "2026.12.2",
        "date": "2026-12-01",
        "previous": None,
        "app_versions": ["0.1"],
        "files": [{"path": name, "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}],
    }
    raw = json.dumps(data).encode()
    out = tmp_path / "listing.zip"
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", raw)
        archive.writestr("manifest.sig", private.sign(raw))  # type: ignore[attr-defined]
        archive.writestr(name, b"x")
    return out


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("assets/guides/../../../evil.md", "leaves its folder"),
        ("../outside.md", "leaves its folder"),
        ("/etc/cron.d/evil", "absolute path"),
        ("C:/Windows/evil.md", "absolute path"),
        ("toolkit/evil.py", "outside the allowed folders"),
        ("assets/guides/en/run.sh", "outside the allowed folders"),
    ],
)
def test_paths_that_escape_or_are_not_allowed(
    tmp_path: Path, data_dir: Path, name: str, match: str
) -> None:
    private, key = new_key()
    _refused(_hostile_listing(tmp_path, private, name), data_dir, key, match)


def test_unlisted_escaping_entry(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = signed(tmp_path, private, {GUIDE: GUIDE_BYTES})
    with zipfile.ZipFile(pack, "a") as archive:
        archive.writestr("../../escape.md", b"x")
    _refused(pack, data_dir, key, "leaves its folder")


def test_symlink_entry(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    target = b"/etc/passwd"
    pack = signed(tmp_path, private, {}, listed={GUIDE: target})
    with zipfile.ZipFile(pack, "a") as archive:
        info = zipfile.ZipInfo(GUIDE)
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, target)
    _refused(pack, data_dir, key, "symbolic link")


def test_duplicate_entries(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = signed(tmp_path, private, {GUIDE: GUIDE_BYTES})
    with pytest.warns(UserWarning), zipfile.ZipFile(pack, "a") as archive:
        archive.writestr(GUIDE, b"a second copy")
    _refused(pack, data_dir, key, "same file twice")


def test_oversized_entry(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    big = b"a" * (21 * 1024 * 1024)
    _refused(_signed_lie(tmp_path, private, big), data_dir, key, "too large|larger than")


def _signed_lie(tmp_path: Path, private: object, data: bytes) -> Path:
    return signed(tmp_path, private, {"data/big.csv": data})  # type: ignore[arg-type]


def test_entry_larger_than_its_manifest_says(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = signed(tmp_path, private, {GUIDE: GUIDE_BYTES + b"more"}, listed={GUIDE: GUIDE_BYTES})
    _refused(pack, data_dir, key, "larger than it says")


def test_compression_bomb(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    bomb = b"\0" * (5 * 1024 * 1024)  # 5 MiB of zeros deflate to about 5 KiB
    _refused(_signed_lie(tmp_path, private, bomb), data_dir, key, "zip bomb")


def test_pack_for_another_app_version(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = signed(tmp_path, private, {GUIDE: GUIDE_BYTES}, apps=("2.0",))
    _refused(pack, data_dir, key, "for app version 2.0")


def test_downgrade_below_applied_pack(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    service.apply_file(good_pack(tmp_path, private, "2026.12.5"), data_dir, [key])
    _refused(good_pack(tmp_path, private, "2026.12.4"), data_dir, key, "not newer")


def test_guide_that_does_not_parse(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    pack = signed(tmp_path, private, {GUIDE: b"no front matter"})
    _refused(pack, data_dir, key, "not a valid guide")


def test_pack_template_cannot_reach_python_internals(tmp_path: Path, data_dir: Path) -> None:
    from toolkit.letters.catalog import TemplateError, get_template
    from toolkit.letters.compose import render_body

    private, key = new_key()
    body = "letters/blank.en.j2"
    hostile = b"Dear friend,\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n"
    pack = signed(tmp_path, private, {f"templates/{body}": hostile})
    service.apply_file(pack, data_dir, [key])
    meta = get_template("blank")
    with pytest.raises(TemplateError, match=r"unsafe|access"):
        render_body(meta, "en", {})


CARD_BYTES = (REPO / "assets/cards/es.yaml").read_bytes()


@pytest.mark.parametrize(
    ("name", "data", "match"),
    [
        ("assets/cards/es.yaml", b"code: es\nfront: [unclosed\n", "cards/es.yaml in the pack"),
        (
            "assets/cards/es.yaml",
            CARD_BYTES.replace(b"hotline_label:", b"hotline_lable:", 1),
            "missing the field",
        ),
        ("assets/cards/xx.yaml", CARD_BYTES, "no card language"),
        ("assets/flyers/fr.yaml", b"code: fr\ncommon: {}\n", "flyers/fr.yaml in the pack"),
        ("assets/cards/es.yaml", b"\xff\xfe not utf-8", "not UTF-8"),
        (
            "templates/letters/blank.en.j2",
            b"Dear friend,\n{% if sender_name %}\nno end\n",
            r"not a valid letter template \(line \d+",
        ),
        ("templates/letters/blank.es.j2", b"{{ name | }}\n", "not a valid letter template"),
        (
            "templates/letters/blank.yaml",
            (REPO / "templates/letters/blank.yaml").read_bytes().replace(b"id: blank", b"id: x"),
            "the id must match",
        ),
        (
            "templates/letters/new-letter.yaml",
            (REPO / "templates/letters/blank.yaml")
            .read_bytes()
            .replace(b"id: blank", b"id: new-letter"),
            "letter text for language 'en' is missing",
        ),
        ("assets/locale/es/LC_MESSAGES/toolkit.mo", b"not a catalog", "gettext catalog"),
    ],
)
def test_content_that_does_not_load_is_refused(
    tmp_path: Path, data_dir: Path, name: str, data: bytes, match: str
) -> None:
    private, key = new_key()
    _refused(signed(tmp_path, private, {name: data}), data_dir, key, match)


def test_template_syntax_is_parsed_never_rendered(tmp_path: Path, data_dir: Path) -> None:
    """A well-formed hostile template passes the syntax check (it is not run), and the
    sandbox still stops it when a letter is filled in (see the test above)."""
    private, key = new_key()
    hostile = b"{{ cycler.__init__.__globals__.os.system('touch /tmp/pwned') }}\n"
    pack = signed(tmp_path, private, {"templates/letters/blank.en.j2": hostile})
    service.verify(pack, data_dir, [key])
    assert not Path("/tmp/pwned").exists()
