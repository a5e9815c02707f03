"""The printable recovery sheet: the vault's recovery code in large groups, and how to use it."""

from __future__ import annotations

from typing import Any

from toolkit.i18n import _


def build_sheet(
    vault_name: str, code: str, created: str, *, paper: str = "letter", fingerprint: str = ""
) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    from toolkit.pdf.document import DocumentSpec, build_pdf, stylesheet
    from toolkit.pdf.fonts import SANS_BOLD
    from toolkit.pdf.markup import para_text

    styles = stylesheet()
    code_style = styles["title"].clone("code", fontName=SANS_BOLD, fontSize=24, leading=34)
    story: list[Any] = [
        Paragraph(para_text(_("Recovery sheet for incident notes")), styles["title"]),
        Paragraph(
            para_text(_("Vault: {name}. Created: {date}.").format(name=vault_name, date=created)),
            styles["body"],
        ),
        Spacer(1, 12),
        Paragraph(para_text(_("Recovery code")), styles["h2"]),
        Paragraph(para_text("  ".join(code.split("-")[:4])), code_style),
        Paragraph(para_text("  ".join(code.split("-")[4:])), code_style),
        Spacer(1, 12),
    ]
    if fingerprint:
        story += [
            Paragraph(para_text(_("Signing key fingerprint")), styles["h2"]),
            Paragraph(para_text(fingerprint), styles["body"]),
            Paragraph(
                para_text(
                    _(
                        "Evidence packages from this vault are signed with this key. A lawyer "
                        "can compare this fingerprint with the one 'verify' prints."
                    )
                ),
                styles["body"],
            ),
            Spacer(1, 12),
        ]
    for line in (
        _("This code opens the vault if the passphrase is forgotten."),
        _("Anyone who has this sheet and the laptop can read the incident notes."),
        _("Keep it locked away, away from the laptop. Do not photograph it."),
        _(
            "To use it: on the Incident notes page choose 'Use the recovery code' "
            "(or run: toolkit incidents passwd --recovery)."
        ),
    ):
        story.append(Paragraph(para_text(line), styles["bullet"], bulletText="•"))
    return build_pdf(story, DocumentSpec(paper=paper, title=_("Recovery sheet")))
