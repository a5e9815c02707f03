"""A list of recipients with a check box each, for a person to choose whom to write to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from toolkit.directory import display
from toolkit.directory.model import Recipient
from toolkit.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole


class CandidateList(QListWidget):
    """Shows recipients; ``toggled(recipient, checked)`` fires when the person ticks a box."""

    toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self._recipients: dict[str, Recipient] = {}
        self._notes: dict[str, Sequence[str]] = {}
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    def show_recipients(
        self,
        recipients: Iterable[Recipient],
        checked: Iterable[str],
        ended: Iterable[str] = (),
        notes: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Replace the list; ``checked`` ids start ticked, ``ended`` ids carry a warning,
        ``notes`` add lines under a recipient (an address-book contact's source and date)."""
        self._notes = dict(notes or {})
        checked_ids, ended_ids = set(checked), set(ended)
        self._filling = True
        try:
            self.clear()
            self._recipients = {}
            for recipient in recipients:
                self._recipients[recipient.id] = recipient
                self.addItem(
                    self._item(recipient, recipient.id in checked_ids, recipient.id in ended_ids)
                )
        finally:
            self._filling = False

    def sync_checks(self, checked: Iterable[str]) -> None:
        """Tick exactly ``checked`` without firing ``toggled`` (keeps every tab in step)."""
        wanted = set(checked)
        self._filling = True
        try:
            for row in range(self.count()):
                item = self.item(row)
                on = item.data(ID_ROLE) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._filling = False

    def recipients(self) -> list[Recipient]:
        return list(self._recipients.values())

    def selected_id(self) -> str | None:
        item = self.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def item_for(self, recipient_id: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == recipient_id:
                return self.item(row)
        return None

    def _item(self, recipient: Recipient, checked: bool, ended: bool) -> QListWidgetItem:
        lines = [display.one_line(recipient), display.first_address(recipient)]
        lines += self._notes.get(recipient.id, [])
        if ended:
            lines.append(
                "\u26a0 "
                + _("Term ended on {date}: check for newer data.").format(date=recipient.term_end)
            )
        item = QListWidgetItem("\n".join(lines))
        item.setData(ID_ROLE, recipient.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setToolTip("\n".join([*lines, recipient.organization]))
        return item

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        recipient = self._recipients.get(str(item.data(ID_ROLE)))
        if recipient is not None:
            self.toggled.emit(recipient, item.checkState() == Qt.CheckState.Checked)
