"""The command line: ``toolkit SUBCOMMAND ...`` over the same core the GUI uses."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from toolkit import __version__
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.settings import LoadResult

# Each module has ``register(subparsers)``, which adds its subcommands with ``func`` set.
COMMAND_MODULES = (
    "toolkit.cli.selftest_cmd",
    "toolkit.cli.settings_cmd",
    "toolkit.cli.guides_cmd",
    "toolkit.cli.cards_cmd",
    "toolkit.cli.letters_cmd",
    "toolkit.cli.directory_cmd",
    "toolkit.cli.incidents_cmd",
    "toolkit.cli.content_cmd",
    "toolkit.cli.translations_cmd",
)


class ToolkitArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose errors are one clear line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ToolkitArgumentParser(
        prog="toolkit",
        description=_(
            "Rights Toolkit: know-your-rights guides, rights cards, letters and "
            "incident notes, fully offline. Run with no arguments to open the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help=_("open the main window and exit as soon as it is shown"),
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=ToolkitArgumentParser
    )
    for name in COMMAND_MODULES:
        import_module(name).register(subparsers)
    return parser


def run(argv: list[str], loaded: LoadResult | None = None) -> int:
    # ``toolkit`` alone opens the window without coming here (toolkit/__main__.py).
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        from toolkit.gui.app import run_gui

        return run_gui(loaded, quit_after_show=args.quit_after_show)
    if loaded is not None and loaded.warning:
        print(f"toolkit: warning: {loaded.warning}", file=sys.stderr)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("toolkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a bug: still one line for the person, not a traceback
        from toolkit import crashlog

        _report, log = crashlog.record(exc)
        print(f"toolkit: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if log is not None:
            print(f"toolkit: the details (no personal data) are in {log}", file=sys.stderr)
        return 1
