"""What a guide is once loaded: its front matter, its body text and where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.content_dates import ContentDates, Source

__all__ = ["Guide", "Review", "Source"]

REVIEW_STATUSES = ("reviewed", "unreviewed")


@dataclass(frozen=True)
class Review:
    """Whether a native speaker has checked a translation (English is the source text)."""

    status: str = "reviewed"
    note: str = ""

    @property
    def reviewed(self) -> bool:
        return self.status == "reviewed"


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    summary: str
    language: str
    topic: str
    dates: ContentDates
    body: str
    sources: tuple[Source, ...] = ()
    related_guides: tuple[str, ...] = ()
    related_tools: tuple[str, ...] = ()
    review: Review = Review()
    path: Path | None = field(default=None, compare=False)

    @property
    def facts_checked(self) -> dt.date:
        return self.dates.facts_checked

    @property
    def wording_reviewed(self) -> dt.date:
        return self.dates.wording_reviewed

    @property
    def recheck_by(self) -> dt.date:
        return self.dates.recheck_by
