"""``toolkit guides list|show|search|pdf``: read, search and print the guides from a terminal."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from toolkit.errors import UserError
from toolkit.i18n import _, current_language, translate_in

ANSI_BOLD, ANSI_RESET = "\033[1m", "\033[0m"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("guides", help=_("list, read, search and print the guides"))
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    listing = actions.add_parser("list", help=_("list the guides by topic"))
    _add_lang(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=list_guides)

    show = actions.add_parser("show", help=_("print a guide as plain text"))
    show.add_argument("guide_id", metavar="ID", help=_("the guide's id (see: toolkit guides list)"))
    _add_lang(show)
    show.set_defaults(func=show_guide)

    find = actions.add_parser("search", help=_("search the guides"))
    find.add_argument("query", metavar="QUERY", nargs="+", help=_("words to look for"))
    _add_lang(find)
    find.add_argument("--json", action="store_true", help=_("print JSON"))
    find.set_defaults(func=search_guides)

    pdf = actions.add_parser("pdf", help=_("save a guide as PDF"))
    pdf.add_argument("guide_id", metavar="ID", help=_("the guide's id (see: toolkit guides list)"))
    _add_lang(pdf)
    pdf.add_argument(
        "--summary", action="store_true", help=_("a one-page summary for a flyer instead")
    )
    pdf.add_argument(
        "--paper", choices=("letter", "a4"), help=_("paper size (default: from Settings)")
    )
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help=_("where to save the PDF"))
    pdf.set_defaults(func=save_pdf)


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", metavar="L", help=_("language of the guides, e.g. en or es (default: the app's)")
    )


def _language(args: argparse.Namespace) -> str:
    return str(args.lang or current_language())


def list_guides(args: argparse.Namespace) -> int:
    from toolkit.guides.loader import load_library
    from toolkit.guides.topics import topic_label
    from toolkit.translations.status import status_line

    library = load_library(_language(args))
    if args.json:
        rows = [
            {
                "id": g.id,
                "title": g.title,
                "summary": g.summary,
                "topic": g.topic,
                "language": g.language,
                "facts_checked": g.facts_checked.isoformat(),
                "wording_reviewed": g.wording_reviewed.isoformat(),
                "recheck_by": g.recheck_by.isoformat(),
                "may_be_out_of_date": g.dates.is_stale(),
                "english_only": library.is_fallback(g),
                "review": g.review.status,
                "review_note": g.review.note,
                "review_status": status_line("guide", g.language, g.id, g.review),
            }
            for g in library.guides
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    topic = None
    width = max(len(g.id) for g in library.guides)
    for guide in library.guides:
        if guide.topic != topic:
            topic = guide.topic
            print(("\n" if topic != library.guides[0].topic else "") + topic_label(topic))
        mark = (
            f"  ({translate_in(library.language, 'English only')})"
            if library.is_fallback(guide)
            else ""
        )
        print(f"  {guide.id:<{width}}  {guide.title}{mark}")
    own = [g for g in library.guides if not library.is_fallback(g)]
    if library.language != "en" and own:
        print("\n" + status_line("guide", library.language, own[0].id, own[0].review))
    return 0


def show_guide(args: argparse.Namespace) -> int:
    from toolkit import settings
    from toolkit.guides.loader import load_library
    from toolkit.guides.text_render import guide_text

    guide = load_library(_language(args)).get(args.guide_id)
    width = min(100, shutil.get_terminal_size((80, 24)).columns - 2)
    sys.stdout.write(guide_text(guide, settings.load().settings, width))
    return 0


def search_guides(args: argparse.Namespace) -> int:
    from toolkit.guides.search import Hit, search

    query = " ".join(args.query)
    hits = search(query, _language(args))
    if args.json:
        print(json.dumps([_hit_json(hit) for hit in hits], indent=2, ensure_ascii=False))
        return 0
    if not hits:
        print(_('No guide matches "{query}".').format(query=query))
        return 0
    bold = sys.stdout.isatty()

    def marked(hit: Hit) -> str:
        return "".join(
            f"{ANSI_BOLD}{s.text}{ANSI_RESET}" if s.highlight and bold else s.text
            for s in hit.snippet
        )

    for hit in hits:
        print(f"{hit.guide.id}: {hit.guide.title}\n    {marked(hit)}\n")
    return 0


def _hit_json(hit: Any) -> dict[str, Any]:
    return {
        "id": hit.guide.id,
        "title": hit.guide.title,
        "score": hit.score,
        "snippet": hit.snippet_text(),
        "highlights": hit.highlights(),
    }


def save_pdf(args: argparse.Namespace) -> int:
    from toolkit import settings
    from toolkit.atomic import write_atomic
    from toolkit.guides.guide_pdf import guide_pdf, summary_pdf
    from toolkit.guides.loader import load_library

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise UserError(_("The output file must end in .pdf: {path}").format(path=out))
    guide = load_library(_language(args)).get(args.guide_id)
    current = settings.load().settings
    make = summary_pdf if args.summary else guide_pdf
    write_atomic(out, make(guide, current, args.paper or current.paper))
    print(_("Saved {path}").format(path=out))
    return 0
