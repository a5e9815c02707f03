"""What every page is given: the settings, a way to save them and a way to move around."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit import paths
from toolkit import settings as settings_mod
from toolkit.settings import Settings


@dataclass
class AppContext:
    settings: Settings
    data_dir: Path = field(default_factory=paths.data_dir)
    # Set by the main window: navigate("letters", "federal-dhs-funding"), show a status line.
    navigate: Callable[[str, str], None] = lambda page, target: None
    show_status: Callable[[str], None] = lambda message: None
    settings_listeners: list[Callable[[Settings], None]] = field(default_factory=list)

    def save_settings(self, new: Settings) -> None:
        """Validate and save; raises SettingsError (a UserError) with a message for the person."""
        settings_mod.save(new, self.data_dir)
        self.settings = new
        for listener in list(self.settings_listeners):
            # A listener may rebuild the pages and so unregister the listeners after it.
            if listener in self.settings_listeners:
                listener(new)

    def open_link(self, link: str) -> None:
        """Follow an in-app link: ``guide:ID`` or ``app:PAGE[/TARGET]``."""
        scheme, _sep, rest = link.partition(":")
        if scheme == "guide":
            self.navigate("guides", rest)
        elif scheme == "app":
            page, _sep, target = rest.partition("/")
            self.navigate(page, target)
