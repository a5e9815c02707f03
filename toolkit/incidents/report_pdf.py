"""The PDF report for a lawyer: a cover, the statement with its declaration under penalty of
perjury (28 U.S.C. 1746) and signature lines, the staff member's attestation, a timeline, and
the attached files with photo thumbnails, capture times and SHA-256 hashes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from toolkit import __version__
from toolkit.i18n import _
from toolkit.incidents.attachments import AttachmentInfo
from toolkit.incidents.labels import ATTESTATION, COLUMN_LABELS, LABELS, SECTIONS
from toolkit.incidents.record import AGENCIES, PAPERS, ROW_TYPES, TOLD, Incident
from toolkit.incidents.report_files import FileFacts, Reader, human_size

if TYPE_CHECKING:
    from toolkit.pdf.document import MadePdf
    from toolkit.pdf.flow import TextBlock

__all__ = ["field_text", "human_size", "make_report_pdf", "timeline"]
TAIL_LINES = 3  # the statement's last lines, kept on the page of the declaration that signs it


def field_text(record: Incident, name: str) -> str:
    """The value of one field as plain text for people ('' when not filled in)."""
    value: Any = getattr(record, name)
    if name == "agencies":
        return ", ".join(_(AGENCIES.get(v, v)) for v in value)
    if name == "papers":
        return _(PAPERS[value]) if value else ""
    if name == "told":
        return ", ".join(_(TOLD[v]) for v in value)
    if name == "reporter_anonymous":
        return _("Yes") if value else ""
    if name in ROW_TYPES:
        lines = []
        for row in value:
            parts = [
                f"{_(COLUMN_LABELS[k])}: {v}" for k, v in asdict(row).items() if str(v).strip()
            ]
            lines.append("; ".join(parts))
        return "\n".join(lines)
    return "" if value is None else str(value)


def timeline(
    record: Incident, files: list[AttachmentInfo], found: dict[str, FileFacts] | None = None
) -> list[tuple[str, str]]:
    """Every dated thing in the record and its files, earliest first."""
    events = []
    rows = (
        ("detained", _("Taken into custody: {name}")),
        ("witnesses", _("Witness: {name}")),
    )
    for name, what in rows:
        for row in getattr(record, name):
            when = row.when.strip()
            if when and " " not in when and ":" in when:  # a time alone: on the start date
                when = f"{record.start_date} {when}".strip()
            if when:
                events.append((when, what.format(name=row.name or "—")))
    for info in files:
        facts = (found or {}).get(info.id)
        if facts is not None and facts.photo is not None and facts.photo.taken:
            label = _("Photo taken (camera clock): {name}").format(name=info.name)
            events.append((facts.photo.taken, label))
    if record.start_date:
        events.append((f"{record.start_date} {record.start_time}".strip(), _("Incident started")))
    if record.end_date or record.end_time:
        end = f"{record.end_date or record.start_date} {record.end_time}".strip()
        events.append((end, _("Incident ended")))
    if record.created_stated:
        events.append((utc_label(record.created), _("Record imported into this vault")))
        events.append(
            (
                utc_label(record.created_stated),
                _("Record created, as stated in the imported file (not checked)"),
            )
        )
    else:
        events.append((utc_label(record.created), _("Record created")))
    if record.updated:
        events.append((utc_label(record.updated), _("Record last changed")))
    for info in files:
        events.append((utc_label(info.imported), _("File added: {name}").format(name=info.name)))
    return sorted(events)


def utc_label(stamp: str) -> str:
    return stamp.replace("T", " ").replace("+00:00", " UTC")


def export_label(when: dt.datetime) -> str:
    """ "2026-12-03 14:05 (UTC-06:00, CST)": the local time with its offset and zone name."""
    offset = when.strftime("%z") or "+0000"
    zone = f"UTC{offset[:3]}:{offset[3:]}"
    name = when.tzname() or ""
    if name and not name.startswith(("UTC", "GMT", "+", "-")):
        zone = f"{zone}, {name}"
    return f"{when:%Y-%m-%d %H:%M} ({zone})"


def make_report_pdf(
    record: Incident,
    files: list[AttachmentInfo],
    *,
    paper: str = "letter",
    language: str = "en",
    org_name: str = "",
    fingerprint: str = "",
    read: Reader | None = None,
    exported: dt.datetime | None = None,
) -> MadePdf:
    """The report as PDF bytes (in memory only), with a warning for every field that has
    characters no font can print. Every field flows on across pages, whatever its length.

    ``read`` gives an attachment's bytes (photos get a thumbnail and their EXIF capture time
    and camera); ``exported`` is the export time on the cover (now, in local time, if None).
    """
    from reportlab.platypus import PageBreak

    from toolkit.incidents.report_files import file_rows, gather
    from toolkit.pdf.document import DocumentSpec, build_document, page_size
    from toolkit.pdf.flow import FontBook

    book = FontBook(language)
    spec = DocumentSpec(
        paper=paper,
        title=_("Incident report"),
        author=org_name,
        subject=_("Record {id}").format(id=record.id),
        language=language,
        page_label=_("Page {page} of {pages}"),
        footer_text=_("Confidential: incident report {id}").format(id=record.id),
    )
    width = page_size(paper)[0] - 2 * spec.margin_points()
    found = gather(files, read)
    parts = _Parts(book)
    cover = parts.cover(record, files, found, org_name, fingerprint, exported)
    statement = parts.statement(record)
    closing = parts.declaration()
    attestation = parts.attestation(record, org_name)
    events = parts.timeline(record, files, found)
    attached = [parts.block(_("Attached files"), parts.h2)]
    if not files:
        attached.append(parts.block(_("No files are attached.")))
    attached.extend(file_rows(files, found, book, width))
    # Every text is in the book now, so its fonts are final and lines can be laid out.
    story = [*cover, PageBreak(), *keep_with_tail(statement, closing, width)]
    story += [*attestation, *events, *attached]
    return build_document(story, spec, book)


def keep_with_tail(statement: list[Any], closing: list[Any], width: float) -> list[Any]:
    """The statement, its last lines kept on one page with ``closing`` (the declaration)."""
    from reportlab.platypus import KeepTogether

    from toolkit.pdf.flow import TextBlock

    last = statement[-1] if statement else None
    if not isinstance(last, TextBlock):
        return [*statement, KeepTogether(closing)]
    lines = last.lines(width)
    if len(lines) <= 2 * TAIL_LINES:  # a short last field goes along whole, with its label
        start = len(statement) - 1
        while start > 0 and getattr(statement[start - 1], "keepWithNext", False):
            start -= 1
        return [*statement[:start], KeepTogether([*statement[start:], *closing])]
    head = TextBlock(
        last.text, last.style.with_(space_after=0), last.book, _lines=lines[:-TAIL_LINES]
    )
    tail = TextBlock(
        last.text,
        last.style.with_(space_before=0),
        last.book,
        _lines=lines[-TAIL_LINES:],
        _first=False,
    )
    return [*statement[:-1], head, KeepTogether([tail, *closing])]


class _Parts:
    """The report's parts as flowables, in the styles they share."""

    def __init__(self, book: Any) -> None:
        from toolkit.pdf.flow import BlockStyle

        self.book = book
        self.body = BlockStyle()
        self.title = BlockStyle(size=24, leading=1.25, bold=True, space_after=14)
        self.center = BlockStyle(size=15, leading=1.3, bold=True, space_after=18)
        self.h2 = BlockStyle(size=15, leading=1.27, bold=True, space_before=10, space_after=4)
        self.h2 = self.h2.with_(keep_with_next=True)
        label = BlockStyle(size=8.5, leading=1.3, bold=True, color="#444444", space_after=1)
        self.label = label.with_(space_before=4, keep_with_next=True)
        self.small = BlockStyle(size=8.5, leading=1.3, color="#333333")
        self.line = BlockStyle(space_before=26, space_after=0)

    def block(self, text: str, style: Any = None, field: str = "") -> TextBlock:
        from toolkit.pdf.flow import TextBlock

        return TextBlock(text, style or self.body, self.book, field)

    def pair(self, label: str, value: str, field: str = "") -> list[Any]:
        return [self.block(label, self.label), self.block(value, self.body, field or label)]

    def cover(
        self,
        record: Incident,
        files: list[AttachmentInfo],
        found: dict[str, FileFacts],
        org_name: str,
        fingerprint: str,
        exported: dt.datetime | None,
    ) -> list[Any]:
        when = exported or dt.datetime.now().astimezone()
        started = " ".join(p for p in (record.start_date, record.start_time) if p)
        ended = " ".join(p for p in (record.end_date, record.end_time) if p)
        photos = sum(1 for f in found.values() if f.image)
        out = [self.block(_("Incident report"), self.title)]
        if org_name:
            out.append(self.block(org_name, self.center, _("Center name")))
        out += self.pair(_("Record"), record.id)
        out += self.pair(_("Exported on"), export_label(when))
        out += self.pair(_("Incident"), f"{started} – {ended}" if ended else started)
        if record.place_address.strip():
            out += self.pair(_(LABELS["place_address"]), record.place_address)
        agencies = field_text(record, "agencies") or _("Not filled in")
        out += self.pair(_(LABELS["agencies"]), agencies)
        if record.agency_other.strip():
            out += self.pair(_(LABELS["agency_other"]), record.agency_other)
        counts = _("{files} attached files, {photos} of them photos").format(
            files=len(files), photos=photos
        )
        out += self.pair(_("Attached files"), counts)
        note = _(
            "Made with Rights Toolkit {version}. The statement that follows is the account of "
            "the person who gave it, with their declaration; the timeline and the list of files "
            "were put together by the app from the record and its files."
        ).format(version=__version__)
        out.append(self.block(note, self.small.with_(space_before=18)))
        if fingerprint:
            signed = _(
                "Evidence packages of this record are signed by the vault key with fingerprint "
                "{fingerprint}."
            ).format(fingerprint=fingerprint)
            out.append(self.block(signed, self.small))
        return out

    def statement(self, record: Incident) -> list[Any]:
        out: list[Any] = []
        for title, names in SECTIONS:
            fields = [(n, field_text(record, n)) for n in names if n not in ATTESTATION]
            fields = [(name, text) for name, text in fields if text.strip()]
            if not fields:
                continue
            out.append(self.block(_(title), self.h2))
            for name, text in fields:
                out += self.pair(_(LABELS[name]), text)
        return out

    def declaration(self) -> list[Any]:
        return [
            self.block(_("Declaration"), self.h2.with_(space_before=18)),
            self.block(
                _(
                    "I declare under penalty of perjury under the laws of the United States of "
                    "America that the foregoing is true and correct."
                )
            ),
            self.block(_("Executed on (date): ____________________"), self.line),
            self.block(_("Signature: ______________________________"), self.line),
            self.block(_("Printed name: ___________________________"), self.line),
        ]

    def attestation(self, record: Incident, org_name: str) -> list[Any]:
        from reportlab.platypus import KeepTogether

        if not record.attested_by.strip():
            return []
        out = [self.block(_("Taken down by"), self.h2.with_(space_before=22))]
        out += self.pair(_("Name"), record.attested_by, _(LABELS["attested_by"]))
        if record.attested_role.strip():
            out += self.pair(_("Role"), record.attested_role, _(LABELS["attested_role"]))
        if org_name:
            out += self.pair(_("Center"), org_name, _("Center name"))
        out.append(
            self.block(
                _("I took down the account in this report as the person gave it to me."),
                self.body.with_(space_before=8),
            )
        )
        out.append(self.block(_("Signature: ______________________________"), self.line))
        date = record.attested_date or "____________________"
        out.append(self.block(_("Date: {date}").format(date=date), self.line))
        return [KeepTogether(out)]

    def timeline(
        self, record: Incident, files: list[AttachmentInfo], found: dict[str, FileFacts]
    ) -> list[Any]:
        out = [self.block(_("Timeline"), self.h2.with_(space_before=22))]
        for when, what in timeline(record, files, found):
            out.append(self.block(f"{when}  —  {what}", self.body, _("Timeline")))
        return out
