"""Settings → Content updates: choose a pack, see the changes, apply or cancel, roll back."""

from __future__ import annotations

import zipfile
from pathlib import Path

from content_pack_helpers import CORRECTION, GUIDE, good_pack, new_key, tree
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.qtbot import QtBot

from toolkit.content_pack import keys
from toolkit.gui.context import AppContext
from toolkit.gui.pages.settings_page import SettingsPage
from toolkit.guides.loader import load_library
from toolkit.guides.notice import notice_for
from toolkit.settings import Settings


def _trusted(tmp_path: Path, data_dir: Path) -> Ed25519PrivateKey:
    private, key = new_key()
    public = tmp_path / "test.pub"
    public.write_text(f"{keys.KEY_PREFIX} {__import__('base64').b64encode(key.raw).decode()} t\n")
    keys.trust(public, data_dir)
    return private


def _page(qtbot: QtBot, data_dir: Path) -> SettingsPage:
    page = SettingsPage(AppContext(Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    return page


def _door() -> str:
    return load_library("en").get("rights-at-the-door").body


def test_preview_then_apply_then_rollback(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    pack = good_pack(tmp_path, _trusted(tmp_path, data_dir))
    page = _page(qtbot, data_dir)
    box = page.content_updates
    assert "Content: bundled" in box.current.text() and not box.rollback_button.isEnabled()
    box.preview_file(pack)
    shown = box.changes.toPlainText()
    assert f"changed: {GUIDE}" in shown and "+" + CORRECTION in shown
    assert box.apply_button.isEnabled() and CORRECTION not in _door()
    box.apply_button.click()
    assert CORRECTION in _door()
    assert "Content pack 2026.12.2" in box.current.text()
    guide = load_library("en").get("rights-at-the-door")
    assert notice_for(guide, None).content_origin == "Content pack 2026.12.2"
    assert box.rollback_button.isEnabled()
    box.rollback_button.click()
    assert CORRECTION not in _door() and "Content: bundled" in box.current.text()


def test_cancel_changes_nothing(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    pack = good_pack(tmp_path, _trusted(tmp_path, data_dir))
    page = _page(qtbot, data_dir)
    box = page.content_updates
    before = tree(data_dir)
    box.preview_file(pack)
    box.cancel_button.click()
    assert tree(data_dir) == before and not box.apply_button.isEnabled()
    assert "nothing was changed" in box.message.text()


def test_tampered_pack_is_refused_with_a_message(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    pack = good_pack(tmp_path, _trusted(tmp_path, data_dir))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(pack) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(
                info, data.replace(b"door", b"DOOR", 1) if info.filename == GUIDE else data
            )
    page = _page(qtbot, data_dir)
    box = page.content_updates
    before = tree(data_dir)
    box.preview_file(tampered)
    assert "refused" in box.message.text() and "changed after signing" in box.message.text()
    assert not box.apply_button.isEnabled() and tree(data_dir) == before


def test_a_pack_applied_before_is_used_again_only_on_purpose(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    pack = good_pack(tmp_path, _trusted(tmp_path, data_dir))
    page = _page(qtbot, data_dir)
    box = page.content_updates
    box.preview_file(pack)
    box.apply_button.click()
    box.rollback_button.click()
    assert CORRECTION not in _door()
    box.preview_file(pack)
    assert "refused" in box.message.text() and "on purpose" in box.message.text()
    assert not box.apply_button.isEnabled() and not box.again_button.isHidden()
    box.again_button.click()
    assert box.apply_button.isEnabled() and box.again_button.isHidden()
    box.apply_button.click()
    assert CORRECTION in _door() and "Content pack 2026.12.2" in box.current.text()
