"""What every guide language must hold."""

from __future__ import annotations

# The guides each language has in full, with a summary (the rest may stand in English).
CORE_GUIDES = (
    "rights-at-the-door",
    "street-car-work",
    "if-detained",
    "family-safety-plan",
    "documenting-an-encounter",
    "immigration-court",
)
