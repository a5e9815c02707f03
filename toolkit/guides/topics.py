"""The topics that group guides in the list, in display order, with translated labels."""

from __future__ import annotations

from toolkit.i18n import N_, _, translate_in

TOPICS: dict[str, str] = {
    "know-your-rights": N_("Know your rights"),
    "documenting": N_("Documenting"),
    "accountability": N_("Accountability"),
    "taking-action": N_("Taking action"),
    "safety": N_("Safety"),
}


def topic_label(topic: str, language: str | None = None) -> str:
    """The topic's name in the interface language, or in ``language`` when given."""
    message = TOPICS.get(topic, topic)
    return translate_in(language, message) if language else _(message)


def topic_order(topic: str) -> int:
    order = list(TOPICS)
    return order.index(topic) if topic in order else len(order)


# The order a newcomer should read the guides in (the list follows it within each topic).
READING_ORDER = (
    "rights-at-the-door",
    "street-car-work",
    "if-detained",
    "immigration-court",
    "documenting-an-encounter",
    "qualified-immunity",
    "three-shields",
    "when-accountability-happens",
    "state-reforms",
    "federal-bills",
    "city-and-state-action",
    "family-safety-plan",
    "digital-safety",
    "shared-laptop-safety",
)


def reading_position(guide_id: str) -> int:
    return READING_ORDER.index(guide_id) if guide_id in READING_ORDER else len(READING_ORDER)
