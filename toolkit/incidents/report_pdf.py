"""The PDF report for a lawyer: every filled field, a timeline, attachments, signature lines."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from toolkit import __version__
from toolkit.i18n import _
from toolkit.incidents.attachments import AttachmentInfo
from toolkit.incidents.labels import COLUMN_LABELS, LABELS, SECTIONS
from toolkit.incidents.record import AGENCIES, PAPERS, ROW_TYPES, TOLD, Incident

if TYPE_CHECKING:
    from toolkit.pdf.document import MadePdf


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def field_text(record: Incident, name: str) -> str:
    """The value of one field as plain text for people ('' when not filled in)."""
    value: Any = getattr(record, name)
    if name == "agency":
        return _(AGENCIES[value]) if value else ""
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


def timeline(record: Incident, files: list[AttachmentInfo]) -> list[tuple[str, str]]:
    events = []
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


def make_report_pdf(
    record: Incident,
    files: list[AttachmentInfo],
    *,
    paper: str = "letter",
    language: str = "en",
    org_name: str = "",
    fingerprint: str = "",
) -> MadePdf:
    """The report as PDF bytes (in memory only), with a warning for every field that has
    characters no font can print. Every field flows on across pages, whatever its length."""
    from reportlab.platypus import KeepTogether, Spacer

    from toolkit.pdf.document import DocumentSpec, build_document
    from toolkit.pdf.flow import BlockStyle, FontBook, TextBlock

    book = FontBook(language)
    body = BlockStyle()
    title_style = BlockStyle(size=20, leading=1.25, bold=True, space_after=10)
    h2 = BlockStyle(size=15, leading=1.27, bold=True, space_before=10, space_after=4)
    h2 = h2.with_(keep_with_next=True)
    label_style = BlockStyle(size=8.5, leading=1.3, bold=True, color="#444444", space_after=1)
    label_style = label_style.with_(space_before=4, keep_with_next=True)
    small = BlockStyle(size=8.5, leading=1.3, color="#333333")

    def block(text: str, style: BlockStyle = body, field: str = "") -> TextBlock:
        return TextBlock(text, style, book, field)

    story: list[Any] = [block(_("Incident report"), title_style)]
    intro = _("Record {id}. Made with Rights Toolkit {version}.").format(
        id=record.id, version=__version__
    )
    if org_name:
        intro += " " + org_name
    story.append(block(intro, small, _("Center name")))
    if fingerprint:
        signed = _(
            "Evidence packages of this record are signed by the vault key with fingerprint "
            "{fingerprint}."
        ).format(fingerprint=fingerprint)
        story.append(block(signed, small))

    for title, names in SECTIONS:
        fields = [(name, field_text(record, name)) for name in names]
        fields = [(name, text) for name, text in fields if text.strip()]
        if not fields:
            continue
        story.append(block(_(title), h2))
        for name, text in fields:
            label = _(LABELS[name])
            story.append(block(label, label_style))
            story.append(block(text, body, label))

    story.append(block(_("Timeline"), h2))
    for when, what in timeline(record, files):
        story.append(block(f"{when}  —  {what}", body, _("Timeline")))

    story.append(block(_("Attached files"), h2))
    if not files:
        story.append(block(_("No files are attached."), body))
    for info in files:
        text = _("{name} ({size}, {kind})\nSHA-256: {sha}").format(
            name=info.name, size=human_size(info.size), kind=info.kind, sha=info.sha256
        )
        story.append(block(text, body, _("Attached files")))

    story.append(Spacer(1, 18))
    story.append(
        KeepTogether(
            [
                block(_("Statement"), h2),
                block(
                    _(
                        "I declare that the information in this report is true and correct "
                        "to the best of my knowledge."
                    )
                ),
                Spacer(1, 30),
                block(_("Signature: ______________________________")),
                Spacer(1, 14),
                block(_("Printed name: ___________________________")),
                Spacer(1, 14),
                block(_("Date: ____________________")),
            ]
        )
    )
    spec = DocumentSpec(
        paper=paper,
        title=_("Incident report"),
        author=org_name,
        subject=_("Record {id}").format(id=record.id),
        language=language,
        page_label=_("Page {page} of {pages}"),
        footer_text=_("Confidential: incident report {id}").format(id=record.id),
    )
    return build_document(story, spec, book)


def build_report(
    record: Incident,
    files: list[AttachmentInfo],
    *,
    paper: str = "letter",
    language: str = "en",
    org_name: str = "",
    fingerprint: str = "",
) -> bytes:
    """The report's bytes alone (see ``make_report_pdf`` for its warnings)."""
    made = make_report_pdf(
        record,
        files,
        paper=paper,
        language=language,
        org_name=org_name,
        fingerprint=fingerprint,
    )
    return made.pdf
