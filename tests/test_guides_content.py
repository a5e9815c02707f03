"""Every bundled guide loads and links somewhere real; English and Spanish hold every guide,
other languages some, with the English guide standing in (and marked) for the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from guide_helpers import CORE_GUIDES

from toolkit.guides import loader
from toolkit.guides.blocks import BULLETS, HEADING, NUMBERS, Run, iter_links, parse, parse_inline
from toolkit.guides.links import library_problems, link_problem
from toolkit.guides.topics import TOPICS

LANGUAGES = loader.languages()
COMPLETE = ("en", "es")  # every guide, in the guide list's full length


def test_english_spanish_and_partial_languages_are_present() -> None:
    assert {"en", "es", "zh-Hans", "vi", "ar", "ko"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", COMPLETE)
def test_complete_languages_hold_at_least_twelve_guides(language: str) -> None:
    assert len(loader.load_library(language, fallback=False).guides) >= 12


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code not in COMPLETE])
def test_partial_languages_hold_the_core_guides(language: str) -> None:
    assert set(loader.load_library(language, fallback=False).ids()) >= set(CORE_GUIDES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_front_matter_is_valid(language: str) -> None:
    library = loader.load_library(language, fallback=False)
    assert library.guides
    for guide in library.guides:
        assert guide.language == language
        assert guide.topic in TOPICS
        assert guide.title and guide.summary and guide.sources
        assert guide.path is not None and guide.path.stem == guide.id
        assert any(block.kind == HEADING for block in parse(guide.body)), guide.id
        if language != "en":
            assert guide.review.status in ("reviewed", "unreviewed"), guide.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_resolves(language: str) -> None:
    library = loader.load_library(language)
    assert library_problems(library) == []
    targets = {t for g in library.guides for _text, t in iter_links(parse(g.body))}
    assert "app:incidents" in targets
    assert any(t.startswith("app:letters/") for t in targets)


def test_every_language_holds_english_ids_only() -> None:
    english = set(loader.load_library("en").ids())
    for language in LANGUAGES:
        own = set(loader.load_library(language, fallback=False).ids())
        assert own <= english, (language, own - english)
    for language in COMPLETE:
        assert set(loader.load_library(language, fallback=False).ids()) == english, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_library_of_a_language_lists_every_english_guide(language: str) -> None:
    library = loader.load_library(language)
    assert sorted(library.ids()) == sorted(loader.load_library("en").ids())
    own = set(loader.load_library(language, fallback=False).ids())
    for guide in library.guides:
        assert library.is_fallback(guide) == (guide.id not in own), guide.id
        assert guide.language == (language if guide.id in own else "en"), guide.id


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_translations_share_topic_sources_and_review_date(language: str) -> None:
    english = loader.load_library("en")
    for guide in loader.load_library(language, fallback=False).guides:
        original = english.get(guide.id)
        assert (guide.topic, guide.facts_checked) == (original.topic, original.facts_checked), (
            guide.id
        )
        assert (guide.wording_reviewed, guide.recheck_by) == (
            original.wording_reviewed,
            original.recheck_by,
        ), guide.id
        assert [s.url for s in guide.sources] == [s.url for s in original.sources], guide.id
        assert guide.related_guides == original.related_guides, guide.id
        assert guide.related_tools == original.related_tools, guide.id
        links = [t for _text, t in iter_links(parse(guide.body))]
        english_links = [t for _text, t in iter_links(parse(original.body))]
        assert sorted(links) == sorted(english_links), guide.id


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
    with pytest.raises(loader.UnknownGuideError, match=r"Available: en, .*es.*zh-Hans"):
        loader.load_library("zz")


def test_a_translation_without_review_status_is_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    folder = tmp_path / "vi"
    folder.mkdir()
    text = GOOD.replace("language: en", "language: vi")
    (folder / "sample.md").write_text(text, encoding="utf-8")
    with pytest.raises(loader.GuideError, match='"review" must give a status'):
        loader.load_library("vi", tmp_path)
    reviewed = text.replace(
        "related_guides", "review: {status: unreviewed, note: draft}\nrelated_guides"
    )
    (folder / "sample.md").write_text(reviewed, encoding="utf-8")
    guide = loader.load_library("vi", tmp_path).get("sample")
    assert (guide.review.status, guide.review.note) == ("unreviewed", "draft")


def test_a_partial_language_falls_back_to_english(tmp_path: Path) -> None:
    write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("id: sample", "id: other"), "other.md")
    folder = tmp_path / "ko"
    folder.mkdir()
    korean = GOOD.replace("language: en", "language: ko").replace("title: A sample", "title: 견본")
    korean = korean.replace("related_guides", "review: {status: unreviewed}\nrelated_guides")
    (folder / "sample.md").write_text(korean, encoding="utf-8")
    library = loader.load_library("ko", tmp_path)
    assert sorted(library.ids()) == ["other", "sample"]
    assert library.get("sample").title == "견본" and not library.is_fallback(library.get("sample"))
    assert library.get("other").language == "en" and library.is_fallback(library.get("other"))
    assert loader.load_library("ko", tmp_path, fallback=False).ids() == ["sample"]


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
