"""The PDF report for a lawyer: every filled field, a timeline, attachments, signature lines."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from toolkit import __version__
from toolkit.i18n import _
from toolkit.incidents.attachments import AttachmentInfo
from toolkit.incidents.labels import COLUMN_LABELS, LABELS, SECTIONS
from toolkit.incidents.record import AGENCIES, PAPERS, ROW_TYPES, TOLD, Incident


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


def build_report(
    record: Incident,
    files: list[AttachmentInfo],
    *,
    paper: str = "letter",
    language: str = "en",
    org_name: str = "",
    fingerprint: str = "",
) -> bytes:
    """The report as PDF bytes (in memory only)."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from toolkit.pdf.document import MARGINS, DocumentSpec, build_pdf, page_size, stylesheet
    from toolkit.pdf.markup import para_text

    styles = stylesheet()
    styles["h2"] = styles["h2"].clone("h2-keep", keepWithNext=1)
    width = page_size(paper)[0] - 2 * MARGINS[paper]
    widths = [width * 0.3, width * 0.7]
    story: list[Any] = [Paragraph(para_text(_("Incident report")), styles["title"])]
    intro = _("Record {id}. Made with Rights Toolkit {version}.").format(
        id=record.id, version=__version__
    )
    if org_name:
        intro += " " + org_name
    story.append(Paragraph(para_text(intro), styles["small"]))
    if fingerprint:
        signed = _(
            "Evidence packages of this record are signed by the vault key with fingerprint "
            "{fingerprint}."
        ).format(fingerprint=fingerprint)
        story.append(Paragraph(para_text(signed), styles["small"]))

    def table(rows: list[list[Any]], widths: list[float]) -> Table:
        t = Table(rows, colWidths=widths, repeatRows=0)
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return t

    for title, names in SECTIONS:
        rows = []
        for name in names:
            text = field_text(record, name)
            if text.strip():
                rows.append(
                    [
                        Paragraph(para_text(_(LABELS[name])), styles["small"]),
                        Paragraph(para_text(text), styles["body"]),
                    ]
                )
        if rows:
            story.append(Paragraph(para_text(_(title)), styles["h2"]))
            story.append(table(rows, widths))

    story.append(Paragraph(para_text(_("Timeline")), styles["h2"]))
    story.append(
        table(
            [
                [
                    Paragraph(para_text(when), styles["small"]),
                    Paragraph(para_text(what), styles["body"]),
                ]
                for when, what in timeline(record, files)
            ],
            widths,
        )
    )

    story.append(Paragraph(para_text(_("Attached files")), styles["h2"]))
    if not files:
        story.append(Paragraph(para_text(_("No files are attached.")), styles["body"]))
    for info in files:
        text = _("{name} ({size}, {kind})\nSHA-256: {sha}").format(
            name=info.name, size=human_size(info.size), kind=info.kind, sha=info.sha256
        )
        story.append(Paragraph(para_text(text), styles["body"]))

    story.append(Spacer(1, 18))
    story.append(
        KeepTogether(
            [
                Paragraph(para_text(_("Statement")), styles["h2"]),
                Paragraph(
                    para_text(
                        _(
                            "I declare that the information in this report is true and correct "
                            "to the best of my knowledge."
                        )
                    ),
                    styles["body"],
                ),
                Spacer(1, 30),
                Paragraph(
                    para_text(_("Signature: ______________________________")), styles["body"]
                ),
                Spacer(1, 14),
                Paragraph(
                    para_text(_("Printed name: ___________________________")), styles["body"]
                ),
                Spacer(1, 14),
                Paragraph(para_text(_("Date: ____________________")), styles["body"]),
            ]
        )
    )
    spec = DocumentSpec(
        paper=paper,
        title=_("Incident report"),
        language=language,
        page_label=_("Page {page} of {pages}"),
        footer_text=_("Confidential: incident report {id}").format(id=record.id),
    )
    return build_pdf(story, spec)
