"""The pages of the main window, in navigation order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from toolkit.gui.context import AppContext
from toolkit.gui.pages.base import Page
from toolkit.i18n import N_, _


@dataclass(frozen=True)
class PageInfo:
    key: str
    label: str  # untranslated; translated when the navigation is built
    make: Callable[[AppContext], Page]


def _placeholder(label: str, context: AppContext) -> Page:
    from toolkit.gui.pages.placeholder_page import PlaceholderPage

    return PlaceholderPage(context, _(label))


def _settings(context: AppContext) -> Page:
    from toolkit.gui.pages.settings_page import SettingsPage

    return SettingsPage(context)


PAGES: tuple[PageInfo, ...] = (
    PageInfo("guides", N_("Guides"), partial(_placeholder, N_("Guides"))),
    PageInfo(
        "cards", N_("Rights cards & flyers"), partial(_placeholder, N_("Rights cards & flyers"))
    ),
    PageInfo("letters", N_("Letters"), partial(_placeholder, N_("Letters"))),
    PageInfo("incidents", N_("Incident notes"), partial(_placeholder, N_("Incident notes"))),
    PageInfo("settings", N_("Settings"), _settings),
)
