"""Every bundled guide loads, links somewhere real, and exists in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.guides import loader
from toolkit.guides.blocks import BULLETS, HEADING, NUMBERS, Run, iter_links, parse, parse_inline
from toolkit.guides.links import library_problems, link_problem
from toolkit.guides.topics import TOPICS

LANGUAGES = loader.languages()


def test_english_and_spanish_are_present() -> None:
    assert {"en", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_front_matter_is_valid(language: str) -> None:
    library = loader.load_library(language)
    assert len(library.guides) >= 12
    for guide in library.guides:
        assert guide.language == language
        assert guide.topic in TOPICS
        assert guide.title and guide.summary and guide.sources
        assert guide.path is not None and guide.path.stem == guide.id
        assert any(block.kind == HEADING for block in parse(guide.body)), guide.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_resolves(language: str) -> None:
    library = loader.load_library(language)
    assert library_problems(library) == []
    targets = {t for g in library.guides for _text, t in iter_links(parse(g.body))}
    assert "app:incidents" in targets
    assert any(t.startswith("app:letters/") for t in targets)


def test_every_language_has_the_same_ids() -> None:
    ids = {lang: sorted(loader.load_library(lang).ids()) for lang in LANGUAGES}
    assert all(found == ids["en"] for found in ids.values()), ids


def test_translations_share_topic_sources_and_review_date() -> None:
    english = loader.load_library("en")
    for guide in loader.load_library("es").guides:
        original = english.get(guide.id)
        assert (guide.topic, guide.facts_checked) == (original.topic, original.facts_checked), (
            guide.id
        )
        assert guide.related_guides == original.related_guides, guide.id


def test_broken_links_are_reported() -> None:
    library = loader.load_library("en")
    assert "no guide" in link_problem("guide:no-such-guide", library)
    assert "no letter template" in link_problem("app:letters/no-such-template", library)
    assert "unknown app page" in link_problem("app:nowhere", library)
    assert link_problem("guide:if-detained", library) == ""
    assert link_problem("app:letters/federal-dhs-funding", library) == ""


GOOD = """---
id: sample
title: A sample
summary: Short.
language: en
topic: safety
facts_checked: 2026-01-02
wording_reviewed: 2026-01-02
recheck_by: 2026-04-02
sources:
  - title: A source
    publisher: Someone
    url: https://example.org/source
    read: 2026-01
related_guides: []
related_tools: [incidents]
---
## Heading

Text.
"""


def write(tmp_path: Path, text: str, name: str = "sample.md") -> Path:
    folder = tmp_path / "en"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    guide = loader.load_library("en", tmp_path).get("sample")
    assert guide.facts_checked.isoformat() == "2026-01-02"
    assert guide.related_tools == ("incidents",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("topic: safety", "topic: cooking", '"topic" must be one of'),
        ("facts_checked: 2026-01-02", "facts_checked: soon", '"facts_checked" must be a date'),
        ("id: sample", "id: other", '"id" must be'),
        ("language: en", "language: es", '"language" must match'),
        ("title: A sample", "title: ''", '"title" must be non-empty'),
        ("    publisher: Someone", "    publisher: [1]", "source 1 needs"),
        ("related_tools: [incidents]", "related_tool: [incidents]", "unknown field"),
        ("summary: Short.", "summary: [unclosed", "not valid YAML"),
        ("---\n## Heading\n\nText.\n", "---\n", "no text"),
    ],
)
def test_bad_front_matter_names_file_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(loader.GuideError) as caught:
        loader.load_library("en", tmp_path)
    assert "sample.md" in str(caught.value)
    assert message in str(caught.value)


def test_missing_front_matter_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "## Just text\n")
    with pytest.raises(loader.GuideError, match=r"sample\.md"):
        loader.load_library("en", tmp_path)


def test_unknown_guide_and_language_say_how_to_list() -> None:
    with pytest.raises(loader.UnknownGuideError, match="toolkit guides list"):
        loader.load_library("en").get("nope")
    with pytest.raises(loader.UnknownGuideError, match="en, es"):
        loader.load_library("zz")


def test_markdown_subset_blocks_and_runs() -> None:
    blocks = parse(
        "Intro **bold** and *it*.\n\n## Head\n\n- one\n  wrapped\n- two [link](guide:x)\n\n"
        "3. third\n4. fourth\n\n### Sub\nA stray * star and 5 * 3."
    )
    kinds = [b.kind for b in blocks]
    assert kinds == ["paragraph", HEADING, BULLETS, NUMBERS, HEADING, "paragraph"]
    assert blocks[0].runs[1] == Run("bold", bold=True)
    assert blocks[0].runs[3] == Run("it", italic=True)
    assert blocks[2].items[0] == (Run("one wrapped"),)
    assert blocks[2].items[1][1] == Run("link", link="guide:x")
    assert blocks[3].start == 3 and len(blocks[3].items) == 2
    assert (blocks[4].level, blocks[5].runs) == (3, (Run("A stray * star and 5 * 3."),))


def test_bold_inside_a_link_keeps_the_link() -> None:
    runs = parse_inline("see [the **door** guide](guide:rights-at-the-door)")
    assert [r.link for r in runs[1:]] == ["guide:rights-at-the-door"] * 3
    assert runs[2] == Run("door", bold=True, link="guide:rights-at-the-door")
