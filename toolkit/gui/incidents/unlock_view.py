"""Choose a vault and unlock it (passphrase or recovery code), or create a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.gui.incidents.passphrase_field import PassphraseField
from toolkit.i18n import _
from toolkit.incidents import vault


class UnlockView(QWidget):
    unlocked = Signal(object)  # Vault
    created = Signal(object, str)  # Vault, recovery code

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        # Tests and the self-test lower the key-derivation cost; the app never sets this.
        self.kdf_n: int | None = None
        layout = QVBoxLayout(self)
        open_box = QGroupBox(_("Open a vault"))
        form = QFormLayout(open_box)
        self.vault_choice = QComboBox()
        form.addRow(_("Vault"), self.vault_choice)
        self.passphrase = PassphraseField(_("Passphrase"))
        self.passphrase.line.returnPressed.connect(self.unlock)
        form.addRow(_("Passphrase"), self.passphrase)
        self.use_recovery = QCheckBox(_("Use the recovery code instead"))
        form.addRow("", self.use_recovery)
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.unlock)
        form.addRow("", self.unlock_button)
        layout.addWidget(open_box)

        create_box = QGroupBox(_("Create a new vault"))
        create = QFormLayout(create_box)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(_("For example: household-1"))
        create.addRow(_("Name"), self.new_name)
        self.new_passphrase = PassphraseField(_("At least 8 characters"))
        create.addRow(_("Passphrase"), self.new_passphrase)
        self.confirm_passphrase = PassphraseField(_("The same passphrase again"))
        create.addRow(_("Confirm"), self.confirm_passphrase)
        row = QHBoxLayout()
        self.create_button = QPushButton(_("Create vault"))
        self.create_button.clicked.connect(self.create_vault)
        row.addWidget(self.create_button)
        row.addStretch(1)
        create.addRow("", row)
        layout.addWidget(create_box)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("warning")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        current = self.vault_choice.currentText()
        self.vault_choice.clear()
        names = vault.list_vaults(self.data_dir)
        self.vault_choice.addItems(names)
        if current in names:
            self.vault_choice.setCurrentText(current)
        self.unlock_button.setEnabled(bool(names))
        if not names and not self.new_name.text():
            self.new_name.setText(vault.DEFAULT_NAME)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        self.passphrase.clear()
        self.new_passphrase.clear()
        self.confirm_passphrase.clear()
        self.use_recovery.setChecked(False)

    def unlock(self) -> None:
        name = self.vault_choice.currentText()
        if not name:
            return
        target = vault.Vault(name, self.data_dir)
        try:
            if self.use_recovery.isChecked():
                target.unlock_with_recovery(self.passphrase.text())
            else:
                target.unlock(self.passphrase.text())
        except UserError as exc:
            self.show_message(str(exc))
            self.passphrase.line.selectAll()
            self.refresh()
            return
        self.clear()
        self.show_message("")
        self.unlocked.emit(target)

    def create_vault(self) -> None:
        name = self.new_name.text().strip()
        if self.new_passphrase.text() != self.confirm_passphrase.text():
            self.show_message(_("The two passphrases are not the same. Nothing was created."))
            return
        try:
            made, code = vault.create_vault(
                name, self.new_passphrase.text(), data_dir=self.data_dir, kdf_n=self.kdf_n
            )
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.clear()
        self.new_name.clear()
        self.show_message("")
        self.refresh()
        self.vault_choice.setCurrentText(name)
        self.created.emit(made, code)
