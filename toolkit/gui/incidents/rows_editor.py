"""A small table for repeated entries (officers, vehicles, people detained, witnesses)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from toolkit.gui.incidents.flow_layout import FlowLayout
from toolkit.i18n import _


class RowsEditor(QWidget):
    changed = Signal()

    def __init__(self, columns: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = [key for key, _label in columns]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([label for _key, label in columns])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.table)
        buttons = FlowLayout()
        add = QPushButton(_("Add a row"))
        add.clicked.connect(lambda: self.add_row({}))
        remove = QPushButton(_("Remove the selected row"))
        remove.clicked.connect(self.remove_selected)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout.addLayout(buttons)

    def add_row(self, values: dict[str, str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(self.keys):
            self.table.setItem(row, column, QTableWidgetItem(values.get(key, "")))
        self.changed.emit()

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            self.add_row(values)
        self.table.blockSignals(False)

    def rows(self) -> list[dict[str, str]]:
        found = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, key in enumerate(self.keys):
                item = self.table.item(row, column)
                values[key] = item.text() if item else ""
            if any(v.strip() for v in values.values()):
                found.append(values)
        return found
