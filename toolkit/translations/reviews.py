"""Reviews and corrections a center's bilingual volunteers record, kept in the data folder.

Bundled files are never changed: a volunteer's "reviewed" mark or proposed correction is a
record in ``translation-reviews.json``, shown beside the bundled status and exported as one JSON
file the project can take back (``toolkit translations export``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from toolkit import __version__, paths
from toolkit.atomic import write_atomic
from toolkit.digits import western_digits
from toolkit.errors import UserError
from toolkit.i18n import _

FILE_NAME = "translation-reviews.json"
KINDS = ("guide", "card", "flyer", "interface")
ACTIONS = ("reviewed", "correction")
FORMAT = "rights-toolkit-translation-reviews/1"


@dataclass(frozen=True)
class Record:
    kind: str  # guide, card, flyer or interface
    language: str
    item: str  # a guide id; "card", "flyer" or "catalog" for the others
    action: str  # "reviewed" or "correction"
    name: str
    date: str  # ISO date the volunteer gave
    text: str = ""  # the proposed wording, or a comment
    where: str = ""  # which part (a heading, a card line, an interface string)


def store_path() -> Path:
    return paths.data_dir() / FILE_NAME


def load_records(path: Path | None = None) -> list[Record]:
    path = path or store_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UserError(
            _("The translation reviews in {path} could not be read ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    rows = raw.get("records", []) if isinstance(raw, dict) else []
    fields = set(Record.__dataclass_fields__)
    return [
        Record(**{k: str(v) for k, v in row.items() if k in fields})
        for row in rows
        if isinstance(row, dict)
        and {"kind", "language", "item", "action", "name", "date"} <= set(row)
    ]


def add_record(record: Record, path: Path | None = None) -> None:
    """Append one review or correction; raises UserError when a field is missing."""
    if record.kind not in KINDS or record.action not in ACTIONS:
        raise UserError(_("Unknown kind of review."))
    if not record.name.strip():
        raise UserError(_("Write the name of the person who reviewed."))
    record = replace(record, date=western_digits(record.date.strip()))  # ۲۰۲۶ as 2026
    try:
        dt.date.fromisoformat(record.date)
    except ValueError:
        raise UserError(_("Write the date as YYYY-MM-DD.")) from None
    if record.action == "correction" and not record.text.strip():
        raise UserError(_("Write the corrected wording."))
    path = path or store_path()
    records = [*load_records(path), record]
    write_atomic(path, _dump({"format": FORMAT, "records": [asdict(r) for r in records]}))


def local_review(kind: str, language: str, item: str, path: Path | None = None) -> Record | None:
    """The latest "reviewed" mark the center recorded for one item, if any."""
    marks = [
        r
        for r in load_records(path)
        if (r.kind, r.language, r.item, r.action) == (kind, language, item, "reviewed")
    ]
    return max(marks, key=lambda r: r.date) if marks else None


def corrections(kind: str, language: str, item: str, path: Path | None = None) -> list[Record]:
    return [
        r
        for r in load_records(path)
        if (r.kind, r.language, r.item, r.action) == (kind, language, item, "correction")
    ]


def export_data(statuses: list[dict[str, str]], path: Path | None = None) -> dict[str, Any]:
    """What goes back to the project: every item's bundled status and the center's records."""
    return {
        "format": FORMAT,
        "app_version": __version__,
        "exported": dt.date.today().isoformat(),
        "items": statuses,
        "records": [asdict(r) for r in load_records(path)],
    }


def _dump(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def export_file(out: Path, statuses: list[dict[str, str]]) -> int:
    """Write the export; returns how many records it holds."""
    data = export_data(statuses)
    write_atomic(out, _dump(data))
    return len(data["records"])
