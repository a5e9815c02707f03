"""Settings: the center's name, hotline, address and logo; language, paper, large text;
content updates from a signed pack."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from toolkit import settings as settings_mod
from toolkit.errors import UserError
from toolkit.gui import private_file_dialog
from toolkit.gui.content_pack.updates_box import ContentUpdatesBox
from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.i18n import SUPPORTED_LANGUAGES, _
from toolkit.settings import Settings


class SettingsPage(Page):
    key = "settings"

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            _("Settings"),
            _(
                "These details appear on the cards, flyers and letters you print. "
                "They are saved on this computer only."
            ),
        )
        form = QFormLayout()
        form.setSpacing(10)
        # Labels go above their fields when the row is too wide (large text, narrow screens).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.org_name = QLineEdit()
        self.org_name.setMaxLength(settings_mod.MAX_ORG_NAME)
        self.org_name.setPlaceholderText(_("For example: Eastside Community Center"))
        form.addRow(_("Center name"), self.org_name)
        self.hotline = QLineEdit()
        self.hotline.setMaxLength(settings_mod.MAX_HOTLINE)
        self.hotline.setPlaceholderText(_("For example: (555) 010-0199"))
        form.addRow(_("Hotline number"), self.hotline)
        self.org_address = QPlainTextEdit()
        self.org_address.setFixedHeight(80)
        form.addRow(_("Center address"), self.org_address)
        form.addRow(_("Logo (optional)"), self._logo_row())
        self.language = QComboBox()
        for code, name in SUPPORTED_LANGUAGES.items():
            self.language.addItem(name, code)
        form.addRow(_("Language of the app"), self.language)
        self.paper = QComboBox()
        self.paper.addItem(_("US Letter"), "letter")
        self.paper.addItem(_("A4"), "a4")
        form.addRow(_("Paper size"), self.paper)
        self.large_text = QCheckBox(_("Use large text"))
        form.addRow("", self.large_text)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(1, 120)
        self.idle_lock.setSuffix(" " + _("minutes"))
        form.addRow(_("Lock incident notes after"), self.idle_lock)
        self.body.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save settings"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.body.addWidget(self.message)
        self.content_updates = ContentUpdatesBox(context.data_dir)
        self.body.addWidget(self.content_updates)
        self.body.addStretch(1)
        self.load_from(context.settings)

    def _logo_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.logo_path = QLineEdit()
        self.logo_path.setReadOnly(True)
        self.logo_path.setPlaceholderText(_("No logo"))
        self.logo_path.setAccessibleName(_("Logo (optional)"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self.choose_logo)
        clear = QPushButton(_("Remove"))
        clear.clicked.connect(self.logo_path.clear)
        layout.addWidget(self.logo_path, 1)
        layout.addWidget(choose)
        layout.addWidget(clear)
        return row

    def choose_logo(self) -> None:
        path, _filter = private_file_dialog.get_open_file_name(
            self, _("Choose a logo"), "", _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo_path.setText(path)

    def load_from(self, current: Settings) -> None:
        self.org_name.setText(current.org_name)
        self.hotline.setText(current.hotline)
        self.org_address.setPlainText(current.org_address)
        self.logo_path.setText(current.logo_path)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(current.paper)))
        self.large_text.setChecked(current.large_text)
        self.idle_lock.setValue(current.idle_lock_minutes)

    def collect(self) -> Settings:
        return replace(
            self.context.settings,
            org_name=self.org_name.text().strip(),
            hotline=self.hotline.text().strip(),
            org_address=self.org_address.toPlainText().strip(),
            logo_path=self.logo_path.text(),
            language=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
            large_text=self.large_text.isChecked(),
            idle_lock_minutes=self.idle_lock.value(),
        )

    def save(self) -> None:
        try:
            self.context.save_settings(self.collect())
        except UserError as exc:
            self.message.setObjectName("warning")
            self.message.setText(str(exc))
        else:
            self.message.setObjectName("notice")
            self.message.setText(_("Settings saved."))
        self.message.style().polish(self.message)
