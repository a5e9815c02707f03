"""Widgets of the Incident notes page: unlock, list, form, attachments, idle lock."""
