"""Entry point of the frozen app: behaves exactly like the ``toolkit`` command."""

from __future__ import annotations

import os
import sys


def _give_streams_a_home() -> None:
    # A windowed Windows executable starts without a console: print() must not crash it.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _log_crashes() -> None:
    # Whatever fails before the window's own handler is installed (an import, a missing
    # library) is written to the data folder's errors.log, on every OS, console or not.
    from toolkit import crashlog

    crashlog.install_for_process()


if __name__ == "__main__":
    _give_streams_a_home()
    _log_crashes()
    if any(arg.startswith("--multiprocessing") for arg in sys.argv[1:]):
        import multiprocessing

        multiprocessing.freeze_support()
    from toolkit.__main__ import main

    sys.exit(main())
