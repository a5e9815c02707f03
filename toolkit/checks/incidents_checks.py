"""Self-test check for incident notes: a vault, a record with a file, exports and verify."""

from __future__ import annotations

import io
from pathlib import Path

from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.package import verify_package, write_package
from toolkit.incidents.record import Incident
from toolkit.incidents.report_pdf import make_report_pdf
from toolkit.selftest import check

# The self-test only: cheap key derivation so the check takes a fraction of a second.
SELFTEST_KDF_N = 2**12
PASSPHRASE = "self-test passphrase"


@check("incidents")
def incidents_round_trip(data: Path) -> str:
    opened, _code = vault.create_vault("selftest", PASSPHRASE, data_dir=data, kdf_n=SELFTEST_KDF_N)
    item = opened.save(Incident(start_date="2025-01-02", what_happened="Self-test record"))
    payload = b"self-test attachment " * 70_000  # more than one 1 MiB chunk
    att.add_stream(opened, item.id, io.BytesIO(payload), "evidence.bin")
    opened.lock()
    again = vault.Vault("selftest", data)
    again.unlock(PASSPHRASE)
    try:
        loaded = again.get(item.id)
        files = att.attachments(again, item.id)
        if (
            loaded != item
            or len(files) != 1
            or b"".join(att.iter_plain(again, files[0])) != payload
        ):
            raise AssertionError("the record or its file did not read back as saved")
        pdf = make_report_pdf(loaded, files).pdf
        if not pdf.startswith(b"%PDF"):
            raise AssertionError("the report is not a PDF")
        out = data / "selftest-evidence.tkpkg"
        write_package(again, item.id, out, passphrase=PASSPHRASE, kdf_n=SELFTEST_KDF_N)
    finally:
        again.lock()
    result = verify_package(out, PASSPHRASE)
    if not result.ok:
        raise AssertionError(f"package verify failed: {result.checks}")
    vault.delete_vault("selftest", data)
    return f"vault, record, {len(payload) // 1024} KiB file, report, package verified"
