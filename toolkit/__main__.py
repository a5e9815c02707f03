"""``toolkit`` and ``python -m toolkit``: the app with no arguments, the CLI with a subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from toolkit import netguard
    from toolkit.cli import run
    from toolkit.i18n import set_language
    from toolkit.settings import load

    netguard.install()
    loaded = load()
    set_language(loaded.settings.language)
    return run(sys.argv[1:] if argv is None else argv, loaded)


if __name__ == "__main__":
    sys.exit(main())
