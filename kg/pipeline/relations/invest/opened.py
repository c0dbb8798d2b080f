"""The rule of a company that opens its own plant, subsidiary, store or headquarters in a place (A将在Z开设一个
新工厂, A在Z设立了4家子公司): its money goes there."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Fact, Sentence, date_near, relation_rule
from ..lexicon import reads
from .described import places_ending

__all__ = ["opens_facility"]

reads("investedIn", "facility_open_pattern", "facility_back_words", "capital_kind_list_marks")


@relation_rule("investedIn.opens_facility", gate=("facility_open_verbs",))
def opens_facility(s: Sentence) -> Iterator[Fact]:
    """A(将/计划…)在Z开设/新设/设立/成立/建立…工厂、子公司、门店、百货店、基地、总部: a company that opens its own
    facility in a place invests there, in the last place of the run before the verb (在中国四川省成都市开设 →
    成都), not a country (在中国新设15家购物中心: a plan for a whole country, not a site); A is the last company of the clause before 在 (安川电机计划
    今年晚些时候在江苏开设一个新工厂 → 安川电机 investedIn 江苏), or, when the clause opens with a back-reference
    (…发表消息说，该公司将在Z开设…), the last company the sentence names before it; not a list (A、B等企业在Z
    设立…), nor a clause without a company (同时在Z建立…基地: whose?)."""
    text, lex = s.text, s.lex
    companies = [m for m in s.mentions if m.key.label == "Company"]
    for found in lex["facility_open_pattern"].finditer(text, s.start, s.end):
        places = places_ending(s, found.start())
        marker_at = places[0].start - len(lex["place_marker"]) if places else -1
        if not places or not text.startswith(lex["place_marker"], marker_at):
            continue
        c_start, _ = s.clause_of(marker_at)
        before = [m for m in companies if c_start <= m.start and m.end <= marker_at]
        if before:
            investor = before[-1]
            if any(w in text[investor.end:marker_at] for w in lex["capital_kind_list_marks"]):
                continue  # (A、B等日资企业在Z设立…: the class of firms)
        elif text.startswith(tuple(lex["facility_back_words"][:3]), c_start) and c_start > s.start:
            earlier = [m for m in companies if m.end <= c_start]
            if not earlier:
                continue
            investor = earlier[-1]
        else:
            continue
        target = places[-1]
        if target.key.label != "Country" and target.key != investor.key:
            yield Fact(investor.key, "investedIn", target.key, found.start(), date=date_near(s, found.start()))
