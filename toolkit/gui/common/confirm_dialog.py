"""Asking before something that cannot be undone: Cancel is the default button (Enter and
Escape both cancel), the action is named on its own button, and it can require the passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.i18n import _


class DangerDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, text: str, action: str, passphrase_label: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        question = QLabel(text)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(passphrase_label)
        if passphrase_label:
            label = QLabel(passphrase_label)
            label.setBuddy(self.passphrase)
            layout.addWidget(label)
            layout.addWidget(self.passphrase)
        else:
            self.passphrase.hide()
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.action_button = QPushButton(action)
        self.action_button.setObjectName("danger")
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.action_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.action_button.clicked.connect(self.accept)
        layout.addWidget(buttons)
        if passphrase_label:
            self.action_button.setEnabled(False)
            self.passphrase.textChanged.connect(
                lambda text: self.action_button.setEnabled(bool(text))
            )
            self.passphrase.setFocus()
        else:
            self.cancel_button.setFocus()


def ask(
    parent: QWidget | None, title: str, text: str, action: str, passphrase_label: str = ""
) -> str | None:
    """None when cancelled; otherwise the passphrase typed ("" when none was asked)."""
    dialog = DangerDialog(parent, title, text, action, passphrase_label)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.passphrase.text() if accepted else None
    finally:
        dialog.passphrase.clear()
        dialog.deleteLater()


def delete_vault_text(name: str, limits: str) -> str:
    return (
        _("Delete the whole vault {name} and every record in it, for good?").format(name=name)
        + "\n\n"
        + limits
    )
