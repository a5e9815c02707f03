"""Content packs: build, sign, verify, preview, apply and roll back in a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from content_pack_helpers import CORRECTION, GUIDE, good_pack, new_key, tree

from toolkit import paths
from toolkit.content_pack import keys, service, store
from toolkit.content_pack.rules import PackError
from toolkit.guides.loader import load_library


def _door_text() -> str:
    return load_library("en").get("rights-at-the-door").body


def test_apply_shows_new_text_and_version_then_rollback_restores(
    tmp_path: Path, data_dir: Path
) -> None:
    private, key = new_key()
    pack = good_pack(tmp_path, private)
    assert CORRECTION not in _door_text()
    assert store.status(data_dir).label == "Content: bundled"

    verified, changes = service.preview(pack, data_dir, [key])
    assert changes.changed == [GUIDE] and not changes.added and not changes.removed
    assert "+" + CORRECTION in changes.diffs[GUIDE]

    applied = service.apply_file(pack, data_dir, [key])
    assert applied.version == "2026.12.2" == verified.version
    assert CORRECTION in _door_text()
    assert store.status(data_dir).label == "Content pack 2026.12.2"
    guide = load_library("en").get("rights-at-the-door")
    assert paths.active_pack_root() is not None
    assert guide.path.is_relative_to(paths.active_pack_root())  # type: ignore[arg-type]
    # A guide the pack does not hold still comes from the bundle.
    other = load_library("en").get("if-detained")
    assert other.path.is_relative_to(paths.resource_root())

    assert store.rollback(data_dir) is None
    assert CORRECTION not in _door_text()
    assert store.status(data_dir).current is None


def test_second_pack_replaces_first_and_rollback_goes_back_one(
    tmp_path: Path, data_dir: Path
) -> None:
    private, key = new_key()
    service.apply_file(good_pack(tmp_path, private, "2026.12.2", "first fix"), data_dir, [key])
    second = good_pack(tmp_path, private, "2026.12.3", "second fix")
    _pack, changes = service.preview(second, data_dir, [key])
    assert changes.changed == [GUIDE]
    assert "-first fix" in changes.diffs[GUIDE] and "+second fix" in changes.diffs[GUIDE]
    service.apply_file(second, data_dir, [key])
    assert "second fix" in _door_text()
    previous = store.rollback(data_dir)
    assert previous is not None and previous.version == "2026.12.2"
    assert "first fix" in _door_text()
    # The rolled-back pack may be applied again, on purpose: it was applied here before.
    with pytest.raises(store.AppliedBefore, match="apply it again on purpose"):
        service.apply_file(second, data_dir, [key])
    service.apply_file(second, data_dir, [key], again=True)
    assert store.status(data_dir).current.version == "2026.12.3"  # type: ignore[union-attr]


def test_downgrade_and_same_version_are_refused(tmp_path: Path, data_dir: Path) -> None:
    private, key = new_key()
    service.apply_file(good_pack(tmp_path, private, "2026.12.3"), data_dir, [key])
    before = tree(data_dir)
    for version in ("2026.12.2", "2026.12.3"):
        with pytest.raises(PackError, match="not newer"):
            service.apply_file(good_pack(tmp_path, private, version), data_dir, [key])
    assert tree(data_dir) == before


def test_crash_before_the_switch_leaves_the_old_content(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private, key = new_key()
    service.apply_file(good_pack(tmp_path, private, "2026.12.2", "old fix"), data_dir, [key])
    new = good_pack(tmp_path, private, "2026.12.3", "new fix")

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # the power goes out between unpacking and switching

    real = store.switch
    monkeypatch.setattr(store, "switch", crash)
    with pytest.raises(KeyboardInterrupt):
        service.apply_file(new, data_dir, [key])
    assert "old fix" in _door_text() and "new fix" not in _door_text()
    assert store.status(data_dir).current.version == "2026.12.2"  # type: ignore[union-attr]
    monkeypatch.setattr(store, "switch", real)
    service.apply_file(new, data_dir, [key])
    assert "new fix" in _door_text()


def test_crash_while_unpacking_leaves_no_half_folder(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private, key = new_key()
    pack = good_pack(tmp_path, private)
    calls = []
    real = store._write_synced

    def crash_on_second(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(store, "_write_synced", crash_on_second)
    with pytest.raises(OSError):
        service.apply_file(pack, data_dir, [key])
    assert store.status(data_dir).current is None
    assert CORRECTION not in _door_text()
    assert [p.name for p in paths.content_packs_dir(data_dir).iterdir()] == []


def test_pointer_names_a_versioned_folder_and_old_content_stays(
    tmp_path: Path, data_dir: Path
) -> None:
    private, key = new_key()
    service.apply_file(good_pack(tmp_path, private, "2026.12.2"), data_dir, [key])
    service.apply_file(good_pack(tmp_path, private, "2026.12.3"), data_dir, [key])
    pointer = json.loads((paths.content_packs_dir(data_dir) / "current.json").read_text())
    assert pointer["version"] == "2026.12.3"
    assert [h["version"] for h in pointer["history"]] == ["2026.12.2"]
    folders = sorted(p.name for p in paths.content_packs_dir(data_dir).iterdir() if p.is_dir())
    assert [f.split("-")[0] for f in folders] == ["2026.12.2", "2026.12.3"]


def test_rollback_with_nothing_applied_says_so(data_dir: Path) -> None:
    with pytest.raises(PackError, match="bundled content is already in use"):
        store.rollback(data_dir)


def test_trust_adds_a_center_key_with_its_fingerprint(tmp_path: Path, data_dir: Path) -> None:
    private, _key = new_key()
    pack = good_pack(tmp_path, private)
    with pytest.raises(PackError, match="signature"):
        service.verify(pack, data_dir)  # only the project's keys so far
    public = tmp_path / "center.pub"
    keys.generate(tmp_path / "center.key", public, "Eastside Center")
    added = keys.trust(public, data_dir)
    assert added.name == "Eastside Center" and len(added.fingerprint) == 39
    assert any(k.raw == added.raw for k in keys.trusted_keys(data_dir))
    signer = keys.load_private(tmp_path / "center.key")
    service.verify(good_pack(tmp_path, signer, "2026.12.4"), data_dir)
    bad = tmp_path / "bad.pub"
    bad.write_text("ssh-ed25519 AAAA nope\n")
    with pytest.raises(PackError, match="not a content pack key"):
        keys.trust(bad, data_dir)


def test_the_project_key_ships_and_parses() -> None:
    bundled = [k for k in keys.trusted_keys() if k.source == "bundled"]
    assert bundled and all(len(k.raw) == 32 for k in bundled)
