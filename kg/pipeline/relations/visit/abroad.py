"""``visited.signed_abroad``: who signs at a place in another country than the one they come from went there."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ....records import EntityKey
from ...candidates import candidate_key
from ...marks import CLAUSE_BREAKS
from ..base import Fact, Sentence, relation_rule
from ..lexicon import reads
from .objects import _places_at
from .rules import _country_of, _homes
from .visitors import _SUBORDINATE_PLACES, governed_place

reads("signed_abroad", "sign", "place_marker")
reads("_located", "posting_marker")


@relation_rule("visited.signed_abroad", gate=("sign",))
def signed_abroad(s: Sentence) -> Iterator[Fact]:
    """甲与乙在P签署…: each party of a signing told in the sentence whose home (the place of a body's name, a
    person's post, a delegation's sender) lies in another country than P visited P (巴南区委书记甲与三条市市长乙在
    三条市签订协议 → 甲 visited 三条市; 大连市友协和高松市友协在香川县高松市签署协议 → 大连市友协 visited 高松市);
    not the party at home there (乙), nor one whose home is unknown or abroad (中国驻大阪总领事); a government stands
    for its place (无锡市政府与A在大阪签署 → 无锡 visited 大阪)."""
    text, marker = s.text, s.lex["place_marker"]
    parties = [k for r in s.view.relations if r.predicate == "signedWith" and r.start == s.start
               for k in (r.subject, r.object) if k.label not in PLACE_CLASSES]  # (a place signs, its people travel)
    if not parties:
        return
    for cue_start, _, _ in s.find("sign"):
        c_start = s.clause_of(cue_start)[0]
        at = text.rfind(marker, c_start, cue_start)
        places = _places_at(s, at + len(marker), cue_start) if at >= 0 else []
        if not places or any(ch in CLAUSE_BREAKS for ch in text[at:cue_start]) or any(
                m.start >= at and m.end <= cue_start and m.key not in places for m in s.mentions):
            continue  # (在P and the cue right after the places: 在三条市签订)
        place = places[-1]
        country = _country_of(s, place)
        if country is None:
            continue
        for party in dict.fromkeys(parties):
            homes = _homes(s, party) or _located(s, party)
            if homes and all(_country_of(s, h) not in (None, country) for h in homes):
                yield Fact(governed_place(s, party) or party, "visited", place, at)  # (无锡市政府: 无锡)


def _located(s: Sentence, body: EntityKey) -> list[EntityKey]:
    """The place a body's name opens with, as the lists know it (大连市中日友好协会 → 大连), for one no home was
    found for; none for a person."""
    view = s.view
    named = view.first_mention(body)
    if named is None or body.label == "Person" or s.lex["posting_marker"] in body.name:
        return []  # (中国驻大阪总领事馆: a mission, who knows where it came from)
    inside = [c for c in view.candidates_at(named.start) if c.end < named.end and c.entry is not None
              and c.label in _SUBORDINATE_PLACES]
    return [candidate_key(max(inside, key=lambda c: c.length), view.folded)] if inside else []
