"""``organizedBy`` by who else holds an event: the pair named before (双方共同举办E), the visitors who
hold it on their visit (D访问P并举办E)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from .base import BODIES_AND_PLACES, Fact, Sentence, relation_rule
from .lexicon import reads
from .organize import HOSTS, events_after, hosting_cues, organizers_before, where_held
from .pairs import named_here
from .visit.visitors import expand, is_delegation

__all__ = ["delegation_sender", "pair_pronoun", "visitors"]

#: What stops a pronoun's reach (a sentence's end).
_STOPS = "。；;"
#: Hosts that are bodies, not places (a body right before 并 holds the event itself).
_BODIES = BODIES_AND_PLACES - PLACE_CLASSES
#: How far a pronoun of a pair (双方, 两市) may stand before the cue of hosting.
_PRONOUN_REACH = 40


@relation_rule("organizedBy.pair_pronoun", gate=("pair_pronouns",), cues=("place_marker", "event_place_links"))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """双方/两市(共同)举办E, where the sentence names no pair: both of the pair named before host it
    (青山市与白河市结好20周年。两市共同举办了青山·白河友好交流周), and each event listed after the cue;
    not when a body or person stands between the pronoun and the cue (双方表示，A将举办E: A's)."""
    if s.discourse.pair is None:
        return
    cues = hosting_cues(s)
    if not cues or named_here(s):
        return
    subject, partners = s.discourse.pair
    hosts_ = [k for k in (subject, *partners) if k.label in HOSTS]
    if len(hosts_) < 2:
        return
    place_word, pronouns = s.lex["place_marker"], s.find("pair_pronouns")
    for cue_start, cue_end, _ in cues:
        p_end = max((end for _, end, _ in pronouns if end <= cue_start), default=None)
        if p_end is None or cue_start - p_end > _PRONOUN_REACH or any(ch in _STOPS for ch in s.text[p_end:cue_start]):
            continue
        if any(p_end <= m.start and m.end <= cue_start and not where_held(s, m, place_word) for m in s.mentions):
            continue  # someone else between: theirs
        for event in events_after(s, cue_end):
            for host in hosts_:
                yield Fact(event.key, "organizedBy", host, event.start)


reads("organizedBy.visitors", "verb_joiners", "host_gap_pattern")


@relation_rule("organizedBy.visitors", gate=("organize", "hold"))
def visitors(s: Sentence) -> Iterator[Fact]:
    """D访问P并举办E: who visits, and then (并) holds an event, hosts it: the bodies and places the
    sentence's visit rules found visiting before the cue (富山市代表团访问襄阳并举办“富山周”活动 →
    富山市代表团, 富山市; not the people who lead them, nor those a body hosts: A访问P，B举办E)."""
    text, joiners, gap = s.text, s.lex["verb_joiners"], s.lex["host_gap_pattern"]
    if not any(text.find(w, s.start, s.end) >= 0 for w in joiners) \
            or not any(f.predicate == "visited" for f in s.proposed):
        return
    for cue_start, cue_end, _ in hosting_cues(s):
        joiner = max((text.rfind(w, s.start, cue_start) for w in joiners), default=-1)
        if joiner < 0 or not gap.fullmatch(text, joiner + 1, cue_start):
            continue
        if organizers_before(s, s.clause_of(cue_start)[0], cue_start) or any(
                m.key.label in _BODIES and m.end == joiner for m in s.mentions):
            continue  # the host_verb rule's, or a body's of its own (A访问P，B并举办E)
        hosts_ = list(dict.fromkeys(f.subject for f in s.proposed if f.predicate == "visited"
                                    and f.at < joiner and f.subject.label in HOSTS))
        for event in events_after(s, cue_end):
            for host in hosts_:
                yield Fact(event.key, "organizedBy", host, event.start)


@relation_rule("organizedBy.delegation_sender", gate=("organize", "hold"))
def delegation_sender(s: Sentence) -> Iterator[Fact]:
    """A delegation that hosts an event hosts it for who sent it (SCHEMA convention 3): the body or
    place it is named after hosts it too (聊城市代表团在东京举办了“…交流会” → 聊城)."""
    for host, event, at in _hosting_delegations(s):
        for key, source in expand(s, host):
            if source == "origin" and key.label in HOSTS:
                yield Fact(event, "organizedBy", key, at)


def _hosting_delegations(s: Sentence) -> list[tuple[Mention, EntityKey, int]]:
    """(mention of the delegation, event, offset) for each event a delegation hosts in the sentence."""
    found = []
    for fact in s.proposed:
        if fact.predicate != "organizedBy" or not is_delegation(s, fact.object):
            continue
        mention = next((m for m in s.mentions if m.key == fact.object), None) or s.view.first_mention(fact.object)
        if mention is not None:
            found.append((mention, fact.subject, fact.at))
    return found
