"""The incident form: one tab per section, big fields, every field of the record."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from toolkit.gui.common.section_button import SectionButton
from toolkit.gui.incidents.flow_layout import FlowLayout
from toolkit.gui.incidents.rows_editor import RowsEditor
from toolkit.i18n import _
from toolkit.incidents.labels import COLUMN_LABELS, LABELS, SECTIONS
from toolkit.incidents.record import AGENCIES, PAPERS, ROW_TYPES, TOLD, Incident, upgrade

BIG_TEXT = {
    "place_description",
    "what_happened",
    "what_was_said",
    "force_injuries",
    "property_taken",
    "uniforms",
    "papers_name_address",
    "told_notes",
    "follow_up",
}
CHECK_LISTS = {"agencies": AGENCIES, "told": TOLD}
PLACEHOLDERS = {
    "attested_date": "YYYY-MM-DD",
    "start_date": "YYYY-MM-DD",
    "end_date": "YYYY-MM-DD",
    "start_time": "HH:MM",
    "end_time": "HH:MM",
}
# The form's least height, in lines of text, however little room the window leaves.
MIN_LINES = 7


class RecordForm(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.widgets: dict[str, QWidget] = {}
        self.record_id = ""
        self.created = ""
        self.created_stated = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Seven section names do not fit on one tab bar on a small screen (a scrolling tab bar
        # hides the last ones), so the sections are buttons that wrap onto a second row.
        sections = QWidget()
        self.section_buttons = FlowLayout(sections, spacing=6)
        self.section_group = QButtonGroup(self)
        self.section_group.setExclusive(True)
        layout.addWidget(sections)
        self.tabs = QTabWidget()
        self.tabs.tabBar().hide()
        self.tabs.currentChanged.connect(self._show_section)
        self.section_group.idClicked.connect(self.tabs.setCurrentIndex)
        for index, (title, names) in enumerate(SECTIONS):
            page = QWidget()
            form = QFormLayout(page)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for name in names:
                widget = self._make(name)
                if isinstance(widget, RowsEditor):
                    # The row's label names the editor; a screen reader lands on its table.
                    widget.table.setAccessibleName(_(LABELS[name]))
                self.widgets[name] = widget
                form.addRow(_(LABELS[name]), widget)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, _(title))
            button = SectionButton(_(title))
            button.setChecked(index == 0)
            self.section_group.addButton(button, index)
            self.section_buttons.addWidget(button)
        # The page fits the window and the form takes the room left; this much of it always
        # shows (a smaller window scrolls the page instead of squeezing the fields away).
        self.tabs.setMinimumHeight(MIN_LINES * self.fontMetrics().height())
        layout.addWidget(self.tabs, 1)

    def _show_section(self, index: int) -> None:
        button = self.section_group.button(index)
        if button is not None:
            button.setChecked(True)

    def _make(self, name: str) -> QWidget:
        widget: QWidget
        if name == "papers":
            combo = QComboBox()
            # Sized to its longest choice it would be wider than the form on a small screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            for value, label in PAPERS.items():
                combo.addItem(_(label), value)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            widget = combo
        elif name == "officer_count":
            spin = QSpinBox()
            spin.setRange(-1, 10_000)
            spin.setSpecialValueText(_("Not filled in"))
            spin.setValue(-1)
            spin.valueChanged.connect(lambda _v: self.changed.emit())
            widget = spin
        elif name in ROW_TYPES:
            columns = [(f.name, _(COLUMN_LABELS[f.name])) for f in dc_fields(ROW_TYPES[name])]
            editor = RowsEditor(columns)
            editor.changed.connect(self.changed.emit)
            widget = editor
        elif name in CHECK_LISTS:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            # Several agencies often act together, so each one is a check box of its own.
            for key, label in CHECK_LISTS[name].items():
                check = QCheckBox(_(label))
                check.setObjectName(f"{name}_{key}")
                check.toggled.connect(lambda _c: self.changed.emit())
                column.addWidget(check)
            widget = box
        elif name == "reporter_anonymous":
            check = QCheckBox(_("Yes, do not keep the reporter's name"))
            check.toggled.connect(lambda _c: self.changed.emit())
            widget = check
        elif name in BIG_TEXT:
            text = QPlainTextEdit()
            text.setMinimumHeight(160 if name == "what_happened" else 90)
            text.textChanged.connect(self.changed.emit)
            widget = text
        else:
            line = QLineEdit()
            line.setPlaceholderText(PLACEHOLDERS.get(name, ""))
            line.textChanged.connect(lambda _t: self.changed.emit())
            widget = line
        widget.setAccessibleName(_(LABELS[name]))
        return widget

    def check_boxes(self, name: str) -> dict[str, QCheckBox]:
        """The check boxes of a list field ("agencies" or "told"), by value."""
        box = self.widgets[name]
        found = {key: box.findChild(QCheckBox, f"{name}_{key}") for key in CHECK_LISTS[name]}
        return {key: check for key, check in found.items() if check is not None}

    def data(self) -> dict[str, Any]:
        """The form's content as record data (keys are field names)."""
        out: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                out[name] = str(widget.currentData())
            elif isinstance(widget, QSpinBox):
                out[name] = None if widget.value() < 0 else widget.value()
            elif isinstance(widget, RowsEditor):
                out[name] = widget.rows()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
        for name in CHECK_LISTS:
            boxes = self.check_boxes(name).items()
            out[name] = [key for key, check in boxes if check.isChecked()]
        if self.record_id:
            out["id"] = self.record_id
        if self.created:
            out["created"] = self.created
        if self.created_stated:
            out["created_stated"] = self.created_stated
        return out

    def set_data(self, data: dict[str, Any]) -> None:
        data = upgrade(data)  # a draft saved before agencies were a list
        self.blockSignals(True)
        try:
            record = Incident()
            self.record_id = str(data.get("id") or record.id)
            self.created = str(data.get("created") or record.created)
            self.created_stated = str(data.get("created_stated") or "")
            for name, widget in self.widgets.items():
                value = data.get(name, getattr(record, name))
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value or "")))
                elif isinstance(widget, QSpinBox):
                    widget.setValue(-1 if value in (None, "") else int(value))
                elif isinstance(widget, RowsEditor):
                    widget.set_rows([r if isinstance(r, dict) else r.__dict__ for r in value])
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(str(value or ""))
                elif isinstance(widget, QLineEdit):
                    widget.setText(str(value or ""))
            for name in CHECK_LISTS:
                chosen = data.get(name) or []
                for key, check in self.check_boxes(name).items():
                    check.setChecked(key in chosen)
        finally:
            self.blockSignals(False)

    def set_record(self, record: Incident) -> None:
        self.set_data(record.to_dict())

    def clear(self) -> None:
        """Empty every field (used when locking, so no decrypted text stays in a widget)."""
        self.set_data({"id": "", "created": ""})
        self.record_id = ""
        self.created = ""
        self.created_stated = ""
        self.tabs.setCurrentIndex(0)

    def is_empty(self) -> bool:
        empty = {"id", "created", "told"}
        return not any(
            v for k, v in self.data().items() if k not in empty and v not in ("", None, [], False)
        )
