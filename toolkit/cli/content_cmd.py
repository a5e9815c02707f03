"""``toolkit content status|verify|diff|apply|rollback|trust``: signed content packs offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from toolkit.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "content", help=_("update guides, cards, letters and data from a signed content pack")
    )
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    actions.add_parser(
        "status", help=_("the content in use and what rollback returns to")
    ).set_defaults(func=show_status)
    for name, help_text, func in (
        ("verify", _("check a pack's signature and every file; changes nothing"), verify),
        ("diff", _("show what a pack would change; changes nothing"), diff),
        ("apply", _("check a pack, then use its content (the old content is kept)"), apply),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("pack", metavar="PACK", type=Path, help=_("the content pack file"))
        if name == "apply":
            action.add_argument(
                "--dry-run", action="store_true", help=_("only show what would change")
            )
            action.add_argument(
                "--again",
                action="store_true",
                help=_("re-apply a pack applied here before, though a newer one was"),
            )
            action.add_argument(
                "--import-data",
                action="store_true",
                help=_("also import the pack's directory data into the directory"),
            )
        action.set_defaults(func=func)
    actions.add_parser(
        "rollback", help=_("go back to the content in use before the current pack")
    ).set_defaults(func=rollback)
    actions.add_parser(
        "import-data", help=_("import the directory data of the content pack in use")
    ).set_defaults(func=import_data)
    trust = actions.add_parser("trust", help=_("trust packs signed with this public key"))
    trust.add_argument("key", metavar="KEYFILE", type=Path, help=_("a .pub key file"))
    trust.set_defaults(func=trust_key)


def show_status(args: argparse.Namespace) -> int:
    from toolkit.content_pack import keys, store
    from toolkit.content_pack.origin import origin_label

    status = store.status()
    print(status.label)
    if status.manifest is not None:
        print(_("Pack date: {date}").format(date=status.manifest.date.isoformat()))
    back = status.history[0].version if status.history else None
    if status.current is not None:
        print(_("Rollback returns to: {what}").format(what=origin_label(back)))
    if status.highest is not None:
        print(
            _("Highest pack applied here: {version} (older packs are refused)").format(
                version=status.highest
            )
        )
    for key in keys.trusted_keys():
        where = _("bundled") if key.source == "bundled" else _("added by this center")
        print(
            _("Trusted key: {name} ({where}), fingerprint {fp}").format(
                name=key.name, where=where, fp=key.fingerprint
            )
        )
    return 0


def _describe(pack: Any) -> None:
    manifest = pack.manifest
    print(
        _("Content pack {version} of {date}, signed by {name} ({fp}), {n} files.").format(
            version=manifest.version,
            date=manifest.date.isoformat(),
            name=pack.key.name,
            fp=pack.key.fingerprint,
            n=len(manifest.files),
        )
    )
    if manifest.previous:
        print(_("It replaces pack {previous}.").format(previous=manifest.previous))


def verify(args: argparse.Namespace) -> int:
    from toolkit.content_pack import service

    pack = service.verify(args.pack)
    _describe(pack)
    print(_("Good: the signature and every file check out."))
    return 0


def _preview(args: argparse.Namespace) -> Any:
    from toolkit.content_pack import service, store

    try:
        return service.preview(args.pack, again=getattr(args, "again", False))
    except store.AppliedBefore as exc:
        hint = _("Use: toolkit content apply --again {pack}").format(pack=args.pack)
        raise store.AppliedBefore(f"{exc} {hint}") from None


def diff(args: argparse.Namespace) -> int:
    from toolkit.content_pack.changes import summary_lines

    pack, changes = _preview(args)
    _describe(pack)
    for line in summary_lines(changes):
        print(line)
    for text in changes.diffs.values():
        print()
        print(text)
    return 0


def apply(args: argparse.Namespace) -> int:
    from toolkit.content_pack import store
    from toolkit.content_pack.changes import summary_lines
    from toolkit.content_pack.origin import origin_label

    if args.dry_run:
        return diff(args)
    pack, changes = _preview(args)
    _describe(pack)
    for line in summary_lines(changes):
        print(line)
    applied = store.apply(pack, again=args.again)
    print(
        _("Applied: {label}. To go back: toolkit content rollback").format(
            label=origin_label(applied.version)
        )
    )
    if any(path.startswith("data/") for path in pack.files):
        if args.import_data:
            return import_data(args)
        print(_("The pack holds directory data. To import it: toolkit content import-data"))
    return 0


def import_data(args: argparse.Namespace) -> int:
    from toolkit.content_pack.directory_data import import_pack_data

    result = import_pack_data()
    for warning in result.warnings:
        print(f"toolkit: warning: {warning}", file=sys.stderr)
    for line in result.lines:
        print(line)
    return 0


def rollback(args: argparse.Namespace) -> int:
    from toolkit.content_pack import store
    from toolkit.content_pack.origin import origin_label

    now = store.rollback()
    print(
        _("Rolled back. Now in use: {label}").format(
            label=origin_label(now.version if now else None)
        )
    )
    return 0


def trust_key(args: argparse.Namespace) -> int:
    from toolkit.content_pack import keys

    key = keys.trust(args.key)
    print(
        _("Packs signed by {name} are now trusted. Fingerprint: {fp}").format(
            name=key.name, fp=key.fingerprint
        )
    )
    print(_("Check this fingerprint with the person who gave you the key."), file=sys.stderr)
    return 0
