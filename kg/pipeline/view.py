"""One view of a document, built once per Doc and read by every stage and rule.

``doc._.view`` is a :class:`DocView`: the text and its folded form (traditional and
Japanese forms simplified, full-width digits and letters made ASCII, one character for
one, so offsets hold: every word and pattern is matched against ``folded``, while
surfaces and evidence are sliced from ``text``), the
sentences and their clauses, the candidates and resolved mentions with lookups
by offset, the places found inside names, the cue words of each relation family
where they occur, and the sink that records relations once per sentence.

The view holds no results of its own: those stay in the Doc's extensions
(``doc._.mentions``, ``doc._.relations``, …), which the stages fill in order. Its
indexes are built on first use and rebuilt when what they index has grown, so a
stage that runs after another sees what that one added. (The view keeps the
extensions' lists, not the Doc: no reference cycle keeps a Doc alive.)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from ..records import DateValue, EntityKey, EntityRecord, Mention, Money, RelationRecord
from .candidates import Candidate
from .marks import CLAUSE_BREAKS

__all__ = ["DocView"]

_CLAUSE_BREAK = re.compile(f"[{CLAUSE_BREAKS}]")
_NEWLINE = re.compile("\n")


class DocView:
    """Sentences, clauses, candidates and mentions of one Doc, with lookups by offset.

    Built by the ``doc._.view`` getter, once per Doc.
    """

    def __init__(self, doc: Doc) -> None:
        underscore = doc._
        self.text: str = underscore.text
        self.folded: str = underscore.folded
        self.candidates: list[Candidate] = underscore.candidates
        self.entities: dict[EntityKey, EntityRecord] = underscore.entities
        self.relations: list[RelationRecord] = underscore.relations
        self.statistics: list = underscore.statistics
        self.home: dict[str, EntityKey] = underscore.home
        self.parents: dict[EntityKey, EntityKey] = underscore.parents
        #: the gazetteer index the article was matched against (``None`` in hand-built documents)
        self.gazetteer = underscore.gazetteer
        self.money: list = underscore.money
        self.dates: list = underscore.dates
        self._sentence_source: list[tuple[int, int]] = underscore.sentences
        self._sentences: list[tuple[int, int]] | None = None
        self._clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._memo: dict[Any, Any] = {}
        self._candidate_count = -1
        self._mention_source: list[Mention] = underscore.mentions
        self._mention_count = -1
        self._seen: set[tuple[EntityKey, str, EntityKey, int]] = set()
        self._seen_count = 0

    # ------------------------------------------------------------------ sentences
    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)`` (``doc._.sentences``, set by ``kg_sentences``)."""
        if self._sentences is None or len(self._sentences) != len(self._sentence_source):
            self._index_sentences()
        return self._sentences

    @property
    def paragraph_of(self) -> list[int]:
        """The paragraph number of each sentence (paragraphs are split by \\n)."""
        self.sentences
        return self._paragraph_of

    def _index_sentences(self) -> None:
        sentences = self._sentences = list(self._sentence_source)
        self._starts = [s for s, _ in sentences]
        breaks = [m.start() for m in _NEWLINE.finditer(self.folded)]
        self._paragraph_of = [bisect.bisect_left(breaks, start) for start, _ in sentences]

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence around ``offset`` (the whole text when there are no sentences)."""
        if self._sentences is None or len(self._sentences) != len(self._sentence_source):
            self._index_sentences()
        if not self._sentences:
            return 0, len(self.text)
        return self._sentences[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses of ``text[start:end]``, split at ，；：."""
        cached = self._clauses.get((start, end))
        if cached is not None:
            return cached
        out, begin = [], start
        for match in _CLAUSE_BREAK.finditer(self.folded, start, end):
            out.append((begin, match.start()))
            begin = match.end()
        out.append((begin, end))
        result = self._clauses[(start, end)] = [(s, e) for s, e in out if e > s]
        return result

    # ------------------------------------------------------------------ candidates
    def _index_candidates(self) -> None:
        if self._candidate_count == len(self.candidates):
            return
        self._candidate_count = len(self.candidates)
        from ..ontology import PLACE_CLASSES

        places = sorted((c for c in self.candidates if c.label in PLACE_CLASSES), key=lambda c: c.start)
        self._places = places
        self._place_starts = [c.start for c in places]
        self._candidates_at: dict[int, list[Candidate]] = {}
        for cand in self.candidates:
            self._candidates_at.setdefault(cand.start, []).append(cand)

    def places_between(self, start: int, end: int) -> list[Candidate]:
        """Place candidates that start inside ``[start, end)``."""
        self._index_candidates()
        lo = bisect.bisect_left(self._place_starts, start)
        hi = bisect.bisect_left(self._place_starts, end)
        return self._places[lo:hi]

    def candidates_at(self, start: int) -> list[Candidate]:
        """The candidates that start at ``start``, in the order they were proposed."""
        self._index_candidates()
        return self._candidates_at.get(start, [])

    # ------------------------------------------------------------------ mentions
    @property
    def mentions(self) -> list[Mention]:
        """The resolved mentions, by start."""
        if self._mention_count != len(self._mention_source):
            self._mention_count = len(self._mention_source)
            self._mentions = sorted(self._mention_source, key=lambda m: m.start)
            self._mention_starts = [m.start for m in self._mentions]
            self._first: dict[EntityKey, Mention] = {}
            for mention in self._mentions:
                self._first.setdefault(mention.key, mention)
        return self._mentions

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions inside ``[start, end)``, by start."""
        mentions = self.mentions
        starts = self._mention_starts
        inside = mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        return [m for m in inside if m.end <= end]

    def first_mention(self, key: EntityKey) -> Mention | None:
        self.mentions
        return self._first.get(key)

    def last_before(self, offset: int, labels: set[str] | frozenset[str]) -> Mention | None:
        """The last mention of one of ``labels`` that ends before ``offset``."""
        mentions = self.mentions
        i = bisect.bisect_left(self._mention_starts, offset) - 1
        while i >= 0:
            mention = mentions[i]
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

    # ------------------------------------------------------------------ memo
    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A value computed once per document under ``key`` (cue occurrences, per-document indexes)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    # ------------------------------------------------------------------ relations
    def ensure_entity(self, key: EntityKey) -> None:
        """Make sure ``key`` is described (label, class) even if it has no mention here."""
        if key not in self.entities:
            self.entities[key] = EntityRecord(key)

    def _index_relations(self) -> None:
        relations = self.relations
        for rel in relations[self._seen_count:]:
            self._seen.add((rel.subject, rel.predicate, rel.object, rel.start))
        self._seen_count = len(relations)

    def add(self, subject: EntityKey, predicate: str, obj: EntityKey, at: int, method: str = "pattern",
            money: Money | None = None, date: DateValue | None = None, job_title: str | None = None, *,
            rule: str = "") -> bool:
        """Record a relation with the sentence around offset ``at`` as evidence (once per sentence).

        A fact already stated in the sentence (by an earlier rule or stage) is not added again.
        """
        if subject == obj:
            return False
        start, end = self.sentence(at)
        marker = (subject, predicate, obj, start)
        if self._seen_count != len(self.relations):
            self._index_relations()
        if marker in self._seen:
            return False
        self._seen.add(marker)
        self.ensure_entity(subject)
        self.ensure_entity(obj)
        self.relations.append(RelationRecord(
            subject, predicate, obj, start, end, self.text[start:end], method, money, date, job_title, rule))
        self._seen_count += 1
        return True

