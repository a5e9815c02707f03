"""The growing wait after wrong passphrases: 1, 2, 4 ... seconds, capped at five minutes."""

from __future__ import annotations

MAX_DELAY_SECONDS = 300.0


def delay_for(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` wrong passphrases in a row."""
    if failures <= 0:
        return 0.0
    return float(min(2 ** (failures - 1), MAX_DELAY_SECONDS))


def remaining(failures: int, last_failure: float, now: float) -> float:
    return max(0.0, last_failure + delay_for(failures) - now)
