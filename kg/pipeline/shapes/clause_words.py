"""Words of a clause before a body's name: what the language's common words say cannot open or sit
inside the name of a company, an organization, a zone or an event found by its suffix (jieba 0.42.1's
dictionary, ``gazetteers/sources/common_words.tsv``, the list ``people.word_bounds`` reads).

- a pronoun, an adverb or a conjunction (而某某银行, 这对某某银行, 日本某某最终决定布点某某高新区): the
  name starts after the clause's last such word (and a verb or a preposition right after it), at the
  first listed name after that if any; the words are read by forward longest match over the reach,
  a listed name whole;
- hiragana (a Japanese particle: が, の, と, は, を; にある): no Chinese body's name holds one (某某大学が中国の大学).

Read by :mod:`.reach`.
"""

from __future__ import annotations

import functools

from ..common_words import common_words
from .scan import ShapeScan

__all__ = ["after_clause_words"]

#: The parts of speech no body's name holds: adverbs, pronouns, conjunctions (最终, 这, 而).
_CLAUSE_TAGS = frozenset({"d", "ad", "r", "c"})
#: How common a word of two characters or more must be (jieba's frequency): rarer ones are names' words
#: as often (高新 of 高新区, tagged an adverb).
_COMMON = 1000
#: How common a single character must be: the clause's own pronouns and conjunctions (这, 我, 而, 但),
#: not those that sit in names (特 of 纳博特斯克, 越 of 越洋, 所 of 研究所, 本, 各, 及).
_VERY_COMMON = 100_000
#: The parts of speech of single characters that end a clause's words: pronouns and conjunctions (not
#: adverbs: 都 of 京都, 成都, 都道府县).
_SINGLE_TAGS = frozenset({"r", "c"})
#: A verb or a single preposition right after a clause's word is the clause's (非常感谢某某株式会社,
#: 这对某某银行): the name starts after it.
_VERB = "v"
_PREPOSITION = "p"
#: Hiragana: a Japanese sentence's particles and endings (が, の, と, にある), never inside a Chinese body's name.
_HIRAGANA = ("\u3041", "\u309f")


@functools.cache
def _clause_words() -> tuple[frozenset[str], frozenset[str]]:
    """Of the language's common words, the clause's words and the verbs and prepositions that may
    follow them."""
    frequencies = common_words().frequencies
    tags = common_words().tags
    clause = frozenset(word for word, tag in tags.items() if (
        len(word) > 1 and tag in _CLAUSE_TAGS and frequencies[word] >= _COMMON
        or tag in _SINGLE_TAGS and frequencies[word] >= _VERY_COMMON))
    verbs = frozenset(word for word, tag in tags.items() if tag == _VERB and len(word) > 1 and frequencies[word] >= _COMMON
                      or tag == _PREPOSITION and len(word) == 1 and frequencies[word] >= _VERY_COMMON)
    return clause, verbs


def after_clause_words(scan: ShapeScan, start: int, suffix_start: int) -> int:
    """Where a body's name starts after the words of a clause in ``text[start:suffix_start]`` (see the
    module: 而某某银行 → 某某银行; 某某大学が中国の大学 → 大学 after の)."""
    text = scan.text
    kana = [at for at in range(start, suffix_start) if _HIRAGANA[0] <= text[at] <= _HIRAGANA[1]]
    if kana:
        start = kana[-1] + 1
    words = common_words()
    clause, verbs = _clause_words()
    at, cut = start, start
    while at < suffix_start:
        listed = max((c.end for c in scan.listed_at.get(at, ()) if c.end <= suffix_start), default=0)
        if listed:
            at = listed
            continue
        word = words.opening(text, at, shortest=1, end=suffix_start)
        if word is None:
            at += 1
            continue
        # (a conjunction that may join two parts of one name, 高端装备制造和新材料产业园区, and a generic word of
        # two characters or more, 其他省区某某同乡会, a description: the shape rules' own)
        if word in clause and word not in scan.lex.conjunctions and (len(word) == 1 or word not in scan.lex.generic):
            cut = at + len(word)
            verb = words.opening(text, cut, shortest=1, end=suffix_start)
            if verb in verbs:
                cut += len(verb)
        at = max(at + len(word), cut)
    return _first_listed(scan, cut, suffix_start) if cut > start else cut


def _first_listed(scan: ShapeScan, cut: int, suffix_start: int) -> int:
    """Where the first listed name after a clause's word opens the body's name, past the clause's verb
    (这是他履职江苏省某某协会 → 江苏省某某协会); ``cut`` where none follows."""
    return next((at for at in range(cut, suffix_start) if not scan.inside_listed[at]
                 and any(c.end <= suffix_start for c in scan.listed_at.get(at, ()))), cut)
