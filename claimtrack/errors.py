"""Errors a user can act on.

The core raises these; the command line catches them once, prints ``Error: …`` on
stderr and exits 1 (or 2 for usage errors). Nothing else should reach a user.
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """An error whose message is fit to show a user as it is."""

    exit_code = 1


class UsageError(ClaimtrackError):
    """The command was called wrongly: a bad option value, an unknown source…"""

    exit_code = 2


class ReadError(ClaimtrackError):
    """A file could not be read as text; the message names the file and the reason."""


class StoreError(ClaimtrackError):
    """The database named cannot be used: missing, a directory, not a claimtrack store, too
    new. The user named the wrong file, so it is a usage error."""

    exit_code = 2
