"""The stops of an itinerary, each a clause of its own (在X、Y，王宏一行参观…): read by ``visited.during``."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ...marks import CLAUSE_BREAKS
from ..base import VISITED, Sentence, enumeration
from ..lexicon import reads
from .frames import Visit
from .named import _leading, named_before
from .visitors import _unique, expand, is_delegation


reads("itinerary_stops", "place_marker", "abbreviation_suffixes", "stay_closers")
reads("activity_stops", "place_marker", "stop_act_pattern")


def itinerary_stops(s: Sentence, visits: list[Visit]) -> list[Visit]:
    """The stops of an itinerary, each a clause of its own: 在X、Y，王宏一行参观… / 在X，青少年们体验… / 在X期间，…: what the
    clause names is visited by the travellers that open the next clause, else (nobody named there) by the
    travellers or delegations named before in the sentence, else by those of the trip; only on a trip (someone
    visited before)."""
    text, lex = s.text, s.lex
    travellers = s.discourse.travellers
    out = []
    for n, (a, b) in enumerate(s.clauses[:-1]):
        if not text.startswith(lex["place_marker"], a):
            continue
        first = s.first_after(a + len(lex["place_marker"]))
        if first is None or s.mentions[first].start != a + len(lex["place_marker"]):
            continue
        items = enumeration(s, first, VISITED - {"Country"}, b)
        end = _clause_text_end(s, b)
        if not items or any(m.key.label == "Person" for m in items) or not (
                items[-1].end == end or text[items[-1].end:end] in lex["stay_closers"]  # 在福州期间
                or (items[-1].key.label in PLACE_CLASSES and text[items[-1].end:end] in
                    lex["abbreviation_suffixes"])):  # 在首尔市: 首尔
            continue
        following = s.clauses[n + 1]
        lead = _leading(s, *following)
        subjects = [pair for m in lead for pair in expand(s, m)
                    if m.key in travellers or is_delegation(s, m.key)]
        if not subjects and not lead:  # 日本代表团的行程充实：在X，青少年们体验…
            named = [m for m in s.mentions if s.start <= m.start and m.end <= a
                     and (m.key in travellers or is_delegation(s, m.key))]
            subjects = [pair for m in named for pair in expand(s, m)] \
                or [(k, "carried") for k in s.discourse.visitors or s.discourse.trip or ()]
        if not subjects or not travellers:
            continue
        for m in items:
            if m.key not in {k for k, _ in subjects}:
                out.append(Visit(a, [m.key], _unique(subjects), "during"))
    return out


def activity_stops(s: Sentence) -> list[Visit]:
    """TRAVELLERS在P(、Q等地)参观/体验/合影…: the places where a trip's travellers do something are stops of the trip
    (代表团在上海乘船观赏夜景; 日本青少年在桂林体验武术; 先后在东京、北海道等地，密集开展拜会): visited by the travellers or
    delegations named before 在 in the clause, else (nobody named there) by the trip's visitors; not a country."""
    text, lex = s.text, s.lex
    travellers = s.discourse.travellers
    marker = lex["place_marker"]
    out: list[Visit] = []
    at = text.find(marker, s.start, s.end) if travellers else -1
    while at >= 0:
        first = s.first_after(at + len(marker))
        items = enumeration(s, first, VISITED - {"Country"}, s.end) \
            if first is not None and s.mentions[first].start == at + len(marker) else []
        if items and items[0] is s.mentions[first] and lex["stop_act_pattern"].match(text, items[-1].end):
            c_start, _ = s.clause_of(at)
            subjects = [pair for m in named_before(s, c_start, at) for pair in expand(s, m)
                        if m.key in travellers or is_delegation(s, m.key)]
            if not subjects and not any(c_start <= m.start and m.end <= at for m in s.mentions):
                subjects = [(k, "carried") for k in s.discourse.visitors or s.discourse.trip or ()]
            places = [m.key for m in items if m.key not in {k for k, _ in subjects}]
            if subjects and places:
                out.append(Visit(at, places, _unique(subjects), "during"))
        at = text.find(marker, at + 1, s.end)
    return out


def _clause_text_end(s: Sentence, end: int) -> int:
    """Where a clause's words end (before the comma that closes it)."""
    while end > 0 and s.text[end - 1] in CLAUSE_BREAKS + " ":
        end -= 1
    return end
