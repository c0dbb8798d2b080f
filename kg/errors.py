"""Named exceptions. Every message says what was expected, what arrived and what to do."""

from __future__ import annotations

__all__ = [
    "BuildError",
    "GoldFormatError",
    "InputError",
    "KgError",
    "NoInputError",
    "PatternFileError",
    "UnreadableFileError",
]


class KgError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(KgError):
    """A path given by the user cannot be used as input."""


class NoInputError(InputError):
    """The paths named by the user hold no ``*.txt`` or ``*.md`` file."""


class UnreadableFileError(InputError):
    """A file could not be decoded as text."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{path}: {reason}; save it as UTF-8 (or GB18030/UTF-16) plain text, "
            "or leave it out of the input"
        )


class PatternFileError(KgError):
    """A pattern or gazetteer data file is malformed."""


class GoldFormatError(KgError):
    """A gold annotation file does not follow SCHEMA.md's format."""


class BuildError(KgError):
    """A build finished but some inputs failed; the message lists them."""
