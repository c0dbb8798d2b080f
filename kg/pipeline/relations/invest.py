"""``investedIn``: who puts money where (投资, 增资, 注资, 实际使用日资 …).

Each 投资 cue is read once (:func:`investments`): a preposition names the target
(A对B投资), else the investors before the cue (由A与B共同投资, A将投资, 后者投资,
双方投资, the sentence's topic) and the first kind of target found, in this order:
what they set up with the money (A投资M设立B), the name right after the cue, their
own subsidiary (增资…扩建其位于X的B), the place after 在, the places of the pair
named in the sentence. The amounts after the cue go to the targets in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey, Mention, Money
from ..candidates import candidate_key
from .base import (
    BODIES_AND_PLACES,
    ORGS_AND_ZONES,
    VISITED,
    Fact,
    Sentence,
    date_near,
    enumeration,
    money_after,
    place_run,
    relation_rule,
    skip_relative,
)
from .lexicon import reads
from .pairs import named_here, pair_of, pairs

__all__ = ["Investment", "investments"]

_GATE = ("invest",)
_Cue = tuple[int, int, str]


class Investment(NamedTuple):
    """One 投资 cue with its investors and targets, and which reading found the targets."""

    at: int
    found_by: str  # founders, direct_object, subsidiary, in_place, pair_places
    investors: list[EntityKey]
    targets: list[Mention]
    establish: _Cue | None  # the 设立 cue of what was set up with the money (founders)
    amounts: list[Money]
    place: Mention | None = None  # 在Z设立B / 在Z建设: where the money goes besides the targets


@relation_rule("investedIn.foreign_capital", gate=("invest", "foreign_capital"), cues=("foreign_capital",))
def foreign_capital(s: Sentence) -> Iterator[Fact]:
    """A实际使用日资M: the country of the capital invested in the place or body before it
    (苏州实际使用日资12亿美元 → 日本 investedIn 苏州)."""
    text = s.text
    for word, investor in s.lex["foreign_capital"].items():
        at = text.find(word, s.start, s.end)
        if at < 0:
            continue
        _, c_end = s.clause_of(at)
        subjects = [m for m in s.mentions if m.end <= at and m.key.label in VISITED]
        if subjects:
            money = money_after(s, at, c_end)
            yield Fact(EntityKey(investor, "Country"), "investedIn", subjects[-1].key, at,
                       money=money[0] if money else None, date=date_near(s, at))


reads("investedIn", "foreign_firm_gap_pattern", "foreign_firm_target_gap_pattern", "place_abbreviations", "invest_hope_words",
      "country_abbreviations", "abbreviation_suffixes")


@relation_rule("investedIn.foreign_firms", gate=("foreign_firms", "invest"),
               cues=("invest", "foreign_firm_gap_pattern", "foreign_firm_target_gap_pattern", "invest_hope_words"))
def foreign_firms(s: Sentence) -> Iterator[Fact]:
    """日资企业/日企(纷纷)在Z投资, 对Z投资: the country the firms' capital comes from invests in Z, the smallest place
    written there, or the place a one-character short form stands for (一大批日资企业在天津投资发展 →
    日本 investedIn 天津; 日企在华投资 → 中国); so does a country named with its firms (日本企业在盐投资)."""
    text, lex = s.text, s.lex
    firms = [(start, end, EntityKey(lex["foreign_firms"][word], "Country")) for start, end, word in s.find("foreign_firms")]
    countries = [(m.start, m.end, m.key) for m in s.mentions if m.key.label == "Country"]  # 日本企业在盐投资
    for start, end, investor in [*firms, *countries]:
        c_start, c_end = s.clause_of(start)
        gap = lex["foreign_firm_gap_pattern"].match(text, end, c_end)
        if gap is None or any(w in text[c_start:start] for w in lex["invest_hope_words"]):
            continue  # (吸引更多日资企业在Z投资, 为日企在Z投资提供支持: not yet)
        place, after = _place_at(s, gap.end())
        if place is None:
            continue
        near = lex["foreign_firm_target_gap_pattern"].match(text, after, c_end).end()
        cue = next((c for c in s.find("invest", near, c_end) if c[0] == near), None)
        if cue is not None and place != investor:
            money = money_after(s, cue[1], c_end)
            yield Fact(investor, "investedIn", place, cue[0], money=money[0] if money else None,
                       date=date_near(s, cue[0]))


def _place_at(s: Sentence, at: int) -> tuple[EntityKey | None, int]:
    """The place written at ``at`` (the smallest of a run: 上海浦东 → 浦东) and where it ends, or the one a
    short form stands for (华 → 中国; 沪 → 上海, 苏 → 江苏 or 苏州, when the article names it)."""
    first = next((m for m in s.mentions if m.start == at and m.key.label in PLACE_CLASSES), None)
    if first is not None:
        run = place_run(s, first)
        return run[-1].key, run[-1].end
    if s.view.mentions_between(at, at + 1):
        return None, at
    char, lex = s.text[at:at + 1], s.lex
    if char in lex["country_abbreviations"]:
        return EntityKey(lex["country_abbreviations"][char], "Country"), at + 1
    for target in lex["place_abbreviations"].get(char, "").split("|"):
        names = {target, *(target + ending for ending in lex["abbreviation_suffixes"])} if target else set()
        for key in s.view.entities:
            if key.label in PLACE_CLASSES and key.name in names and s.view.first_mention(key) is not None:
                return key, at + 1
    return None, at


@relation_rule("investedIn.source_country", gate=("investment_sources",), cues=("copula",))
def source_country(s: Sentence) -> Iterator[Fact]:
    """X是Z(重要的)投资来源地/外资来源地/投资伙伴: X invests in Z (日本是上海重要的投资来源地 → 日本 investedIn 上海)."""
    text = s.text
    for n_start, _, _ in s.find("investment_sources"):
        c_start, _ = s.clause_of(n_start)
        is_at = text.rfind(s.lex["copula"], c_start, n_start)
        if is_at < 0:
            continue
        objects = [m for m in s.mentions if is_at < m.start and m.end <= n_start and m.key.label in BODIES_AND_PLACES]
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= is_at and m.key.label in BODIES_AND_PLACES]
        if objects and subjects:
            for subject in subjects:
                if subject.key != objects[0].key:
                    yield Fact(subject.key, "investedIn", objects[0].key, n_start, date=date_near(s, n_start))


reads("investedIn", "owner_links")


@relation_rule("investedIn.parent_company", gate=("parent_nouns", "subsidiary_nouns"), cues=("copula",))
def parent_company(s: Sentence) -> Iterator[Fact]:
    """A parent company invests in its subsidiary: B的母公司A, A旗下(的)B、C, A的全资子公司B,
    B是A(在华设立)的子公司 (伊藤洋华堂的母公司——柒和伊控股 → 柒和伊控股 investedIn 伊藤洋华堂)."""
    text, links = s.text, s.lex["owner_links"]
    bodies = [m for m in s.mentions if m.key.label in ORGANIZATION_CLASSES]
    for cue_start, cue_end, _ in s.find("parent_nouns"):
        child = next((m for m in bodies if text[m.end:cue_start] in links and m.end <= cue_start), None)
        parent = next((m for m in bodies if m.start >= cue_end and text[cue_end:m.start] in links), None)
        if child is not None and parent is not None and child.key != parent.key:
            yield Fact(parent.key, "investedIn", child.key, cue_start)
    for cue_start, cue_end, _ in s.find("subsidiary_nouns"):
        _, c_end = s.clause_of(cue_start)
        parent = next((m for m in reversed(bodies) if m.end <= cue_start and text[m.end:cue_start] in links), None)
        first = s.first_after(cue_end)
        children: list[Mention] = []
        if first is not None and text[cue_end:s.mentions[first].start] in links:
            children = enumeration(s, first, ORGANIZATION_CLASSES, c_end)
        if parent is None or not children:
            c_start, _ = s.clause_of(cue_start)
            is_at = text.rfind(s.lex["copula"], c_start, cue_start)  # B是A在华设立的全资子公司
            after = [m for m in bodies if is_at >= 0 and m.start == is_at + len(s.lex["copula"])]
            before = [m for m in bodies if c_start <= m.start and m.end <= is_at] or \
                ([Mention(s.topic, s.start, s.start, "")] if is_at >= 0 and s.topic is not None
                 and s.topic.label in ORGANIZATION_CLASSES else [])
            if not after or not before:
                continue
            parent, children = after[0], before[-1:]
        for child in children:
            if child.key != parent.key:
                yield Fact(parent.key, "investedIn", child.key, cue_start)


_LOCAL = PLACE_CLASSES - {"Country"}


@relation_rule("investedIn.project_in_place", gate=("project_nouns",), cues=("place_marker", "relative_end",
                                                                          "project_gap_pattern"))
def project_in_place(s: Sentence) -> Iterator[Fact]:
    """A在Z的(新)项目/工厂/生产基地: A's project or plant in Z is A's money in Z (支持阪田油墨在茂名的
    新工厂尽快开工 → 阪田油墨 investedIn 茂名)."""
    text, marker, of = s.text, s.lex["place_marker"], s.lex["relative_end"]
    for cue_start, _, _ in s.find("project_nouns"):
        c_start, _ = s.clause_of(cue_start)
        at = text.rfind(marker, c_start, cue_start)
        if at < 0:
            continue
        place = next((m for m in s.mentions if m.start == at + len(marker) and m.key.label in _LOCAL), None)
        if place is None or not s.lex["project_gap_pattern"].fullmatch(text, place.end, cue_start) \
                or not text.startswith(of, place.end):
            continue
        owners = [m for m in s.mentions if c_start <= m.start and m.end <= at]
        if owners and owners[-1].key.label == "Company" and s.lex["invest_gap_pattern"].match(text, owners[-1].end, at):
            yield Fact(owners[-1].key, "investedIn", place.key, cue_start, date=date_near(s, cue_start))


@relation_rule("investedIn.agreement", gate=("investment_agreements",))
def agreement(s: Sentence) -> Iterator[Fact]:
    """A与B签署投资协议: the companies of the pair invest in the places, or the places of the bodies,
    of the pair (株式会社甲与乙新区管委会签署投资协议 → 甲 investedIn 乙新区)."""
    for found in pairs(s):
        if not found.sign or found.pronoun or not s.find("investment_agreements", found.at, s.end):
            continue
        parties = [found.subject, *found.partners]
        companies = [p for p in parties if p.label == "Company"]
        places: list[EntityKey] = []
        for party in parties:
            if party.label in _LOCAL:
                places.append(party)
            elif party.label == "GovernmentBody":  # 乙新区管委会: the zone it runs
                mention = next((m for m in s.mentions if m.key == party), None)
                inside = [c for c in s.view.places_between(mention.start, mention.end) if c.end < mention.end
                          and c.label in _LOCAL] if mention is not None else []
                if inside:
                    places.append(candidate_key(max(inside, key=lambda c: c.length), s.view.folded))
        for company in companies:
            for place in places:
                yield Fact(company, "investedIn", place, found.at, date=date_near(s, found.at))


@relation_rule("investedIn.is_investor_of", gate=_GATE, cues=("copula", "investee_nouns"))
def is_investor_of(s: Sentence) -> Iterator[Fact]:
    """COMPANY是…A在B投资…的企业: the first body or place before the cue invested in the company
    the sentence is about (艾杰旭是一个日本在苏州投资较大的企业 → 日本 investedIn 艾杰旭)."""
    text, company = s.text, s.topic
    if company is None or company.label != "Company":
        return
    for cue_start, cue_end, _ in s.find("invest"):
        c_start, c_end = s.clause_of(cue_start)
        if s.lex["copula"] in text[s.start:cue_start] and any(w in text[cue_end:c_end] for w in s.lex["investee_nouns"]):
            investors = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key != company
                         and m.key.label in BODIES_AND_PLACES]
            if investors:
                yield Fact(investors[0].key, "investedIn", company, cue_start)


reads("investedIn", "invest_preposition_pattern", "list_end_marker")


def _preposition(s: Sentence, cue: _Cue) -> tuple[Mention, Mention] | None:
    """A对B投资, A(将)在B投资: the investor and the target, when the target ends near the cue."""
    text, pattern = s.text, s.lex["invest_preposition_pattern"]
    c_start, _ = s.clause_of(cue[0])
    before = [m for m in s.mentions if c_start <= m.start and m.end <= cue[0]]
    for i, mention in enumerate(before[:-1]):
        if mention.key.label not in BODIES_AND_PLACES:
            continue
        for target in before[i + 1:]:  # a name between only inside 等…企业 (理光等日本企业均已在东莞投资)
            gap = text[mention.end:target.start]
            if pattern.match(gap) and (target is before[i + 1] or gap.startswith(s.lex["list_end_marker"])):
                return (mention, target) if cue[0] - target.end <= 4 else None
    topic = s.topic  # A宣布，(将)对B增资: the sentence's topic, for a later clause that opens with the preposition
    if len(before) == 1 and c_start > s.start and topic is not None and topic.label in BODIES_AND_PLACES \
            and before[0].key != topic and cue[0] - before[0].end <= 4 and pattern.match(text[c_start:before[0].start]) \
            and not any(s.start <= m.start < c_start and m.key != topic for m in s.mentions):
        return Mention(topic, s.start, s.start, ""), before[0]
    return None


@relation_rule("investedIn.preposition", gate=_GATE)
def preposition(s: Sentence) -> Iterator[Fact]:
    """A对B投资 / A在B投资: the investor before 对/在/向/于, the target right before the cue.

    Investors listed before it invest each (A、B等日本企业均已在Z投资).
    """
    for cue in s.find("invest"):
        found = _preposition(s, cue)
        if found is not None:
            c_start, c_end = s.clause_of(cue[0])
            money = money_after(s, cue[1], c_end)
            investors = _joined(s, found[0], c_start)  # A、B等企业均已在Z投资
            for investor in investors:
                if investor != found[1].key:
                    yield Fact(investor, "investedIn", found[1].key, cue[0],
                               money=money[0] if money and len(investors) == 1 else None, date=date_near(s, cue[0]))


reads("investedIn", "agent_marker", "invest_gap_pattern", "latter", "former", "pair_pronouns")


def _investors(s: Sentence, cue: _Cue) -> list[EntityKey]:
    """Who invests: 由A与B共同投资, A(将/已)投资, 后者/双方投资, or the sentence's topic."""
    text, lex, cue_start = s.text, s.lex, cue[0]
    c_start, _ = s.clause_of(cue_start)
    by = text.rfind(lex["agent_marker"], c_start, cue_start)
    if by >= 0:
        found = [m.key for m in s.mentions if by < m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES]
        if found:
            return found
    close = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES
             and lex["invest_gap_pattern"].match(text, m.end, cue_start)
             and not s.preceded_by(m, lex["place_marker"])]  # 在Z投资: Z is where the money goes
    if close:
        return _joined(s, close[-1], c_start)
    clause = text[c_start:cue_start]
    earlier = [m for m in s.mentions if m.end <= c_start and m.key.label in BODIES_AND_PLACES]
    if any(w in clause for w in lex["latter"]) and earlier:
        return [earlier[-1].key]
    if any(w in clause for w in lex["former"]) and earlier:
        return [earlier[0].key]
    pair = pair_of(s)
    if any(w in clause for w in lex["pair_pronouns"]) and pair:
        return [pair[0], *pair[1]]
    if c_start > s.start and not any(c_start <= m.start < cue_start and not s.preceded_by(m, lex["place_marker"])
                                     for m in s.mentions):  # (并在泾县合资创办…: still the topic's)
        found_topic = s.topic  # A与B签约，投资…: the sentence's subject
        if found_topic is not None:
            return [found_topic]
    return []


reads("investedIn", "enumeration_links", "partner_markers")


def _joined(s: Sentence, last: Mention, c_start: int) -> list[EntityKey]:
    """``last`` and the bodies or places joined to it before it in the clause (A与B合资, A、B共同投资)."""
    text = s.text
    links = [w for w in (*s.lex["enumeration_links"], *s.lex["partner_markers"]) if w]  # 日本丰田: no pair
    found = [last]
    for mention in reversed([m for m in s.mentions if c_start <= m.start and m.end <= last.start]):
        if text[mention.end:found[-1].start] not in links or mention.key.label not in BODIES_AND_PLACES:
            break
        found.append(mention)
    return list(dict.fromkeys(m.key for m in reversed(found)))


reads("investedIn", "object_links", "subsidiary_markers", "place_marker")


def _establish(s: Sentence, cue: _Cue) -> _Cue | None:
    """The first 设立 within 32 characters after the cue (alias notes not counted)."""
    notes = s.lex.alias_notes
    found = [e for e in s.find("establish", cue[0], s.end) if len(notes.sub("", s.text[cue[1]:e[0]])) <= 32]
    return found[0] if found else None


def _founded(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资M设立B、C: what the 设立 after the cue names; 由A与B共同投资建设: the sentence's topic,
    or the company 该公司/该项目 stands for."""
    establish = _establish(s, cue)
    if establish is None:
        return []
    text, e_end = s.text, establish[1]
    first = s.first_after(e_end)
    if first is not None and text[e_end:s.mentions[first].start] in s.lex["object_links"]:
        targets = enumeration(s, first, ORGS_AND_ZONES, s.end)
        if targets:
            return targets
    c_start, _ = s.clause_of(cue[0])
    by = text.rfind(s.lex["agent_marker"], c_start, cue[0])
    if by < 0:
        return []
    referent = _referent(s)
    if referent is not None:
        return [Mention(referent, s.start, s.start, "")]  # 该公司由A与B共同投资设立
    found_topic = s.topic
    if found_topic is not None and found_topic.label in ORGS_AND_ZONES and s.mentions and s.mentions[0].end <= by:
        return [Mention(found_topic, s.start, s.start, "")]  # 产业园…由A与B共同投资建设
    opening = [m for m in s.mentions if m.start == c_start and m.end <= by and m.key.label in ORGS_AND_ZONES]
    return opening[:1]  # 作为中日合资企业，广汽本田由A与B各出资50%设立: the clause's subject


reads("investedIn", "company_pronouns", "project_pronouns")


def _referent(s: Sentence) -> EntityKey | None:
    """The company a sentence opening with 该公司 (the last one named) or 该项目 (the last company of the
    sentence before) stands for."""
    text, lex = s.text, s.lex
    if text.startswith(lex["company_pronouns"], s.start):
        return s.topic if s.topic is not None and s.topic.label == "Company" else None
    if text.startswith(lex["project_pronouns"], s.start) and s.index > 0:
        before = s.view.sentences[s.index - 1]
        companies = [m for m in s.view.mentions_between(*before) if m.key.label == "Company"]
        return companies[-1].key if companies else None
    return None


def _direct_object(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资B, A收购了B: the body or place right after the cue."""
    first = s.first_after(cue[1])
    if first is None or s.text[cue[1]:s.mentions[first].start] not in s.lex["object_links"] \
            or s.mentions[first].key.label not in BODIES_AND_PLACES:
        return []
    return [s.mentions[first]]


reads("investedIn", "own_markers", "place_marker")


def _own(s: Sentence, cue: _Cue) -> Investment | None:
    """A将对其在Z设立的B增资M: A invests in its own company B, set up in Z (the target ends at the cue)."""
    text, lex = s.text, s.lex
    c_start, c_end = s.clause_of(cue[0])
    marker = next(((at, word) for word in lex["own_markers"]
                   for at in [text.rfind(word, c_start, cue[0])] if at >= 0), None)
    if marker is None:
        return None
    at, word = marker
    targets = [m for m in s.mentions if at + len(word) <= m.start and m.end == cue[0] and m.key.label in ORGS_AND_ZONES]
    investors = [m for m in s.mentions if c_start <= m.start and m.end <= at and m.key.label in BODIES_AND_PLACES
                 and lex["invest_gap_pattern"].match(text, m.end, at)]
    if not targets:
        return None
    investor_keys = [investors[-1].key] if investors else ([s.topic] if s.topic is not None else [])
    if not investor_keys:
        return None
    inside = s.find("establish", at, targets[0].start)
    place_at = text.find(lex["place_marker"], at, targets[0].start)
    place = next((m for m in s.mentions if m.start == place_at + len(lex["place_marker"])
                  and m.key.label in PLACE_CLASSES), None) if place_at >= 0 else None
    place = place_run(s, place)[-1] if place is not None else None  # 在东莞市长安镇: 长安镇
    return Investment(cue[0], "subsidiary", investor_keys, targets[:1], inside[0] if inside else None,
                      money_after(s, cue[1], c_end), place)


def _subsidiary(s: Sentence, cue: _Cue) -> list[Mention]:
    """增资…扩建其位于X的B: the investor's own company after 其/旗下 (past a clause of place)."""
    for marker in s.lex["subsidiary_markers"]:
        at = s.text.find(marker, cue[1], min(s.end, cue[1] + 24))
        if at >= 0:
            begin = skip_relative(s, at + len(marker), s.end)
            targets = [m for m in s.mentions if m.start == begin and m.key.label in ("Company", "Organization")][:1]
            if targets:
                return targets
    return []


reads("investedIn", "build_gap_pattern")


def _in_place(s: Sentence, cue: _Cue) -> list[Mention]:
    """A将投资M，在Z建设…: the place right after 在, where something is set up or built (not 在中国的第3家)."""
    place_word, text = s.lex["place_marker"], s.text
    at = text.find(place_word, cue[1], min(s.end, cue[1] + 24))
    if at < 0:
        return []
    places = [m for m in s.mentions if m.start == at + len(place_word) and m.key.label in PLACE_CLASSES][:1]
    if not places:
        return []
    places = place_run(s, places[0])[-1:]  # 在青岛市即墨区设立: 即墨区
    gap = s.lex["build_gap_pattern"].match(text, places[0].end, s.end)
    after = gap.end() if gap else places[0].end
    if any(start == after for start, _, _ in (*s.find("establish", after, s.end), *s.find("invest", after, s.end))):
        return places
    return []


def _pair_places(s: Sentence, cue: _Cue, investors: list[EntityKey]) -> list[Mention]:
    """双方/A与B… in this sentence, A投资: the partners that are places (苏州与大阪签约，投资…); B投资: A, if
    it is a place (郑州经开区与优尼集团签约：优尼集团投资5亿元建设工厂)."""
    pair = pair_of(s) if named_here(s) else None
    if pair is None:
        return []
    if pair[0] in investors:
        return [Mention(p, cue[0], cue[0], "") for p in pair[1] if p.label in PLACE_CLASSES]
    if pair[0].label in PLACE_CLASSES and any(p in investors for p in pair[1]):
        return [Mention(pair[0], cue[0], cue[0], "")]
    return []


#: The kinds of target, tried in order; the first that finds one names the investment's targets.
_TARGETS: tuple[tuple[str, Callable[[Sentence, _Cue], list[Mention]]], ...] = (
    ("founders", _founded),
    ("direct_object", _direct_object),
    ("subsidiary", _subsidiary),
    ("in_place", _in_place),
)


def investments(s: Sentence) -> list[Investment]:
    """The investments of the sentence's 投资 cues that no preposition names (read once)."""
    return s.memo(investments, _investments)


def _investments(s: Sentence) -> list[Investment]:
    found: list[Investment] = []
    for cue in s.find("invest"):
        own = _own(s, cue)
        if own is not None:
            found.append(own)
            continue
        preposition = _preposition(s, cue)
        if preposition is not None:
            targets = _founded(s, cue)  # A在Z投资设立B: the preposition's investor founds B
            if not targets:
                continue
            kind, investors = "founders", [preposition[0].key]
        else:
            investors = _investors(s, cue)
            if not investors:
                continue
            kind, targets = "", []
            for kind, finder in _TARGETS:
                targets = finder(s, cue)
                if targets:
                    break
            if not targets:
                kind, targets = "pair_places", _pair_places(s, cue, investors)
        establish = _establish(s, cue)
        _, c_end = s.clause_of(cue[0])
        amounts = money_after(s, cue[1], establish[0] if establish else c_end)
        places = _in_place(s, cue) if kind != "in_place" else []
        found.append(Investment(cue[0], kind, investors, targets, establish if kind == "founders" else None, amounts,
                                places[0] if places else None))
    return found


def _facts(s: Sentence, kind: str) -> Iterator[Fact]:
    for investment in investments(s):
        if investment.found_by != kind:
            continue
        targets, amounts = investment.targets, investment.amounts
        for investor in investment.investors:
            for n, target in enumerate(targets):
                if target.key == investor or investor.name.startswith(target.key.name):
                    continue  # (旭化成集团投资的旭化成(南通)项目: the group itself)
                money = amounts[n] if len(amounts) == len(targets) else (amounts[0] if len(amounts) == 1 else None)
                yield Fact(investor, "investedIn", target.key, investment.at, money=money,
                           date=date_near(s, investment.at))


@relation_rule("investedIn.founders", gate=_GATE)
def founders(s: Sentence) -> Iterator[Fact]:
    """A投资M设立B、C / 由A与B共同投资建设的C: the investors put the money into what they set up
    (大连华信计算机技术股份有限公司投资8489万美元设立北斗合同会社)."""
    return _facts(s, "founders")


@relation_rule("investedIn.direct_object", gate=_GATE)
def direct_object(s: Sentence) -> Iterator[Fact]:
    """A投资B: the name right after the cue (丰田投资天津一汽丰田)."""
    return _facts(s, "direct_object")


@relation_rule("investedIn.subsidiary", gate=_GATE)
def subsidiary(s: Sentence) -> Iterator[Fact]:
    """A增资…其/旗下B: the investor's own company (松下增资扩建其位于苏州的松下电器研发中心)."""
    return _facts(s, "subsidiary")


@relation_rule("investedIn.in_place", gate=_GATE)
def in_place(s: Sentence) -> Iterator[Fact]:
    """A将投资M，在Z建设…: the place after 在 where something is built or set up, also beside what is set
    up there (丸森食品将投资3.5亿元，在长春新区建设工厂; A将投资M在Z设立B → A investedIn Z and B)."""
    yield from _facts(s, "in_place")
    for investment in investments(s):
        place = investment.place
        if place is None:
            continue
        money = investment.amounts[0] if len(investment.amounts) == 1 and not investment.targets else None
        for investor in investment.investors:
            if investor != place.key:
                yield Fact(investor, "investedIn", place.key, investment.at, money=money,
                           date=date_near(s, investment.at))


@relation_rule("investedIn.pair_places", gate=_GATE)
def pair_places(s: Sentence) -> Iterator[Fact]:
    """A与B签约，A投资…: the partner places of the pair the sentence names (无锡与大阪签约，无锡投资…)."""
    return _facts(s, "pair_places")
