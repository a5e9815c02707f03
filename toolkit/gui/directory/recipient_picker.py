"""RecipientPicker: a reusable widget to choose whom a letter goes to.

API (for the Letters page and anyone else embedding it)::

    from toolkit.directory.directory import Directory
    from toolkit.gui.directory.recipient_picker import RecipientPicker

    picker = RecipientPicker(Directory(context.data_dir))
    picker.recipients_chosen.connect(on_chosen)   # list[str] of recipient ids, in ticking order
    picker.chosen()        -> list[Recipient]     # the ticked recipients (toolkit.directory.model)
    picker.chosen_ids()    -> list[str]
    picker.set_zip("60601")                       # fill the ZIP field and search (sender's ZIP)
    picker.set_chosen(["C000127", "book-2"])      # restore ticks; unknown ids are skipped
    picker.clear_choices()
    picker.refresh()                              # reload "data as of" and the address book
    picker.data_imported                          # Signal(): fired after "Import data…" worked
    picker.set_level("city")                      # the template's level: city and county letters
                                                  # show the address book first, and say why

Tabs: "By ZIP code" (every candidate for a ZIP that spans districts or states), "By state and
district" (Congress or state legislators), "Address book" (add, edit, delete, import and export
CSV or vCard; each contact shows its source and "verified on" date). For a city or county letter
the address book comes first: local officials are in no public dataset.
Choices persist across tabs and searches. ``Recipient.offices[0]`` is the address to print
(a district office when the data has one). Errors show in the widget's message line, never as
a traceback. Dialogs are attributes (``choose_files``, ``choose_folder``, and the address-book
tab's ``edit_contact``, ``confirm``, ``choose_import``, ``choose_export``) so tests can answer
them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from toolkit.directory import display
from toolkit.directory.directory import FEDERAL, STATE, Directory
from toolkit.directory.model import Recipient
from toolkit.directory.states import STATE_NAMES
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.common.step_row import StepRow
from toolkit.gui.directory.address_book_tab import AddressBookTab
from toolkit.gui.directory.candidate_list import CandidateList
from toolkit.i18n import _

# Template levels whose officials only the address book holds, and what the picker says then.
LOCAL_NOTES: dict[str, Callable[[], str]] = {
    "city": lambda: _(
        "A city letter: your address book comes first, since city officials are in no public "
        "data. Add them with where the address comes from and the day you checked it. The "
        "directory tabs are still there."
    ),
    "county": lambda: _(
        "A county letter: your address book comes first, since county officials are in no "
        "public data. Add them with where the address comes from and the day you checked it. "
        "The directory tabs are still there."
    ),
}
LOCAL_LEVELS = tuple(LOCAL_NOTES)


class RecipientPicker(QWidget):
    recipients_chosen = Signal(list)
    data_imported = Signal()

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self._chosen: dict[str, Recipient] = {}
        self.choose_files: Callable[[], list[Path]] = self._pick_files
        self.choose_folder: Callable[[], Path | None] = self._pick_folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._data_row())
        self.expired_label = self._banner("warning")
        layout.addWidget(self.expired_label)
        self.tabs = QTabWidget()
        self.zip_list = CandidateList()
        self.zip_list.setAccessibleName(_("Representatives for this ZIP code"))
        self.state_list = CandidateList()
        self.state_list.setAccessibleName(_("Representatives for this state and district"))
        self.book_tab = AddressBookTab(directory)
        self.zip_tab = self._zip_tab()
        self.state_tab = self._state_tab()
        self.tabs.addTab(self.zip_tab, _("By ZIP code"))
        self.tabs.addTab(self.state_tab, _("By state and district"))
        self.tabs.addTab(self.book_tab, _("Address book"))
        self.level = ""
        self.local_label = self._banner("notice")
        layout.addWidget(self.local_label)
        # The three ways to find someone as buttons that wrap (a tab bar is cut off in a
        # longer language on a small screen).
        self.tab_row = StepRow(self.tabs)
        layout.addWidget(self.tab_row)
        layout.addWidget(self.tabs, 1)
        self.message_label = self._banner("notice")
        layout.addWidget(self.message_label)
        self.chosen_label = QLabel("")
        self.chosen_label.setWordWrap(True)
        layout.addWidget(self.chosen_label)
        for candidates in self._lists():
            candidates.toggled.connect(self._on_toggled)
        self.book_tab.message.connect(self.show_message)
        self.book_tab.changed.connect(self._on_book_changed)
        self.refresh()

    # Building

    def _banner(self, name: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(name)
        label.setWordWrap(True)
        label.hide()
        return label

    def _data_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.as_of_label = QLabel("")
        self.as_of_label.setWordWrap(True)
        row.addWidget(self.as_of_label, 1)
        self.import_button = QPushButton(_("Import data\u2026"))
        self.import_button.setToolTip(
            _(
                "Import files you downloaded: legislators-current.csv or .json, "
                "legislators-district-offices.json, zccd.csv, Open States .yml files."
            )
        )
        self.import_button.clicked.connect(self.import_files)
        row.addWidget(self.import_button)
        self.import_folder_button = QPushButton(_("Import a folder\u2026"))
        self.import_folder_button.clicked.connect(self.import_folder)
        row.addWidget(self.import_folder_button)
        return row

    def _zip_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("ZIP code")))
        self.zip_edit = QLineEdit()
        self.zip_edit.setMaxLength(10)
        self.zip_edit.setPlaceholderText("60601")
        self.zip_edit.setAccessibleName(_("ZIP code"))
        self.zip_edit.returnPressed.connect(self.find_zip)
        row.addWidget(self.zip_edit)
        self.find_zip_button = QPushButton(_("Find"))
        self.find_zip_button.setObjectName("primary")
        self.find_zip_button.clicked.connect(self.find_zip)
        row.addWidget(self.find_zip_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.zip_hint = QLabel("")
        self.zip_hint.setWordWrap(True)
        layout.addWidget(self.zip_hint)
        layout.addWidget(self.zip_list, 1)
        return tab

    def _state_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.state_combo = QComboBox()
        for code, name in sorted(STATE_NAMES.items(), key=lambda pair: pair[1]):
            self.state_combo.addItem(f"{name} ({code})", code)
        self.state_combo.setAccessibleName(_("State"))
        row.addWidget(self.state_combo)
        self.level_combo = QComboBox()
        self.level_combo.addItem(_("Congress"), FEDERAL)
        self.level_combo.addItem(_("State legislature"), STATE)
        row.addWidget(self.level_combo)
        row.addStretch(1)
        layout.addLayout(row)
        # The district and Find on a second row: one row is too wide for a small screen.
        row = QHBoxLayout()
        row.addWidget(QLabel(_("District")))
        self.district_edit = QLineEdit()
        self.district_edit.setMaxLength(40)
        self.district_edit.setPlaceholderText(_("all"))
        self.district_edit.setAccessibleName(_("District"))
        self.district_edit.returnPressed.connect(self.find_state)
        row.addWidget(self.district_edit)
        self.find_state_button = QPushButton(_("Find"))
        self.find_state_button.setObjectName("primary")
        self.find_state_button.clicked.connect(self.find_state)
        row.addWidget(self.find_state_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.state_list, 1)
        return tab

    def _lists(self) -> tuple[CandidateList, ...]:
        return (self.zip_list, self.state_list, self.book_tab.list)

    # Public API

    def chosen(self) -> list[Recipient]:
        return list(self._chosen.values())

    def chosen_ids(self) -> list[str]:
        return list(self._chosen)

    def set_zip(self, zip_code: str, search: bool = True) -> None:
        self.zip_edit.setText(zip_code.strip())
        # For a city letter the address book stays in front; the ZIP search waits behind it.
        self.tabs.setCurrentWidget(self.book_tab if self.is_local() else self.zip_tab)
        if search and zip_code.strip():
            self.find_zip()

    def is_local(self) -> bool:
        return self.level in LOCAL_LEVELS

    def set_level(self, level: str) -> None:
        """Put the address book first for a city or county letter, the directory first otherwise."""
        self.level = level
        order = [self.zip_tab, self.state_tab, self.book_tab]
        if self.is_local():
            order = [self.book_tab, self.zip_tab, self.state_tab]
        bar = self.tabs.tabBar()
        for position, widget in enumerate(order):
            bar.moveTab(self.tabs.indexOf(widget), position)
        self.tabs.setCurrentWidget(order[0])
        self.local_label.setText(LOCAL_NOTES[level]() if self.is_local() else "")
        self.local_label.setVisible(self.is_local())

    def set_chosen(self, recipient_ids: list[str]) -> None:
        self._chosen = {}
        for recipient_id in recipient_ids:
            try:
                self._chosen[recipient_id] = self.directory.get(recipient_id)
            except UserError:
                continue
        self._sync_checks()
        self._emit()

    def clear_choices(self) -> None:
        self.set_chosen([])

    def refresh(self) -> None:
        try:
            infos = self.directory.data_as_of()
            ended = self.directory.expired_terms()
        except UserError as exc:
            self.show_message(str(exc), True)
            return
        self.as_of_label.setText(display.compact_as_of(infos))
        self.as_of_label.setToolTip("\n".join(map(display.as_of_line, infos)))
        self.expired_label.setText(
            _(
                "{count} people in the directory have a term that has ended: import newer data "
                "before writing to them."
            ).format(count=len(ended))
        )
        self.expired_label.setVisible(bool(ended))
        self.book_tab.reload(self._chosen)
        self._update_chosen_label()

    # Actions

    def find_zip(self) -> None:
        self.zip_hint.setText("")
        try:
            found = self.directory.find_by_zip(self.zip_edit.text())
            places = self.directory.districts_for_zip(self.zip_edit.text())
        except UserError as exc:
            self.zip_list.show_recipients([], [])
            self.show_message(str(exc), True)
            return
        self._show(self.zip_list, found)
        if len(places) > 1:
            names = ", ".join(f"{state}-{district}" for state, district in places)
            self.zip_hint.setText(
                _(
                    "This ZIP code is in {count} districts ({names}). Tick the representative "
                    "for the street address, or look them up by district."
                ).format(count=len(places), names=names)
            )
        self.show_message(
            _("{count} found for ZIP {zip}.").format(
                count=len(found), zip=self.zip_edit.text().strip()
            ),
            False,
        )

    def find_state(self) -> None:
        state = str(self.state_combo.currentData())
        try:
            found = self.directory.find_by_state(
                state,
                self.district_edit.text().strip() or None,
                str(self.level_combo.currentData()),
            )
        except UserError as exc:
            self.state_list.show_recipients([], [])
            self.show_message(str(exc), True)
            return
        self._show(self.state_list, found)
        if found:
            self.show_message(_("{count} found.").format(count=len(found)), False)
        else:
            self.show_message(_("No one found: check the district number."), True)

    def import_files(self) -> None:
        paths = self.choose_files()
        if paths:
            self._import(paths)

    def import_folder(self) -> None:
        folder = self.choose_folder()
        if folder is not None:
            self._import([folder])

    def show_message(self, text: str, is_error: bool) -> None:
        self.message_label.setObjectName("warning" if is_error else "notice")
        # The style sheet picks colours by object name: re-polish after changing it.
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # Internals

    def _import(self, paths: list[Path]) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            results = self.directory.import_paths(paths)
        except UserError as exc:
            self.show_message(str(exc), True)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        summary = ", ".join(f"{r.file} ({r.count})" for r in results)
        self.show_message(_("Imported: {summary}").format(summary=summary), False)
        self.refresh()
        self.data_imported.emit()

    def _show(self, candidates: CandidateList, found: list[Recipient]) -> None:
        ended = [r.id for r in found if self.directory.term_ended(r)]
        candidates.show_recipients(found, self._chosen, ended)

    def _on_toggled(self, recipient: Recipient, checked: bool) -> None:
        if checked:
            self._chosen[recipient.id] = recipient
        else:
            self._chosen.pop(recipient.id, None)
        self._sync_checks()
        self._emit()

    def _on_book_changed(self) -> None:
        # An edited contact must reach the letter with its new address; a deleted one not at all.
        for recipient_id in [i for i in self._chosen if i.startswith("book-")]:
            try:
                self._chosen[recipient_id] = self.directory.get(recipient_id)
            except UserError:
                del self._chosen[recipient_id]
        self.book_tab.reload(self._chosen)
        self._emit()

    def _sync_checks(self) -> None:
        for candidates in self._lists():
            candidates.sync_checks(self._chosen)

    def _emit(self) -> None:
        self._update_chosen_label()
        self.recipients_chosen.emit(self.chosen_ids())

    def _update_chosen_label(self) -> None:
        names = ", ".join(r.full_name for r in self._chosen.values())
        self.chosen_label.setText(
            _("Chosen: {names}").format(names=names) if names else _("No one chosen yet.")
        )

    def _pick_files(self) -> list[Path]:
        names, _filter = private_file_dialog.get_open_file_names(
            self,
            _("Import directory data"),
            "",
            _("Directory data (*.csv *.json *.yml *.yaml);;All files (*)"),
        )
        return [Path(name) for name in names]

    def _pick_folder(self) -> Path | None:
        name = private_file_dialog.get_existing_directory(
            self, _("Import a folder of directory data")
        )
        return Path(name) if name else None
