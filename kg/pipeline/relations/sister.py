"""``sisterCityOf``: twinned cities (A与B缔结友好城市, X是Y的第一个国际友好城市, X的友城Y, 两市结好40周年).

Both ends are cities; for a pair named with a marker (A与B缔结友城) both may be regions too: a province and
a prefecture twinned as 友城 (甘肃省和秋田县缔结友城) are sister places the way the gold files count them, not
two only bonded (结好) nor a region of several (东北地区) (words sister_pair_labels, sister_bond_words).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...records import EntityKey
from ..candidates import candidate_key
from .base import Fact, Sentence, date_near, relation_rule
from .lexicon import reads
from .pairs import pairs

__all__ = ["apposition", "copula", "event_name", "pair", "pair_pronoun", "possessive", "relative"]

reads("sisterCityOf", "sister_labels", "sister_pair_labels", "sister_bond_words", "sister_broad_region_ends", "sister")


def _cities(s: Sentence, *keys: EntityKey) -> bool:
    return all(k.label in s.lex["sister_labels"] for k in keys)


def _twinned(s: Sentence, *keys: EntityKey) -> bool:
    """The ends of one pair are all of one group of sister_pair_labels: cities, or regions."""
    groups = {s.lex["sister_pair_labels"].get(k.label) for k in keys}
    return len(groups) == 1 and None not in groups


def _named_twins(s: Sentence, at: int, *keys: EntityKey) -> bool:
    """The ends of the pair at ``at`` are twinned: two cities, or two provinces or prefectures (no region of
    several, 东北地区) whose first sister cue after ``at`` is a city word (缔结友城), not a bond word (结好)."""
    if not _twinned(s, *keys):
        return False
    if all(k.label in s.lex["sister_labels"] for k in keys):
        return True
    cue = next((w for c, _, w in s.find("sister") if c >= at), None)
    return cue is not None and cue not in s.lex["sister_bond_words"] \
        and not any(k.name.endswith(s.lex["sister_broad_region_ends"]) for k in keys)


@relation_rule("sisterCityOf.pair", gate=("sister", "@Event"))  # (an event's name may hold the cue)
def pair(s: Sentence) -> Iterator[Fact]:
    """City A与city B…友好城市/友城/结好: the two are sister cities, with the date of the sentence
    (1979年，大连市与北九州市缔结友好城市); region A与region B…友城 too (甘肃省和日本秋田县缔结友城, not 结好 alone);
    深化与长崎、那霸友城交流 with no one before: the home city's."""
    for found in pairs(s):
        if found.sister and not found.pronoun and not found.copula and not found.possessive:
            for partner in found.partners:
                if _named_twins(s, found.at, found.subject, partner):
                    yield Fact(found.subject, "sisterCityOf", partner, found.at, date=date_near(s, found.at))


@relation_rule("sisterCityOf.copula", gate=("sister",))
def copula(s: Sentence) -> Iterator[Fact]:
    """X是Y(缔结)的…友好城市/友城: X is a sister city of Y (东京是北京缔结的第一个国际友好城市)."""
    return _unmarked(s, "copula")


@relation_rule("sisterCityOf.possessive", gate=("sister",))
def possessive(s: Sentence) -> Iterator[Fact]:
    """X的(国际)友城Y: Y is a sister city of X (代表团来到合肥的友好城市久留米市)."""
    return _unmarked(s, "possessive")


reads("sisterCityOf.pair_pronoun", "pair_pronouns", "sister")


@relation_rule("sisterCityOf.pair_pronoun", gate=("sister", "pair_pronouns"))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """两市缔结友好城市关系30周年, 两市结好40周年 (also in an event's name): the two cities of the pair named
    before, else the home city and the other city of the sentence, else the sentence's two cities
    (出席在四日市市举行的两市缔结友好城市关系30周年纪念活动)."""
    if any(p.sister and not p.pronoun and p.partners and _named_twins(s, p.at, p.subject, *p.partners)
           for p in pairs(s)):
        return  # the pair rule's
    text, lex = s.text, s.lex
    cues = [start for start, _, _ in s.find("sister")]
    cues += [m.start for m in s.mentions if m.key.label == "Event" and any(w in m.text for w in lex["sister"])]
    for cue_start in sorted(cues):
        c_start, _ = s.clause_of(cue_start)
        if not any(w in text[c_start:cue_start + 1] for w in lex["pair_pronouns"]):
            continue
        pair = s.discourse.pair
        if pair is not None and _cities(s, pair[0]) and len(pair[1]) == 1 and _cities(s, pair[1][0]):
            yield Fact(pair[0], "sisterCityOf", pair[1][0], cue_start, date=date_near(s, cue_start))
            return
        home = s.view.home.get("City")
        cities = list(dict.fromkeys(m.key for m in s.mentions if _cities(s, m.key) and m.key.label != "Event"))
        others = [c for c in cities if c != home]
        if home is not None and len(others) == 1:
            yield Fact(home, "sisterCityOf", others[0], cue_start, date=date_near(s, cue_start))
        elif home not in cities and len(cities) == 2:
            yield Fact(cities[0], "sisterCityOf", cities[1], cue_start, date=date_near(s, cue_start))
        return


reads("sisterCityOf.event_name", "event_pair_pattern", "sister", "sister_labels")


@relation_rule("sisterCityOf.event_name", gate=("@Event",))
def event_name(s: Sentence) -> Iterator[Fact]:
    """An event named after the twinning of two cities, side by side or joined by 与, 和 or a dash, maybe
    with the country of the second before it (柳州市与日本秋田市友好城市签约仪式, 纪念北京东京结好40周年展览):
    the two are sister cities."""
    view, lex = s.view, s.lex
    for m in s.mentions:
        if m.key.label != "Event" or not any(w in m.text for w in lex["sister"]):
            continue
        places = sorted((c for c in view.places_between(m.start, m.end)
                         if c.source == "gazetteer" and c.end <= m.end), key=lambda c: (c.start, -c.length))
        for first in places:
            if first.label not in lex["sister_labels"]:
                continue
            link = lex["event_pair_pattern"].match(view.folded, first.end, m.end)
            at = link.end() if link is not None else first.end  # (北京东京结好40周年: side by side)
            country = next((c for c in places if c.start == at and c.label == "Country"), None)
            at = country.end if country is not None else at
            second = max((c for c in places if c.start == at), key=lambda c: c.length, default=None)
            if second is not None and second.label in lex["sister_labels"]:
                a, b = candidate_key(first, view.folded), candidate_key(second, view.folded)
                if a != b:
                    yield Fact(a, "sisterCityOf", b, m.start, date=date_near(s, m.start))
            break


def _unmarked(s: Sentence, kind: str) -> Iterator[Fact]:
    """The sister cities of the pairs read without a marker (``kind``: copula or possessive)."""
    for found in pairs(s):
        if getattr(found, kind) and _cities(s, found.subject, *found.partners):
            for partner in found.partners:
                yield Fact(found.subject, "sisterCityOf", partner, found.at, date=date_near(s, found.at))


reads("sisterCityOf.apposition", "sister_nouns", "possessive", "apposition_links")


@relation_rule("sisterCityOf.apposition", gate=("sister",), cues=("sister_nouns", "possessive", "apposition_links"))
def apposition(s: Sentence) -> Iterator[Fact]:
    """(国际)友城/友好城市 + CITY、CITY (a country before each maybe), with no pair and no owner (的) before:
    the home city's sister cities (代表团走过了国际友城日本长崎市、俄罗斯鄂木斯克市 → the home city and each)."""
    home = s.view.home.get("City")
    if home is None or any(p.sister and p.partners and not p.pronoun for p in pairs(s)):
        return
    text, lex = s.text, s.lex
    for start, end, word in s.find("sister"):
        if word not in lex["sister_nouns"] or text.endswith(lex["possessive"], 0, start):
            continue  # (X的友城Y: the possessive rule's)
        for city in _listed_cities(s, end):
            if city != home:
                yield Fact(home, "sisterCityOf", city, start, date=date_near(s, start))


def _listed_cities(s: Sentence, at: int) -> list[EntityKey]:
    """The cities listed from ``at`` on, each maybe after its country (日本长崎市、俄罗斯鄂木斯克市)."""
    text, links = s.text, s.lex["apposition_links"]
    by_start = {m.start: m for m in s.mentions}
    found: list[EntityKey] = []
    while True:
        mention = by_start.get(at)
        if mention is not None and mention.key.label == "Country":
            mention = by_start.get(mention.end)
        if mention is None or not _cities(s, mention.key):
            return found
        found.append(mention.key)
        at = mention.end
        link = next((w for w in links if text.startswith(w, at)), None)
        if link is None:
            return found
        at += len(link)


reads("sisterCityOf.relative", "partner_markers", "sister", "sister_relative_labels", "sister_relative_pattern",
      "apposition_links")


@relation_rule("sisterCityOf.relative", gate=("sister",), cues=("partner_markers", "apposition_links"))
def relative(s: Sentence) -> Iterator[Fact]:
    """与X(…)缔结友好城市/结好的Y、Z: a relative clause whose head places are X's sister places
    (与青山在15年前缔结友好城市的日本白河市 → 青山 and 白河市; 与东省结好的日本西县、北县 → 东省 and each)."""
    text, lex = s.text, s.lex
    labels = lex["sister_relative_labels"]
    by_start = {m.start: m for m in s.mentions}
    for start, end, _ in s.find("sister"):
        link = lex["sister_relative_pattern"].match(text, end)  # (关系)的
        if link is None:
            continue
        c_start, _ = s.clause_of(start)
        owner = next((m for m in reversed(s.mentions) if c_start <= m.start and m.end <= start
                      and text[m.start - 1:m.start] in lex["partner_markers"]), None)
        if owner is None or owner.key.label not in labels \
                or any(owner.end <= m.start and m.end <= start for m in s.mentions):
            continue  # (another name between the owner and the cue: not the shape)
        for place in _listed_places(s, link.end(), labels, by_start):
            if place != owner.key:
                yield Fact(owner.key, "sisterCityOf", place, start, date=date_near(s, start))


def _listed_places(s: Sentence, at: int, labels: list[str], by_start: dict) -> Iterator[EntityKey]:
    """The places of ``labels`` listed from ``at`` on, each maybe after its country (日本长崎市、俄罗斯鄂木斯克市)."""
    text, links = s.text, s.lex["apposition_links"]
    while True:
        mention = by_start.get(at)
        if mention is not None and mention.key.label == "Country":
            mention = by_start.get(mention.end)
        if mention is None or mention.key.label not in labels:
            return
        yield mention.key
        at = mention.end
        link = next((w for w in links if text.startswith(w, at)), None)
        if link is None:
            return
        at += len(link)
