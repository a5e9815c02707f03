"""Choose a vault and unlock it (passphrase or recovery code), or create a new one.

With no vault yet, only "Create a new vault" shows. With vaults, "Open a vault" comes first and
creating another one waits behind a smaller "New vault…" button. After a wrong passphrase the
Unlock button counts down the wait and comes back by itself.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

TICK_MS = 250


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class UnlockView(QWidget):
    unlocked = Signal(object)  # Vault
    created = Signal(object, str)  # Vault, recovery code

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        # Which backup file to restore ("" when cancelled); the page gives its file dialog.
        self.pick_backup: Callable[[], str] = lambda: ""
        # Tests and the self-test lower the key-derivation cost; the app never sets this.
        self.kdf_n: int | None = None
        self.creating = False
        self.deadline = 0.0  # time.monotonic() when Unlock may be pressed again
        self.countdown = QTimer(self)
        self.countdown.setInterval(TICK_MS)
        self.countdown.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        self.open_box = self._open_box()
        layout.addWidget(self.open_box)
        new_row = QHBoxLayout()
        self.new_vault_button = QPushButton(_("New vault…"))
        self.new_vault_button.clicked.connect(self.show_create)
        new_row.addWidget(self.new_vault_button)
        new_row.addStretch(1)
        layout.addLayout(new_row)
        self.create_box = self._create_box()
        layout.addWidget(self.create_box)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("warning")
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.refresh()

    def _open_box(self) -> QGroupBox:
        box = QGroupBox(_("Open a vault"))
        form = QFormLayout(box)
        # Typed, never listed: at a shared computer one family must not see another's vault
        # names, nor type a wrong passphrase against a vault chosen for them.
        self.vault_name = QLineEdit()
        self.vault_name.setPlaceholderText(_("The name you gave your vault"))
        self.vault_name.textChanged.connect(lambda _name: self.check_wait())
        form.addRow(_("Vault name"), self.vault_name)
        self.passphrase = PassphraseField(_("Passphrase"))
        self.passphrase.line.returnPressed.connect(self.unlock)
        self.vault_name.returnPressed.connect(self.passphrase.line.setFocus)
        form.addRow(_("Passphrase"), self.passphrase)
        self.use_recovery = QCheckBox(_("Use the recovery code instead"))
        form.addRow("", self.use_recovery)
        self.unlock_button = QPushButton(_("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.unlock)
        form.addRow("", self.unlock_button)
        return box

    def _create_box(self) -> QGroupBox:
        box = QGroupBox(_("Create a new vault"))
        column = QVBoxLayout(box)
        column.addWidget(
            _wrapped(
                _(
                    "A vault keeps your incident notes locked on this computer. Only someone "
                    "who knows the passphrase can open it. Choose a passphrase you will "
                    "remember, at least 8 characters long."
                )
            )
        )
        create = QFormLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(_("For example: household-1"))
        create.addRow(_("Name"), self.new_name)
        self.new_passphrase = PassphraseField(_("At least 8 characters"))
        create.addRow(_("Passphrase"), self.new_passphrase)
        self.confirm_passphrase = PassphraseField(_("The same passphrase again"))
        self.confirm_passphrase.line.returnPressed.connect(self.create_vault)
        create.addRow(_("Confirm"), self.confirm_passphrase)
        column.addLayout(create)
        column.addWidget(
            _wrapped(
                _(
                    "Next you will see a recovery code to print or write down: it is the only "
                    "way to open the vault if the passphrase is forgotten."
                )
            )
        )
        row = QHBoxLayout()
        self.create_button = QPushButton(_("Create vault"))
        self.create_button.setObjectName("primary")
        self.create_button.clicked.connect(self.create_vault)
        row.addWidget(self.create_button)
        # A backup from a USB stick becomes a vault of the name above, with its own passphrase.
        self.restore_button = QPushButton(_("Restore a backup…"))
        self.restore_button.clicked.connect(self.restore_backup)
        row.addWidget(self.restore_button)
        self.back_button = QPushButton(_("Back"))
        self.back_button.clicked.connect(self.hide_create)
        row.addWidget(self.back_button)
        row.addStretch(1)
        column.addLayout(row)
        return box

    # -- which parts show ----------------------------------------------------------------------
    def refresh(self) -> None:
        names = vault.list_vaults(self.data_dir)
        if not names and not self.new_name.text():
            self.new_name.setText(vault.DEFAULT_NAME)
        creating = self.creating or not names
        # One task on screen at a time: a second vault is made with the open box put away.
        self.open_box.setVisible(bool(names) and not creating)
        self.new_vault_button.setVisible(bool(names) and not creating)
        self.create_box.setVisible(creating)
        self.back_button.setVisible(bool(names))
        self.check_wait()

    def show_create(self) -> None:
        self.creating = True
        self.show_message("")
        self.refresh()
        self.new_name.setFocus()

    def hide_create(self) -> None:
        self.creating = False
        self.show_message("")
        self.refresh()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        self.passphrase.clear()
        self.new_passphrase.clear()
        self.confirm_passphrase.clear()
        self.use_recovery.setChecked(False)

    def typed_name(self) -> str:
        """The typed vault name if it is a valid name, else "" (nothing to look up)."""
        try:
            return vault.check_name(self.vault_name.text().strip())
        except UserError:
            return ""

    # -- the wait after wrong passphrases --------------------------------------------------------
    def check_wait(self) -> None:
        """Read the vault's wait (no passphrase needed) and count it down on the button."""
        name = self.typed_name()
        wait = vault.Vault(name, self.data_dir).retry_state().wait if name else 0.0
        self.deadline = time.monotonic() + wait
        self._tick()
        if wait > 0:
            self.countdown.start()

    def waiting(self) -> bool:
        return self.countdown.isActive()

    def _tick(self) -> None:
        left = math.ceil(self.deadline - time.monotonic())
        if left <= 0:
            self.countdown.stop()
            self.unlock_button.setText(_("Unlock"))
            self.unlock_button.setEnabled(True)
            return
        self.unlock_button.setEnabled(False)
        # m:ss needs no plural forms and reads as a countdown in any language.
        clock = f"{left // 60}:{left % 60:02d}"
        self.unlock_button.setText(_("Please wait. You can try again in {time}").format(time=clock))

    # -- actions -------------------------------------------------------------------------------
    def unlock(self) -> None:
        if self.waiting():
            return
        if not self.vault_name.text().strip():
            self.show_message(_("Type the name of your vault."))
            self.vault_name.setFocus()
            return
        name = self.typed_name()
        target = vault.Vault(name, self.data_dir) if name else None
        if target is None or not target.path.exists():
            # The same words as a wrong passphrase: nobody learns which names exist.
            self.show_message(_("No vault has that name, or the passphrase is wrong."))
            self.passphrase.line.selectAll()
            return
        try:
            if self.use_recovery.isChecked():
                target.unlock_with_recovery(self.passphrase.text())
            else:
                target.unlock(self.passphrase.text())
        except UserError as exc:
            self.show_message(self._with_tries_left(str(exc), target))
            self.passphrase.line.selectAll()
            self.refresh()
            return
        self.clear()
        self.show_message("")
        self.unlocked.emit(target)

    def _with_tries_left(self, text: str, target: vault.Vault) -> str:
        if not target.path.exists():
            return text
        left = target.retry_state().tries_left
        if not left:
            return text
        warning = _("Careful: {n} more wrong tries will erase this vault for good.")
        return f"{text} {warning.format(n=left)}"

    def restore_backup(self) -> None:
        try:
            name = vault.check_name(self.new_name.text().strip())
        except UserError as exc:
            self.show_message(str(exc))
            return
        chosen = self.pick_backup()
        if not chosen:
            return
        try:
            vault.restore_backup(Path(chosen), name, data_dir=self.data_dir)
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.clear()
        self.new_name.clear()
        self.creating = False
        self.refresh()
        self.vault_name.setText(name)
        self.passphrase.line.setFocus()
        self.show_message(_("The backup was restored as the vault {name}.").format(name=name))

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
        self.creating = False
        self.refresh()
        self.vault_name.setText(made.name)
        self.created.emit(made, code)
