"""``heldIn``: where an event takes place, stated (在P举行) or in its name (2023成都日本经贸交流会)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ..view import DocView
from .base import Fact, Sentence, events_of, relation_rule
from .events import name_opening, stated
from .lexicon import RelationLexicon

__all__ = ["at_place", "event_name"]


def _place_of(view: DocView, mention: Mention) -> EntityKey | None:
    """A place mention itself; for a body, the listed place inside its name (中国人民大学苏州校区 → 苏州)."""
    if mention.key.label in PLACE_CLASSES:
        return mention.key
    inside = [c for c in view.places_between(mention.start, mention.end)
              if c.source == "gazetteer" and c.end <= mention.end and c.canonical]
    if not inside:
        return None
    return candidate_key(max(inside, key=lambda c: (c.start, c.length)), view.folded)  # the last, not 中国


@relation_rule("heldIn.at_place", gate=("hold",), cues=("place_marker", "attributive_links"))
def at_place(s: Sentence) -> Iterator[Fact]:
    """E在P举行, 在P举办的E: the first place after 在 (交流会在东京举行)."""
    text, place_word, links = s.text, s.lex["place_marker"], s.lex["attributive_links"]
    events = events_of(s)
    for cue_start, cue_end, _ in s.find("hold"):
        at = text.rfind(place_word, s.start, cue_start)
        if at < 0 or cue_start - at > 24:
            continue
        places = [m for m in s.mentions if at < m.start and m.end <= cue_start]
        if not places:
            continue
        target = _place_of(s.view, places[0])
        if target is None:
            continue
        before = [m for m in events if m.end <= at]
        after = [m for m in events if m.start >= cue_end and text[cue_end:m.start] in links]
        event = after[0] if after else (before[-1] if before else None)
        if event is not None:
            yield Fact(event.key, "heldIn", target, event.start)


@relation_rule("heldIn.event_name", scope="document")
def event_name(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """An event named after a city or district is held there, unless the text says where
    (2023成都日本经贸交流会 → 成都)."""
    placed = stated(view, "heldIn")
    for mention, kind, key in name_opening(view, lex):
        if kind == "place" and mention.key not in placed:
            yield Fact(mention.key, "heldIn", key, mention.start, method="name")
