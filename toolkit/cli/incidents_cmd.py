"""Placeholder: this command group is being built (its issue fills this module)."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Adds no commands yet."""
