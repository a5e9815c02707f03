"""Search: accent- and case-insensitive, all words required, ranked, with marked snippets."""

from __future__ import annotations

import pytest

from toolkit.guides.loader import load_library
from toolkit.guides.search import SearchIndex, fold, search, snippet_html


def test_fold_removes_accents_and_case() -> None:
    assert fold("Policía ÁRBOL Niño") == "policia arbol nino"


def test_unaccented_query_finds_accented_words() -> None:
    hits = search("policia", "es")
    assert hits, "policia found nothing"
    for hit in hits:
        marked = [s.text for s in hit.snippet if s.highlight]
        assert any(fold(word).startswith("policia") for word in marked), hit.snippet_text()
    assert "policía" in hits[0].snippet_text().lower()


def test_accented_and_uppercase_queries_match_the_same() -> None:
    plain = [h.guide.id for h in search("inmunidad calificada", "es")]
    assert plain == [h.guide.id for h in search("INMUNIDAD CALIFICADA", "es")]
    assert [h.guide.id for h in search("detención", "es")] == [
        h.guide.id for h in search("detencion", "es")
    ]


def test_title_match_ranks_first() -> None:
    assert search("qualified immunity", "en")[0].guide.id == "qualified-immunity"
    assert search("inmunidad calificada", "es")[0].guide.id == "qualified-immunity"
    assert search("digital safety", "en")[0].guide.id == "digital-safety"
    assert search("door", "en")[0].guide.id == "rights-at-the-door"


def test_every_word_must_match() -> None:
    both = {h.guide.id for h in search("passcode warrant", "en")}
    passcode = {h.guide.id for h in search("passcode", "en")}
    warrant = {h.guide.id for h in search("warrant", "en")}
    assert both <= passcode & warrant
    assert search("passcode zzzzqqq", "en") == []


def test_word_starts_match_while_typing() -> None:
    assert "digital-safety" in {h.guide.id for h in search("fingerpr", "en")}
    assert search("fi", "en") == [] or all(h.score > 0 for h in search("fi", "en"))


def test_empty_query_finds_nothing() -> None:
    assert search("", "en") == [] and search("  ,. ", "en") == []


def test_snippet_marks_words_and_escapes_html() -> None:
    hit = search("warrant", "en")[0]
    html = snippet_html(hit.snippet)
    assert "<b>" in html and "warrant" in html.lower()
    start, end = hit.highlights()[0]
    assert fold(hit.snippet_text()[start:end]).startswith("warrant")


def test_index_of_one_language_does_not_see_another() -> None:
    english = SearchIndex(load_library("en"))
    assert english.search("policía") == english.search("policia")
    assert english.search("inmunidad") == []


@pytest.mark.parametrize(
    ("query", "language", "guide_id"),
    [
        ("拘留", "zh-Hans", "if-detained"),  # a word inside a run with no spaces
        ("律师", "zh-Hans", "if-detained"),
        ("移民法院", "zh-Hans", "immigration-court"),
        ("구금", "ko", "if-detained"),  # the start of "구금되었을" and "구금된"
        ("변호사", "ko", "if-detained"),
        ("이민 법원", "ko", "immigration-court"),
        ("giam giu", "vi", "if-detained"),  # accents folded
    ],
)
def test_chinese_korean_and_vietnamese_queries_find_the_guide(
    query: str, language: str, guide_id: str
) -> None:
    hits = search(query, language)
    assert guide_id in [hit.guide.id for hit in hits[:3]], [h.guide.id for h in hits]
    hit = next(h for h in hits if h.guide.id == guide_id)
    assert hit.guide.language == language
    marked = "".join(s.text for s in hit.snippet if s.highlight)
    assert marked, hit.snippet_text()


def test_a_chinese_query_matches_its_characters_in_order_only_where_they_occur() -> None:
    assert search("律师", "zh-Hans")
    assert search("师律", "zh-Hans") == []  # the pair must occur, not just its characters
    hit = search("律师", "zh-Hans")[0]
    assert "律师" in "".join(s.text for s in hit.snippet if s.highlight)


def test_a_korean_word_with_a_particle_is_found_by_its_stem() -> None:
    ids = [hit.guide.id for hit in search("구금", "ko")]
    text = " ".join(g.body for g in load_library("ko", fallback=False).guides)
    assert "구금되었을" in text or "구금된" in text
    assert "if-detained" in ids
