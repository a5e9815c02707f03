"""The printable recovery sheet: the vault's recovery code in large groups, and how to use it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from toolkit.i18n import _, current_language

if TYPE_CHECKING:
    from toolkit.pdf.document import MadePdf


def make_recovery_pdf(
    vault_name: str, code: str, created: str, *, paper: str = "letter", fingerprint: str = ""
) -> MadePdf:
    """The sheet, with a warning if the vault's name has characters no font can print."""
    from reportlab.platypus import Spacer

    from toolkit.pdf.document import DocumentSpec, build_document, stylesheet
    from toolkit.pdf.flow import FontBook, paragraph
    from toolkit.pdf.fonts import SANS_BOLD

    book = FontBook(current_language())
    styles = stylesheet()
    code_style = styles["title"].clone("code", fontName=SANS_BOLD, fontSize=24, leading=34)
    vault_line = _("Vault: {name}. Created: {date}.").format(name=vault_name, date=created)
    story: list[Any] = [
        paragraph(_("Recovery sheet for incident notes"), styles["title"], book),
        paragraph(vault_line, styles["body"], book, _("Vault name")),
        Spacer(1, 12),
        paragraph(_("Recovery code"), styles["h2"], book),
        paragraph("  ".join(code.split("-")[:4]), code_style, book),
        paragraph("  ".join(code.split("-")[4:]), code_style, book),
        Spacer(1, 12),
    ]
    if fingerprint:
        story += [
            paragraph(_("Signing key fingerprint"), styles["h2"], book),
            paragraph(fingerprint, styles["body"], book),
            paragraph(
                _(
                    "Evidence packages from this vault are signed with this key. A lawyer "
                    "can compare this fingerprint with the one 'verify' prints."
                ),
                styles["body"],
                book,
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
        story.append(paragraph(line, styles["bullet"], book, bullet="•"))
    spec = DocumentSpec(paper=paper, title=_("Recovery sheet"), language=book.language)
    return build_document(story, spec, book)
