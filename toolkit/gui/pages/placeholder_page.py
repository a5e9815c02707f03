"""A page whose capability is not built yet says so plainly instead of showing nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.i18n import _


class PlaceholderPage(Page):
    def __init__(self, context: AppContext, title: str) -> None:
        super().__init__(context, title)
        label = QLabel(_("This part of the toolkit is not ready yet."))
        label.setObjectName("notice")
        label.setWordWrap(True)
        self.body.addWidget(label)
        self.body.addStretch(1)
