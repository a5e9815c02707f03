"""The error log: where an unexpected exception is written, with nothing personal in it.

A traceback's message can quote what a person typed (a name, a time, a passphrase length), and
its file paths can carry a user name, so the log keeps only the exception's type and, for each
frame, the module-relative file, line number, function and line of code.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import os
import sys
from pathlib import Path
from types import TracebackType

from toolkit import __version__, paths

LOG_NAME = "errors.log"
# The log keeps the newest reports within this size, so a crash loop cannot fill the disk.
MAX_LOG_BYTES = 256 * 1024


def log_path() -> Path:
    return paths.make_private_dir(paths.data_dir() / "logs") / LOG_NAME


def _short_path(filename: str) -> str:
    """The file as seen from the package or library folder: no home folder, no user name."""
    path = Path(filename)
    for marker in ("toolkit", "site-packages", "lib"):
        if marker in path.parts[:-1]:
            index = len(path.parts) - 1 - path.parts[::-1].index(marker)
            return "/".join(path.parts[index:])
    return path.name


def _chain(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain[::-1]


def describe(error: BaseException, tb: TracebackType | None = None) -> str:
    """A report of ``error`` that names code, never data: type names and frames only."""
    import platform  # only when something went wrong: not on the way to the first window
    import traceback

    lines = [
        f"Rights Toolkit {__version__} · Python {platform.python_version()} · "
        f"{platform.system()} {platform.release()} · {'frozen' if paths.is_frozen() else 'source'}",
        f"When: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
    ]
    for link in _chain(error):
        own_tb = tb if link is error and tb is not None else link.__traceback__
        frames = traceback.extract_tb(own_tb)
        lines.append(f"{type(link).__module__}.{type(link).__qualname__} (message left out)")
        for frame in frames:
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def record(error: BaseException, tb: TracebackType | None = None) -> tuple[str, Path | None]:
    """Append a report of ``error`` to the log: the report, and the log (None if unwritable)."""
    report = describe(error, tb)
    try:
        path = log_path()
        previous = path.read_bytes() if path.exists() else b""
        data = (previous + b"\n" + report.encode("utf-8"))[-MAX_LOG_BYTES:]
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError:
        return report, None
    return report, path


def install_for_process() -> None:
    """Log uncaught exceptions and hard crashes of the frozen app, console or not.

    A crash inside Qt ends the process without a Python exception: faulthandler then writes
    the Python frames (code only, no values) to ``faults.log`` beside the error log.
    """
    try:
        faults = open(log_path().with_name("faults.log"), "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(faults)
    except OSError:
        pass  # no writable data folder: the exception hook below still tries
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(error, KeyboardInterrupt):
            record(error, tb)
        previous(kind, error, tb)

    sys.excepthook = hook
