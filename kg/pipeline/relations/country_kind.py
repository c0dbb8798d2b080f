"""``locatedIn`` of a body that the text calls one of a country's kind: A是日本最大的综合商社,
A作为日本第3大规模商工会议所, A、B都是日本很有影响力的机构团体."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ..marks import OPEN
from .base import Fact, Sentence, relation_rule
from .lexicon import reads
from .locate import _country, _items_before

__all__ = ["country_kind"]

reads("locatedIn", "country_copula_pattern", "country_kind_pattern")


@relation_rule("locatedIn.country_kind", cues=("country_copula_pattern", "country_kind_pattern"))
def country_kind(s: Sentence) -> Iterator[Fact]:
    """A、B(都)是/作为 + a country + words of rank ending in a kind of body, and the clause ends there (or
    after 之一): each body named right before lies in the country (札幌商工会议所作为日本第3大规模商工会议所，…
    → 日本); not where the words go on (A是日本企业拓展…, A是日本优尼集团投资的…), nor a branch with a
    place in brackets, nor a body the lists already place."""
    text, copula, kind = s.text, s.lex["country_copula_pattern"], s.lex["country_kind_pattern"]
    for i, country in enumerate(s.mentions):
        if country.key.label != "Country" or i == 0 or not kind.match(text, country.end, s.end):
            continue
        before = s.mentions[i - 1]
        if before.key.label not in ORGANIZATION_CLASSES or not copula.fullmatch(text, before.end, country.start):
            continue
        for item in _items_before(s, before.end):
            if not any(ch in OPEN for ch in item.key.name) and _country(s.view.gazetteer, item.key) is None:
                yield Fact(item.key, "locatedIn", country.key, country.start)
