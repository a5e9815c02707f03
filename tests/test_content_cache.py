"""Parsed content YAML comes back from the cache exactly as PyYAML gave it, or is parsed again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkit import content_cache
from toolkit.yamlio import YAMLError, load_yaml

FRONT_MATTER = """\
id: at-the-door
title: "Your rights at the door <&>"
facts_checked: 2026-11-01
count: 3
ratio: 0.5
flag: true
nothing: null
sources:
  - {title: Know your rights, url: "https://example.org", read: "2026-11"}
"""


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(content_cache, "_folder", None)
    return tmp_path / "cache"


def entries(cache_folder: Path) -> list[Path]:
    return sorted(cache_folder.glob("content/*/*.json"))


def test_a_parse_is_kept_and_read_back_equal(cache_folder: Path) -> None:
    first = content_cache.load(FRONT_MATTER)
    assert first == load_yaml(FRONT_MATTER)
    assert len(entries(cache_folder)) == 1
    again = content_cache.load(FRONT_MATTER)
    assert again == first and isinstance(again["facts_checked"], dt.date)


def test_the_kept_copy_is_what_is_read(cache_folder: Path) -> None:
    content_cache.load(FRONT_MATTER)
    [entry] = entries(cache_folder)
    entry.write_text(entry.read_text(encoding="utf-8").replace("at-the-door", "from-cache"))
    assert content_cache.load(FRONT_MATTER)["id"] == "from-cache"


def test_any_change_to_the_text_is_a_new_entry(cache_folder: Path) -> None:
    content_cache.load(FRONT_MATTER)
    changed = content_cache.load(FRONT_MATTER.replace("count: 3", "count: 4"))
    assert changed["count"] == 4 and len(entries(cache_folder)) == 2


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"$date": "2026-13-01"}', b"\xff\xfe"])
def test_a_damaged_entry_is_parsed_again(cache_folder: Path, damage: bytes) -> None:
    content_cache.load(FRONT_MATTER)
    [entry] = entries(cache_folder)
    entry.write_bytes(damage)
    assert content_cache.load(FRONT_MATTER) == load_yaml(FRONT_MATTER)


@pytest.mark.parametrize(
    "text",
    [
        "when: 2026-11-01 10:30:00\n",  # a datetime would come back as a date
        "1: one\n",  # a number key would come back as text
        "$date: 2026-11-01\n",  # would come back as a date
        "data: !!binary aGVsbG8=\n",
    ],
)
def test_what_json_cannot_carry_exactly_is_not_kept(cache_folder: Path, text: str) -> None:
    assert content_cache.load(text) == load_yaml(text)
    assert entries(cache_folder) == []
    assert content_cache.load(text) == load_yaml(text)


def test_errors_are_raised_and_not_kept(cache_folder: Path) -> None:
    with pytest.raises(YAMLError):
        content_cache.load("title: [unclosed\n")
    with pytest.raises(ValueError):
        content_cache.load("facts_checked: 2026-13-01\n")  # no such day
    assert entries(cache_folder) == []


def test_a_cache_that_cannot_be_written_only_means_parsing(cache_folder: Path) -> None:
    cache_folder.mkdir(parents=True)
    blocked = cache_folder / "content"
    blocked.write_text("a file where the folder would go")
    assert content_cache.load(FRONT_MATTER) == load_yaml(FRONT_MATTER)
