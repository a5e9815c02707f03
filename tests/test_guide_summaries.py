"""The written one-page summaries: five complete, stand-alone sentences for every guide in every
language that has it, the door summary's warrant warning, and malformed files refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from guide_helpers import CORE_GUIDES

from toolkit import paths
from toolkit.guides import summaries
from toolkit.guides.loader import languages
from toolkit.guides.summaries import (
    MAX_POINT_CHARS,
    POINTS,
    SummaryError,
    ends_as_sentence,
    guide_ids,
    load_summaries,
    load_summary,
    parse_summaries,
)

# Words that leave a sentence hanging when they come last ("..., or."), per language.
DANGLING = {
    "en": {"or", "and", "but", "the", "a", "to", "of"},
    "es": {"o", "u", "y", "e", "pero", "de", "que"},
    "pt": {"ou", "e", "mas", "de", "que"},
    "fr": {"ou", "et", "mais", "de", "que"},
    "ht": {"oswa", "ak", "epi", "men"},
    "tl": {"o", "at", "ngunit", "ang", "ng"},
    "vi": {"hoặc", "và", "nhưng"},
    "ru": {"или", "и", "но", "а"},
    "ar": {"أو", "و"},
    "fa": {"یا", "و"},
}
# The door summary must say, in every language, that these ICE forms are not a judge's warrant.
JUDGE = {
    "en": r"not a judge",
    "es": r"no un juez",
    "zh-Hans": r"不是法官",
    "vi": r"không phải (là )?thẩm phán",
    "ko": r"판사가 아닌|판사가 아니",
    "ar": r"ليس قاضي|وليس قاض|لا قاض",
    "ht": r"pa yon jij",
    "fa": r"نه قاضی|قاضی نیست",
    "tl": r"hindi (ng )?(isang )?hukom",
    "pt": r"não (por )?um juiz",
    "fr": r"pas (par )?un juge",
    "ru": r"не судь[ёея]й?",
}


def summary_languages() -> list[str]:
    found = {path.parent.name for path in paths.asset("guides").glob("*/summaries.yaml")}
    return sorted(found, key=lambda code: (code != "en", code))


def guide_pairs() -> list[tuple[str, str]]:
    return [(language, guide) for language in languages() for guide in sorted(guide_ids(language))]


def test_every_guide_in_every_language_has_a_written_summary() -> None:
    missing = [f"{lang}/{guide}" for lang, guide in guide_pairs() if not load_summary(guide, lang)]
    assert missing == []


def test_english_and_spanish_cover_all_guides_and_every_language_the_core() -> None:
    english = guide_ids("en")
    assert len(english) >= 14
    assert set(load_summaries("en")) == english
    assert set(load_summaries("es")) == english
    for language in summary_languages():
        assert set(CORE_GUIDES) <= set(load_summaries(language)), language


@pytest.mark.parametrize("language", summary_languages())
def test_each_point_is_a_complete_sentence(language: str) -> None:
    for guide, summary in load_summaries(language).items():
        assert summary.language == language and summary.guide_id == guide
        assert summary.heading and "\n" not in summary.heading
        assert len(summary.points) == POINTS
        assert len(set(summary.points)) == POINTS, guide
        for point in summary.points:
            where = f"{language}/{guide}: {point}"
            assert ends_as_sentence(point), where
            assert len(point) <= MAX_POINT_CHARS, where
            assert not point.rstrip().endswith((",", ";", ":", "،", "、", "，")), where
            words = re.findall(r"[^\W\d_]+", point.casefold())
            assert words, where
            assert words[-1] not in DANGLING.get(language, set()), where
            # No line-initial fragment either ("the A-number and the country of birth, or").
            assert not point[0].islower() or language in {"tl"}, where


def test_the_english_summary_has_no_fragment_from_the_old_extraction() -> None:
    detained = " ".join(load_summaries("en")["if-detained"].points)
    assert "country of birth, or" not in detained


@pytest.mark.parametrize("language", summary_languages())
def test_the_door_summary_says_the_ice_forms_are_not_a_judges_warrant(language: str) -> None:
    summary = load_summary("rights-at-the-door", language)
    assert summary is not None
    warning = [p for p in summary.points if "I-200" in p and "I-205" in p]
    assert warning, f"{language}: no point names Form I-200 and I-205"
    assert re.search(JUDGE[language], warning[0], re.IGNORECASE), warning[0]


def test_the_english_door_summary_is_safe_to_follow() -> None:
    summary = load_summary("rights-at-the-door", "en")
    assert summary is not None
    text = " ".join(summary.points)
    for phrase in (
        "Do not open the door",
        "not a judge's warrant",
        "under the door",
        "remain silent",
        "do not sign anything",
        "afraid to return",
    ):
        assert phrase.casefold() in text.casefold(), phrase


def test_a_guide_without_a_summary_and_a_language_without_a_file_give_none() -> None:
    assert load_summary("no-such-guide", "en") is None
    assert load_summary("rights-at-the-door", "xx") is None
    with pytest.raises(SummaryError):
        load_summary("rights-at-the-door", "../en")


GOOD_POINTS = [f"Point number {n} is a sentence." for n in range(1, 6)]


def _file(tmp_path: Path, body: str, language: str = "en") -> tuple[Path, str]:
    folder = tmp_path / language
    folder.mkdir(exist_ok=True)
    return folder / "summaries.yaml", body


def _yaml(points: list[object], guide: str = "rights-at-the-door", extra: str = "") -> str:
    lines = ["language: en", "heading: Five things to remember", extra, "guides:"]
    lines += [f"  {guide}:", "    points:"]
    lines += [
        f"      - {point!r}" if isinstance(point, str) else f"      - {point}" for point in points
    ]
    return "\n".join(lines) + "\n"


def test_a_well_formed_file_is_read(tmp_path: Path) -> None:
    path, text = _file(tmp_path, _yaml(GOOD_POINTS))
    read = parse_summaries(path, text, {"rights-at-the-door"})
    assert read["rights-at-the-door"].points == tuple(GOOD_POINTS)
    assert read["rights-at-the-door"].heading == "Five things to remember"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_yaml(GOOD_POINTS[:4]), "exactly 5 points"),
        (_yaml([*GOOD_POINTS, "A sixth one."]), "exactly 5 points"),
        (_yaml([*GOOD_POINTS[:4], "   "]), "point 5 must be non-empty"),
        (_yaml([*GOOD_POINTS[:4], 12]), "point 5 must be non-empty"),
        (_yaml([*GOOD_POINTS[:4], "the A-number and the country of birth, or"]), "point 5"),
        (_yaml([*GOOD_POINTS[:4], "Long. " * 40]), "characters"),
        (_yaml(GOOD_POINTS, guide="no-such-guide"), 'no guide "no-such-guide"'),
        (_yaml(GOOD_POINTS, extra="colour: blue"), "unknown field colour"),
        (_yaml(GOOD_POINTS).replace("language: en", "language: es"), '"language" must match'),
        (_yaml(GOOD_POINTS).replace("heading: Five things to remember", "heading: ''"), "heading"),
        ("language: en\nheading: Five\nguides: [rights-at-the-door]\n", '"guides" must list'),
        ("language: en\nheading: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "must hold"),
        (
            _yaml(GOOD_POINTS).replace("    points:", "    bullets:"),
            'exactly one field, "points"',
        ),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(
    tmp_path: Path, text: str, problem: str
) -> None:
    path, body = _file(tmp_path, text)
    with pytest.raises(SummaryError) as caught:
        parse_summaries(path, body, {"rights-at-the-door"})
    message = str(caught.value)
    assert "en/summaries.yaml" in message
    assert problem in message


def test_a_translation_may_summarize_a_guide_that_exists_only_in_english(tmp_path: Path) -> None:
    folder = tmp_path / "ht"
    folder.mkdir()
    path = folder / "summaries.yaml"
    path.write_text(_yaml(GOOD_POINTS, guide="qualified-immunity").replace("en", "ht", 1), "utf-8")
    read = summaries.read_summaries(path)
    assert read["qualified-immunity"].language == "ht"


def test_an_applied_content_pack_replaces_a_languages_summaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = tmp_path / "pack"
    folder = pack / "assets" / "guides" / "es"
    folder.mkdir(parents=True)
    text = _yaml(GOOD_POINTS).replace("language: en", "language: es")
    (folder / "summaries.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "active_pack_root", lambda base=None: pack)
    assert summaries.summary_file("es") == folder / "summaries.yaml"
    updated = load_summary("rights-at-the-door", "es")
    assert updated is not None and updated.points == tuple(GOOD_POINTS)
    assert load_summary("if-detained", "es") is None  # the pack's file is the whole file
    assert load_summary("if-detained", "en") is not None  # other languages stay bundled


@pytest.mark.parametrize("language", ["en", "es", "vi"])
def test_summary_pdf_prints_the_written_points_not_fragments(language: str) -> None:
    import io

    from pypdf import PdfReader

    from toolkit.guides.guide_pdf import summary_pdf
    from toolkit.guides.loader import load_library

    guide = next(g for g in load_library(language).guides if g.id == "if-detained")
    pdf = summary_pdf(guide)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    printed = " ".join(reader.pages[0].extract_text().split())
    written = load_summary("if-detained", language)
    assert written is not None
    assert " ".join(written.heading.split()) in printed
    for point in written.points:
        assert " ".join(point.split()[:4]) in printed, point
    assert "country of birth, or" not in printed
