"""The address-book tab of the recipient picker: contacts to tick, and add, edit, delete, import."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.directory.addressbook import BookEntry
from toolkit.directory.directory import Directory
from toolkit.errors import UserError
from toolkit.gui.directory.candidate_list import CandidateList
from toolkit.gui.directory.contact_dialog import ContactDialog
from toolkit.i18n import _


class AddressBookTab(QWidget):
    """``changed`` fires after any edit; ``message(text, is_error)`` reports the outcome."""

    changed = Signal()
    message = Signal(str, bool)

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        # Dialogs are attributes so tests (and other pages) can answer them without a modal loop.
        self.edit_contact: Callable[[BookEntry | None], BookEntry | None] = self._run_dialog
        self.confirm: Callable[[str], bool] = self._ask
        self.choose_csv: Callable[[], Path | None] = self._pick_csv
        self.list = CandidateList()
        self.list.setAccessibleName(_("Address book contacts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        # Two rows of buttons: one row is too wide for a small screen in large text.
        buttons = QHBoxLayout()
        self.add_button = self._button(_("Add contact"), self.add_contact, buttons)
        self.edit_button = self._button(_("Edit"), self.edit_selected, buttons)
        self.delete_button = self._button(_("Delete"), self.delete_selected, buttons)
        self.delete_button.setObjectName("danger")
        buttons.addStretch(1)
        layout.addLayout(buttons)
        more = QHBoxLayout()
        self.import_button = self._button(_("Import CSV\u2026"), self.import_csv, more)
        more.addStretch(1)
        layout.addLayout(more)

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def reload(self, checked: Iterable[str]) -> None:
        try:
            contacts = self.directory.book_list()
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        self.list.show_recipients(contacts, checked)
        empty = not contacts
        self.edit_button.setEnabled(not empty)
        self.delete_button.setEnabled(not empty)

    def add_contact(self) -> None:
        entry = self.edit_contact(None)
        if entry is None:
            return
        self._apply(
            lambda: _("Added {name}.").format(name=self.directory.book_add(entry).full_name)
        )

    def edit_selected(self) -> None:
        recipient_id = self.list.selected_id()
        if recipient_id is None:
            self.message.emit(_("Click a contact first, then Edit."), True)
            return
        try:
            entry = self.edit_contact(self.directory.book_entry(recipient_id))
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        if entry is not None:
            self._apply(
                lambda: _("Saved {name}.").format(
                    name=self.directory.book_edit(recipient_id, entry).full_name
                )
            )

    def delete_selected(self) -> None:
        recipient_id = self.list.selected_id()
        if recipient_id is None:
            self.message.emit(_("Click a contact first, then Delete."), True)
            return
        try:
            name = self.directory.get(recipient_id).full_name
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        if not self.confirm(_("Delete {name} from the address book?").format(name=name)):
            return

        def delete() -> str:
            self.directory.book_delete(recipient_id)
            return _("Deleted {name}.").format(name=name)

        self._apply(delete)

    def import_csv(self) -> None:
        path = self.choose_csv()
        if path is None:
            return
        self._apply(
            lambda: _("Added {count} contacts from {file}.").format(
                count=len(self.directory.book_import_csv(path)), file=path.name
            )
        )

    def _apply(self, action: Callable[[], str]) -> None:
        """Run a change; report its message, or the error, in the picker's message line."""
        try:
            done = action()
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        self.message.emit(done, False)
        self.changed.emit()

    def _run_dialog(self, entry: BookEntry | None) -> BookEntry | None:
        dialog = ContactDialog(entry, self)
        return dialog.entry() if dialog.exec() else None

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Delete contact"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _pick_csv(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import contacts"), "", _("CSV files (*.csv);;All files (*)")
        )
        return Path(name) if name else None
