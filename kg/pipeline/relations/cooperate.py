"""``cooperatesWith``: partners (A与B合作, A携手B, 双方…合作, 日本是青岛的合作伙伴)."""

from __future__ import annotations

from collections.abc import Iterator

from .base import AGENTS, Fact, Sentence, enumeration, relation_rule
from .pairs import pairs

__all__ = ["leader_company", "pair", "pair_pronoun", "partner_noun", "transitive"]


@relation_rule("cooperatesWith.partner_noun", gate=("partner_nouns",), cues=("copula",))
def partner_noun(s: Sentence) -> Iterator[Fact]:
    """X、Y是Z的合作伙伴: the listed ones cooperate with the one after 是 (日本、韩国是青岛重要的经贸合作伙伴)."""
    text = s.text
    for n_start, _, _ in s.find("partner_nouns"):
        c_start, _ = s.clause_of(n_start)
        is_at = text.rfind(s.lex["copula"], c_start, n_start)
        if is_at < 0:
            continue
        objects = [m for m in s.mentions if is_at < m.start and m.end <= n_start and m.key.label in AGENTS]
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= is_at and m.key.label in AGENTS]
        if objects and subjects:
            for subject in subjects:
                if subject.key != objects[0].key:
                    yield Fact(subject.key, "cooperatesWith", objects[0].key, n_start)


@relation_rule("cooperatesWith.pair", gate=("cooperate",))
def pair(s: Sentence) -> Iterator[Fact]:
    """A与B、C…合作: A cooperates with each partner (大连港集团与商船三井签署战略合作协议)."""
    for found in pairs(s):
        if found.cooperate and not found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "cooperatesWith", partner, found.at)


@relation_rule("cooperatesWith.pair_pronoun", gate=("cooperate",))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """双方/两市…合作, where the sentence names no pair: the pair named before (双方将深化合作)."""
    for found in pairs(s):
        if found.cooperate and found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "cooperatesWith", partner, found.at)


@relation_rule("cooperatesWith.leader_company", gate=("cooperate",))
def leader_company(s: Sentence) -> Iterator[Fact]:
    """A person who cooperates deals for the company they lead (社长X与Y合作 → X's company and Y)."""
    for found in pairs(s):
        if not found.cooperate or found.subject.label != "Person":
            continue
        companies = [r.object for r in s.view.relations if r.subject == found.subject
                     and r.predicate == "affiliatedWith" and r.object.label == "Company"]
        for partner in found.partners:
            for company in companies:
                yield Fact(company, "cooperatesWith", partner, found.at)


@relation_rule("cooperatesWith.transitive", gate=("cooperate",), cues=("transitive_cooperate",))
def transitive(s: Sentence) -> Iterator[Fact]:
    """A对接B、C / A携手B: the verb takes the partners as its object (哈尔滨市积极对接日本企业)."""
    verbs = s.lex["transitive_cooperate"]
    for cue_start, cue_end, word in s.find("cooperate"):
        if word not in verbs:
            continue
        first = s.first_after(cue_end)
        if first is None or s.mentions[first].start - cue_end > 2:
            continue
        partners = enumeration(s, first, AGENTS, s.end)
        c_start, _ = s.clause_of(cue_start)
        subjects = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label in AGENTS]
        if subjects and partners:
            for partner in partners:
                yield Fact(subjects[-1].key, "cooperatesWith", partner.key, cue_start)
