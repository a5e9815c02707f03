"""``toolkit settings show|set``: the center's settings from the command line."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, fields
from typing import Any

from toolkit import settings as settings_mod
from toolkit.errors import UserError
from toolkit.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("settings", help=_("show or change the center's settings"))
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    show = actions.add_parser("show", help=_("print the settings as JSON"))
    show.set_defaults(func=show_settings)
    change = actions.add_parser("set", help=_("change one or more settings: NAME=VALUE ..."))
    change.add_argument("pairs", nargs="+", metavar="NAME=VALUE")
    change.set_defaults(func=set_settings)


def show_settings(args: argparse.Namespace) -> int:
    result = settings_mod.load()
    print(json.dumps(asdict(result.settings), indent=2, ensure_ascii=False))
    return 0


def _coerce(name: str, raw: str, current: Any) -> Any:
    if isinstance(current, bool):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise UserError(_("{name} must be true or false.").format(name=name))
    if isinstance(current, int):
        try:
            return int(raw)
        except ValueError:
            raise UserError(_("{name} must be a whole number.").format(name=name)) from None
    return raw


def set_settings(args: argparse.Namespace) -> int:
    current = settings_mod.load().settings
    names = {f.name for f in fields(current)}
    values = asdict(current)
    for pair in args.pairs:
        name, sep, raw = pair.partition("=")
        if not sep or name not in names:
            raise UserError(
                _("Unknown setting {pair!r}. Settings: {names}").format(
                    pair=pair, names=", ".join(sorted(names))
                )
            )
        values[name] = _coerce(name, raw, values[name])
    path = settings_mod.save(settings_mod.Settings(**values))
    print(_("Saved {path}").format(path=path))
    return 0
