"""The sealed list of a vault's contents: every record and attachment, with a hash of its blob.

Updated in the same transaction as each change, with a save counter that is also kept beside
the vault (``state``). At unlock the file is compared with it, so a record or file removed,
put back from an older copy, moved to another record or hidden by a flipped bit is reported
in plain words, as is an older copy of the whole file.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from toolkit.i18n import _
from toolkit.incidents import crypto, store

AAD = crypto.aad("manifest")
WHOLE = "*"


@dataclass
class Manifest:
    counter: int = 0
    records: dict[str, str] = field(default_factory=dict)  # id -> sha256 of the sealed blob
    # id -> {"record": record id, "meta": sha256 of the sealed meta, "chunks": count}
    attachments: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"counter": self.counter, "records": self.records, "attachments": self.attachments}

    @classmethod
    def from_json(cls, raw: Any) -> Manifest:
        if not isinstance(raw, dict):
            raise ValueError("not a manifest")
        return cls(int(raw["counter"]), dict(raw["records"]), dict(raw["attachments"]))

    def set_record(self, record_id: str, blob: bytes) -> None:
        self.records[record_id] = digest(blob)

    def set_attachment(self, attachment_id: str, record_id: str, meta: bytes, chunks: int) -> None:
        self.attachments[attachment_id] = {
            "record": record_id,
            "meta": digest(meta),
            "chunks": chunks,
        }

    def drop_record(self, record_id: str) -> None:
        self.records.pop(record_id, None)
        for attachment_id in [a for a, v in self.attachments.items() if v["record"] == record_id]:
            del self.attachments[attachment_id]


def digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def seal(key: bytes, manifest: Manifest) -> str:
    return crypto.seal(key, json.dumps(manifest.to_json()).encode(), AAD).hex()


def unseal(key: bytes, text: str) -> Manifest:
    """Raises ValueError (damaged or missing) or DecryptError (changed)."""
    if not text:
        raise ValueError("missing")
    return Manifest.from_json(json.loads(crypto.unseal(key, bytes.fromhex(text), AAD)))


def from_file(conn: sqlite3.Connection) -> Manifest:
    """The contents as they are now (version 1 vaults, on first unlock: trusted as found)."""
    found = Manifest()
    for record_id, blob in conn.execute("SELECT id, blob FROM records"):
        found.set_record(str(record_id), bytes(blob))
    # The chunks actually there, not the count the row claims: a removed part shows at unlock.
    stored = dict(conn.execute("SELECT attachment_id, count(*) FROM chunks GROUP BY attachment_id"))
    for row in conn.execute("SELECT id, record_id, meta, chunks FROM attachments"):
        count = min(int(row[3]), int(stored.get(row[0], 0)))
        found.set_attachment(str(row[0]), str(row[1]), bytes(row[2]), count)
    return found


def compare(
    conn: sqlite3.Connection,
    expected: Manifest,
    outside: int,
    unreadable: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """Problems by record id (``*`` for the whole vault), in words for a person. Records
    already reported as unreadable get no second note about their version."""
    found = from_file(conn)
    problems: dict[str, list[str]] = {}

    def note(record_id: str, text: str) -> None:
        problems.setdefault(record_id, []).append(text)

    if outside > expected.counter:
        note(
            WHOLE,
            _(
                "This vault file is older than the last one saved on this computer (save "
                "{found}, expected {expected}): an earlier copy may have been put in its place, "
                "and what was added or changed since is missing."
            ).format(found=expected.counter, expected=outside),
        )
    for record_id, sha in expected.records.items():
        if record_id not in found.records:
            note(record_id, _("record {id} was removed from the vault file").format(id=record_id))
        elif found.records[record_id] != sha and record_id not in unreadable:
            note(
                record_id,
                _("record {id} is not the version last saved (an older copy or a change)").format(
                    id=record_id
                ),
            )
    for record_id in found.records.keys() - expected.records.keys():
        note(
            record_id,
            _("record {id} was added to the vault file from outside").format(id=record_id),
        )
    for attachment_id, info in expected.attachments.items():
        owner = str(info["record"])
        now = found.attachments.get(attachment_id)
        if now is None:
            note(owner, _("a file of record {id} was removed").format(id=owner))
        elif now["record"] != owner:
            note(
                owner,
                _("a file of record {id} was moved to record {other}").format(
                    id=owner, other=now["record"]
                ),
            )
            note(
                str(now["record"]),
                _("record {id} holds a file moved from record {other}").format(
                    id=now["record"], other=owner
                ),
            )
        elif now["meta"] != info["meta"] or now["chunks"] != info["chunks"]:
            note(owner, _("a file of record {id} was changed or damaged").format(id=owner))
    for attachment_id in found.attachments.keys() - expected.attachments.keys():
        owner = str(found.attachments[attachment_id]["record"])
        note(owner, _("record {id} holds a file added from outside").format(id=owner))
    return problems


def missing_note() -> str:
    return _(
        "The sealed list of this vault's contents is missing or was changed: records or files "
        "may have been removed or added outside the app."
    )


def check_row(conn: sqlite3.Connection) -> str:
    return store.get_meta(conn, "manifest")
