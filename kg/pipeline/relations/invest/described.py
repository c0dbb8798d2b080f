"""The ``investedIn`` rules that read a company as an investor from how the text describes it: by where
its capital comes from (一家日资企业), by a clause (在Z投资的X), by a facility it puts somewhere (将总部设在Z)."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ....records import EntityKey
from ..base import BODIES_AND_PLACES, Fact, Sentence, date_near, place_run, relation_rule
from ..lexicon import reads
from .common import relative_investment

__all__ = ["capital_kind", "facility_in_place", "places_ending", "plant_in_place", "relative_clause"]


reads("investedIn", "capital_kind_gap_pattern", "capital_kind_back", "capital_kind_list_marks")


@relation_rule("investedIn.capital_kind", gate=("capital_kinds",), cues=("capital_kinds",))
def capital_kind(s: Sentence) -> Iterator[Fact]:
    """A company said to be one firm of a country's capital: X(落户，)是/成为…一家/首家日资企业, 日本独资企业,
    日商投资项目, or 这家日资企业 after X in the sentence: the country invests in X (…有限公司落户，成为平湖首家
    日本独资企业 → 日本 investedIn it); not the items of a list (A、B等日资企业), nor a joint venture
    (中日合资企业: its parties invest)."""
    text, lex = s.text, s.lex
    companies = [m for m in s.mentions if m.key.label == "Company"]
    for start, end, word in s.find("capital_kinds"):
        country = lex["capital_kinds"][word]
        if not country:  # 日本独资企业: the country written right before
            named = next((m for m in s.mentions if m.end == start and m.key.label == "Country"), None)
            if named is None:
                continue
            country, start = named.key.name, named.start
        before = [m for m in companies if m.end <= start]
        if not before:
            continue
        company = before[-1]
        gap = text[company.end:start]
        back = next((w for w in lex["capital_kind_back"] if text.startswith(w, start - len(w))), None)
        if back is None and not lex["capital_kind_gap_pattern"].match(gap):
            continue  # (A、B等日资企业: a list; A与日资企业合作: no copula)
        if back is not None and any(mark in gap for mark in lex["capital_kind_list_marks"]):
            continue  # (A、B等企业落户，这家日资企业…: which one?)
        yield Fact(EntityKey(country, "Country"), "investedIn", company.key, start, date=date_near(s, start))


@relation_rule("investedIn.relative_clause", gate=("invest",), cues=("invest",))
def relative_clause(s: Sentence) -> Iterator[Fact]:
    """在Z投资的X / X是(较早)来Z投资的国家之一: X, who invests in Z (each place of a run), a body right after
    the clause that describes it, or the subject of 是 before it (在长投资的青松株式会社社长 → 青松株式会社
    investedIn 长沙; 日本是较早来深圳投资的国家之一 → 日本 investedIn 深圳); not a country right after it
    (在华投资的日本企业: a class of firms)."""
    text, lex = s.text, s.lex
    for cue_start, _, _ in s.find("invest"):
        found = relative_investment(s, cue_start)
        if found is None:
            continue
        places, after = found
        investor = next((m for m in s.mentions if m.start == after), None)
        if investor is not None and investor.key.label not in ORGANIZATION_CLASSES:
            continue  # 在华投资的日本企业: the country names a class of firms (investedIn.foreign_firms's)
        if investor is None and text.startswith(tuple(lex["relative_invest_kinds"]), after):
            c_start, _ = s.clause_of(cue_start)
            is_at = text.rfind(lex["copula"], c_start, places[0].start)
            subjects = [m for m in s.mentions if c_start <= m.start and m.end <= is_at
                        and m.key.label in BODIES_AND_PLACES] if is_at >= 0 else []
            investor = subjects[0] if subjects else None
        for place in places if investor is not None else ():
            if investor.key != place.key:
                yield Fact(investor.key, "investedIn", place.key, cue_start, date=date_near(s, cue_start))


reads("investedIn", "facility_set_pattern", "facility_back_words")


@relation_rule("investedIn.facility_in_place", gate=("facility_set_verbs",))
def facility_in_place(s: Sentence) -> Iterator[Fact]:
    """A将(其)…总部/基地/工厂…设在Z: a company that puts its own facility in a place invests there, in each
    place of the run after the cue (罗森将中国总部设在刚刚成立的重庆两江新区 → 罗森 investedIn 重庆, 两江新区);
    A is the last company before the cue in the sentence, or, after 该公司, the last one named before it."""
    text, lex = s.text, s.lex
    for found in lex["facility_set_pattern"].finditer(text, s.start, s.end):
        place = next((m for m in s.mentions if m.start == found.end() and m.key.label in PLACE_CLASSES), None)
        if place is None:
            continue
        c_start, _ = s.clause_of(found.start())
        companies = [m for m in s.mentions if m.end <= found.start() and m.key.label == "Company"]
        if companies:
            investor = companies[-1].key
        elif text[c_start:found.start()].endswith(tuple(lex["facility_back_words"])) or any(
                w in text[c_start:found.start()] for w in lex["facility_back_words"][:3]):
            earlier = [m for m in s.view.mentions_between(0, s.start) if m.key.label == "Company"]
            if not earlier:
                continue
            investor = earlier[-1].key
        else:
            continue
        for target in place_run(s, place):
            yield Fact(investor, "investedIn", target.key, found.start(), date=date_near(s, found.start()))


reads("investedIn", "plant_build_pattern", "plant_settle_pattern", "partner_markers", "build_gap_pattern",
      "capital_kind_list_marks")


@relation_rule("investedIn.plant_in_place", gate=("plant_build_verbs",))
def plant_in_place(s: Sentence) -> Iterator[Fact]:
    """A(计划)在Z建厂 / 在Z建设(新的)工厂、基地、生产线 / A落户Z，开工建设…基地: a company that builds its plant in a
    place invests there, in each place of the run after 在 (a country only alone: 在中国天津市 → 天津), with its
    partner (A与B在Z建造工厂); A is the last company before 在 in the sentence (30年前利优比在大连经开区建厂 →
    利优比 investedIn 大连经开区); not a relative clause (在Z建设的工厂), nor a list (A、B等企业在Z设厂)."""
    text, lex = s.text, s.lex
    companies = [m for m in s.mentions if m.key.label == "Company"]
    for found in lex["plant_build_pattern"].finditer(text, s.start, s.end):
        places = places_ending(s, found.start())
        if not places:
            continue
        marker_at = places[0].start - len(lex["place_marker"])
        if text.startswith(lex["place_marker"], marker_at):
            before = [m for m in companies if m.end <= marker_at]
        elif lex["plant_settle_pattern"].match(text, places[0].start - 2, places[0].start) is not None:
            before = [m for m in companies if m.end == places[0].start - 2]  # A落户Z，开工建设…
        else:
            continue
        if not before or any(w in text[before[-1].end:marker_at] for w in lex["capital_kind_list_marks"]):
            continue  # (A、B等日资企业都已在Z设厂: a list, the class of firms)
        investors = [before[-1]]
        if len(before) > 1 and any(w in text[before[-2].end:before[-1].start] for w in lex["partner_markers"] if w):
            investors.insert(0, before[-2])  # 丰田计划与合作伙伴一汽集团，在天津建造工厂
        targets = [p for p in places if p.key.label != "Country"] or places
        for investor in investors:
            for target in targets:
                yield Fact(investor.key, "investedIn", target.key, found.start(), date=date_near(s, found.start()))


def places_ending(s: Sentence, end: int) -> list:
    """The run of places that ends right before ``end``, or before a few words of manner (在Z正式建设)."""
    gap = s.lex["build_gap_pattern"]
    last = next((m for m in reversed(s.mentions) if m.end <= end and m.key.label in PLACE_CLASSES
                 and gap.fullmatch(s.text, m.end, end)), None)
    if last is None:
        return []
    run = [last]
    for m in reversed([m for m in s.mentions if m.end <= last.start and m.key.label in PLACE_CLASSES]):
        if m.end != run[0].start:
            break
        run.insert(0, m)
    return run
