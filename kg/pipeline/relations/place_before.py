"""``locatedIn`` of a body right after a city or district (苏州松下电器 → 苏州)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import Mention
from .base import Fact, Sentence, relation_rule
from .locate import _elsewhere

__all__ = ["place_before_body"]


@relation_rule("locatedIn.place_before_body", cues=("delegation_heads",))
def place_before_body(s: Sentence) -> Iterator[Fact]:
    """A city or district right before a body's name contains it, unless the lists put the body in
    another country: then the text names the body's local branch, not the body (苏州大华电器 when the
    lists know 大华电器; not 成都伊藤洋华堂 → 伊藤洋华堂, a Japanese company); not a delegation, which
    comes from the place (临汾市文化交流代表团), nor a body whose name opens with its own, nearer place
    (吴江区盛泽镇人民政府 lies in 盛泽镇)."""
    for left, right in zip(s.mentions, s.mentions[1:]):
        if left.end == right.start and left.key.label in ("City", "District") \
                and right.key.label in ORGANIZATION_CLASSES and not right.key.name.endswith(s.lex["delegation_heads"]) \
                and not _elsewhere(s.view.gazetteer, right.key, left.key) and not _opens_with_place(s, right):
            yield Fact(right.key, "locatedIn", left.key, right.start)


def _opens_with_place(s: Sentence, mention: Mention) -> bool:
    """Whether a place opens the body's name, nearer to it than one before (吴江区盛泽镇人民政府: 盛泽镇's)."""
    return any(c.label in PLACE_CLASSES and c.end < mention.end for c in s.view.candidates_at(mention.start))
