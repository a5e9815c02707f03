"""Guides: a list by topic with search as you type, and a reader with print and PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from toolkit.errors import UserError
from toolkit.gui.context import AppContext
from toolkit.gui.guides.guide_list import GuideList
from toolkit.gui.guides.reader import GuideReader
from toolkit.gui.pages.base import Page
from toolkit.guides.loader import load_library
from toolkit.i18n import _
from toolkit.settings import Settings


class GuidesPage(Page):
    key = "guides"

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, _("Guides"))
        self.error = QLabel()
        self.error.setObjectName("warning")
        self.error.setWordWrap(True)
        self.error.hide()
        self.body.addWidget(self.error)
        self.guide_list = GuideList()
        self.reader = GuideReader(lambda: self.context.settings)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.guide_list.setMinimumWidth(220)  # with the reader, fits 1024 px in long languages
        self.splitter.addWidget(self.guide_list)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 560])
        self.splitter.setChildrenCollapsible(False)
        self.body.addWidget(self.splitter, 1)
        self.body.addWidget(self.reader.print_bar)
        self.guide_list.guide_chosen.connect(self.open_target)
        self.reader.app_link.connect(self.context.open_link)
        self.reader.guide_opened.connect(self._guide_opened)
        context.settings_listeners.append(self._settings_changed)
        self._start()

    def _start(self) -> None:
        try:
            library = load_library(self.reader.default_language())
            self.guide_list.set_library(library)
            self.reader.open_guide(library.guides[0].id, library.language)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()

    def open_target(self, target: str) -> None:
        """Open the guide with id ``target`` (in the language being read)."""
        try:
            self.reader.open_guide(target)
        except UserError as exc:
            self.reader.show_message(str(exc))

    def _guide_opened(self, guide_id: str, language: str) -> None:
        self.guide_list.set_library(load_library(language))
        self.guide_list.select(guide_id)

    def _settings_changed(self, _new: Settings) -> None:
        # The hotline and text size appear in the guide itself.
        self.reader.refresh()
