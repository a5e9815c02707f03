"""``toolkit cards``, ``toolkit flyer`` and ``toolkit flyers``: printable cards and flyers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from toolkit import settings as settings_mod
from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.i18n import _, current_language


def register(subparsers: Any) -> None:
    cards = subparsers.add_parser(
        "cards",
        help=_("make a sheet of wallet-size rights cards (or list their languages)"),
        description=_(
            "Make wallet-size rights cards: the front in the holder's language, the back a "
            "statement in English. 'toolkit cards languages' lists the languages."
        ),
    )
    cards.add_argument(
        "action", nargs="?", choices=["languages"], help=_("'languages': list the card languages")
    )
    cards.add_argument(
        "--lang", action="append", default=[], metavar="CODE", help=_("a card language (repeat)")
    )
    cards.add_argument("--count", type=int, help=_("cards per language (default: one sheet)"))
    _paper_option(cards)
    cards.add_argument("--org", help=_("the center's name (default: from Settings)"))
    cards.add_argument("--hotline", help=_("the hotline number (default: from Settings)"))
    cards.add_argument("--qr", action="store_true", help=_("add a QR code that dials the hotline"))
    cards.add_argument(
        "--layout",
        choices=["duplex", "fold"],
        default="duplex",
        help=_("duplex: backs on page 2 (flip on long edge); fold: front and back side by side"),
    )
    cards.add_argument("--out", type=Path, metavar="FILE.pdf", help=_("the PDF file to write"))
    cards.add_argument("--json", action="store_true", help=_("list languages as JSON"))
    cards.set_defaults(func=run_cards)

    flyer = subparsers.add_parser("flyer", help=_("make a one-page flyer"))
    flyer.add_argument("flyer_id", metavar="FLYER_ID", help=_("which flyer (see 'flyers list')"))
    flyer.add_argument("--lang", default="en", metavar="CODE", help=_("the flyer's language"))
    _paper_option(flyer)
    flyer.add_argument("--tear-off", action="store_true", help=_("add tear-off hotline strips"))
    flyer.add_argument("--org", help=_("the center's name (default: from Settings)"))
    flyer.add_argument("--hotline", help=_("the hotline number (default: from Settings)"))
    flyer.add_argument("--title", default="", help=_("event flyer: the event's title"))
    flyer.add_argument("--date", default="", help=_("event flyer: date and time"))
    flyer.add_argument("--place", default="", help=_("event flyer: the place"))
    flyer.add_argument("--bring", default="", help=_("event flyer: what to bring"))
    flyer.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF file to write")
    )
    flyer.set_defaults(func=run_flyer)

    flyers = subparsers.add_parser("flyers", help=_("list the flyers"))
    flyers_sub = flyers.add_subparsers(
        dest="flyers_action", metavar="ACTION", parser_class=type(flyers)
    )
    listing = flyers_sub.add_parser("list", help=_("list the flyers and their languages"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=run_flyers_list)
    flyers.set_defaults(func=run_flyers_list, json=False)


def _paper_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper", choices=["letter", "a4"], help=_("paper size (default: from Settings)")
    )


def _branding_values(args: argparse.Namespace) -> tuple[str, str, str, str]:
    """Center name, hotline, logo and paper: from the options, else from Settings."""
    loaded = settings_mod.load().settings
    org = loaded.org_name if args.org is None else args.org.strip()
    hotline = loaded.hotline if args.hotline is None else args.hotline.strip()
    if len(org) > settings_mod.MAX_ORG_NAME:
        raise UserError(
            _("The center's name can be at most {n} characters.").format(
                n=settings_mod.MAX_ORG_NAME
            )
        )
    if len(hotline) > settings_mod.MAX_HOTLINE:
        raise UserError(
            _("The hotline can be at most {n} characters.").format(n=settings_mod.MAX_HOTLINE)
        )
    return org, hotline, loaded.logo_path, args.paper or loaded.paper


def run_cards(args: argparse.Namespace) -> int:
    if args.action == "languages":
        return _list_languages(args.json)
    from toolkit.cards import content
    from toolkit.cards.card_face import Branding
    from toolkit.cards.card_sheet import cards_pdf

    if not args.lang:
        raise UserError(
            _("Choose at least one language with --lang (see 'toolkit cards languages').")
        )
    if args.out is None:
        raise UserError(_("Say where to save the cards with --out FILE.pdf."))
    org, hotline, _logo, paper = _branding_values(args)
    if args.qr and not hotline:
        raise UserError(_("A QR code needs a hotline number (--hotline or Settings)."))
    for code in dict.fromkeys(args.lang):
        card = content.load_card(code)
        if not card.reviewed:
            print(review_notice(card.english_name), file=sys.stderr)
        _warn_if_stale(card.english_name, card.dates, org, hotline)
    rendered = cards_pdf(
        args.lang, paper, args.layout, Branding(org, hotline, args.qr), count=args.count
    )
    write_atomic(args.out, rendered.pdf)
    print(
        _("Saved {cards} cards on {pages} pages to {path}.").format(
            cards=len([p for p in rendered.placed if p.side == "front"]),
            pages=rendered.pages,
            path=args.out,
        )
    )
    if args.layout == "duplex":
        print(_("Print on both sides, flipping on the long edge. Cut on the marks."))
    else:
        print(
            _("Print on one side. Cut out each strip on the marks, then fold on the dashed line.")
        )
    return 0


def _warn_if_stale(name: str, dates: Any, org: str, hotline: str) -> None:
    from toolkit.content_dates import stale_warning

    warning = stale_warning(dates, current_language(), org, hotline)
    if warning:
        print(f"{name}: {warning}", file=sys.stderr)


def review_notice(language: str) -> str:
    return _(
        "Note: the {language} card has not been reviewed by a native speaker yet. "
        "Ask a fluent reader to check it before you hand it out."
    ).format(language=language)


def _list_languages(as_json: bool) -> int:
    from toolkit.cards import content

    cards = content.all_cards()
    if as_json:
        rows = [
            {
                "code": c.code,
                "name": c.name,
                "english_name": c.english_name,
                "direction": c.direction,
                "review": c.review_status,
                "custom_wording": c.custom,
                "content_pack": c.content_pack,
                "content_origin": c.content_origin(),
            }
            for c in cards
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for c in cards:
        status = _("reviewed") if c.reviewed else _("not yet reviewed")
        custom = "  " + _("(your own wording)") if c.custom else ""
        print(f"{c.code:<8} {c.label:<36} {status:<17} {c.content_origin()}{custom}")
    return 0


def run_flyer(args: argparse.Namespace) -> int:
    from toolkit.cards.flyer_content import load_flyers
    from toolkit.cards.flyer_pdf import EventDetails, FlyerRequest, render_flyer

    org, hotline, logo, paper = _branding_values(args)
    language = load_flyers(args.lang)
    if not language.reviewed:
        print(
            _(
                "Note: this flyer's {code} text has not been reviewed by a native speaker yet."
            ).format(code=args.lang),
            file=sys.stderr,
        )
    if args.flyer_id != "event":
        _warn_if_stale(args.lang, language.dates, org, hotline)
    event = EventDetails(args.title, args.date, args.place, args.bring)
    request = FlyerRequest(
        args.flyer_id, args.lang, paper, args.tear_off, org, hotline, logo, event
    )
    rendered = render_flyer(request)
    write_atomic(args.out, rendered.pdf)
    print(_("Saved the flyer to {path}.").format(path=args.out))
    return 0


def run_flyers_list(args: argparse.Namespace) -> int:
    from toolkit.cards.flyer_content import FLYER_IDS, FLYER_NAMES, flyer_languages, load_flyers
    from toolkit.content_pack.origin import grouped_origins

    languages = flyer_languages()
    packs = {code: load_flyers(code).content_pack for code in languages}
    if getattr(args, "json", False):
        origins = {code: load_flyers(code).content_origin() for code in languages}
        rows = [
            {
                "id": fid,
                "name": _(FLYER_NAMES[fid]),
                "languages": languages,
                "content_pack": packs,
                "content_origin": origins,
            }
            for fid in FLYER_IDS
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for fid in FLYER_IDS:
        print(f"{fid:<22} {_(FLYER_NAMES[fid])}")
    print(_("Languages: {codes}").format(codes=", ".join(languages)))
    for line in grouped_origins(packs.items()):
        print(line)
    return 0
