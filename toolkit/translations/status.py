"""The plain review-status line of a translated item, in the item's own language."""

from __future__ import annotations

from toolkit.errors import UserError
from toolkit.guides.model import Review
from toolkit.i18n import N_, SOURCE_LANGUAGE, translate_in
from toolkit.translations import reviews

UNREVIEWED = N_("This translation has not been reviewed by a native speaker yet.")
REVIEWED = N_("This translation has been reviewed by a native speaker.")
REVIEWED_HERE = N_("Reviewed by a native speaker at this center: {name}, {date}.")


def status_line(kind: str, language: str, item: str, bundled: Review) -> str:
    """ "" for English (the source text); otherwise whether a native speaker checked it."""
    if language == SOURCE_LANGUAGE:
        return ""
    try:
        local = reviews.local_review(kind, language, item)
    except UserError:  # an unreadable store must not hide the guide; the status stays bundled
        local = None
    if local is not None:
        return translate_in(language, REVIEWED_HERE).format(name=local.name, date=local.date)
    return translate_in(language, REVIEWED if bundled.reviewed else UNREVIEWED)


def is_reviewed(kind: str, language: str, item: str, bundled: Review) -> bool:
    if language == SOURCE_LANGUAGE or bundled.reviewed:
        return True
    try:
        return reviews.local_review(kind, language, item) is not None
    except UserError:
        return False
