"""``toolkit translations status|review|suggest|export``: a center reviews translations itself.

Reviews and corrections are stored in the data folder (bundled files never change) and exported
as one JSON file the project can take back.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from toolkit.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "translations", help=_("review status of translations; record reviews and corrections")
    )
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    status = actions.add_parser("status", help=_("list every translated item and its review"))
    status.add_argument("--json", action="store_true", help=_("print JSON"))
    status.set_defaults(func=show_status)
    for name, helptext in (
        ("review", _("mark a translation reviewed by a native speaker")),
        ("suggest", _("propose a correction to a translation")),
    ):
        action = actions.add_parser(name, help=helptext)
        action.add_argument("kind", choices=("guide", "card", "flyer", "interface"))
        action.add_argument("language", metavar="LANG")
        action.add_argument(
            "item", metavar="ITEM", help=_('a guide id; "card", "flyer" or "catalog"')
        )
        action.add_argument("--name", required=True, help=_("who reviewed"))
        action.add_argument("--date", help=_("YYYY-MM-DD (default: today)"))
        action.add_argument("--text", default="", help=_("the corrected wording, or a comment"))
        action.add_argument("--where", default="", help=_("which part (a heading, a line)"))
        action.set_defaults(
            func=record, record_action="reviewed" if name == "review" else "correction"
        )
    export = actions.add_parser("export", help=_("write every review and correction to a file"))
    export.add_argument("--out", required=True, metavar="FILE.json", help=_("where to write"))
    export.set_defaults(func=export_reviews)


def show_status(args: argparse.Namespace) -> int:
    from toolkit.translations.inventory import translated_items

    rows = translated_items()
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
        return 0
    for row in rows:
        state = (
            _("reviewed here")
            if row["reviewed_here"] == "yes"
            else (_("reviewed") if row["bundled_status"] == "reviewed" else _("not reviewed"))
        )
        print(f"{row['kind']:<9} {row['language']:<8} {row['item']:<26} {state}")
    return 0


def record(args: argparse.Namespace) -> int:
    from toolkit.translations import reviews

    entry = reviews.Record(
        kind=args.kind,
        language=args.language,
        item=args.item,
        action=args.record_action,
        name=args.name,
        date=args.date or dt.date.today().isoformat(),
        text=args.text,
        where=args.where,
    )
    reviews.add_record(entry)
    print(_("Saved in {path}").format(path=reviews.store_path()))
    return 0


def export_reviews(args: argparse.Namespace) -> int:
    from toolkit.translations import reviews
    from toolkit.translations.inventory import translated_items

    out = Path(args.out)
    count = reviews.export_file(out, translated_items())
    print(_("Wrote {count} reviews and corrections to {path}").format(count=count, path=out))
    return 0
