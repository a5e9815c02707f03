"""Widgets for the representatives directory: the recipient picker and its parts."""
