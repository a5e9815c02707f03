"""The center's settings: plain JSON in the data folder, never secrets.

A corrupt file is moved aside (never silently overwritten) and the defaults are used, with a
message the GUI and CLI can show.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.atomic import write_atomic
from toolkit.errors import UserError
from toolkit.i18n import SUPPORTED_LANGUAGES, _

SETTINGS_FILE = "settings.json"
PAPER_SIZES = ("letter", "a4")
MAX_ORG_NAME = 60
MAX_HOTLINE = 24
MAX_ADDRESS = 200
MAX_PRINT_OFFSET = 10


class SettingsError(UserError):
    """A value that cannot be saved; the message is meant for a person."""


@dataclass
class Settings:
    org_name: str = ""
    hotline: str = ""
    org_address: str = ""
    logo_path: str = ""
    language: str = "en"
    paper: str = "letter"
    large_text: bool = False
    idle_lock_minutes: int = 5
    # Printer name -> [millimetres right, millimetres down], from the calibration page.
    print_offsets: dict[str, list[float]] = field(default_factory=dict)

    def offsets_for(self, printer: str) -> tuple[float, float]:
        dx, dy = self.print_offsets.get(printer, [0.0, 0.0])
        return float(dx), float(dy)

    def validate(self) -> None:
        if len(self.org_name) > MAX_ORG_NAME:
            raise SettingsError(
                _("The center's name can be at most {n} characters.").format(n=MAX_ORG_NAME)
            )
        if len(self.hotline) > MAX_HOTLINE:
            raise SettingsError(
                _("The hotline can be at most {n} characters.").format(n=MAX_HOTLINE)
            )
        if len(self.org_address) > MAX_ADDRESS:
            raise SettingsError(
                _("The address can be at most {n} characters.").format(n=MAX_ADDRESS)
            )
        if self.language not in SUPPORTED_LANGUAGES:
            raise SettingsError(_("Unknown language: {code}").format(code=self.language))
        if self.paper not in PAPER_SIZES:
            raise SettingsError(_("Paper size must be US Letter or A4."))
        if not 1 <= self.idle_lock_minutes <= 120:
            raise SettingsError(_("Lock after idle must be between 1 and 120 minutes."))
        for printer, offsets in self.print_offsets.items():
            if not (
                isinstance(printer, str)
                and isinstance(offsets, list)
                and len(offsets) == 2
                and all(isinstance(v, int | float) and abs(v) <= MAX_PRINT_OFFSET for v in offsets)
            ):
                raise SettingsError(
                    _("Printer offsets must be two numbers of at most {n} mm.").format(
                        n=MAX_PRINT_OFFSET
                    )
                )
        if self.logo_path and not Path(self.logo_path).is_file():
            raise SettingsError(
                _("The logo file was not found: {path}").format(path=self.logo_path)
            )


@dataclass
class LoadResult:
    settings: Settings
    warning: str = ""
    moved_to: Path | None = field(default=None)


def settings_path(data_dir: Path | None = None) -> Path:
    return (data_dir or paths.data_dir()) / SETTINGS_FILE


def _from_dict(raw: dict[str, Any]) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        value = raw.get(f.name, getattr(defaults, f.name))
        expected = type(getattr(defaults, f.name))
        values[f.name] = value if isinstance(value, expected) else getattr(defaults, f.name)
    settings = Settings(**values)
    try:
        settings.validate()
    except SettingsError:
        # Keep what is valid field by field rather than dropping everything.
        for f in fields(Settings):
            trial = Settings(**{**asdict(settings), f.name: getattr(defaults, f.name)})
            try:
                trial.validate()
                settings = trial
                break
            except SettingsError:
                continue
        else:
            settings = defaults
    return settings


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, target)
    return target


def load(data_dir: Path | None = None) -> LoadResult:
    path = settings_path(data_dir)
    if not path.exists():
        return LoadResult(Settings())
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a JSON object")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        try:
            moved = _move_aside(path)
        except OSError:
            moved = None
        where = str(moved) if moved else str(path)
        warning = _(
            "The settings file could not be read ({reason}). Default settings are in use; "
            "the unreadable file was kept at {path}."
        ).format(reason=type(exc).__name__, path=where)
        return LoadResult(Settings(), warning=warning, moved_to=moved)
    return LoadResult(_from_dict(raw))


def save(settings: Settings, data_dir: Path | None = None) -> Path:
    settings.validate()
    path = settings_path(data_dir)
    text = json.dumps(asdict(settings), indent=2, ensure_ascii=False, sort_keys=True)
    write_atomic(path, (text + "\n").encode("utf-8"))
    return path
