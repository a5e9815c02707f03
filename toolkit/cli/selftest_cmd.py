"""``toolkit selftest``: one line per check, non-zero exit on any failure."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from toolkit.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("selftest", help=_("check the whole app, headless"))
    parser.add_argument("--only", metavar="NAME", help=_("run only the checks whose name has NAME"))
    parser.set_defaults(func=selftest)


def selftest(args: argparse.Namespace) -> int:
    from toolkit.selftest import run_checks

    outcomes = run_checks(sys.stdout, only=args.only)
    failed = [o for o in outcomes if not o.ok]
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not outcomes else 0
