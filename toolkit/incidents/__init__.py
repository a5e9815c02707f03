"""Incident notes: encrypted, crash-safe records of encounters, and the exports a lawyer can use."""
