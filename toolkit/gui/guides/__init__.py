"""Widgets of the Guides page: the topic list with search, and the reader."""
