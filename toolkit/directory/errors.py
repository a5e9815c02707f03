"""Errors of the representatives directory, each with a message written for a person."""

from __future__ import annotations

from toolkit.errors import UserError


class DirectoryError(UserError):
    """Any directory problem the person can act on."""


class ImportFileError(DirectoryError):
    """A file could not be imported; the message names the file and the reason."""


class UnknownRecipientError(DirectoryError):
    """No recipient has the given id (in imported data or the address book)."""


class NoMatchError(DirectoryError):
    """A ZIP code or state and district matched nobody."""


class NotImportedError(DirectoryError):
    """The data a lookup needs has not been imported yet."""


class DatabaseError(DirectoryError):
    """The directory database file is damaged or from a newer version of the app."""
