"""The address-book tab of the recipient picker: contacts to tick, and add, edit, delete, import
and export (CSV or vCard)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.directory.addressbook import BookEntry, provenance_lines
from toolkit.directory.book_files import CSV, VCARD
from toolkit.directory.directory import Directory
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
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
        self.choose_import: Callable[[], Path | None] = self._pick_import
        self.choose_export: Callable[[], tuple[Path, str] | None] = self._pick_export
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
        self.import_button = self._button(_("Import\u2026"), self.import_contacts, more)
        self.import_button.setToolTip(_("Add contacts from a CSV or vCard (.vcf) file"))
        self.export_button = self._button(_("Export\u2026"), self.export_contacts, more)
        self.export_button.setToolTip(_("Save every contact as a CSV or vCard (.vcf) file"))
        more.addStretch(1)
        layout.addLayout(more)

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def reload(self, checked: Iterable[str]) -> None:
        try:
            contacts = self.directory.book_contacts()
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        today = self.directory.today()
        notes = {recipient.id: provenance_lines(entry, today) for recipient, entry in contacts}
        self.list.show_recipients([recipient for recipient, _e in contacts], checked, (), notes)
        empty = not contacts
        self.edit_button.setEnabled(not empty)
        self.delete_button.setEnabled(not empty)
        self.export_button.setEnabled(not empty)

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

    def import_contacts(self) -> None:
        path = self.choose_import()
        if path is None:
            return

        def load() -> str:
            count = len(self.directory.book_import(path))
            done = _("Added {count} contacts from {file}.").format(count=count, file=path.name)
            return " ".join([done, *self.directory.warnings])

        self._apply(load)

    def export_contacts(self) -> None:
        choice = self.choose_export()
        if choice is None:
            return
        path, file_format = choice
        try:
            count = self.directory.book_export(path, file_format)
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        self.message.emit(
            _("Saved {count} contacts to {file}.").format(count=count, file=path.name), False
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
        dialog = ContactDialog(entry, self, self.directory.today)
        return dialog.entry() if dialog.exec() else None

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Delete contact"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _pick_import(self) -> Path | None:
        filters = (
            _("Contacts (*.csv *.vcf *.vcard)"),
            _("CSV files (*.csv)"),
            _("vCard files (*.vcf)"),
            _("All files (*)"),
        )
        name, _filter = private_file_dialog.get_open_file_name(
            self, _("Import contacts"), "", ";;".join(filters)
        )
        return Path(name) if name else None

    def _pick_export(self) -> tuple[Path, str] | None:
        csv_filter, vcard_filter = _("CSV files (*.csv)"), _("vCard files (*.vcf)")
        name, chosen = private_file_dialog.get_save_file_name(
            self, _("Export contacts"), "contacts.csv", f"{csv_filter};;{vcard_filter}"
        )
        if not name:
            return None
        path = Path(name)
        vcard = chosen == vcard_filter or path.suffix.lower() in (".vcf", ".vcard")
        return path, VCARD if vcard else CSV
