"""The attached files of a record: name, size and SHA-256 (never a preview or thumbnail)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from toolkit.i18n import _
from toolkit.incidents.attachments import AttachmentInfo
from toolkit.incidents.report_pdf import human_size


class AttachmentsPanel(QWidget):
    files_added = Signal(list)  # list[Path]
    pick_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.items: list[AttachmentInfo] = []
        # One row either way: a sentence and the button while there are no files, then the
        # table and the button; the height it saves goes to the form and keeps Save on screen.
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.empty_hint = QLabel(_("No files attached. Drag files here, or use Add files."))
        self.empty_hint.setWordWrap(True)
        row.addWidget(self.empty_hint, 1)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(_("Attached files"))
        self.table.setToolTip(_("Attached files (drag files here, or use Add files):"))
        self.table.setHorizontalHeaderLabels([_("File"), _("Size"), _("SHA-256")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Fixed: the vault's layout counts on the panel's minimum being the height it takes.
        self.table.setFixedHeight(110)
        self.table.hide()
        row.addWidget(self.table, 1)
        self.add_button = QPushButton(_("Add files…"))
        self.add_button.clicked.connect(self.pick_requested.emit)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_items(self, items: list[AttachmentInfo]) -> None:
        self.items = list(items)
        self.table.setRowCount(0)
        for info in items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(info.name))
            self.table.setItem(row, 1, QTableWidgetItem(human_size(info.size)))
            self.table.setItem(row, 2, QTableWidgetItem(info.sha256))
        self.table.setVisible(bool(items))
        self.empty_hint.setVisible(not items)

    def selected(self) -> AttachmentInfo | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if rows:
            return self.items[min(rows)]
        return self.items[0] if len(self.items) == 1 else None

    def clear(self) -> None:
        self.set_items([])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            self.files_added.emit(files)
            event.acceptProposedAction()
