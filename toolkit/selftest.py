"""``toolkit selftest``: a headless check of the whole app, unfrozen or inside the bundle.

Each capability adds its checks in its own module, listed in ``CHECK_MODULES``; a check is a
function taking a private temporary data folder and returning a one-line detail, raising on
failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
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

# A child's outcome line; whatever else a check prints stays out of the way.
RESULT_MARK = "SELFTEST-RESULT "
CHILD_TIMEOUT_S = 600
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


def find_check(name: str) -> Check | None:
    """The check named ``name``, importing check modules only until it is found (a child
    process then carries only what its check needs)."""
    for module in CHECK_MODULES:
        import_module(module)
        found = dict(_registry).get(name)
        if found is not None:
            return found
    return None


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
    """Run every check (or those whose name has ``only``), printing one line each.

    Each check runs in a process of its own, as ``selftest --check NAME``: the self-test then
    needs no more memory than its largest check (all in one process took some 300 MiB), and a
    check that crashes its process is reported instead of ending the run.
    """
    outcomes = []
    for name, _func in all_checks():
        if only and only not in name:
            continue
        outcome = run_in_child(name)
        mark = "ok  " if outcome.ok else "FAIL"
        print(f"{mark} {name}: {outcome.detail} ({outcome.seconds:.2f} s)", file=out, flush=True)
        outcomes.append(outcome)
    return outcomes


def run_one(name: str, func: Check, data: Path) -> Outcome:
    """Run one check here; it fails too when it tried the network."""
    from toolkit import netguard

    netguard.install()
    tried = len(netguard.attempts)
    started = time.perf_counter()
    try:
        detail, ok = func(data), True
        if len(netguard.attempts) > tried:
            detail, ok = f"tried the network: {netguard.attempts[tried:]}", False
    except Exception as exc:
        detail, ok = f"{type(exc).__name__}: {exc}", False
        if os.environ.get("TOOLKIT_DEBUG"):
            traceback.print_exc()
    return Outcome(name, ok, detail, time.perf_counter() - started)


def run_child_check(name: str, out: TextIO) -> int:
    """``selftest --check NAME``: run that one check here and print its outcome as JSON."""
    found = find_check(name)
    if found is None:
        outcome = Outcome(name, False, f"no check named {name!r}", 0.0)
    else:
        with temporary_data_dir() as data:
            outcome = run_one(name, found, data)
    print(RESULT_MARK + json.dumps(asdict(outcome)), file=out, flush=True)
    return 0 if outcome.ok else 1


def child_command(name: str) -> list[str]:
    """The command that runs one check in a new process, from source or inside the bundle."""
    prefix = [sys.executable] if paths.is_frozen() else [sys.executable, "-m", "toolkit"]
    return [*prefix, "selftest", "--check", name]


def run_in_child(name: str) -> Outcome:
    started = time.perf_counter()
    try:
        result = subprocess.run(
            child_command(name),
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(name, False, f"did not finish in {CHILD_TIMEOUT_S} s", CHILD_TIMEOUT_S)
    except OSError as exc:
        return Outcome(name, False, f"could not start the check: {exc}", 0.0)
    for line in reversed(result.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return Outcome(**json.loads(line.removeprefix(RESULT_MARK)))
    last = (result.stderr.strip().splitlines() or ["no message"])[-1]
    detail = f"its process ended with code {result.returncode} ({last})"
    return Outcome(name, False, detail, time.perf_counter() - started)
