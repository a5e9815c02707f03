"""The resident's details and the template's fields, with help text and inline checks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from toolkit.letters.fields import FieldInfo, field_problem, normalize


class FieldsForm(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout(self)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.infos: dict[str, FieldInfo] = {}

    def set_fields(self, infos: list[FieldInfo]) -> None:
        """Rebuild for a template's fields, keeping what was typed in fields of the same name."""
        kept = self.values()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self.infos = {info.name: info for info in infos}
        for info in infos:
            self.form.addRow(self._label(info), self._editor(info, kept.get(info.name, "")))

    def _label(self, info: FieldInfo) -> QLabel:
        label = QLabel(info.label + (" *" if info.required else ""))
        label.setWordWrap(True)
        return label

    def _editor(self, info: FieldInfo, text: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        editor: QLineEdit | QPlainTextEdit
        if info.multiline:
            editor = QPlainTextEdit(text)
            editor.setMinimumHeight(110)
            editor.textChanged.connect(lambda name=info.name: self._edited(name))
        else:
            editor = QLineEdit(text)
            editor.textChanged.connect(lambda _text, name=info.name: self._edited(name))
        editor.setAccessibleName(info.label)
        editor.setObjectName(f"field_{info.name}")
        layout.addWidget(editor)
        if info.help:
            help_label = QLabel(info.help)
            help_label.setWordWrap(True)
            layout.addWidget(help_label)
        error = QLabel("")
        error.setObjectName("warning")
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self.editors[info.name] = editor
        self.errors[info.name] = error
        return box

    def _edited(self, name: str) -> None:
        self._check(name)
        self.changed.emit()

    def _check(self, name: str) -> str:
        info = self.infos[name]
        problem = field_problem(info, normalize(self.text_of(name), info.multiline))
        self.errors[name].setText(problem)
        self.errors[name].setVisible(bool(problem))
        return problem

    def check_all(self) -> dict[str, str]:
        problems = {name: self._check(name) for name in self.editors}
        return {name: problem for name, problem in problems.items() if problem}

    def text_of(self, name: str) -> str:
        editor = self.editors[name]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)

    def values(self) -> dict[str, str]:
        return {name: self.text_of(name) for name in self.editors}
