"""The base of every error whose message is written for a person, not a developer."""


class UserError(Exception):
    """Bad input or a missing file: the CLI prints the message as one line, the GUI shows it."""
