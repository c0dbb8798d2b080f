"""The ``investedIn`` rules read off one pattern each (实际使用日资, 日资企业在Z投资, 母公司, A对B投资 …)."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ....records import EntityKey, Mention
from ...candidates import candidate_key
from ..base import BODIES_AND_PLACES, VISITED, Fact, Sentence, date_near, enumeration, money_after, place_run, relation_rule
from ..lexicon import reads
from ..readings import copula_pairs
from ..pairs import pairs
from .common import _GATE, _joined, _preposition, listed_after


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
    日本 investedIn 天津); so does a country named with its firms (日本企业在盐投资). A whole country is the
    target only with the amount (日本对华投资32.1亿美元 → 中国; not 日本对华投资的重点正转向…)."""
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
            if place.label == "Country" and not money:
                continue  # (日本对华投资新高地, 对华投资的重点, 在华投资最密集的区域: a theme, no act)
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
    for investor, target, at in copula_pairs(s, "investment_sources"):
        yield Fact(investor, "investedIn", target, at, date=date_near(s, at))


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


reads("investedIn", "plant_verbs", "plant_gap_pattern", "plant_list_links", "plant_verb_tail", "place_marker")


@relation_rule("investedIn.plant_places", gate=("plant_nouns",))
def plant_places(s: Sentence) -> Iterator[Fact]:
    """A拥有/建成P1、P2…N个工厂/基地, A在P1、P2等地设立了N家生产企业: the company's plants in the listed
    places are its money there (白河汽车拥有青山和松江、黑河3个工厂 → 白河汽车 investedIn each).
    The company is the clause's before the places, else the sentence's or the last sentence's topic."""
    text, lex = s.text, s.lex
    for n_start, _, _ in s.find("plant_nouns"):
        c_start, _ = s.clause_of(n_start)
        before = [m for m in s.mentions if c_start <= m.start and m.end <= n_start]
        ends = [i for i, m in enumerate(before) if m.key.label in _LOCAL
                and lex["plant_gap_pattern"].fullmatch(text, m.end, n_start)]
        if not ends:
            continue
        items = [before[ends[-1]]]
        for m in reversed(before[:ends[-1]]):
            if m.key.label not in _LOCAL or text[m.end:items[0].start] not in lex["plant_list_links"]:
                break
            items.insert(0, m)
        first, last = items[0], items[-1]
        verbs = tuple(lex["plant_verbs"])
        owns = text[c_start:first.start].removesuffix(lex["plant_verb_tail"]).endswith(verbs)  # 拥有P1、P2…, 建成了P1…
        set_up = s.preceded_by(first, lex["place_marker"]) and any(v in text[last.end:n_start] for v in verbs)
        if not (owns or set_up):  # (在P1…等地设立了N家生产企业)
            continue
        companies = [m.key for m in s.mentions if c_start <= m.start and m.end <= first.start and m.key.label == "Company"]
        investor = companies[-1] if companies else next(
            (t for t in (s.topic, s.discourse.topic) if t is not None and t.label == "Company"), None)
        if investor is None:
            continue
        for item in items:
            yield Fact(investor, "investedIn", item.key, n_start)  # (no date: plants built over years)


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


@relation_rule("investedIn.is_investor_of", gate=_GATE, cues=("copula", "investee_nouns", "place_marker",
                                                                     "destination_markers"))
def is_investor_of(s: Sentence) -> Iterator[Fact]:
    """COMPANY是…A在B投资…的企业: the first body or place before the cue invested in the company
    the sentence is about (艾杰旭是一个日本在苏州投资较大的企业 → 日本 investedIn 艾杰旭)."""
    text, company, lex = s.text, s.topic, s.lex
    if company is None or company.label != "Company":
        return
    for cue_start, cue_end, _ in s.find("invest"):
        c_start, c_end = s.clause_of(cue_start)
        is_at = text.find(lex["copula"], s.start, cue_start)
        if is_at >= 0 and any(w in text[cue_end:c_end] for w in lex["investee_nouns"]):
            before = [m for m in s.mentions if max(c_start, is_at) <= m.start and m.end <= cue_start
                      and m.key != company and m.key.label in BODIES_AND_PLACES]
            where = [m for m in before if m.key.label in PLACE_CLASSES
                     and any(s.preceded_by(m, w) for w in (lex["place_marker"], *lex["destination_markers"]))]
            investors = [m for m in before if m not in where]
            if investors:
                yield Fact(investors[0].key, "investedIn", company, cue_start)
            elif where and cue_start - where[-1].end <= 4:  # A和B都是较早到Z投资的企业: they put money in Z
                subjects = [m for m in s.mentions if s.start <= m.start and m.end <= is_at]
                if subjects and subjects[-1].key.label == "Company":
                    for subject in _joined(s, subjects[-1], s.clause_of(subjects[-1].start)[0]):
                        if subject.label == "Company":
                            yield Fact(subject, "investedIn", where[-1].key, cue_start, date=date_near(s, cue_start))


reads("investedIn", "example_opening", "example_closing")


@relation_rule("investedIn.preposition", gate=_GATE, cues=("invest_hope_words", "example_opening", "example_closing"))
def preposition(s: Sentence) -> Iterator[Fact]:
    """A对B投资 / A在B投资: the investor before 对/在/向/于, the target right before the cue.

    Investors listed before it invest each (A、B等日本企业均已在Z投资), and so do the examples of
    以A、B为代表的日本企业在Z投资; of a run of places (在天津滨海新区投资) or a list of them
    (在武汉、长沙投资), each is a target; a one-character short form names its place (在华投资 → 中国).
    A country invests in a whole country only with the amount (日本对华投资32.1亿美元; not 日本对华投资新高地,
    日本企业对华投资的重点正转向…: a theme, no act).
    """
    closing = s.lex["example_closing"]
    for cue in s.find("invest"):
        found = _preposition(s, cue) or _abbreviated(s, cue)
        c_start, c_end = s.clause_of(cue[0])
        if found is not None and not any(w in s.text[c_start:cue[0]].replace(closing, "")
                                         for w in s.lex["invest_hope_words"]):
            # (希望促进日本企业在青山投资: a wish, no investment; 为代表的 is none)
            money = money_after(s, cue[1], c_end)
            investors = _joined(s, found[0], c_start) + _examples(s, c_start, found[0])  # A、B等企业均已在Z投资
            targets = list(dict.fromkeys(t.key for t in listed_after(s, found[1], cue[0]) if t.end <= cue[0])) \
                if found[1].key.label in PLACE_CLASSES else [found[1].key]
            for investor in investors:
                for target in targets:
                    if investor != target and (money or not investor.label == target.label == "Country"):
                        yield Fact(investor, "investedIn", target, cue[0], money=money[0] if money and len(investors) == 1
                                   and len(targets) == 1 else None, date=date_near(s, cue[0]))


def _abbreviated(s: Sentence, cue: tuple[int, int, str]) -> tuple[Mention, Mention] | None:
    """A在华投资, A对沪投资: the place a one-character short form right before the cue stands for (华 →
    中国, 沪 → 上海 where the article names it), as a mention of no length there."""
    at = cue[0] - 1
    if at <= s.start:
        return None
    target, after = _place_at(s, at)
    if target is None or after != cue[0]:
        return None
    c_start, _ = s.clause_of(cue[0])
    pattern = s.lex["invest_preposition_pattern"]
    investors = [m for m in s.mentions if c_start <= m.start and m.end <= at and m.key.label in BODIES_AND_PLACES
                 and pattern.match(s.text[m.end:at])]
    if not investors or investors[-1].key == target:
        return None
    return investors[-1], Mention(target, cue[0], cue[0], "")


def _examples(s: Sentence, c_start: int, investor: Mention) -> list[EntityKey]:
    """The bodies between 以 and 为代表的 right before the investor (以A、B为代表的许多日本企业)."""
    text, closing = s.text, s.lex["example_closing"]
    at = text.rfind(closing, c_start, investor.start)
    opening = text.rfind(s.lex["example_opening"], c_start, at) if at >= 0 else -1
    if opening < 0 or investor.start - at - len(closing) > 4:
        return []
    return [m.key for m in s.mentions if opening < m.start and m.end <= at and m.key.label in ORGANIZATION_CLASSES]
