"""Widgets for signed content packs (the "Content updates" section of Settings)."""
