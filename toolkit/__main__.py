"""``toolkit`` and ``python -m toolkit``: the app with no arguments, the CLI with a subcommand."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

# Arguments that open the window: these skip the command line's parser and its modules.
GUI_ARGUMENTS: tuple[list[str], ...] = ([], ["--quit-after-show"])


def main(argv: list[str] | None = None, on_shown: Callable[[], None] | None = None) -> int:
    """Run the app or a command; ``on_shown`` runs once the window is shown (the start bench)."""
    args = sys.argv[1:] if argv is None else argv
    if args in GUI_ARGUMENTS:
        # Start-up makes many objects and frees few: collecting would only walk them (some
        # 5 ms). run_gui turns the collector back on once the window shows.
        gc.disable()
    from toolkit import netguard
    from toolkit.i18n import set_language
    from toolkit.settings import load

    netguard.install()
    loaded = load()
    set_language(loaded.settings.language)
    if args in GUI_ARGUMENTS:
        from toolkit.gui.app import run_gui

        return run_gui(loaded, quit_after_show=bool(args), on_shown=on_shown)
    from toolkit.cli import run

    return run(args, loaded)


if __name__ == "__main__":
    sys.exit(main())
