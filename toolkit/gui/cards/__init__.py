"""Widgets of the cards and flyers page."""
