"""``heldIn`` of an event held at or during another one (峰会期间举行的对接会, 开幕式上还举行了签约仪式):
where that one is held."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from .attended import last_reported
from .base import RANK, Fact, Sentence, events_of, relation_rule
from .lexicon import reads

__all__ = ["within_event"]


reads("heldIn.within_event", "event_context_pattern", "attending_particles", "attributive_links",
      "within_event_pattern", "within_gap_pattern")



@relation_rule("heldIn.within_event", gate=("hold",), cues=("event_context_pattern",))
def within_event(s: Sentence) -> Iterator[Fact]:
    """An event held at or during another (E1上还举行了E2, E1期间举行的E2) is held where that one is,
    unless the sentence says where (峰会期间举行的中日经贸交流对接会 → the summit's 肇庆)."""
    text, context = s.text, s.lex["event_context_pattern"]
    events = events_of(s)
    held = {f.subject for f in s.proposed if f.predicate == "heldIn"}
    places: dict[EntityKey, list[EntityKey]] = {}
    for r in s.view.relations:
        if r.predicate == "heldIn" and r.object.label in PLACE_CLASSES:
            places.setdefault(r.subject, []).append(r.object)
    links = tuple(w for w in (*s.lex["attending_particles"], *s.lex["attributive_links"]) if w)
    for cue_start, cue_end, _ in s.find("hold"):
        at = cue_end + next((len(w) for w in links if text.startswith(w, cue_end)), 0)
        inner = next((m for m in events if at <= m.start <= at + 1), None)  # (an opening quote between)
        if inner is None or inner.key in held:
            continue
        clause_start, _ = s.clause_of(cue_start)
        clauses = [c for c in s.clauses if c[1] < clause_start]
        begin = clauses[-1][0] if clauses and text[clauses[-1][1]:clauses[-1][1] + 1] in "，," else clause_start
        outer = [m for m in events if begin <= m.start and m.end <= cue_start and m.key != inner.key
                 and (found := context.match(text, m.end)) and found.end() <= cue_start
                 and s.lex["within_gap_pattern"].fullmatch(text, found.end(), cue_start)]
        if outer:
            host = outer[-1].key
        elif (setting := s.lex["within_event_pattern"].fullmatch(text, begin, cue_start)):
            # 峰会期间举行的E2: the last event of that kind named before; 开幕式上还举行了E2: the one reported on
            kind = setting.group("kind")
            named = [m.key for m in s.view.mentions if m.end <= s.start and m.key.label == "Event"
                     and m.key.name.endswith(kind) and m.key != inner.key]
            host = named[-1] if named else last_reported(s)
        else:
            continue
        if host is None or host == inner.key:
            continue
        where = list(dict.fromkeys(places.get(host, ())))
        smallest = max((RANK.get(p.label, 0) for p in where), default=0)
        for place in where:
            if RANK.get(place.label, 0) == smallest:  # (the summit's 广东省 and 肇庆: 肇庆)
                yield Fact(inner.key, "heldIn", place, inner.start)
