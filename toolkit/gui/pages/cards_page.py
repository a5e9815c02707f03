"""Rights cards & flyers: wallet cards in many languages, and one-page flyers."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from toolkit.gui.cards.cards_tab import CardsTab
from toolkit.gui.cards.flyers_tab import FlyersTab
from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.i18n import _
from toolkit.settings import Settings


class CardsPage(Page):
    key = "cards"

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            context,
            _("Rights cards & flyers"),
            _(
                "Print wallet cards (front in the holder's language, back in English for the "
                "officer) and flyers, with your center's name and hotline."
            ),
        )
        self.tabs = QTabWidget()
        self.cards = CardsTab(context)
        self.flyers = FlyersTab(context)
        self.tabs.addTab(self.cards, _("Wallet cards"))
        self.tabs.addTab(self.flyers, _("Flyers"))
        self.body.addWidget(self.tabs)
        context.settings_listeners.append(self._settings_changed)

    def _settings_changed(self, _settings: Settings) -> None:
        self.cards.schedule()
        self.flyers.schedule()

    def open_target(self, target: str) -> None:
        if target == "flyers":
            self.tabs.setCurrentWidget(self.flyers)
        elif target:
            self.tabs.setCurrentWidget(self.cards)
