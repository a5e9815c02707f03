"""Refuse every network connection from this process.

The toolkit works offline by design; the guard turns that promise into a checked fact: an
attempt raises and is recorded, so the self-test can report that none happened.
"""

from __future__ import annotations

import sys
from typing import Any

_BLOCKED_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
    }
)
attempts: list[str] = []
_installed = False


class NetworkBlocked(PermissionError):
    pass


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in _BLOCKED_EVENTS:
        if event == "socket.connect" and _is_local_unix(args):
            return
        attempts.append(f"{event} {args[1:2]!r}")
        raise NetworkBlocked(f"Rights Toolkit never uses the network (blocked {event}).")


def _is_local_unix(args: tuple[Any, ...]) -> bool:
    # Local sockets (a desktop session bus, an accessibility bridge) are not the network.
    address = args[1] if len(args) > 1 else None
    return isinstance(address, str | bytes)


def install() -> None:
    """Install the guard once per process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
