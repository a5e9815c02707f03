"""In-guide links: ``guide:ID`` to another guide, ``app:PAGE[/TARGET]`` to a page of the app.

Checking them here (not in the GUI) lets tests and the self-test prove every link leads somewhere.
"""

from __future__ import annotations

from functools import cache

from toolkit import content_cache, paths
from toolkit.guides.blocks import iter_links, parse
from toolkit.guides.loader import Library
from toolkit.guides.model import Guide
from toolkit.i18n import N_, translate_in

# Pages a guide may open, with their names for "related tools" lists.
APP_PAGES: dict[str, str] = {
    "incidents": N_("Incident notes"),
    "cards": N_("Rights cards & flyers"),
    "letters": N_("Letters"),
}
# Pages whose target is a letter template id.
TEMPLATE_PAGES = ("letters",)


def letter_template_exists(template_id: str) -> bool:
    return (
        bool(template_id) and (paths.templates_dir() / "letters" / f"{template_id}.yaml").is_file()
    )


@cache
def letter_title(template_id: str, language: str) -> str:
    """A letter template's title in ``language`` (its id when the file cannot be read)."""
    path = paths.templates_dir() / "letters" / f"{template_id}.yaml"
    try:
        data = content_cache.load(path.read_text(encoding="utf-8"))
        titles = data.get("title", {}) if isinstance(data, dict) else {}
        title = titles.get(language) or titles.get("en") if isinstance(titles, dict) else titles
    except (OSError, UnicodeDecodeError, ValueError, content_cache.yaml_error()):
        return template_id
    return str(title) if title else template_id


def app_problem(target: str) -> str:
    """Why ``PAGE[/TARGET]`` cannot be opened, or "" when it can."""
    page, _sep, rest = target.partition("/")
    if page not in APP_PAGES:
        return f"unknown app page {page!r}"
    if rest and page not in TEMPLATE_PAGES:
        return f"page {page!r} takes no target"
    if rest and not letter_template_exists(rest):
        return f"no letter template {rest!r}"
    return ""


def link_problem(target: str, library: Library) -> str:
    """Why a link target does not resolve in ``library``, or "" when it does."""
    scheme, sep, rest = target.partition(":")
    if not sep:
        return f"{target!r} is not guide:ID or app:PAGE"
    if scheme == "guide":
        return "" if library.find(rest) else f"no guide {rest!r} in {library.language}"
    if scheme == "app":
        return app_problem(rest)
    return f"unknown link kind {scheme!r}"


def guide_problems(guide: Guide, library: Library) -> list[str]:
    """Every broken link, related guide or related tool of one guide, naming the file."""
    where = guide.path.name if guide.path else guide.id
    problems = []
    for text, target in iter_links(parse(guide.body)):
        problem = link_problem(target, library)
        if problem:
            problems.append(f"{guide.language}/{where}: link [{text}]: {problem}")
    for related in guide.related_guides:
        if library.find(related) is None or related == guide.id:
            problems.append(f"{guide.language}/{where}: related guide {related!r} not found")
    for tool in guide.related_tools:
        problem = app_problem(tool)
        if problem:
            problems.append(f"{guide.language}/{where}: related tool: {problem}")
    return problems


def library_problems(library: Library) -> list[str]:
    return [problem for guide in library.guides for problem in guide_problems(guide, library)]


def tool_label(tool: str, language: str) -> str:
    """The name of a related tool (``letters/ID`` is the template's title) in ``language``."""
    page, _sep, rest = tool.partition("/")
    if rest and page in TEMPLATE_PAGES:
        return letter_title(rest, language)
    return translate_in(language, APP_PAGES.get(page, page))
