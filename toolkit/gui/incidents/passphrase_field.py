"""A passphrase box with a Show/Hide button, so people can check what they typed."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from toolkit.i18n import _


class PassphraseField(QWidget):
    def __init__(self, placeholder: str = "") -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(placeholder or _("Passphrase"))
        self.toggle = QPushButton(_("Show"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show)
        row.addWidget(self.line, 1)
        row.addWidget(self.toggle)

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.line.setEchoMode(mode)
        self.toggle.setText(_("Hide") if shown else _("Show"))

    def text(self) -> str:
        return self.line.text()

    def clear(self) -> None:
        self.line.clear()
        self.toggle.setChecked(False)
