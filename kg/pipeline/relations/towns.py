"""Towns in a chain of places that opens a body's name (钦北区大垌镇平辽小学校): read by
``locatedIn.adjacent_places``."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ..candidates import candidate_key
from .base import Fact, Sentence

__all__ = ["opening_towns"]

#: The places a town written right after them lies in.
_TOWN_HOLDERS = ("City", "District")


def opening_towns(s: Sentence, towns: tuple[str, ...]) -> Iterator[Fact]:
    """A town found by its suffix that opens a body's name right after a county or city lies in it
    (钦北区 + 大垌镇平辽小学校, 吴中区 + 木渎镇党委 → the town in the district), as a town written
    alone after it does; so does a school or firm of the town, not its government (盛泽镇人民政府)."""
    for left, right in zip(s.mentions, s.mentions[1:]):
        if left.end != right.start or left.key.label not in _TOWN_HOLDERS or right.key.label in PLACE_CLASSES:
            continue
        for cand in s.view.candidates_at(right.start):
            if cand.label == "District" and cand.source == "shape" and cand.end < right.end \
                    and s.view.folded.endswith(towns, cand.start, cand.end):
                yield Fact(candidate_key(cand, s.view.folded), "locatedIn", left.key, right.start)
                if right.key.label != "GovernmentBody":  # (a town's own government is the town's only)
                    yield Fact(right.key, "locatedIn", left.key, right.start)
                break
