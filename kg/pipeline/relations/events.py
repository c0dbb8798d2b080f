"""What an event's name says about it: the place or body it opens with (2023成都日本经贸交流会)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey, Mention
from ..candidates import candidate_key
from ..view import DocView
from .lexicon import RelationLexicon, reads

__all__ = ["name_opening", "stated"]

reads("name_opening", "event_ordinal_pattern", "place_marker")


def stated(view: DocView, predicate: str) -> set[EntityKey]:
    """The subjects of ``predicate`` facts stated in words (method ``pattern``) so far."""
    return {r.subject for r in view.relations if r.method == "pattern" and r.predicate == predicate}


def name_opening(view: DocView, lex: RelationLexicon) -> Iterator[tuple[Mention, str, EntityKey]]:
    """Each event mention whose name opens (after its edition or year, or 在) with a listed or
    shaped name: ``(mention, "place" or "body", that name)``."""
    text, ordinal, place_word = view.folded, lex["event_ordinal_pattern"], lex["place_marker"]
    for mention in view.mentions:
        if mention.key.label != "Event":
            continue
        match = ordinal.match(text, mention.start, mention.end)
        begin = match.end() if match else mention.start
        inner = [c for c in view.candidates_at(begin) + view.candidates_at(begin + 1)
                 if c.end < mention.end and c.source in ("gazetteer", "shape")]
        # 在东京遇见无锡: after 在, the place where it is held
        after_place_word = text.startswith(place_word, begin)
        for cand in sorted(inner, key=lambda c: (c.start, -c.length))[:1]:
            if cand.start != begin and not (after_place_word and cand.start == begin + len(place_word)):
                continue
            if cand.label in ("City", "District") or (after_place_word and cand.label in PLACE_CLASSES):
                yield mention, "place", candidate_key(cand, view.folded)
            elif cand.label in ORGANIZATION_CLASSES or cand.label == "Zone":
                yield mention, "body", candidate_key(cand, view.folded)
