"""``toolkit selftest``: a headless check of the whole app, unfrozen or inside the bundle.

Each capability adds its checks in its own module, listed in ``CHECK_MODULES``; a check is a
function taking a private temporary data folder and returning a one-line detail, raising on
failure.
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TextIO

from toolkit import paths

Check = Callable[[Path], str]

CHECK_MODULES = (
    "toolkit.checks.core_checks",
    "toolkit.checks.gui_checks",
    "toolkit.checks.guides_checks",
    "toolkit.checks.cards_checks",
    "toolkit.checks.directory_checks",
    "toolkit.checks.letters_checks",
    "toolkit.checks.incidents_checks",
    "toolkit.checks.content_checks",
)

_registry: list[tuple[str, Check]] = []


def check(name: str) -> Callable[[Check], Check]:
    """Register a self-test check under ``name``."""

    def decorate(func: Check) -> Check:
        if all(existing != name for existing, _ in _registry):
            _registry.append((name, func))
        return func

    return decorate


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float


def all_checks() -> list[tuple[str, Check]]:
    for module in CHECK_MODULES:
        import_module(module)
    return list(_registry)


@contextmanager
def temporary_data_dir() -> Iterator[Path]:
    """Point the app at a throwaway data folder so checks never touch a person's files."""
    previous = os.environ.get(paths.DATA_ENV)
    with tempfile.TemporaryDirectory(prefix="toolkit-selftest-") as tmp:
        os.environ[paths.DATA_ENV] = tmp
        try:
            yield Path(tmp)
        finally:
            if previous is None:
                os.environ.pop(paths.DATA_ENV, None)
            else:
                os.environ[paths.DATA_ENV] = previous


def run_checks(out: TextIO, only: str | None = None) -> list[Outcome]:
    outcomes = []
    with temporary_data_dir() as data:
        for name, func in all_checks():
            if only and only not in name:
                continue
            started = time.perf_counter()
            try:
                detail, ok = func(data), True
            except Exception as exc:
                detail, ok = f"{type(exc).__name__}: {exc}", False
                if os.environ.get("TOOLKIT_DEBUG"):
                    traceback.print_exc()
            outcome = Outcome(name, ok, detail, time.perf_counter() - started)
            print(
                f"{'ok  ' if ok else 'FAIL'} {name}: {detail} ({outcome.seconds:.2f} s)",
                file=out,
                flush=True,
            )
            outcomes.append(outcome)
    return outcomes
