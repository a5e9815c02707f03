"""What a guide is once loaded: its front matter, its body text and where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str = ""

    def line(self) -> str:
        """One line for a sources list: title, publisher and the address when there is one."""
        text = f"{self.title} ({self.publisher})" if self.publisher else self.title
        return f"{text}, {self.url}" if self.url else text


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    summary: str
    language: str
    topic: str
    reviewed: dt.date
    body: str
    sources: tuple[Source, ...] = ()
    related_guides: tuple[str, ...] = ()
    related_tools: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def reviewed_text(self) -> str:
        return self.reviewed.isoformat()
