"""Pairs of partners: A与B、C (合作, 签署, 缔结友好城市), or 双方/两市 for the last pair named.

The reading is shared by the rules of ``cooperatesWith``, ``signedWith`` and
``sisterCityOf``; the last pair a sentence names carries to the next sentences.
"""

from __future__ import annotations

from typing import NamedTuple

from ...records import EntityKey
from ..marks import CLAUSE_BREAKS
from .base import AGENTS, Sentence, enumeration, skip_relative
from .lexicon import reads

__all__ = ["Pair", "pair_of", "pairs"]


class Pair(NamedTuple):
    """A subject and its partners at a marker (与) or a pronoun (双方), and what the sentence says of them."""

    at: int
    subject: EntityKey
    partners: list[EntityKey]
    cooperate: bool
    sign: bool
    sister: bool
    pronoun: bool  # 双方, 两市: the pair named before


reads("pairs", "partner_markers", "cooperate", "sign", "sister", "pair_pronouns", "generic_heads", "sign_verbs_alone",
      "sign_objects")


def pairs(s: Sentence) -> list[Pair]:
    """The pairs of the sentence: after each partner marker, else one pronoun for the last pair named."""
    return s.memo(pairs, _pairs)


def pair_of(s: Sentence) -> tuple[EntityKey, list[EntityKey]] | None:
    """The last pair named in this sentence (with partners), else the one carried from before."""
    named = [p for p in pairs(s) if not p.pronoun and p.partners]
    if named:
        return named[-1].subject, named[-1].partners
    return s.discourse.pair


def named_here(s: Sentence) -> bool:
    """Whether this sentence names a pair with partners (it then carries to the next sentences)."""
    return any(not p.pronoun and p.partners for p in pairs(s))


def _signs(s: Sentence, after: int, sign: list[tuple[int, int, str]]) -> bool:
    """签约 right after the partners (与新都区签约), or 签署/签订 with an agreement (协议, 备忘录)."""
    text, alone = s.text, s.lex["sign_verbs_alone"]
    if any(w in alone and 0 <= start - after <= 4 and not any(ch in text[after:start] for ch in CLAUSE_BREAKS)
           for start, _, w in sign):
        return True
    return any(start >= after for start, _, _ in sign) and any(w in text[after:s.end] for w in s.lex["sign_objects"])


def _subject(s: Sentence, m_start: int) -> EntityKey | None:
    """Who stands before the marker in its clause; at the sentence's start, the topic before."""
    text = s.text
    c_start, _ = s.clause_of(m_start)
    before = [m for m in s.mentions if c_start <= m.start and m.end <= m_start and m.key.label in AGENTS
              and len(s.lex.alias_notes.sub("", text[m.end:m_start])) <= 6]
    if before:
        return before[-1].key
    if m_start - s.start <= 4:
        return s.discourse.topic  # 与藤田医科大学建立…: the previous sentence's topic
    return s.topic


def _pairs(s: Sentence) -> list[Pair]:
    coop, sign, sister = s.find("cooperate"), s.find("sign"), s.find("sister")
    if not coop and not sign and not sister:
        return []
    text = s.text
    found: list[Pair] = []
    for m_start, m_end, _ in s.find("partner_markers"):
        begin = skip_relative(s, m_end, s.end)  # 与位于仙台市的日本东北大学
        first = s.first_after(begin)
        if first is None or s.mentions[first].start != begin:
            continue
        partners = enumeration(s, first, AGENTS, s.end)
        if not partners:
            continue
        subject = _subject(s, m_start)
        if subject is None:
            continue
        after = partners[-1].end
        keys = [p.key for p in partners if p.key != subject
                and not text.startswith(s.lex["generic_heads"], p.end)]  # 与日本企业签约
        found.append(Pair(m_start, subject, keys, any(c >= after for c, _, _ in coop), _signs(s, after, sign),
                          any(c >= after for c, _, _ in sister), False))
    if not any(p.partners for p in found) and s.discourse.pair:
        for p_start, p_end, _ in s.find("pair_pronouns"):  # 两市签署了…备忘录 / 双方…合作
            subject, keys = s.discourse.pair
            found.append(Pair(p_start, subject, keys, any(c >= p_end for c, _, _ in coop), _signs(s, p_end, sign),
                              False, True))
            break
    return found
