"""Mark a translation reviewed, or propose a correction: stored in the data folder only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.translations import reviews


class ReviewDialog(QDialog):
    """``action`` is "reviewed" or "correction"; accepted only once the record is saved."""

    def __init__(
        self, kind: str, language: str, item: str, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind, self.language, self.item, self.action = kind, language, item, action
        correction = action == "correction"
        self.setWindowTitle(_("Suggest a correction") if correction else _("Mark as reviewed"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Your correction is saved on this computer and sent to the project with "
                "“Export reviews”. The text in the app does not change."
            )
            if correction
            else _(
                "Only a native speaker who has read the whole translation should mark it "
                "reviewed. It is saved on this computer, not in the app's files."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        form.addRow(_("Your name"), self.name)
        self.date = QLineEdit(dt.date.today().isoformat())
        form.addRow(_("Date (YYYY-MM-DD)"), self.date)
        self.where = QLineEdit()
        self.text = QPlainTextEdit()
        if correction:
            form.addRow(_("Which part"), self.where)
            form.addRow(_("Corrected wording"), self.text)
        else:
            form.addRow(_("Comment (optional)"), self.text)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        record = reviews.Record(
            kind=self.kind,
            language=self.language,
            item=self.item,
            action=self.action,
            name=self.name.text().strip(),
            date=self.date.text().strip(),
            text=self.text.toPlainText().strip(),
            where=self.where.text().strip(),
        )
        try:
            reviews.add_record(record)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
