"""A new data key for a vault: every sealed blob opened with the old key and sealed again.

Runs inside the caller's transaction, so a crash leaves the vault under the old key, whole.
"""

from __future__ import annotations

import sqlite3

from toolkit.incidents import crypto, manifest, store
from toolkit.incidents.attachments import chunk_aad

META_ROWS = {"settings": crypto.aad("settings"), "signing_key": crypto.aad("signing-key")}


def _again(old: bytes, new: bytes, blob: bytes, aad: bytes) -> bytes:
    return crypto.seal(new, crypto.unseal(old, blob, aad), aad)


def reseal_all(conn: sqlite3.Connection, old: bytes, new: bytes) -> None:
    """Raises DecryptError if any blob no longer opens (then nothing is changed)."""
    counter = manifest.unseal(old, manifest.check_row(conn)).counter
    for record_id, blob, updated in conn.execute(
        "SELECT id, blob, updated FROM records"
    ).fetchall():
        conn.execute(
            "UPDATE records SET blob = ?, updated = ? WHERE id = ?",
            (
                _again(old, new, bytes(blob), crypto.aad("record", record_id)),
                _again(old, new, bytes(updated), crypto.aad("updated", record_id)),
                record_id,
            ),
        )
    for draft_id, blob in conn.execute("SELECT id, blob FROM drafts").fetchall():
        aad = crypto.aad("draft", draft_id)
        conn.execute(
            "UPDATE drafts SET blob = ? WHERE id = ?",
            (_again(old, new, bytes(blob), aad), draft_id),
        )
    rows = conn.execute("SELECT id, record_id, meta, chunks FROM attachments").fetchall()
    for attachment_id, record_id, meta, count in rows:
        aad = crypto.aad("attachment", attachment_id, record_id)
        conn.execute(
            "UPDATE attachments SET meta = ? WHERE id = ?",
            (_again(old, new, bytes(meta), aad), attachment_id),
        )
        for index in range(int(count)):
            (blob,) = conn.execute(
                "SELECT blob FROM chunks WHERE attachment_id = ? AND idx = ?",
                (attachment_id, index),
            ).fetchone()
            aad = chunk_aad(attachment_id, index, index == count - 1)
            conn.execute(
                "UPDATE chunks SET blob = ? WHERE attachment_id = ? AND idx = ?",
                (_again(old, new, bytes(blob), aad), attachment_id, index),
            )
    for key, aad in META_ROWS.items():
        blob = bytes.fromhex(store.get_meta(conn, key))
        store.set_meta(conn, key, _again(old, new, blob, aad).hex())
    contents = manifest.from_file(conn)
    contents.counter = counter + 1
    store.set_meta(conn, "manifest", manifest.seal(new, contents))
