"""The pages of the main window, in navigation order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import cast

from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.i18n import N_


@dataclass(frozen=True)
class PageInfo:
    key: str
    label: str  # untranslated; translated when the navigation is built
    # "module:Class"; imported when the window is built, so start-up loads only what it shows.
    target: str

    def make(self, context: AppContext) -> Page:
        module_name, _sep, class_name = self.target.partition(":")
        page_class = cast(
            Callable[[AppContext], Page], getattr(import_module(module_name), class_name)
        )
        return page_class(context)


PAGES: tuple[PageInfo, ...] = (
    PageInfo("guides", N_("Guides"), "toolkit.gui.pages.guides_page:GuidesPage"),
    PageInfo("cards", N_("Rights cards & flyers"), "toolkit.gui.pages.cards_page:CardsPage"),
    PageInfo("letters", N_("Letters"), "toolkit.gui.pages.letters_page:LettersPage"),
    PageInfo("incidents", N_("Incident notes"), "toolkit.gui.pages.incidents_page:IncidentsPage"),
    PageInfo("settings", N_("Settings"), "toolkit.gui.pages.settings_page:SettingsPage"),
)
