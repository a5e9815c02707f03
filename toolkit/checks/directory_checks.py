"""Placeholder: this capability's self-test checks are added by its issue."""
