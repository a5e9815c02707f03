"""The "Edit wording" dialog: a center's own text for one language's card, kept until restored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from toolkit.cards import content
from toolkit.errors import UserError
from toolkit.gui.common.message import ERROR, InlineMessage
from toolkit.i18n import _


class WordingDialog(QDialog):
    def __init__(self, code: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.data_dir = data_dir
        self.card = content.load_card(code, data_dir)
        self.setWindowTitle(_("Card wording: {language}").format(language=self.card.label))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Change the words on the front of this card. Your wording is kept on this "
                "computer and used for every sheet until you restore the original."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        direction = (
            Qt.LayoutDirection.RightToLeft
            if self.card.direction == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        self.title = self._edit(self.card.title, content.MAX_TITLE, direction)
        form.addRow(_("Title"), self.title)
        self.points = []
        for number, point in enumerate(self.card.points, start=1):
            edit = self._edit(point, content.MAX_POINT, direction)
            self.points.append(edit)
            form.addRow(_("Point {number}").format(number=number), edit)
        self.label = self._edit(self.card.hotline_label, content.MAX_LABEL, direction)
        form.addRow(_("Word for \u201chotline\u201d"), self.label)
        layout.addLayout(form)
        # Right above the buttons, where the eye is when Save is pressed.
        self.message = InlineMessage()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("Save my wording"))
        self.save_button.setObjectName("primary")
        self.restore_button = QPushButton(_("Restore original"))
        self.restore_button.setEnabled(self.card.custom)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)
        # Kept as attributes so tests can answer the questions without a modal box.
        self.confirm_restore: Callable[[], bool] = self.ask_restore
        self.confirm_discard: Callable[[], bool] = self.ask_discard

    def _edit(self, text: str, limit: int, direction: Qt.LayoutDirection) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMaxLength(limit)
        edit.setLayoutDirection(direction)
        edit.setMinimumWidth(440)
        return edit

    def edited_card(self) -> content.CardText:
        return replace(
            self.card,
            title=self.title.text().strip(),
            points=[edit.text().strip() for edit in self.points],
            hotline_label=self.label.text().strip(),
        )

    def save(self) -> None:
        try:
            content.save_custom(self.edited_card(), self.data_dir)
        except UserError as exc:
            self.message.show_message(str(exc), ERROR, self.save_button)
            return
        self.accept()

    def unsaved_work(self) -> bool:
        edited = self.edited_card()
        return (edited.title, edited.points, edited.hotline_label) != (
            self.card.title.strip(),
            [point.strip() for point in self.card.points],
            self.card.hotline_label.strip(),
        )

    def reject(self) -> None:  # Cancel, Escape and the window's close button
        if self.unsaved_work() and not self.confirm_discard():
            return
        super().reject()

    def ask_discard(self) -> bool:
        buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            _("Close without saving your changes to this card?"),
            buttons,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def ask_restore(self) -> bool:
        answer = QMessageBox.question(
            self,
            _("Restore original"),
            _("Throw away your wording for this card and use the original text?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> None:
        if self.confirm_restore():
            content.restore_original(self.code, self.data_dir)
            self.accept()
