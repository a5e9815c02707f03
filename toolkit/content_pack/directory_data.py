"""Directory data in the applied pack (``data/``): offered for import after applying, then
imported with the directory's own importers, exactly as files a center downloaded itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit import paths
from toolkit.i18n import _


@dataclass(frozen=True)
class DataImport:
    lines: list[str]  # what was imported, one line per file, for the person
    warnings: list[str] = field(default_factory=list)


def pack_data_folder(data_dir: Path | None = None) -> Path | None:
    """The applied pack's ``data/`` folder when it holds any file, else None."""
    root = paths.active_pack_root(data_dir or paths.data_dir())
    folder = root / "data" if root is not None else None
    if folder is None or not folder.is_dir():
        return None
    return folder if any(p.is_file() for p in folder.rglob("*")) else None


def import_pack_data(data_dir: Path | None = None) -> DataImport:
    """Import the applied pack's directory data into this center's directory."""
    from toolkit.content_pack.rules import PackError
    from toolkit.directory.directory import Directory

    base = data_dir or paths.data_dir()
    folder = pack_data_folder(base)
    if folder is None:
        raise PackError(_("The content pack in use holds no directory data."))
    with Directory(base) as directory:
        results = directory.import_paths([folder])
        warnings = list(directory.warnings)
    lines = [
        _("Imported {count} records ({source}) from {file}").format(
            count=result.count, source=result.source, file=result.file
        )
        for result in results
    ]
    return DataImport(lines, warnings)
