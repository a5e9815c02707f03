"""The vault's "erase after too many wrong passphrases" setting, off unless someone turns it on."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.incidents import erase
from toolkit.incidents import vault as vault_mod
from toolkit.incidents.vault import Vault

SUGGESTED = 10


class WipeSetting(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.vault: Vault | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.enabled = QCheckBox(_("Erase this vault after"))
        row.addWidget(self.enabled)
        self.count = QSpinBox()
        self.count.setRange(vault_mod.WIPE_MIN, vault_mod.WIPE_MAX)
        self.count.setValue(SUGGESTED)
        self.count.setAccessibleName(_("Number of wrong passphrases"))
        row.addWidget(self.count)
        # Wraps on a small screen, where the whole sentence is wider than the page.
        rest = QLabel(_("wrong passphrases in a row"))
        rest.setWordWrap(True)
        row.addWidget(rest, 1)
        layout.addLayout(row)
        self.warning = QLabel(
            _(
                "Warning: when this is on and anyone types a wrong passphrase that many times "
                "in a row, every record and file in this vault is erased for good. The recovery "
                "code cannot bring it back. Leave it off unless you really need it."
            )
            + " "
            + erase.limits()
        )
        self.warning.setWordWrap(True)
        self.warning.setObjectName("warning")
        layout.addWidget(self.warning)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.enabled.toggled.connect(self._apply)
        self.count.valueChanged.connect(self._count_changed)

    def show_vault(self, opened: Vault | None) -> None:
        self.vault = opened
        current = opened.wipe_after() if opened is not None else 0
        for widget in (self.enabled, self.count):
            widget.blockSignals(True)
        self.enabled.setChecked(bool(current))
        self.count.setValue(current or SUGGESTED)
        for widget in (self.enabled, self.count):
            widget.blockSignals(False)
        self.count.setEnabled(bool(current))
        self.enabled.setEnabled(opened is not None and opened.writable)
        self.message.setText("")

    def _count_changed(self, _value: int) -> None:
        if self.enabled.isChecked():
            self._apply()

    def _apply(self) -> None:
        self.count.setEnabled(self.enabled.isChecked())
        if self.vault is None:
            return
        wanted = self.count.value() if self.enabled.isChecked() else 0
        try:
            self.vault.set_wipe_after(wanted)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        if wanted:
            text = _("Saved: the vault is erased after {n} wrong passphrases in a row.")
            self.message.setText(text.format(n=wanted))
        else:
            self.message.setText(_("Saved: the vault is never erased by wrong passphrases."))
