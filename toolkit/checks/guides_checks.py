"""Self-test checks for the guides: every guide loads and links resolve, one PDF renders."""

from __future__ import annotations

from pathlib import Path

from toolkit.selftest import check


@check("guides")
def guides_load_link_and_print(data: Path) -> str:
    from toolkit.guides.guide_pdf import guide_pdf
    from toolkit.guides.links import library_problems
    from toolkit.guides.loader import languages, load_library
    from toolkit.guides.search import search
    from toolkit.settings import Settings

    found = languages()
    if "en" not in found:
        raise AssertionError("no English guides bundled")
    libraries = [load_library(language) for language in found]
    problems = [problem for library in libraries for problem in library_problems(library)]
    if problems:
        raise AssertionError(f"{len(problems)} broken links, first: {problems[0]}")
    ids = {library.language: sorted(library.ids()) for library in libraries}
    if any(found_ids != ids["en"] for found_ids in ids.values()):
        raise AssertionError("the languages do not have the same guides")
    if "es" in ids and not search("policia", "es"):
        raise AssertionError('searching "policia" found nothing')
    guide = libraries[0].guides[0]
    pdf = guide_pdf(guide, Settings(hotline="(555) 010-0199"))
    if not pdf.startswith(b"%PDF") or len(pdf) < 5000:
        raise AssertionError("the guide PDF is empty")
    count = sum(len(library.guides) for library in libraries)
    return f"{count} guides in {len(found)} languages, links resolve, PDF {len(pdf) // 1024} KiB"
