"""The records the recognition components leave on the Doc for the resolver."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["Candidate", "GazetteerEntry"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One surface form of a listed entity and where the list says it lies."""

    surface: str
    label: str
    canonical: str
    parent: str = ""
    parent_label: str = ""
    kind: str = "full"


class Candidate(NamedTuple):
    """A possible entity mention, in character offsets of the normalized text.

    ``source`` says which component proposed it; ``priority`` breaks ties
    between overlapping candidates of equal length (higher wins).
    ``canonical`` is set when the proposer knows the entity's canonical name,
    ``entry`` when the span is a listed name.
    (A named tuple: documents have thousands of candidates, and tuples are
    made several times faster than frozen dataclasses.)
    """

    start: int
    end: int
    label: str
    text: str
    source: str
    priority: int = 0
    canonical: str | None = None
    entry: GazetteerEntry | None = None
    job_title: str | None = None
    extra_aliases: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start
