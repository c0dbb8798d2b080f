"""The ``investedIn`` rule that reads a country's money in a place from its firms being there: 在沪日资企业,
进驻青岛的日资企业, 日资企业都已在渝设厂投产, 日本在武汉的企业 (the firms' capital is the country's)."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ....records import EntityKey
from ...marks import CLAUSE_BREAKS
from ..base import BODIES_AND_PLACES, Fact, Sentence, date_near, relation_rule
from ..lexicon import reads
from .patterns import _place_at

__all__ = ["firms_in_place", "hosted_firms", "listed_firms"]

#: How many one-character short forms may stand side by side for places (在川渝日企: 四川, 重庆).
_SHORT_FORMS = 2

reads("investedIn", "firm_heads_after_country", "firm_place_markers", "firm_presence_verbs", "possessive", "place_marker",
      "foreign_firm_gap_pattern", "foreign_firm_target_gap_pattern", "invest_hope_words")


def _firms(s: Sentence) -> list[tuple[int, int, EntityKey, bool]]:
    """The foreign firms of the sentence, the country whose capital they are, and whether a word names firms:
    日资企业, 日企 (a word of ``foreign_firms``), a country right before 企业 or 公司 (日本企业), or a country
    alone (日本在武汉的企业: the firms follow)."""
    text, lex = s.text, s.lex
    found = [(start, end, EntityKey(lex["foreign_firms"][word], "Country"), True)
             for start, end, word in s.find("foreign_firms")]
    for m in s.mentions:
        if m.key.label == "Country":
            head = next((h for h in lex["firm_heads_after_country"] if text.startswith(h, m.end)), None)
            found.append((m.start, m.end + len(head or ""), m.key, head is not None))
    return sorted(found)


def _places_before(s: Sentence, end: int) -> tuple[list[EntityKey], int]:
    """The places written right before ``end``, names or short forms (沪, 川渝), and where they begin."""
    keys: list[EntityKey] = []
    at, short = end, 0
    while True:
        named = next((m for m in s.mentions if m.end == at and m.key.label in PLACE_CLASSES), None)
        if named is not None:
            keys.insert(0, named.key)
            at = named.start
            continue
        key, after = _place_at(s, at - 1) if at - 1 >= s.start and short < _SHORT_FORMS else (None, at)
        if key is None or after != at:
            return keys, at
        keys.insert(0, key)
        at, short = at - 1, short + 1


def _settled_in(s: Sentence, start: int) -> list[EntityKey]:
    """在Z(的) / 进驻Z的 right before the firms at ``start``: the places Z."""
    text, lex = s.text, s.lex
    end = start - len(lex["possessive"]) if text.startswith(lex["possessive"], start - len(lex["possessive"])) else start
    keys, begin = _places_before(s, end)
    if not keys:
        return []
    marker = next((w for w in lex["firm_place_markers"] if text.startswith(w, begin - len(w))), None)
    if marker is None or (end == start and len(marker) > 1):
        return []  # (进驻青岛日资企业: no 的, no clause)
    return keys


def _present_in(s: Sentence, end: int, firms: bool) -> list[EntityKey]:
    """Firms (都已)在Z设厂/发展/兴业, 日本在Z的企业: the place Z where the firms are (not a hope: 吸引日企在Z发展);
    a country alone (not ``firms``) only before 的企业."""
    text, lex = s.text, s.lex
    c_start, c_end = s.clause_of(end)
    gap = lex["foreign_firm_gap_pattern"].match(text, end, c_end)
    if gap is None or not text.startswith(lex["place_marker"], gap.end() - len(lex["place_marker"])) or any(w in text[c_start:end] for w in lex["invest_hope_words"]):
        return []
    place, after = _place_at(s, gap.end())
    if place is None:
        return []
    near = lex["foreign_firm_target_gap_pattern"].match(text, after, c_end).end()
    if (firms and text.startswith(tuple(lex["firm_presence_verbs"]), near)) or (
            text.startswith(lex["possessive"], after)
            and text.startswith(tuple(lex["firm_heads_after_country"]), after + len(lex["possessive"]))):
        return [place]
    return []


@relation_rule("investedIn.firms_in_place", gate=("foreign_firms", "firm_heads"),
               cues=("foreign_firms", "firm_heads"))
def firms_in_place(s: Sentence) -> Iterator[Fact]:
    """A country's firms said to be in a place are its money there: 在Z(的)日资企业, 进驻/落户Z的日资企业,
    日资企业(都已)在Z设厂/投产/发展/兴业, 日本在Z的企业 (在沪日资企业 → 日本 investedIn 上海; 在川渝日企 →
    四川 and 重庆); not the country itself (在华日企), nor a hope (吸引更多日企在Z发展)."""
    for start, end, country, firms in _firms(s):
        for place in [*(_settled_in(s, start) if firms else ()), *_present_in(s, end, firms)]:
            if place.label != "Country":
                yield Fact(country, "investedIn", place, start, date=date_near(s, start))


reads("investedIn", "firm_host_verbs", "firm_host_gap_pattern", "firm_host_plan_words", "invest_hope_words", "partner_markers")

#: How far into its clause the place that holds the firms may stand (目前高新区…; not 介绍了白河引进…).
_HOST_REACH = 2


@relation_rule("investedIn.hosted_firms", gate=("foreign_firms", "firm_heads"), cues=("foreign_firms", "firm_heads"))
def hosted_firms(s: Sentence) -> Iterator[Fact]:
    """A place that holds a country's firms has its money: Z拥有/引进/集聚/活跃着(N家)日资企业, Z the place that
    opens the clause or an earlier clause of the sentence, no other body or place but a country between
    (目前，高新区已成功引进日资企业23家 → 日本 investedIn the zone; 南沙区作为中国…区域之一，已集聚众多知名日资企业);
    not a hope or a plan (希望引进更多日资企业, 高新区将引进日资企业10家)."""
    text, lex = s.text, s.lex
    for start, _, country, firms in _firms(s):
        at = _verb_start(s, start) if firms else None
        if at is None:
            continue
        c_start, _ = s.clause_of(at)
        if any(w in text[c_start:start] for w in lex["invest_hope_words"]) \
                or text.endswith(tuple(lex["firm_host_plan_words"]), c_start, at):
            continue  # (希望引进更多日资企业, 高新区将引进日资企业: a hope, a plan)
        host = _host(s, at)
        if host is not None and host != country:
            yield Fact(country, "investedIn", host, start, date=date_near(s, start))


#: How many characters of count and praise may stand between the verb and the firms (集聚众多知名日资企业).
_HOST_GAP = 12


def _verb_start(s: Sentence, start: int) -> int | None:
    """Where the verb that holds the firms at ``start`` begins (已集聚|众多知名|日资企业), if one stands before them."""
    text, lex = s.text, s.lex
    for begin in range(max(s.start, start - _HOST_GAP), start + 1):
        verb = next((v for v in lex["firm_host_verbs"] if text.endswith(v, s.start, begin)), None)
        if verb is not None and lex["firm_host_gap_pattern"].fullmatch(text, begin, start):
            return begin - len(verb)
    return None


def _host(s: Sentence, at: int) -> EntityKey | None:
    """The place before ``at`` that opens its clause, with no body or place but a country between."""
    before = [m for m in s.mentions if m.end <= at and m.key.label in BODIES_AND_PLACES and m.key.label != "Country"]
    if not before or before[-1].key.label not in PLACE_CLASSES:
        return None
    host = before[-1]
    c_start, _ = s.clause_of(host.start)
    if host.start - c_start > _HOST_REACH or s.text.endswith(tuple(s.lex["partner_markers"]), c_start, host.start):
        return None
    return host.key


reads("investedIn", "listed_firm_place_markers", "list_end_markers_invest")

#: How many characters may stand between a list's 等 and the 在 of the place its firms invest in
#: (等日本知名跨国公司和行业龙头企业在澄…).
_LIST_GAP = 18
#: How many characters of another act may stand between the place and the cue (在澄独立设厂或参股).
_PLACE_GAP = 6


@relation_rule("investedIn.listed_firms", gate=("invest",), cues=("invest",))
def listed_firms(s: Sentence) -> Iterator[Fact]:
    """A、B等(…企业)(不断扩大)在/来Z投资: each company of the list invests in the place before the cue
    (村田、夏普等诸多知名企业不断扩大在锡投资规模 → 村田, 夏普 investedIn 无锡; 甲银行、乙电子等在连投资企业;
    本田、雅马哈等知名日企纷纷来渝投资; 甲、乙等日本知名企业在澄独立设厂或参股经营), a few characters of another act
    of their clause maybe between; only where 投资 (or 参股, 增资) follows the place, not a plant alone
    (A、B等日资企业都已在Z设厂: they lie there)."""
    text, lex = s.text, s.lex
    end_words = tuple(lex["list_end_markers_invest"])
    for cue_start, _, _ in s.find("invest"):
        found = _listed_place(s, cue_start)
        if found is None:
            continue
        places, at = found
        c_start, _ = s.clause_of(at)
        companies = [m for m in s.mentions if c_start <= m.start and m.end <= at and m.key.label == "Company"]
        if len(companies) < 2:
            continue
        last = companies[-1]
        gap = text[last.end:at]
        if not gap.startswith(end_words) or len(gap) > _LIST_GAP:
            continue  # (A、B合资, A与B在Z投资: no list closed by 等)
        listed = [last]
        for m in reversed(companies[:-1]):
            if text[m.end:listed[0].start] != "、":
                break
            listed.insert(0, m)
        if len(listed) < 2:
            continue
        for m in listed:
            for place in places:
                yield Fact(m.key, "investedIn", place, cue_start, date=date_near(s, cue_start))


def _listed_place(s: Sentence, cue_start: int) -> tuple[list[EntityKey], int] | None:
    """The places after 在/来 that end right before the cue or a few characters of the clause before it
    (在锡投资, 来渝投资, 在澄独立设厂或参股), and where their marker begins."""
    text, markers = s.text, tuple(s.lex["listed_firm_place_markers"])
    for end in range(cue_start, max(s.start, cue_start - _PLACE_GAP) - 1, -1):
        if any(ch in CLAUSE_BREAKS for ch in text[end:cue_start]):
            return None
        places, begin = _places_before(s, end)  # a name or a short form (在锡投资)
        marker = next((w for w in markers if text.endswith(w, s.start, begin)), None)
        if places and marker is not None:
            return places, begin - len(marker)
    return None
