"""``toolkit selftest``: one line per check, non-zero exit on any failure."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from toolkit.i18n import _


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("selftest", help=_("check the whole app, headless"))
    parser.add_argument("--only", metavar="NAME", help=_("run only the checks whose name has NAME"))
    # One check in this process: how the self-test runs each of its checks.
    parser.add_argument("--check", metavar="NAME", help=argparse.SUPPRESS)
    parser.set_defaults(func=selftest)


def selftest(args: argparse.Namespace) -> int:
    from toolkit.selftest import run_checks, run_child_check

    if args.check:
        return run_child_check(args.check, sys.stdout)
    outcomes = run_checks(sys.stdout, only=args.only)
    failed = [o for o in outcomes if not o.ok]
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not outcomes else 0
