"""The self-test passes, and the app never tries the network while it runs."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest

GUARDED_SELFTEST = """
import socket, sys
attempts = []
def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
        address = args[1] if len(args) > 1 else None
        if event != "socket.connect" or not isinstance(address, (str, bytes)):
            attempts.append(event)
            raise OSError("network disabled by the test")
sys.addaudithook(hook)
from toolkit.__main__ import main
code = main(["selftest"])
print("ATTEMPTS", len(attempts))
sys.exit(code)
"""


def test_selftest_passes_with_network_forbidden() -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUARDED_SELFTEST], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "ATTEMPTS 0" in lines
    assert any(line.startswith("ok   main window") for line in lines)
    assert any(line.startswith("ok   fonts") for line in lines)
    assert not any(line.startswith("FAIL") for line in lines)


def test_netguard_blocks_connections() -> None:
    code = (
        "import socket\nfrom toolkit import netguard\nnetguard.install()\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
        "except netguard.NetworkBlocked:\n    print('blocked')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "blocked"


def test_each_check_runs_in_its_own_process_and_a_crash_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from toolkit import selftest

    outcome = selftest.run_in_child("network")
    assert outcome.ok and outcome.detail == "no connection attempted"
    assert not selftest.run_in_child("no such check").ok
    crash = [sys.executable, "-c", "import sys; print('half a line'); sys.exit(3)"]
    monkeypatch.setattr(selftest, "child_command", lambda name: crash)
    crashed = selftest.run_in_child("cards")
    assert not crashed.ok and "ended with code 3" in crashed.detail


def test_a_check_that_tries_the_network_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from toolkit import selftest

    def reach_out(data: Path) -> str:
        with contextlib.suppress(OSError):  # the guard raised; the check still tried
            socket.create_connection(("192.0.2.1", 9), timeout=1)
        return "done"

    outcome = selftest.run_one("reaches out", reach_out, Path("."))
    assert not outcome.ok and "tried the network" in outcome.detail
