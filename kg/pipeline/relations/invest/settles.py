"""The rule of a single company that settles in a place (夏普公司落户常熟, 三洋电机决定进驻蛇口): its money goes
there. Lists of companies that settle are :mod:`.settled`'s."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ..base import Fact, Sentence, date_near, place_run, relation_rule
from ..lexicon import reads

__all__ = ["company_settles"]

reads("investedIn", "company_settle_pattern", "invest_hope_words", "capital_kind_list_marks")


@relation_rule("investedIn.company_settles", gate=("company_settle_verbs",))
def company_settles(s: Sentence) -> Iterator[Fact]:
    """A(决定/最终决定/已…)落户/进驻/入驻/布点/扎根(在)Z: a company right before the verb that settles in the place
    right after it invests there, in the last place of the run (第一家世界500强日资企业夏普公司落户常熟 → 夏普公司
    investedIn 常熟; 矢崎最终决定布点孝感高新区); not a hope or an invitation in the clause before it
    (欢迎A落户Z, 希望A入驻), nor the last item of a list (A、B等企业落户Z: :mod:`.settled`'s)."""
    text, lex = s.text, s.lex
    for found in lex["company_settle_pattern"].finditer(text, s.start, s.end):
        company = next((m for m in s.mentions if m.end == found.start() and m.key.label == "Company"), None)
        place = next((m for m in s.mentions if m.start == found.end() and m.key.label in PLACE_CLASSES), None)
        if company is None or place is None:
            continue
        c_start, _ = s.clause_of(company.start)
        before = text[c_start:company.start]
        if any(w in before for w in lex["invest_hope_words"]) \
                or text[company.start - 1:company.start] in lex["capital_kind_list_marks"]:
            continue
        target = place_run(s, place)[-1]
        if target.key != company.key:
            yield Fact(company.key, "investedIn", target.key, found.start(), date=date_near(s, found.start()))
