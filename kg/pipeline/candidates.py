"""The records the recognition components leave on the Doc for the resolver."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..records import EntityKey

__all__ = ["Candidate", "GazetteerEntry", "SpanIndex", "candidate_key"]


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
    ``entry`` when the span is a listed name; ``rule`` is the id of the rule that
    proposed it (it becomes the mention's ``rule``).
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
    rule: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


def candidate_key(candidate: Candidate, folded: str) -> EntityKey:
    """The entity a candidate names: its canonical name when known, else its folded text without white space.

    >>> candidate_key(Candidate(0, 4, "City", "神戸 市", "shape"), "神户 市")
    EntityKey(name='神户市', label='City')
    """
    name = candidate.canonical or "".join(folded[candidate.start:candidate.end].split())
    return EntityKey(name, candidate.label)


class SpanIndex:
    """Character spans ``(start, end)``, looked up by overlap in logarithmic time.

    >>> index = SpanIndex([(0, 2), (5, 9), (7, 8)])
    >>> index.overlapping(1, 6)
    [(0, 2), (5, 9)]
    >>> index.overlapping(2, 5)
    []
    """

    __slots__ = ("spans", "_starts", "_longest")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that share at least one character with ``[start, end)``, by start."""
        lo = bisect.bisect_left(self._starts, start - self._longest + 1)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]
