"""Resolution steps after naming: the home city's bodies and aliases, alias notes,
back-references, names without their country."""

from __future__ import annotations

import re

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey
from ..marks import CLOSE, OPEN
from .events import ends_with
from ..rules import reads
from .lexicon import STAGE, entity_rule
from .resolution import Resolution, Span
from .zones import zones_without_place

__all__ = ["alias_note", "backref", "bracket_alias", "delegation_short_form", "home_alias", "home_body", "home_zone",
           "place_abbreviation", "with_country", "without_country", "zone_without_place"]

#: The mark between the posts of one person (省委常委、市委书记).
_LIST_MARK = "、"
#: A closing quote between a quoted name and its alias note.
_CLOSE_QUOTES = "”’」』"


@entity_rule("entities.home_body", phase="named")
def home_body(res: Resolution) -> None:
    """市委, 市商务局, 市工商联 without a place: the body of the article's home city (市委 → 无锡市委); not a
    standing committee's seat held as a rank before a post of another body (省委常委、市委书记甲)."""
    city_suffix = res.lex.words["city_suffix"]
    for cand in res.home_bodies:
        place = res.home.get(res.lex.home_prefixes[res.text[cand.start]])
        if place is None:
            continue
        if _rank_only(res, cand.text, cand.end):  # the rank is a post of the place
            res.spans.append(Span(cand.start, cand.end, place.key, "entities.home_body"))
            continue
        place_name = place.key.name
        if place.key.label == "City" and not place_name.endswith(city_suffix):
            place_name += city_suffix
        key = EntityKey(place_name + res.text[cand.start + 1:cand.end], cand.label)
        res.entity(key, parent=place.key).add_surface(cand.text, "entities.home_body")
        res.spans.append(Span(cand.start, cand.end, key, "entities.home_body"))


def _rank_only(res: Resolution, body: str, end: int) -> bool:
    """The body at ``end`` is named only by a rank on its standing committee, a list of posts going on with
    a post of another body (省委常委、市委书记; not 市委常委、市委秘书长)."""
    text = res.text
    for rank in res.lex.words["rank_posts"]:
        if text.startswith(rank + _LIST_MARK, end):
            return not text.startswith(body, end + len(rank) + len(_LIST_MARK))
    return False


@entity_rule("entities.home_alias", phase="named")
def home_alias(res: Resolution) -> None:
    """我市, 本市: the article's home city, where no name covers them."""
    if "City" not in res.home:
        return
    city_key = res.home["City"].key
    for pattern in res.lex.home_alias_patterns:
        for match in pattern.finditer(res.text):
            if not any(s < match.end() and match.start() < e for s, e, _, _ in res.spans):
                res.spans.append(Span(match.start(), match.end(), city_key, "entities.home_alias"))


@entity_rule("entities.alias_note", phase="named")
def alias_note(res: Resolution) -> None:
    """X(以下简称“Y”): Y is another name of X, the name right before the note
    (中日(大连)智能制造产业园(以下简称“产业园”))."""
    text = res.text
    for match in res.lex.alias_notes.finditer(text):
        at = match.start() - (text[match.start() - 1:match.start()] in _CLOSE_QUOTES)  # “X”(简称“Y”)
        before = [s for s in res.spans if s.end == at]
        if before:
            res.defined[match.group(1)] = before[0].key
            res.entities[before[0].key].add_surface(match.group(1), "entities.alias_note")


@entity_rule("entities.bracket_alias", phase="named")
def bracket_alias(res: Resolution) -> None:
    """X(Y): a body's name in brackets right after a body's name is another name of it
    (中国国际贸易促进委员会江苏省分会(江苏省国际商会))."""
    text = res.text
    by_start = {span.start: span for span in res.spans}
    by_end = {span.end: span for span in res.spans}
    renamed: dict[EntityKey, EntityKey] = {}
    for inner in sorted(res.spans):
        outer = by_end.get(inner.start - 1)
        if outer is None or text[inner.start - 1] not in OPEN or text[inner.end:inner.end + 1] not in CLOSE \
                or by_start.get(inner.start) is not inner or outer.key == inner.key \
                or outer.key.label not in ORGANIZATION_CLASSES or inner.key.label not in ORGANIZATION_CLASSES:
            continue
        renamed[inner.key] = outer.key
    for old, new in renamed.items():
        merged = res.entities.pop(old, None)
        kept = res.entities[new]
        kept.add_surface(old.name, "entities.bracket_alias")
        if merged is not None:
            for surface in merged.surfaces:
                kept.add_surface(surface, "entities.bracket_alias")
    if renamed:
        res.spans[:] = [Span(s.start, s.end, renamed[s.key], "entities.bracket_alias") if s.key in renamed else s
                        for s in res.spans]


reads(STAGE, "entities.backref", "event_backref_joiners", "delegation_heads")


@entity_rule("entities.backref", phase="named")
def backref(res: Resolution) -> None:
    """A bare 示范区, 交流会, 代表团 joins the latest entity of its class with the same ending, or
    the only one anywhere, or the one an alias note defined (代表团 → 无锡市经贸文化代表团), or for a
    delegation word the one delegation named before under another (访问团 … 代表团); a bare
    event word after 及 or 暨 joins the event named right before (“…”座谈会及交流会)."""
    text = res.text
    ordered = sorted(res.spans)
    for cand in res.backrefs:
        ending = text[max(cand.start, cand.end - 3):cand.end]
        key = res.defined.get(text[cand.start:cand.end]) or _joined_event(res, ordered, cand)
        if key is None:
            earlier = [k for s, _, k, _ in ordered if s < cand.start and k.label == cand.label and ends_with(res, k, ending)]
            anywhere = [k for k in res.entities if k.label == cand.label and ends_with(res, k, ending)]
            key = earlier[-1] if earlier else (anywhere[0] if len(set(anywhere)) == 1 else None)
        if key is None:
            key = _other_delegation(res, ordered, cand)
        if key is None:
            continue
        if cand.end - cand.start > 2:  # (论坛 after 该 is a mention, no name to find again elsewhere)
            res.entities[key].add_surface(cand.text, "entities.backref")
        res.spans.append(Span(cand.start, cand.end, key, "entities.backref"))


def _other_delegation(res: Resolution, ordered: list[Span], cand) -> EntityKey | None:
    """A bare delegation word where no delegation of that word was named: the one delegation named
    before under another word (青山市友好访问团…。代表团出席了…: the 访问团), if only one was."""
    heads = tuple(res.lex.words["delegation_heads"])
    if cand.label != "Organization" or res.text[cand.start:cand.end] not in heads:
        return None
    earlier = {k for s, _, k, _ in ordered if s < cand.start and k.label == "Organization" and k.name.endswith(heads)}
    return next(iter(earlier)) if len(earlier) == 1 else None


def _joined_event(res: Resolution, ordered: list[Span], cand) -> EntityKey | None:
    """The event a bare event word is joined to by 及 or 暨 (“…40周年”座谈会及交流会: one event
    of two parts), where that event's name ends right before the joiner."""
    if cand.label != "Event":
        return None
    for joiner in res.lex.words["event_backref_joiners"]:
        if res.text.startswith(joiner, cand.start - len(joiner)):
            at = cand.start - len(joiner)
            return next((k for _, e, k, _ in reversed(ordered) if e == at and k.label == "Event"), None)
    return None


@entity_rule("entities.home_zone", phase="named")
def home_zone(res: Resolution) -> None:
    """A bare 高新区 or 经开区 that refers to no zone named before: the home city's (大连 → 大连高新区,
    under the name the lists give it)."""
    city = res.home.get("City")
    if city is None:
        return
    words = res.lex.words["home_zones"]
    resolved = {span.start for span in res.spans}
    for cand in res.backrefs:
        word = res.text[cand.start:cand.end]
        if cand.label != "Zone" or word not in words or cand.start in resolved:
            continue
        name = city.key.name + word
        entry = res.gazetteer.lookup(name) if res.gazetteer is not None else None
        key = EntityKey(entry.canonical if entry is not None and entry.label == "Zone" else name, "Zone")
        zone = res.entity(key, parent=city.key)
        zone.add_surface(name, "entities.home_zone")
        zone.add_surface(cand.text, "entities.home_zone")
        res.spans.append(Span(cand.start, cand.end, key, "entities.home_zone"))


@entity_rule("entities.without_country", phase="named")
def without_country(res: Resolution) -> None:
    """A company or body named with its country in front is known without it too
    (中国国际贸易促进委员会 → 国际贸易促进委员会)."""
    prefixes = tuple(res.lex.words["country_prefixes"])
    for key, entity in res.entities.items():
        if key.label in ("Company", "Organization") and key.name.startswith(prefixes) and len(key.name) >= 6:
            prefix = next(p for p in prefixes if key.name.startswith(p))
            entity.add_surface(key.name[len(prefix):], "entities.without_country")


@entity_rule("entities.zone_without_place", phase="named")
def zone_without_place(res: Resolution) -> None:
    """A zone with a name of its own after its city or county is known without the place too
    (肥西县桃花工业园 → 桃花工业园; not 苏州高新区, 大连保税区: the place makes those names)."""
    zones_without_place(res)


@entity_rule("entities.with_country", phase="named")
def with_country(res: Resolution) -> None:
    """A company or body written right after its country is known with it too (日本住友电装株式会社: the
    listed 住友电装株式会社 with 日本 in front), and a state body with the places written before it
    (湖南省平江县人民政府); an alias only, the mentions stay apart."""
    places = {span.end: span for span in res.spans if span.key.label in PLACE_CLASSES}
    for span in res.spans:
        if span.key.label not in ORGANIZATION_CLASSES or span.end - span.start < 2:
            continue
        before = places.get(span.start)
        if span.key.label != "GovernmentBody":  # a company or body after its country
            if before is not None and before.key.label == "Country":
                res.entity(span.key).add_surface(res.raw[before.start:span.end], "entities.with_country")
            continue
        start = span.start  # a state body after the places it lies in (湖南省平江县人民政府)
        while before is not None:
            start, before = before.start, places.get(before.start)
        if start < span.start:
            res.entity(span.key).add_surface(res.raw[start:span.end], "entities.with_country")


@entity_rule("entities.delegation_short_form", phase="named")
def delegation_short_form(res: Resolution) -> None:
    """A delegation named by a shorter form of another's name is that one (辽宁代表团 after 辽宁省经贸代表团,
    日本四日市市代表团 beside 日本四日市市经济交流代表团): the name before its head opens the other's."""
    heads = tuple(res.lex.words["delegation_heads"])
    delegations = [k for k in res.entities if k.label == "Organization" and k.name.endswith(heads)]
    first_at = {}
    for span in sorted(res.spans):
        first_at.setdefault(span.key, span.start)
    for short in delegations:
        head = next(h for h in heads if short.name.endswith(h))
        prefix = short.name[:-len(head)]
        if len(prefix) < 2 or short not in first_at:
            continue
        longer = [k for k in delegations if k != short and len(k.name) > len(short.name) and k.name.startswith(prefix)
                  and k in first_at]
        if not longer:
            continue
        before = [k for k in longer if first_at[k] < first_at[short]]
        target = max(before, key=first_at.get) if before else (longer[0] if len(longer) == 1 else None)
        if target is None:
            continue
        for surface in res.entities[short].surfaces:
            res.entities[target].add_surface(surface, "entities.delegation_short_form")
        res.spans[:] = [Span(s, e, target, "entities.delegation_short_form") if k == short else Span(s, e, k, r)
                        for s, e, k, r in res.spans]
        del res.entities[short]
        delegations.remove(short)


reads(STAGE, "entities.place_abbreviation", "place_abbreviations", "abbreviation_before", "abbreviation_after",
      "abbreviation_not_home")


@entity_rule("entities.place_abbreviation", phase="named")
def place_abbreviation(res: Resolution) -> None:
    """A place's one-character form between 在, 来, 赴… and a verb, 期间 or the clause's end (来津访问, 在沪举行,
    在渝设厂, 率团访柳。): a character of the home city's name (来青实地调研 in an article about 青石), else a
    province's or large city's 简称 the lists name."""
    text, words = res.text, res.lex.words
    pattern = res.lex.memo.setdefault("place_abbreviation", {}).get("pattern")
    if pattern is None:  # (one search of the text: 在/来… then one character then a verb or 期间)
        pattern = re.compile("(?<=[" + re.escape("".join(words["abbreviation_before"])) + "])[\u4e00-\u9fff](?="
                             + "|".join(map(re.escape, words["abbreviation_after"])) + ")")
        res.lex.memo["place_abbreviation"]["pattern"] = pattern
    table: dict[str, str] = words["place_abbreviations"]
    not_home = frozenset(words["abbreviation_not_home"])  # 在日期间: in Japan, even in an article about 日照
    home = res.home.get("City")
    taken: set[int] | None = None
    for match in pattern.finditer(text):
        at, char = match.start(), match.group()
        if taken is None:
            taken = {i for span in res.spans for i in range(span.start, span.end)}
        if at in taken:
            continue
        key = None
        if home is not None and char in home.key.name and char not in not_home:
            key = home.key
        elif char in table and res.gazetteer is not None:
            entry = res.gazetteer.lookup(table[char])
            if entry is not None and entry.label in ("City", "Region"):
                key = EntityKey(entry.canonical, entry.label)
        if key is not None:
            res.entity(key).add_surface(res.raw[at], "entities.place_abbreviation")
            res.spans.append(Span(at, at + 1, key, "entities.place_abbreviation"))
