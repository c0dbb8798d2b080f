"""``participatedIn``: who attends, speaks or presents at an event.

The event is the sentence's first event, or the latest one of the paragraph
(会上, 活动中 point back to it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey
from .base import Fact, Sentence, event_in_context, events_of, relation_rule

__all__ = ["attendee_bodies", "attendees"]

_GATE = ("participation", "participation_context")


def _event(s: Sentence) -> EntityKey | None:
    events = events_of(s)
    return events[0].key if events else event_in_context(s)


def _last_cue(s: Sentence) -> int:
    cues = s.find("participation")
    return cues[-1][0] if cues else s.start


@relation_rule("participatedIn.attendees", gate=_GATE)
def attendees(s: Sentence) -> Iterator[Fact]:
    """People before a cue (致辞, 出席…), or anywhere in a sentence of 会上/活动中: they attend the
    event (大连市副市长李强、日本贸易振兴机构理事田中一郎分别致辞)."""
    event = _event(s)
    if event is None:
        return
    context = s.find("participation_context")
    last_cue = _last_cue(s)
    for mention in s.mentions:
        if mention.key.label == "Person" and (context or mention.start < last_cue):
            yield Fact(mention.key, "participatedIn", event, mention.start)


@relation_rule("participatedIn.attendee_bodies", gate=_GATE, cues=("organizer_roles",))
def attendee_bodies(s: Sentence) -> Iterator[Fact]:
    """Without a person: the bodies in the clause of the cue, not its hosts (丰田等企业参展)."""
    event = _event(s)
    if event is None:
        return
    context = s.find("participation_context")
    last_cue = _last_cue(s)
    if any(m.key.label == "Person" and (context or m.start < last_cue) for m in s.mentions):
        return  # the attendees rule's
    text, roles = s.text, s.lex["organizer_roles"]
    cue_clause = s.clause_of(last_cue)
    for mention in s.mentions:
        if mention.key.label in ORGANIZATION_CLASSES and mention.start < last_cue \
                and s.clause_of(mention.start) == cue_clause and text[mention.end:mention.end + 2] not in roles:
            yield Fact(mention.key, "participatedIn", event, mention.start)
