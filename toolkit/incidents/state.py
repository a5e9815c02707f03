"""The throttle, erase setting and save counter, kept twice: in the vault and beside it.

Both copies carry an HMAC, so a hand edit of one shows. The clear copy in the vault can be read
without the passphrase (the wait before the next try); the side copy in ``vaults/.state/``
means one SQL UPDATE on the vault cannot reset the count, and that an older copy of the whole
vault file put back in place is noticed (its save counter is lower). Neither copy can stop
someone who has the file and tries passphrases in their own program: the slow key derivation
is what protects against that.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.incidents import store, throttle


@dataclass
class State:
    failures: int = 0
    last_failure: float = 0.0
    wipe_after: int = 0
    counter: int = 0

    def wait(self, now: float) -> float:
        # A last failure "in the future" (a wrong clock or an edit) counts as now.
        last = min(self.last_failure, now)
        return throttle.remaining(self.failures, last, now)


def state_path(vault_path: Path) -> Path:
    return vault_path.parent / ".state" / (vault_path.name + ".json")


def _key(vault_id: str) -> bytes:
    return hashlib.sha256(b"toolkit/state\x00" + vault_id.encode()).digest()


def _mac(vault_id: str, values: dict[str, object]) -> str:
    text = json.dumps(values, sort_keys=True)
    return hmac.new(_key(vault_id), text.encode(), hashlib.sha256).hexdigest()


def _clean(raw: object) -> State | None:
    if not isinstance(raw, dict):
        return None
    try:
        return State(
            failures=max(0, int(raw.get("failures", 0))),
            last_failure=float(raw.get("last_failure", 0.0)),
            wipe_after=max(0, int(raw.get("wipe_after", 0))),
            counter=max(0, int(raw.get("counter", 0))),
        )
    except (TypeError, ValueError):
        return None


def read_side(vault_path: Path, vault_id: str) -> tuple[State | None, bool]:
    """The side copy and whether its HMAC is right (None when there is none)."""
    try:
        raw = json.loads(state_path(vault_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, False
    found = _clean(raw.get("state") if isinstance(raw, dict) else None)
    if found is None or raw.get("vault_id") != vault_id:
        return None, False
    return found, hmac.compare_digest(str(raw.get("mac", "")), _mac(vault_id, asdict(found)))


def read_clear(conn: sqlite3.Connection, vault_id: str) -> tuple[State, bool]:
    try:
        found = State(
            failures=max(0, int(store.get_meta(conn, "failures", "0") or 0)),
            last_failure=float(store.get_meta(conn, "last_failure", "0") or 0),
            wipe_after=max(0, int(store.get_meta(conn, "wipe_after", "0") or 0)),
        )
    except ValueError:
        return State(), False
    mac = store.get_meta(conn, "state_mac")
    if not mac and store.get_meta(conn, "version", "1") == "1":
        return found, True  # version 1 had no HMAC; the first unlock adds one
    return found, hmac.compare_digest(mac, _mac(vault_id, asdict(found)))


def combined(conn: sqlite3.Connection, vault_path: Path, vault_id: str) -> State:
    """What counts while the vault is locked: the higher failure count and latest failure of
    the two copies; the erase setting only from a copy whose HMAC holds (never erase on the
    word of an edited row)."""
    clear, clear_ok = read_clear(conn, vault_id)
    side, side_ok = read_side(vault_path, vault_id)
    result = State(clear.failures, clear.last_failure, clear.wipe_after if clear_ok else 0)
    if side is not None:
        result.failures = max(result.failures, side.failures)
        result.last_failure = max(result.last_failure, side.last_failure)
        result.counter = side.counter
        if side_ok:
            result.wipe_after = side.wipe_after
    return result


def write_clear(conn: sqlite3.Connection, vault_id: str, state: State) -> None:
    """Inside the caller's transaction."""
    values = State(state.failures, state.last_failure, state.wipe_after)
    store.set_meta(conn, "failures", str(values.failures))
    store.set_meta(conn, "last_failure", repr(values.last_failure))
    store.set_meta(conn, "wipe_after", str(values.wipe_after))
    store.set_meta(conn, "state_mac", _mac(vault_id, asdict(values)))


def write_side(vault_path: Path, vault_id: str, state: State) -> None:
    """Best effort: a side copy that cannot be written (read-only stick) is left as it was."""
    body = {"vault_id": vault_id, "state": asdict(state), "mac": _mac(vault_id, asdict(state))}
    target = state_path(vault_path)
    with contextlib.suppress(OSError, UserError):
        target.parent.mkdir(mode=0o700, exist_ok=True)
        write_atomic(target, json.dumps(body).encode())


def remove_side(vault_path: Path) -> None:
    with contextlib.suppress(OSError):
        state_path(vault_path).unlink()
