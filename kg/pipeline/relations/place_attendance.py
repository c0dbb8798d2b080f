"""``participatedIn`` of places: the pair of places named before (两市将共同参与E), the places whose officials
come (来自甲县、乙市的相关人士出席E)."""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from .attended import ITEM_ENDS, attended_event, meeting_only
from .base import Fact, Sentence, events_of, relation_rule
from .lexicon import reads
from .pairs import named_here
from .participation import _cues
from .visit.visitors import is_delegation

__all__ = ["pair_places", "place_delegates"]

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


reads("participatedIn.place_delegates", "origin_word", "place_delegate_pattern", "invitation_words", "place_list_links",
      "attending_places_pattern", "place_partner_marker")


@relation_rule("participatedIn.place_delegates", gate=("participation",))
def place_delegates(s: Sentence) -> Iterator[Fact]:
    """Places listed after 来自 whose leaders, officials or representatives attend the event: the places
    attend it through them (来自青山、白河等6省政府领导和日本甲县、乙县等7县知事参会; 来自日本的甲县、乙市的相关人士
    也出席了本次活动), and the places the text names after the cities that attend (前来参加E的城市里，既有甲市、乙市，
    也有…); of a place right before another (大阪府泉佐野市) only the nearer; not countries, nor a partner after 与,
    nor places whose young people, students or firms come (来自甲县、乙县的青少年参加活动: no one speaks for the place)."""
    yield from _attending_places(s)
    event, _ = attended_event(s)
    if event is None:
        return
    text, word, pattern = s.text, s.lex["origin_word"], s.lex["place_delegate_pattern"]
    links = ("", *s.lex["place_list_links"])
    cue_ends = [c[0] for c in s.find("participation") if not meeting_only(s, c[1])]
    at = text.find(word, s.start, s.end)
    while at >= 0:
        cue = next((c for c in cue_ends if c > at), None)
        if cue is None or any(text.endswith(w, 0, at) for w in s.lex["invitation_words"]):
            break
        places = [m for m in s.mentions if at < m.start and m.end <= cue and m.key.label in _PAIRED]
        for i, m in enumerate(places):
            following = places[i + 1] if i + 1 < len(places) else None
            if following is not None and following.start == m.end:
                continue  # 大阪府泉佐野市: the prefecture only says where the city lies
            j = i
            while j + 1 < len(places) and text[places[j].end:places[j + 1].start] in links:
                j += 1  # to the end of the list the place stands in
            run_end = places[j].end
            if pattern.match(text, run_end):
                yield Fact(m.key, "participatedIn", event, m.start)
        at = text.find(word, cue, s.end)


def _attending_places(s: Sentence) -> Iterator[Fact]:
    """参加E的城市里，既有A、B…: the places named after the cities that attend E (not a partner after 与)."""
    text, pattern, partner = s.text, s.lex["attending_places_pattern"], s.lex["place_partner_marker"]
    for _, cue_end, _ in s.find("participation"):
        event = next((m for m in events_of(s) if cue_end <= m.start <= cue_end + 1), None)
        found = pattern.match(text, event.end) if event is not None else None
        if found is None:
            continue
        for m in s.mentions:
            if m.start >= found.end() and m.key.label in _PAIRED and not s.preceded_by(m, partner) \
                    and not any(n.start == m.end and n.key.label in _PAIRED for n in s.mentions):
                yield Fact(m.key, "participatedIn", event.key, m.start)
