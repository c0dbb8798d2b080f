"""``established`` read from names: a local company named after its parent's brand and a place in
brackets (青松(大连)机械有限公司 of 日本青松精工株式会社) was set up by that parent."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...folding import fold
from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ..view import DocView
from .base import Fact, relation_rule
from .lexicon import RelationLexicon, reads

__all__ = ["brand_subsidiary"]

#: A subsidiary's name: its brand, a place in brackets, and more (its trade and legal form).
_SUBSIDIARY = re.compile(r"^([^()（）]{2,})[(（]([^()（）]+)[)）](.+)$")
#: The fewest characters of a parent's brand that name it.
_BRAND = 2


def _core(name: str, lex: RelationLexicon) -> str:
    """A parent's brand, folded (as the word lists are written): its name without the country it opens
    with and the legal form it ends with (日本青松精工株式会社 → 青松精工; 白石化學公司 → 白石化学)."""
    name = fold(name)
    for prefix in lex["parent_country_prefixes"]:
        if name.startswith(prefix) and len(name) - len(prefix) > _BRAND:
            name = name[len(prefix):]
            break
    for end in lex["parent_name_ends"]:
        if name.endswith(end) and len(name) - len(end) >= _BRAND:
            return name[:-len(end)]
    return name


def _founded_here(view: DocView, lex: RelationLexicon, child: EntityKey, words: str) -> tuple[int, bool] | None:
    """Where the text first reports the start of ``child`` (a sentence that names it and one of ``words``), and
    whether that sentence speaks of money (投资, outside the names: 投资设立)."""
    for mention in view.mentions:
        if mention.key == child:
            start, end = view.sentence(mention.start)
            if any(word in view.folded[start:end] for word in lex[words]):
                plain = "".join(view.folded[a:b] for a, b in _outside_names(view, start, end))
                return mention.start, any(word in plain for word in lex["invest"])
    return None


def _outside_names(view: DocView, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``[start, end)`` no mention covers."""
    spans, at = [], start
    for m in view.mentions_between(start, end):
        if m.start > at:
            spans.append((at, m.start))
        at = max(at, m.end)
    return [*spans, (at, end)]


reads("established", "parent_country_prefixes", "parent_name_ends", "subsidiary_founding_words",
      "holding_founding_words", "invest")


@relation_rule("established.brand_subsidiary", scope="document")
def brand_subsidiary(view: DocView, lex: RelationLexicon) -> Iterator[Fact]:
    """A company named B(P)… with P a place, whose start the text reports (its opening, groundbreaking,
    成立), was established by the company whose brand B is, which invested in it (SCHEMA convention 7:
    青松(大连)机械有限公司 ← 日本青松精工株式会社; 高新白石化学(天津)有限公司 ← 白石化学株式会社), unless the
    text says who established it or already links the two. Not a name that ends at its bracket (白川银行(中国): the bank's branch in China, no new company),
    nor when several companies of the text share the brand (青松精工, 青松汽车: whose is 青松(大连)…?). A country
    in the brackets names the parent's company for that country (青松(中国)投资有限公司): its own founding (成立,
    设立), not a plant's opening, starts it (青松(中国)集团的第二工厂竣工: no new company), and it is an
    investment only where that sentence says so (投资设立青松(中国)…)."""
    mentioned = {m.key for m in view.mentions}
    places = {name for key, record in view.entities.items() if key.label in PLACE_CLASSES
              for name in (key.name, *record.aliases)} | {c.text for c in view.candidates if c.label in PLACE_CLASSES}
    countries = {name for key, record in view.entities.items() if key.label == "Country"
                 for name in (key.name, *record.aliases)} | {c.text for c in view.candidates if c.label == "Country"}
    companies = [key for key in view.entities if key.label == "Company" and key in mentioned]
    founded = {r.object for r in view.relations if r.predicate == "established"}
    linked = {(r.subject, r.object) for r in view.relations}
    parents = [(key, _core(key.name, lex)) for key in companies if not _SUBSIDIARY.match(key.name)]
    for child in companies:
        shape = _SUBSIDIARY.match(child.name)
        if shape is None or child in founded or shape.group(2) not in places:
            continue
        brand = fold(shape.group(1))
        if shape.group(1) in places:
            continue  # 中国(青岛)…有限公司: a place, no parent's brand
        owners = [parent for parent, core in parents
                  if parent != child and len(core) >= _BRAND and (core.startswith(brand) or brand.endswith(core))]
        if len(owners) != 1 or (owners[0], child) in linked:
            continue  # none, or several companies share the brand (东风日产, 东风优尼…: whose is 东风(武汉)…?)
        holding = shape.group(2) in countries
        found = _founded_here(view, lex, child, "holding_founding_words" if holding else "subsidiary_founding_words")
        if found is not None:
            yield Fact(owners[0], "established", child, found[0], method="name")
            if found[1] or not holding:
                yield Fact(owners[0], "investedIn", child, found[0], method="name")
