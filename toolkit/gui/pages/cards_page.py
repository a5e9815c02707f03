"""Placeholder page: its issue replaces this module with the real page."""

from __future__ import annotations

from toolkit.gui.context import AppContext
from toolkit.gui.pages.placeholder_page import PlaceholderPage
from toolkit.i18n import _


class CardsPage(PlaceholderPage):
    key = "cards"

    def __init__(self, context: AppContext) -> None:
        super().__init__(context, _("Rights cards & flyers"))
