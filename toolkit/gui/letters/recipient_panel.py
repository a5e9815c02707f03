"""Who the letter goes to: people found in the directory, or a name and address typed by hand."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from toolkit.directory.model import Recipient
from toolkit.gui.wrap_check import WrapCheck
from toolkit.i18n import _
from toolkit.letters.addressing import manual_recipient

PICKER_MODULE = "toolkit.gui.directory.recipient_picker"


def make_picker(data_dir: Path) -> Any | None:
    """The directory's recipient picker, when that part of the app is present."""
    try:
        picker_class = import_module(PICKER_MODULE).RecipientPicker
        directory_class = import_module("toolkit.directory.directory").Directory
    except (ImportError, AttributeError):
        return None
    return picker_class(directory_class(data_dir))


def office_index(recipient: Recipient, to_capitol: bool) -> int | None:
    """The Washington or capitol office when asked; otherwise None, letting the letter pick the
    district office nearest the sender (mail to Washington is delayed for weeks)."""
    if to_capitol:
        for index, office in enumerate(recipient.offices):
            if office.label.lower().startswith(("washington", "capitol")):
                return index
    return None


class RecipientPanel(QWidget):
    changed = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.picker = make_picker(data_dir)
        if self.picker is not None:
            intro = QLabel(
                _("Type your ZIP code and press Find, then tick the people you want to write to.")
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
            layout.addWidget(self.picker, 1)
            self.picker.recipients_chosen.connect(lambda *args: self.changed.emit())
        capitol_row = WrapCheck(
            _("Address the Washington or capitol office instead of the district office")
        )
        self.to_capitol = capitol_row.box
        capitol_row.setToolTip(_("Mail to Washington is screened and delayed by weeks."))
        self.to_capitol.toggled.connect(lambda _on: self.changed.emit())
        layout.addWidget(capitol_row)
        layout.addWidget(self._manual_box())

    def _manual_box(self) -> QGroupBox:
        box = QGroupBox(_("Someone not in the directory"))
        form = QFormLayout(box)
        note = QLabel(
            _(
                "Type the name, title and mailing address. To write to a whole city council, "
                "leave the name empty and give the City Clerk's address."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Recipient's name"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("For example: Senator, Councilmember"))
        self.title.setAccessibleName(_("Recipient's title"))
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(90)
        self.address.setAccessibleName(_("Recipient's mailing address"))
        form.addRow(_("Name"), self.name)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Mailing address"), self.address)
        for editor in (self.name, self.title):
            editor.textChanged.connect(lambda _text: self.changed.emit())
        self.address.textChanged.connect(self.changed.emit)
        return box

    def set_manual(self, name: str, title: str, address: str) -> None:
        self.name.setText(name)
        self.title.setText(title)
        self.address.setPlainText(address)

    def zip_code(self) -> str:
        """The ZIP code typed in the directory search ("" without the directory)."""
        return str(self.picker.zip_edit.text()).strip() if self.picker is not None else ""

    def prefill_zip(self, zip_code: str) -> None:
        """Search the sender's ZIP code, unless the person already typed one here."""
        if self.picker is not None and zip_code and not self.zip_code():
            self.picker.set_zip(zip_code)

    def recipients(self, template_kind: str) -> list[tuple[Recipient, int | None]]:
        """Each chosen recipient with the office to address."""
        chosen: list[Recipient] = list(self.picker.chosen()) if self.picker is not None else []
        address = self.address.toPlainText().strip()
        if address:
            chosen.append(
                manual_recipient(self.name.text(), self.title.text(), address, template_kind)
            )
        capitol = self.to_capitol.isChecked()
        return [(recipient, office_index(recipient, capitol)) for recipient in chosen]
