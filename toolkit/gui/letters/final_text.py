"""The last step: the whole letter as editable text, with Print and Copy text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.i18n import _


class FinalTextStep(QWidget):
    text_edited = Signal(str)
    reset_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "This is exactly what will be printed. You can change any word. Leave a blank "
                "line between paragraphs."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Letter to:")))
        self.which = QComboBox()
        self.which.setAccessibleName(_("Which letter to edit"))
        row.addWidget(self.which, 1)
        layout.addLayout(row)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("The letter's text"))
        self.editor.textChanged.connect(self._edited)
        layout.addWidget(self.editor, 1)
        self.reset_button = QPushButton(_("Undo my changes to the text"))
        self.reset_button.clicked.connect(self.reset_requested.emit)
        layout.addWidget(self.reset_button)
        buttons = QHBoxLayout()
        # The main action, Save PDF, is the big button at the bottom of the page (the page's Next).
        self.print_button = QPushButton(_("Print…"))
        self.copy_button = QPushButton(_("Copy text"))
        self.copy_button.setToolTip(_("For a web contact form or an email"))
        for button in (self.print_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._loading = False

    def show_text(self, text: str) -> None:
        if text == self.editor.toPlainText():
            return
        self._loading = True
        self.editor.setPlainText(text)
        self._loading = False

    def set_targets(self, labels: list[str]) -> None:
        current = self.which.currentIndex()
        if labels == [self.which.itemText(i) for i in range(self.which.count())]:
            return
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItems(labels)
        self.which.setCurrentIndex(min(max(current, 0), len(labels) - 1))
        self.which.blockSignals(False)

    def _edited(self) -> None:
        if not self._loading:
            self.text_edited.emit(self.editor.toPlainText())
