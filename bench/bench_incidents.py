"""Incident notes: unlock with the real key derivation, one save, listing 1,000 records."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Figure, median_seconds

from toolkit.incidents import crypto, vault
from toolkit.incidents.record import Incident

PASS = "bench passphrase"


def figures(repeat: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as tmp:
        data = Path(tmp)
        opened, _code = vault.create_vault("bench", PASS, data_dir=data)
        opened.lock()

        def unlock() -> None:
            target = vault.Vault("bench", data)
            target.unlock(PASS)
            target.lock()

        unlock_s = median_seconds(unlock, max(1, min(repeat, 3)))
        target = vault.Vault("bench", data)
        target.unlock(PASS)
        story = "Agents came to the door and asked for a neighbor. " * 20
        save_s = median_seconds(
            lambda: target.save(Incident(start_date="2025-01-02", what_happened=story)), repeat
        )
        for n in range(1000 - len(target.records())):
            target.save(Incident(start_date=f"2025-01-{n % 28 + 1:02d}", what_happened=story))
        # Each save also reseals the vault's manifest: measure it with 1,000 records listed.
        full_save_s = median_seconds(
            lambda: target.save(Incident(start_date="2025-01-02", what_happened=story)), repeat
        )
        target.lock()

        def list_all() -> None:
            # Decrypting every record is what unlock does after the key: measure it alone.
            target.reload()
            assert len(target.records()) >= 1000

        target = vault.Vault("bench", data)
        target.unlock(PASS)
        list_s = median_seconds(list_all, repeat)
        target.lock()
    return [
        Figure(
            f"incidents: unlock (scrypt n=2^{crypto.REAL_SCRYPT_N.bit_length() - 1})",
            unlock_s * 1000,
            "ms",
            "goal: about 1 s (n=2^18, 256 MiB)",
        ),
        Figure("incidents: save one record", save_s * 1000, "ms"),
        Figure("incidents: save one record among 1,000", full_save_s * 1000, "ms"),
        Figure("incidents: decrypt and list 1,000 records", list_s * 1000, "ms", "goal: < 200 ms"),
    ]
