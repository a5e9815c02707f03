"""The resident's details and the template's fields, with help text and inline checks.

A field shows its problem only once the person has left it (or pressed Next or Save): a form
full of red before anyone typed a word scares people away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from toolkit.letters.fields import FieldInfo, field_problem, normalize

INVALID_STYLE = "border: 2px solid #a4262c; border-radius: 4px;"


class FieldsForm(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout(self)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.infos: dict[str, FieldInfo] = {}
        self.visited: set[str] = set()

    def set_fields(self, infos: list[FieldInfo]) -> None:
        """Rebuild for a template's fields, keeping what was typed in fields of the same name."""
        kept = self.values()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.errors.clear()
        self.infos = {info.name: info for info in infos}
        self.visited &= set(self.infos)
        for info in infos:
            self.form.addRow(self._label(info), self._editor(info, kept.get(info.name, "")))
        for name in self.visited:
            self._check(name)

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
        editor.installEventFilter(self)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.FocusOut:
            name = watched.objectName().removeprefix("field_")
            if name in self.editors and self.editors[name] is watched:
                self.visited.add(name)
                self._check(name)
        return super().eventFilter(watched, event)

    def _edited(self, name: str) -> None:
        # Once shown, a problem follows the typing, so it disappears as soon as it is fixed.
        if name in self.visited:
            self._check(name)
        self.changed.emit()

    def problem_of(self, name: str) -> str:
        info = self.infos[name]
        return field_problem(info, normalize(self.text_of(name), info.multiline), with_name=False)

    def _check(self, name: str) -> str:
        problem = self.problem_of(name)
        self.errors[name].setText(problem)
        self.errors[name].setVisible(bool(problem))
        self.editors[name].setStyleSheet(INVALID_STYLE if problem else "")
        return problem

    def problems(self) -> dict[str, str]:
        """Every field's problem in plain words, without showing anything."""
        found = {name: self.problem_of(name) for name in self.editors}
        return {name: problem for name, problem in found.items() if problem}

    def check_all(self) -> dict[str, str]:
        """Show every field's problem (Next or Save was pressed) and return them."""
        self.visited |= set(self.editors)
        problems = {name: self._check(name) for name in self.editors}
        return {name: problem for name, problem in problems.items() if problem}

    def focus_first(self, names: list[str] | dict[str, str]) -> None:
        for name in self.editors:
            if name in names:
                self.editors[name].setFocus()
                return

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
