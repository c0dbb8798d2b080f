"""Helpers the relation components share: sentences, mentions by position, evidence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import DateValue, EntityKey, EntityRecord, Mention, Money, RelationRecord

__all__ = ["DocContext", "PLACE_LABELS", "ORG_LABELS"]

_NEWLINE = re.compile("\n")
PLACE_LABELS = frozenset({"Country", "Region", "City", "District", "Zone"})
ORG_LABELS = frozenset({"Company", "Organization", "GovernmentBody"})


@dataclass
class DocContext:
    """Sentences and mentions of a Doc, with lookups by offset, and a relation sink.

    :meth:`of` hands the relation stages one context per Doc.
    """

    doc: Doc

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        """The context of ``doc``: the one an earlier stage built, unless what it indexes changed since."""
        global _latest
        if _latest is not None and _latest.doc is doc and _latest._current():
            return _latest
        _latest = cls(doc)
        return _latest

    def _current(self) -> bool:
        underscore = self.doc._
        return underscore.relations is self.relations and len(self.relations) == self._relation_count \
            and len(underscore.mentions) == len(self.mentions)

    def __post_init__(self) -> None:
        underscore = self.doc._
        self.text = underscore.text
        self.folded = underscore.folded
        self.entities = underscore.entities
        self.relations = underscore.relations
        self.candidates = underscore.candidates
        self.home = underscore.home
        self.dates = underscore.dates
        self.money = underscore.money
        self.statistics = underscore.statistics
        self.sentences = underscore.sentence_spans
        self._starts = [s for s, _ in self.sentences]
        self.mentions: list[Mention] = sorted(underscore.mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self._first: dict[EntityKey, Mention] = {}
        for mention in self.mentions:
            self._first.setdefault(mention.key, mention)
        # a fact already stated in a sentence (by an earlier component) is not added again
        self._seen: set[tuple[EntityKey, str, EntityKey, int]] = {
            (r.subject, r.predicate, r.object, r.start) for r in self.relations}
        # paragraph number of each sentence (paragraphs are split by \n)
        breaks = [m.start() for m in _NEWLINE.finditer(self.text)]
        self.paragraph_of: list[int] = [bisect.bisect_left(breaks, start) for start, _ in self.sentences]
        self._relation_count = len(self.relations)  # what add() appended since is in _seen

    def places_between(self, start: int, end: int) -> list:
        """Place candidates that start inside ``[start, end)``."""
        if not hasattr(self, "_place_starts"):
            places = sorted((c for c in self.candidates if c.label in PLACE_LABELS), key=lambda c: c.start)
            self._places = places
            self._place_starts = [c.start for c in places]
        lo = bisect.bisect_left(self._place_starts, start)
        hi = bisect.bisect_left(self._place_starts, end)
        return self._places[lo:hi]

    def candidates_at(self, start: int) -> list:
        """The candidates that start at ``start``, in the order they were proposed."""
        if not hasattr(self, "_candidates_at"):
            self._candidates_at: dict[int, list] = {}
            for cand in self.candidates:
                self._candidates_at.setdefault(cand.start, []).append(cand)
        return self._candidates_at.get(start, [])

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(offset)] if self.sentences else (0, len(self.text))

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        starts = self._mention_starts
        inside = self.mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        return [m for m in inside if m.end <= end]

    def first_mention(self, key: EntityKey) -> Mention | None:
        return self._first.get(key)

    def last_before(self, offset: int, labels: set[str]) -> Mention | None:
        """The last mention of one of ``labels`` that ends before ``offset``."""
        i = bisect.bisect_left(self._mention_starts, offset) - 1
        while i >= 0:
            mention = self.mentions[i]
            if mention.end <= offset and mention.key.label in labels:
                return mention
            i -= 1
        return None

    def full_mention(self, key: EntityKey) -> Mention | None:
        """A mention that spells the whole name (not a back-reference such as 代表团)."""
        for mention in self.mentions:
            if mention.key == key and "".join(self.folded[mention.start:mention.end].split()) == key.name:
                return mention
        return None

    def ensure_entity(self, key: EntityKey) -> None:
        """Make sure ``key`` is described (label, class) even if it has no mention here."""
        if key not in self.entities:
            self.entities[key] = EntityRecord(key)

    def add(self, subject: EntityKey, predicate: str, obj: EntityKey, at: int, *, method: str = "pattern",
            money: Money | None = None, date: DateValue | None = None, job_title: str | None = None) -> bool:
        """Record a relation with the sentence around offset ``at`` as evidence (once per sentence)."""
        if subject == obj:
            return False
        start, end = self.sentence(at)
        marker = (subject, predicate, obj, start)
        if marker in self._seen:
            return False
        self._seen.add(marker)
        self.ensure_entity(subject)
        self.ensure_entity(obj)
        self.relations.append(RelationRecord(
            subject, predicate, obj, start, end, self.text[start:end], method, money, date, job_title))
        self._relation_count += 1
        return True


#: The latest context built (one Doc's worth of memory), for the next stage on the same Doc.
_latest: DocContext | None = None
