from __future__ import annotations

from pathlib import Path

import pytest

from toolkit import paths, settings
from toolkit.settings import Settings, SettingsError


def test_defaults_when_no_file(data_dir: Path) -> None:
    result = settings.load()
    assert result.settings == Settings()
    assert result.warning == ""


def test_round_trip_keeps_every_field(data_dir: Path) -> None:
    logo = data_dir.parent / "logo.png"
    logo.write_bytes(b"\x89PNG fake")
    saved = Settings(
        org_name="Centro <Unidos> & Co",
        hotline="+1 (555) 010-0199",
        org_address="12 Main St\nSpringfield",
        logo_path=str(logo),
        language="es",
        paper="a4",
        large_text=True,
        idle_lock_minutes=9,
    )
    settings.save(saved)
    assert settings.load().settings == saved


def test_data_folder_is_private(data_dir: Path) -> None:
    folder = paths.data_dir()
    assert folder == data_dir
    assert folder.stat().st_mode & 0o777 == 0o700


def test_corrupt_file_is_kept_aside_with_message(data_dir: Path) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"{ not json \xff")
    result = settings.load()
    assert result.settings == Settings()
    assert "could not be read" in result.warning
    assert result.moved_to is not None and result.moved_to.read_bytes() == b"{ not json \xff"
    assert not path.exists()


def test_invalid_values_fall_back_field_by_field(data_dir: Path) -> None:
    path = settings.settings_path()
    path.write_text('{"org_name": "Casa", "paper": "tabloid", "large_text": "yes"}')
    loaded = settings.load().settings
    assert loaded.org_name == "Casa"
    assert loaded.paper == "letter"
    assert loaded.large_text is False


@pytest.mark.parametrize(
    "change",
    [
        {"org_name": "x" * 61},
        {"hotline": "1" * 25},
        {"paper": "legal"},
        {"language": "xx"},
        {"idle_lock_minutes": 0},
        {"logo_path": "/no/such/logo.png"},
    ],
)
def test_bad_values_are_refused_with_a_message(change: dict[str, object]) -> None:
    with pytest.raises(SettingsError) as info:
        settings.save(Settings(**change))  # type: ignore[arg-type]
    assert str(info.value)
    assert not settings.settings_path().exists()


def test_failed_write_leaves_old_file(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.save(Settings(org_name="First"))
    import os

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    from toolkit.atomic import WriteError

    with pytest.raises(WriteError, match="No space left"):
        settings.save(Settings(org_name="Second"))
    assert settings.load().settings.org_name == "First"
    assert [p.name for p in data_dir.iterdir()] == ["settings.json"]
