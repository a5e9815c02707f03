"""The row under the steps: a large Back, a line saying what is missing, a large Next or Save."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from toolkit.i18n import _

BUTTON_HEIGHT = 48


class StepButtons(QWidget):
    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        self.back_button = QPushButton(_("‹ Back"))
        self.next_button = QPushButton(_("Next ›"))
        self.next_button.setObjectName("primary")
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setMinimumWidth(120)
        self.message = QLabel("")
        self.message.setObjectName("warning")
        self.message.setWordWrap(True)
        self.message.hide()
        row.addWidget(self.back_button)
        row.addWidget(self.message, 1)
        row.addStretch(0)
        row.addWidget(self.next_button)

    def show_step(self, index: int, last: int) -> None:
        """Back from step 2 on, Next until the last step, Save PDF on it; none past it."""
        self.back_button.setVisible(0 < index <= last)
        self.next_button.setVisible(index <= last)
        self.next_button.setText(_("Save PDF…") if index == last else _("Next ›"))
        self.say("")

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
