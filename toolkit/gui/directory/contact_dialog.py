"""The form to add or change one address-book contact; it checks the entry before closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.directory import addressbook, model
from toolkit.directory.addressbook import BookEntry
from toolkit.errors import UserError
from toolkit.i18n import N_, _

KIND_LABELS = (
    (model.CITY_COUNCIL, N_("City council")),
    (model.OTHER, N_("Other")),
    (model.STATE_UPPER, N_("State senator")),
    (model.STATE_LOWER, N_("State representative")),
    (model.US_SENATOR, N_("U.S. senator")),
    (model.US_REPRESENTATIVE, N_("U.S. representative")),
)


class ContactDialog(QDialog):
    """Add (``entry`` None) or edit a contact; ``entry()`` gives the checked result."""

    def __init__(
        self,
        entry: BookEntry | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(_("Edit contact") if entry else _("Add a contact"))
        self.setMinimumWidth(460)
        self._result: BookEntry | None = None
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(addressbook.MAX_LENGTHS["name"])
        form.addRow(_("Full name"), self.name)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("For example: Councilmember"))
        form.addRow(_("Title"), self.title_edit)
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(_("For example: City Council of Springfield"))
        form.addRow(_("Organization"), self.organization)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(90)
        self.address.setPlaceholderText(_("Street\nCity, State ZIP"))
        self.address.setToolTip(_("One line per line of the envelope, as the office writes it."))
        form.addRow(_("Mailing address"), self.address)
        self.source = QLineEdit()
        self.source.setMaxLength(addressbook.MAX_LENGTHS["source"])
        self.source.setPlaceholderText(_("For example: City clerk's website, phone call"))
        form.addRow(_("Where the address comes from"), self.source)
        self.verified_on = QLineEdit()
        self.verified_on.setMaxLength(10)
        self.verified_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.verified_on.setAccessibleName(_("Verified on"))
        self.today_button = QPushButton(_("Today"))
        self.today_button.clicked.connect(
            lambda: self.verified_on.setText(self.today().isoformat())
        )
        verified_row = QHBoxLayout()
        verified_row.addWidget(self.verified_on, 1)
        verified_row.addWidget(self.today_button)
        form.addRow(_("Verified on"), verified_row)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS:
            self.kind.addItem(_(label), kind)
        form.addRow(_("Kind"), self.kind)
        self.city = QLineEdit()
        form.addRow(_("City"), self.city)
        self.state = QLineEdit()
        self.state.setMaxLength(2)
        self.state.setPlaceholderText("IL")
        form.addRow(_("State"), self.state)
        self.error = QLabel("")
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if entry:
            self.fill(entry)

    def fill(self, entry: BookEntry) -> None:
        self.name.setText(entry.name)
        self.title_edit.setText(entry.title)
        self.organization.setText(entry.organization)
        self.address.setPlainText(entry.address)
        index = self.kind.findData(entry.kind)
        self.kind.setCurrentIndex(max(index, 0))
        self.city.setText(entry.city)
        self.state.setText(entry.state)
        self.source.setText(entry.source)
        self.verified_on.setText(entry.verified_on)

    def typed(self) -> BookEntry:
        return BookEntry(
            name=self.name.text(),
            title=self.title_edit.text(),
            organization=self.organization.text(),
            address=self.address.toPlainText(),
            kind=str(self.kind.currentData()),
            city=self.city.text(),
            state=self.state.text(),
            source=self.source.text(),
            verified_on=self.verified_on.text(),
        )

    def accept(self) -> None:
        try:
            self._result = addressbook.clean_entry(self.typed())
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def entry(self) -> BookEntry | None:
        return self._result
