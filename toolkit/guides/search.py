"""Full-text search over one language's guides: accent- and case-insensitive, ranked.

Text is folded (NFKD, combining marks removed, casefolded) so "policia" finds "policía". A guide
matches when every query word matches one of its words exactly or, for words of three letters or
more, as the start of a word (so results appear while typing). Scores weigh where a word appears
(title > summary > heading > body), how often (dampened) and how rare it is across guides.

Chinese has no spaces between words and Korean attaches particles to them ("구금되었을"), so
runs of Han and Hangul are indexed as single characters and overlapping pairs of characters: a
query matches where all its pairs occur, which finds a word inside a longer run.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import escape

from toolkit.guides.blocks import HEADING, parse, plain
from toolkit.guides.loader import Library, load_library
from toolkit.guides.model import Guide

FIELD_WEIGHTS = {"title": 10.0, "summary": 4.0, "heading": 3.0, "body": 1.0}
PREFIX_MIN = 3
PREFIX_FACTOR = 0.6
SNIPPET_CHARS = 180
_WORD = re.compile(r"\w+")
# Han (with extension A and compatibility ideographs), kana and Hangul syllables.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def fold(text: str) -> str:
    """Text for comparison: no accents, no case ("Policía" -> "policia")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Composed again, so Hangul syllables (split into letters by NFKD) stay syllables.
    return unicodedata.normalize("NFC", bare).casefold()


def tokens(folded: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of folded text: words, and for Han and Hangul runs each character
    and each pair of neighbouring characters."""
    found = []
    for match in _WORD.finditer(folded):
        word, base = match.group(0), match.start()
        position = 0
        for run in _CJK.finditer(word):
            if run.start() > position:
                found.append((word[position : run.start()], base + position, base + run.start()))
            chars = run.group(0)
            start = base + run.start()
            for index, char in enumerate(chars):
                found.append((char, start + index, start + index + 1))
                if index + 1 < len(chars):
                    found.append((chars[index : index + 2], start + index, start + index + 2))
            position = run.end()
        if position < len(word):
            found.append((word[position:], base + position, base + len(word)))
    return found


def _query_terms(query: str) -> list[str]:
    """Query tokens: a Han or Hangul run of two or more characters counts by its pairs only."""
    terms = []
    for token, _start, _end in tokens(fold(query)):
        single_cjk = len(token) == 1 and _CJK.fullmatch(token)
        if single_cjk and _has_cjk_pair(query):
            continue
        terms.append(token)
    return list(dict.fromkeys(terms))


def _has_cjk_pair(query: str) -> bool:
    return any(len(run.group(0)) >= 2 for run in _CJK.finditer(fold(query)))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, the index of the original character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = fold(char)
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), where


def words(text: str) -> list[str]:
    return [token for token, _start, _end in tokens(fold(text))]


@dataclass(frozen=True)
class Segment:
    text: str
    highlight: bool = False


Snippet = tuple[Segment, ...]


@dataclass(frozen=True)
class Passage:
    """A piece of a guide that can be shown as a snippet, with its words located."""

    text: str
    words: frozenset[str]
    spans: tuple[tuple[str, int, int], ...]  # (folded word, start, end) in ``text``

    @classmethod
    def of(cls, text: str) -> Passage:
        folded, where = fold_with_map(text)
        spans = []
        for token, first, last in tokens(folded):
            spans.append((token, where[first], where[last - 1] + 1))
        return cls(text, frozenset(s[0] for s in spans), tuple(spans))


@dataclass(frozen=True)
class Hit:
    guide: Guide
    score: float
    snippet: Snippet

    def snippet_text(self) -> str:
        return "".join(segment.text for segment in self.snippet)

    def highlights(self) -> list[tuple[int, int]]:
        spans, offset = [], 0
        for segment in self.snippet:
            if segment.highlight:
                spans.append((offset, offset + len(segment.text)))
            offset += len(segment.text)
        return spans


def snippet_html(snippet: Snippet, mark: str = "b", style: str = "") -> str:
    """The snippet as HTML, each matched word inside ``<mark style=...>`` (for the GUI)."""
    opening = f'<{mark} style="{escape(style)}">' if style else f"<{mark}>"
    return "".join(
        f"{opening}{escape(s.text)}</{mark}>" if s.highlight else escape(s.text) for s in snippet
    )


def _guide_fields(guide: Guide) -> tuple[dict[str, list[str]], list[str]]:
    """Words per field, and the passages (summary, headings, paragraphs, list items)."""
    fields: dict[str, list[str]] = {name: [] for name in FIELD_WEIGHTS}
    fields["title"] = words(guide.title)
    fields["summary"] = words(guide.summary)
    passages = [guide.summary]
    for block in parse(guide.body):
        texts = [plain(block.runs)] if block.runs else [plain(item) for item in block.items]
        target = "heading" if block.kind == HEADING else "body"
        for text in texts:
            fields[target].extend(words(text))
            passages.append(text)
    return fields, passages


class SearchIndex:
    """An inverted index of one library; build once, query many times."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.guides = library.guides
        self.postings: dict[str, dict[int, float]] = {}
        self.passages: list[tuple[Passage, ...]] = []
        for number, guide in enumerate(self.guides):
            fields, texts = _guide_fields(guide)
            weights: dict[str, float] = {}
            for name, field_words in fields.items():
                for word, count in Counter(field_words).items():
                    gained = FIELD_WEIGHTS[name] * (1.0 + math.log(count))
                    weights[word] = weights.get(word, 0.0) + gained
            for word, weight in weights.items():
                self.postings.setdefault(word, {})[number] = weight
            self.passages.append(tuple(Passage.of(text) for text in texts))
        self.vocabulary = sorted(self.postings)

    def _matching_words(self, term: str) -> dict[str, float]:
        """Indexed words a query word matches, with how strongly (exact 1, prefix less)."""
        found = {term: 1.0} if term in self.postings else {}
        if len(term) >= PREFIX_MIN:
            index = bisect.bisect_left(self.vocabulary, term)
            while index < len(self.vocabulary) and self.vocabulary[index].startswith(term):
                found.setdefault(self.vocabulary[index], PREFIX_FACTOR)
                index += 1
        return found

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        terms = _query_terms(query)
        if not terms:
            return []
        scores: dict[int, float] | None = None
        matched: list[set[str]] = []
        for term in terms:
            term_scores: dict[int, float] = {}
            variants = self._matching_words(term)
            for word, factor in variants.items():
                for number, weight in self.postings[word].items():
                    term_scores[number] = max(term_scores.get(number, 0.0), weight * factor)
            if not term_scores:
                return []
            rarity = math.log(1.0 + len(self.guides) / len(term_scores))
            merged = {n: s * rarity for n, s in term_scores.items()}
            scores = (
                merged
                if scores is None
                else {n: scores[n] + s for n, s in merged.items() if n in scores}
            )
            matched.append(set(variants))
        assert scores is not None
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [
            Hit(self.guides[n], round(score, 3), self._snippet(n, matched)) for n, score in ranked
        ]

    def _snippet(self, number: int, matched: list[set[str]]) -> Snippet:
        best, best_count = self.passages[number][0], -1
        for passage in self.passages[number]:
            count = sum(1 for variants in matched if passage.words & variants)
            if count > best_count:
                best, best_count = passage, count
                if count == len(matched):
                    break
        hits = set().union(*matched)
        return _cut(best, [(s, e) for word, s, e in best.spans if word in hits])


def _cut(passage: Passage, spans: list[tuple[int, int]]) -> Snippet:
    """A window of the passage around its first match, matched words marked."""
    text = passage.text
    start, end = 0, len(text)
    if len(text) > SNIPPET_CHARS:
        first = spans[0][0] if spans else 0
        start = max(0, first - SNIPPET_CHARS // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + SNIPPET_CHARS)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    segments: list[Segment] = [Segment("…")] if start else []
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        if span_start > position:
            segments.append(Segment(text[position:span_start]))
        segments.append(Segment(text[span_start:span_end], highlight=True))
        position = span_end
    if end > position:
        segments.append(Segment(text[position:end]))
    if end < len(text):
        segments.append(Segment("…"))
    return tuple(segments)


@cache
def index_for(language: str) -> SearchIndex:
    """The index of the bundled guides of ``language``, built on first use."""
    return SearchIndex(load_library(language))


def search(query: str, language: str, limit: int | None = None) -> list[Hit]:
    return index_for(language).search(query, limit)
