"""Directory: importing the full Congress and ZIP files, and looking up a ZIP."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Figure, median_seconds

from toolkit.directory.directory import Directory

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "directory"
# Split ZIPs (several districts, two states) and plain ones, as people type them.
ZIPS = ("60601", "89019", "90002", "05401", "35005", "20001", "10027", "77002")


def figures(repeat: int) -> list[Figure]:
    if not SHARED.is_dir():
        print(f"bench_directory: skipped, no sample data at {SHARED}")
        return []
    files = [
        SHARED / name
        for name in ("legislators-current.json", "legislators-district-offices.json", "zccd.csv")
    ]
    with tempfile.TemporaryDirectory() as tmp:
        directory = Directory(Path(tmp))

        def import_all() -> None:
            directory.import_paths(files)

        def import_csv() -> None:
            directory.import_paths([SHARED / "legislators-current.csv", SHARED / "zccd.csv"])

        full = median_seconds(import_all, repeat)
        csv_only = median_seconds(import_csv, repeat)
        import_all()
        lookups = median_seconds(lambda: [directory.find_by_zip(z) for z in ZIPS], repeat * 5)
        directory.close()
    return [
        Figure("directory: import Congress JSON + district offices + zccd", full * 1000, "ms"),
        Figure("directory: import Congress CSV + zccd", csv_only * 1000, "ms"),
        Figure(
            "directory: find_by_zip (per lookup)",
            lookups / len(ZIPS) * 1000,
            "ms",
            "goal: under 20 ms",
        ),
    ]
