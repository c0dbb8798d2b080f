"""``participatedIn`` of places: the pair of places named before (两市将共同参与E)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from .attended import ITEM_ENDS
from .base import Fact, Sentence, events_of, relation_rule
from .lexicon import reads
from .pairs import named_here
from .participation import _cues
from .visit.visitors import is_delegation

__all__ = ["pair_places"]

#: Places a pair pronoun (两市, 两地, 两省) stands for: not countries (两国领导人出席: people).
_PAIRED = frozenset({"City", "Region", "District"})
#: What stops a pronoun's reach (a sentence's end).
_STOPS = "。；;"
#: How far a pronoun of a pair (两市) may stand before the cue of attending.
_PRONOUN_REACH = 60

reads("participatedIn.pair_places", "place_pair_pronouns")


@relation_rule("participatedIn.pair_places", gate=("pair_pronouns",))
def pair_places(s: Sentence) -> Iterator[Fact]:
    """两市/两地…参加/参与/出席E, where the sentence names no pair: both places of the pair named before attend
    the event named after the cue in its clause (青山市与白河市结好20周年。两市将携手共同参与“青山小使者”交流活动;
    两市皆为我市友城，去年均派出代表团出席在我市举办的E), the cities of a pair of mayors too; not 双方 (people
    or bodies as often), nor when a name stands in the cue's clause before it (两市…，青山市民团将赴白河参加…)."""
    if s.discourse.pair is None or named_here(s):
        return
    subject, partners = s.discourse.pair
    places = [_place_of(s, k) for k in (subject, *partners)]
    if None in places or len(set(places)) < 2:
        return
    text, words = s.text, s.lex["place_pair_pronouns"]
    pronouns = [p for p in s.find("pair_pronouns") if p[2] in words]
    for cue_start, cue_end, _ in _cues(s):
        p_end = max((end for _, end, _ in pronouns if end <= cue_start), default=None)
        if p_end is None or cue_start - p_end > _PRONOUN_REACH or any(ch in _STOPS for ch in text[p_end:cue_start]):
            continue
        begin = max(p_end, s.clause_of(cue_start)[0])
        if any(begin <= m.start and m.end <= cue_start and not is_delegation(s, m.key) for m in s.mentions):
            continue  # someone else in the cue's clause: theirs (but 两市…，均派出代表团出席E: the pair's)
        _, clause_end = s.clause_of(cue_end)
        event = next((m for m in events_of(s) if cue_end <= m.start and m.end <= clause_end + 1
                      and not any(ch in ITEM_ENDS for ch in text[cue_end:m.start])), None)
        if event is not None:
            for place in places:
                yield Fact(place, "participatedIn", event.key, event.start)


def _place_of(s: Sentence, key: EntityKey) -> EntityKey | None:
    """A place of the pair, or the place a person of the pair governs (the two mayors: 两市)."""
    if key.label in _PAIRED:
        return key
    if key.label != "Person":
        return None
    return next((r.object for r in s.view.relations if r.predicate == "affiliatedWith" and r.subject == key
                 and r.object.label in _PAIRED), None)
