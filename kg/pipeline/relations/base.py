"""What the relation rules work with: a sentence, the facts they state, and shared readings.

A relation rule is a generator ``rule(s: Sentence) -> Iterator[Fact]`` registered with
:func:`relation_rule`. The component records each fact as soon as the rule yields it,
so a rule sees the facts of the rules before it (and its own). Readings several rules
share (the sentence's topic, an enumeration, the money after a cue) are functions of
:mod:`.readings`, the classes they read in :mod:`.classes`; both are importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ...records import DateValue, EntityKey, Mention, Method, Money
from ..rules import rule
from ..view import DocView
from .classes import AGENTS, BODIES_AND_PLACES, ORGS_AND_ZONES, PLACES_BUT_ZONES, RANK, VISITED, VISITORS  # noqa: F401
from .lexicon import Occurrences, RelationLexicon
from .readings import (_item_ends, body_places, current_event, date_near, enumeration,  # noqa: F401 (the rule
                       event_in_context, events_of, facts_of, find_topic, inside_unnamed,  # modules import them
                       listed_events,
                       money_after, place_run, skip_relative, spoken_of)  # from here)

__all__ = [
    "AGENTS", "BODIES_AND_PLACES", "Discourse", "Fact", "ORGS_AND_ZONES", "Sentence", "VISITED", "VISITORS",
    "body_places", "current_event", "spoken_of", "date_near", "enumeration", "events_of", "find_topic",
    "listed_events", "money_after",
    "relation_rule", "skip_relative",
]

STAGE = "kg_relations"
_MISSING = object()



def relation_rule(rule_id: str, *, gate: tuple[str, ...] | None = None, cues: tuple[str, ...] = (),
                  scope: str = "sentence") -> Callable[[Callable], Callable]:
    """Register a relation rule of ``kg_relations``.

    ``gate``: the rule runs on a sentence only if one of these cue families occurs in it
    (``"@Person"``, ``"@Event"``: if it names a person, an event); ``None`` runs it on every sentence. ``scope``
    ``"document"`` runs it once, after the sentences, as ``rule(view, lex)``.
    """
    return rule(rule_id, stage=STAGE, cues=(*cues, *(g for g in gate or () if not g.startswith("@"))),
                gate=gate, scope=scope)


class Fact(NamedTuple):
    """A relation a rule states; the sink gives it the sentence around ``at`` as evidence."""

    subject: EntityKey
    predicate: str
    object: EntityKey
    at: int
    method: Method = "pattern"
    money: Money | None = None
    date: DateValue | None = None
    job_title: str | None = None


@dataclass
class Discourse:
    """What carries from one sentence to the next (updated after each sentence)."""

    person: EntityKey | None = None  # the last person named
    topic: EntityKey | None = None  # the last sentence topic
    visitors: list[EntityKey] | None = None  # who visits, within a paragraph
    trip: list[EntityKey] | None = None  # who visited last, anywhere before
    travellers: set[EntityKey] = field(default_factory=set)  # everyone who visited somewhere before
    pair: tuple[EntityKey, list[EntityKey]] | None = None  # the last pair of partners (A与B…)


class Sentence:
    """One sentence as the relation rules see it: text, mentions, cue words, discourse.

    ``text`` is the document's folded text (``view.folded``: 與 and 与, １９８１ and 1981
    read alike), with the offsets of the original (``view.text``), which the evidence quotes.

    ``memo`` keeps readings several rules share, once per sentence; ``proposed`` lists
    the facts the rules stated so far (also those already known).
    """

    __slots__ = ("view", "lex", "cues", "discourse", "index", "start", "end", "text", "mentions", "people", "topic",
                 "proposed", "_memo", "_clauses")

    def __init__(self, view: DocView, lex: RelationLexicon, cues: Occurrences, discourse: Discourse,
                 index: int, start: int, end: int) -> None:
        self.view, self.lex, self.cues, self.discourse = view, lex, cues, discourse
        self.index, self.start, self.end = index, start, end
        self.text = view.folded
        self.mentions: list[Mention] = view.mentions_between(start, end)
        #: the sentence's people, with their index among its mentions
        self.people: list[tuple[int, Mention]] = [(i, m) for i, m in enumerate(self.mentions) if m.key.label == "Person"]
        #: what the sentence is about (:func:`find_topic`)
        self.topic: EntityKey | None = find_topic(self)
        self.proposed: list[Fact] = []
        self._memo: dict[Any, Any] = {}
        self._clauses: list[tuple[int, int]] | None = None

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """The clauses of the sentence, split at ，；：."""
        if self._clauses is None:
            self._clauses = self.view.clauses(self.start, self.end)
        return self._clauses

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause that holds ``offset`` (the last one if none does)."""
        for start, end in self.clauses:
            if start <= offset <= end:
                return start, end
        return self._clauses[-1]

    def find(self, family: str, start: int | None = None, end: int | None = None) -> list[tuple[int, int, str]]:
        """Occurrences ``(start, end, word)`` of ``family``'s cue words in the sentence (or in ``[start, end)``)."""
        return self.cues.find(family, self.start if start is None else start, self.end if end is None else end)

    def memo(self, key: Any, compute: Callable[[Sentence], Any]) -> Any:
        """``compute(self)``, once per sentence."""
        value = self._memo.get(key, _MISSING)
        if value is _MISSING:
            value = self._memo[key] = compute(self)
        return value

    def first_after(self, offset: int) -> int | None:
        """Index of the first mention that starts at or after ``offset``."""
        return next((i for i, m in enumerate(self.mentions) if m.start >= offset), None)

    def preceded_by(self, mention: Mention, word: str) -> bool:
        """``word`` right before ``mention`` (在 in 在大连)."""
        return self.text[max(0, mention.start - len(word)):mention.start] == word
