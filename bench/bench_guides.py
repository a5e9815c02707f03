"""Guides: search time per query (goal under 10 ms), index build time, guide PDF time."""

from __future__ import annotations

import statistics
import time

from common import Figure, median_seconds

from toolkit.guides.guide_pdf import guide_pdf, summary_pdf
from toolkit.guides.loader import _bundled_library, load_library
from toolkit.guides.search import SearchIndex
from toolkit.settings import Settings

QUERIES = {
    "en": [
        "police",
        "warrant",
        "qualified immunity",
        "door",
        "passcode fingerprint",
        "I-205",
        "detained child",
        "class action",
        "polic",
        "the",
        "bivens",
        "license plate",
        "record video",
        "sanctuary",
        "zzzz nothing",
        "judge warrant home",
        "a",
        "lawyer",
    ],
    "es": [
        "policia",
        "orden judicial",
        "inmunidad calificada",
        "puerta",
        "detencion",
        "contrasena",
        "ninos",
        "demanda colectiva",
        "polic",
        "la",
        "abogado",
        "camara",
        "santuario",
        "zzzz nada",
        "juez",
        "huellas digitales",
    ],
}
CENTER = Settings(org_name="Casa Unida", hotline="(555) 010-0199")


def _search_times(index: SearchIndex, queries: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for query in queries:
            # Typing: every prefix of the query is searched, as the GUI does on each key.
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                index.search(query[:end])
                times.append(time.perf_counter() - started)
    return times


def figures(repeat: int) -> list[Figure]:
    def cold_load() -> None:
        _bundled_library.cache_clear()
        load_library("en")

    load = median_seconds(cold_load, repeat)
    library = load_library("en")
    build = median_seconds(lambda: SearchIndex(library), repeat)
    result = [
        Figure("guides: load 13 English guides (YAML + validation)", load * 1000, "ms"),
        Figure("guides: build the English search index", build * 1000, "ms"),
    ]
    for language, queries in QUERIES.items():
        index = SearchIndex(load_library(language))
        times = _search_times(index, queries, max(3, repeat))
        result.append(
            Figure(
                f"guides: search per query as typed ({language}, median of {len(times)})",
                statistics.median(times) * 1000,
                "ms",
                "goal: under 10 ms",
            )
        )
        result.append(
            Figure(
                f"guides: search per query, slowest ({language})",
                max(times) * 1000,
                "ms",
                "goal: under 10 ms",
            )
        )
    guide = library.get("rights-at-the-door")
    guide_pdf(guide, CENTER)  # fonts registered outside the timing
    result.append(
        Figure(
            "guides: full guide PDF (rights-at-the-door, 4 pages)",
            median_seconds(lambda: guide_pdf(guide, CENTER), repeat) * 1000,
            "ms",
        )
    )
    result.append(
        Figure(
            "guides: one-page summary PDF",
            median_seconds(lambda: summary_pdf(guide, CENTER), repeat) * 1000,
            "ms",
        )
    )
    return result
