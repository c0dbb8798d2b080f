"""``affiliatedWith`` of who leads a group a body sent: the body the group is named after."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey
from ..marks import CLAUSE_BREAKS
from .base import Fact, Sentence, relation_rule
from .readings import body_places, facts_of
from .visit.visitors import _sender_of, is_delegation, leaders

__all__ = ["group_leader"]

_GATE = ("@Person",)


@relation_rule("affiliatedWith.group_leader", gate=_GATE,
               cues=("visit_lead", "government_ends", "group_words", "possessive"))
def group_leader(s: Sentence) -> Iterator[Fact]:
    """X率D / 由X率领的D / X率领的BODY一行, D named after a body (its sender): X is of that body, and of
    the place it governs (由议长甲率领的青山县议会代表团 → 青山县议会, 青山县; 乙会长率领的白河友好协会一行 →
    白河友好协会), where the leader's post here names no other body; not a group named after a place only (丙率领的青山市代表团: who sent it is not said), nor
    a government's (市长丁率青山市政府代表团: the head of a government holds the place's post, home_leader's)."""
    here = {m.key for m in s.mentions}
    led = leaders(s).leads
    for _, person in s.people:
        for group in led.get(person.key, ()):
            if group is None or group not in here:
                continue
            sender = _sender_of(s, group)
            if _sent_by_body(s, sender):
                yield from _facts(s, person.key, sender, person.start)
    for cue_start, cue_end, _ in s.cues.find("visit_lead", s.start, s.end):
        yield from _body_group(s, cue_start, cue_end)


def _body_group(s: Sentence, cue_start: int, cue_end: int) -> Iterator[Fact]:
    """X率领的BODY一行: the group has no name of its own, the body right after the cue sent it."""
    text, lex = s.text, s.lex
    people = [m for m in s.mentions if m.key.label == "Person" and m.end <= cue_start]
    after = [m for m in s.mentions if m.start >= cue_end]
    if not people or not after or not _sent_by_body(s, after[0].key):
        return
    person, body = people[-1], after[0]
    between = text[person.end:cue_start]
    if len(between) > 4 or any(ch in CLAUSE_BREAKS for ch in between) \
            or text[cue_end:body.start] not in ("", lex["possessive"]) \
            or not text.startswith(tuple(lex["group_words"]), body.end):
        return
    yield from _facts(s, person.key, body.key, person.start)


def _sent_by_body(s: Sentence, key: EntityKey | None) -> bool:
    """A body, not a group nor a government, sent the group (its leader holds a post in it)."""
    return key is not None and key.label in ORGANIZATION_CLASSES and not is_delegation(s, key) \
        and not key.name.endswith(tuple(s.lex["government_ends"]))


def _facts(s: Sentence, person: EntityKey, body: EntityKey, start: int) -> Iterator[Fact]:
    """The body and its place, for a leader whose post here names no body of its own (中国驻日本原大使甲、
    乙会长率领的白河总商会代表团: 甲's post is the embassy's, 乙 is of the chamber)."""
    if next(facts_of(s, person, "affiliatedWith", start), None) is not None:
        return
    yield Fact(person, "affiliatedWith", body, start)
    mention = s.view.first_mention(body)
    for place in body_places(s, mention) if mention is not None else ():
        yield Fact(person, "affiliatedWith", place, start)
