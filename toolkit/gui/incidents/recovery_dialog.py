"""Shown once after a vault is created: the recovery code, and a button to save the sheet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from toolkit.errors import UserError
from toolkit.i18n import _


class RecoveryDialog(QDialog):
    def __init__(self, code: str, save_sheet: Callable[[], tuple[str, list[str]]]) -> None:
        """``save_sheet`` asks where, writes the sheet and gives back the path ("" when the
        person cancelled) and what the sheet could not print."""
        super().__init__()
        self.setWindowTitle(_("Recovery code"))
        self._save_sheet = save_sheet
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "If the passphrase is forgotten, this code is the only way to open the vault. "
                "Print the recovery sheet or write the code down, and keep it away from this "
                "laptop."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(code.replace("-", " "))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code_label.setFont(font)
        self.code_label.setWordWrap(True)
        layout.addWidget(self.code_label)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save recovery sheet (PDF)…"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        done = QPushButton(_("I have kept it safe"))
        done.clicked.connect(self.accept)
        buttons.addWidget(self.save_button)
        buttons.addWidget(done)
        layout.addLayout(buttons)

    def save(self) -> None:
        try:
            where, warnings = self._save_sheet()
        except UserError as exc:
            self.message.setText(str(exc))
            return
        if where:
            saved = _("Saved to {path}. Print it, then delete the file.").format(path=where)
            # Said here, not only in the PDF: a name printed as boxes cannot be read back.
            self.message.setText("\n".join([saved, *warnings]))
