"""The rule of a joint venture's parties (SCHEMA convention 7): the companies the text joins before 合资
(A与B组建合资公司, A、B、C三方合资…项目) put their money where it settles."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ..base import Fact, Sentence, date_near, relation_rule
from ..lexicon import reads

__all__ = ["venture_parties", "venture_site"]

reads("investedIn", "venture_party_gap_pattern", "venture_party_links", "venture_back_references",
      "settle_links")

#: How many sentences after a joint venture's may say where it settles (该项目…落户Z).
_LATER = 2


def venture_parties(s: Sentence, cue_start: int) -> list[Mention]:
    """The companies joined right before the 合资 cue in its clause (A与B组建合资公司, A、B、C三方合资,
    A与B设立的合资公司); a country right before a company only says where it is from (日本住友商事). Two at
    least, else none."""
    text, lex = s.text, s.lex
    c_start, _ = s.clause_of(cue_start)
    before = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start]
    if not before or before[-1].key.label != "Company" \
            or not lex["venture_party_gap_pattern"].fullmatch(text, before[-1].end, cue_start):
        return []
    parties, head = [before[-1]], before[-1].start
    for m in reversed(before[:-1]):
        if m.key.label == "Country" and m.end == head:
            head = m.start  # 、日本住友商事株式会社: the country of the company
            continue
        if m.key.label != "Company" or text[m.end:head] not in lex["venture_party_links"]:
            break
        parties.insert(0, m)
        head = m.start
    return parties if len(parties) >= 2 else []


def _site_after(s: Sentence, start: int, end: int) -> list[EntityKey]:
    """The places right after a settling verb (落户, 入驻) between ``start`` and ``end``: the run of places that
    follows it (落户肥西县桃花工业园)."""
    text, lex = s.text, s.lex
    for _, verb_end, _ in s.cues.find("settle", start, end):
        at = verb_end + next((len(w) for w in lex["settle_links"] if w and text.startswith(w, verb_end)), 0)
        run: list[EntityKey] = []
        for m in s.view.mentions_between(at, end):
            if m.start != at or m.key.label not in PLACE_CLASSES:
                break
            run.append(m.key)
            at = m.end
        if run:
            return run
    return []


def _later_site(s: Sentence) -> tuple[list[EntityKey], int]:
    """Where a later sentence that opens with a back-reference (该项目, 该合资公司) says the venture settles."""
    sentences, lex = s.view.sentences, s.lex
    for start, end in sentences[s.index + 1:s.index + 1 + _LATER]:
        if not s.text.startswith(tuple(lex["venture_back_references"]), start):
            continue
        site = _site_after(s, start, end)
        if site:
            return site, start
    return [], -1


@relation_rule("investedIn.venture_site", gate=("joint_venture",), cues=("joint_venture", "settle"))
def venture_site(s: Sentence) -> Iterator[Fact]:
    """A与B组建合资公司，…落户Z / A、B、C三方合资…项目…。该项目…落户Z: each party of the joint venture
    invests in the place it settles in, after the settling verb in the sentence, else in one of the next two
    sentences that opens with a back-reference (该项目, 该合资公司)."""
    for cue_start, cue_end, _ in s.find("joint_venture"):
        parties = venture_parties(s, cue_start)
        if not parties:
            continue
        site, at = _site_after(s, cue_end, s.end), cue_start
        if not site:
            site, at = _later_site(s)
        for party in parties:
            for place in site:
                yield Fact(party.key, "investedIn", place, at, date=date_near(s, at))
