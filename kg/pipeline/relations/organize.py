"""``organizedBy``: the hosts of an event (主办, 承办, 举办 by a body), stated or in its name."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import Mention
from ..marks import CLAUSE_BREAKS
from ..view import DocView
from .base import (
    AGENTS,
    BODIES_AND_PLACES,
    Fact,
    Sentence,
    event_in_context,
    events_of,
    relation_rule,
)
from .events import name_opening, stated
from .lexicon import RelationLexicon

__all__ = ["event_name", "host_verb", "hosts"]


def _event(s: Sentence, cue_start: int, cue_end: int, by: int) -> Mention | None:
    """The event a cue is about: one right after it, else one before 由, else the paragraph's."""
    events = events_of(s)
    after = [m for m in events if m.start >= cue_end and m.start - cue_end <= 12]
    if after:
        return after[0]
    before_by = [m for m in events if by >= 0 and m.end <= by]
    if before_by:
        return before_by[-1]  # 交流会由A和B共同主办
    context = event_in_context(s) if by >= 0 else None
    return Mention(context, by, by, "") if context is not None else None


@relation_rule("organizedBy.hosts", gate=("organize",), cues=("agent_marker", "place_marker"))
def hosts(s: Sentence) -> Iterator[Fact]:
    """由A和B (共同) 主办的E: every body or place between 由 and the cue hosts the event
    (由大连市政府和日本贸易振兴机构共同主办的第三届中日产业合作论坛)."""
    text, by_word, place_word = s.text, s.lex["agent_marker"], s.lex["place_marker"]
    for cue_start, cue_end, _ in s.find("organize"):
        by = text.rfind(by_word, s.start, cue_start)
        if by < 0 or any(by < c < cue_start for c, _, _ in s.find("organize", by, cue_start)):
            continue  # (an earlier cue after 由 already took these organisers)
        event = _event(s, cue_start, cue_end, by)
        if event is None:
            continue
        for m in s.mentions:
            if by < m.start and m.end <= cue_start and m.key.label in AGENTS and not s.preceded_by(m, place_word):
                yield Fact(event.key, "organizedBy", m.key, event.start)


@relation_rule("organizedBy.host_verb", gate=("organize",), cues=("agent_marker", "place_marker"))
def host_verb(s: Sentence) -> Iterator[Fact]:
    """A召开E, A举办E: the body or place just before the cue in its clause (成都市商务局举办推介会)."""
    text, by_word, place_word = s.text, s.lex["agent_marker"], s.lex["place_marker"]
    for cue_start, cue_end, _ in s.find("organize"):
        if text.rfind(by_word, s.start, cue_start) >= 0:
            continue  # the hosts rule's
        event = _event(s, cue_start, cue_end, -1)
        if event is None:
            continue
        clause_start = max(text.rfind(ch, s.start, cue_start) for ch in CLAUSE_BREAKS + "。")
        organizers = [m for m in s.mentions if max(clause_start, s.start) <= m.start and m.end <= cue_start
                      and m.key.label in BODIES_AND_PLACES and cue_start - m.end <= 6
                      and not s.preceded_by(m, place_word)][-1:]
        for organizer in organizers:
            yield Fact(event.key, "organizedBy", organizer.key, event.start)


@relation_rule("organizedBy.event_name", scope="document")
def event_name(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event named after a body or zone is organised by it, unless the text says who hosts it
    (大连日本商工会新年会 → 大连日本商工会)."""
    hosted = stated(view, "organizedBy")
    for mention, kind, key in name_opening(view, lex):
        if kind == "body" and mention.key not in hosted:
            yield Fact(mention.key, "organizedBy", key, mention.start, method="name")
