"""Words of a clause before a body's name: what the language's common words say cannot open or sit
inside the name of a company, an organization, a zone or an event found by its suffix (jieba 0.42.1's
dictionary, ``gazetteers/sources/common_words.tsv``, the list ``people.word_bounds`` reads).

- a pronoun, an adverb or a conjunction (而某某银行, 这对某某银行, 日本某某最终决定布点某某高新区): the
  name starts after the clause's last such word (and a verb or a preposition right after it), at the
  first listed name after that if any; the words are read by forward longest match over the reach,
  a listed name whole;
- a verb (two characters or more) before an object marker (某某资料捐赠给某某博物馆) or, when it opens the
  reach or follows a listed name, a single character or a number, before a listed name (走进某地某某有限公司,
  日本推介某地经济区博览会): the name starts after the marker, at the listed name; a verb after a word of
  two characters or more is the name's own (某某新型材料制造某地产业基地, 投资促进中心);
- hiragana (a Japanese particle: が, の, と, は, を; にある): no Chinese body's name holds one (某某大学が中国の大学).

Read by :mod:`.reach`.
"""

from __future__ import annotations

import functools

from ..common_words import common_words
from ..rules import reads
from .lexicon import STAGE
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
#: How common a verb must be to end a clause's words when an object marker or a listed name follows it.
_VERB_COMMON = 100
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
    at, cut, before = start, start, None
    while at < suffix_start:
        listed = max((c.end for c in scan.listed_at.get(at, ()) if c.end <= suffix_start), default=0)
        if listed:
            at, before = listed, None
            continue
        word = words.opening(text, at, shortest=1, end=suffix_start)
        if word is None:
            at, before = at + 1, None
            continue
        # (a conjunction that may join two parts of one name, 高端装备制造和新材料产业园区, and a generic word of
        # two characters or more, 其他省区某某同乡会, a description: the shape rules' own)
        if word in clause and word not in scan.lex.conjunctions and (len(word) == 1 or word not in scan.lex.generic):
            cut = at + len(word)
            verb = words.opening(text, cut, shortest=1, end=suffix_start)
            if verb in verbs:
                cut += len(verb)
        elif word in _clause_verbs():
            cut = max(cut, _after_verb(scan, at + len(word), suffix_start, before))
        at, before = max(at + len(word), cut), word
    return _first_listed(scan, cut, suffix_start) if cut > start else cut


@functools.cache
def _clause_verbs() -> frozenset[str]:
    """Of the language's common words, the verbs of two characters or more (捐赠, 走进, 接待)."""
    frequencies = common_words().frequencies
    return frozenset(word for word, tag in common_words().tags.items()
                     if tag == _VERB and len(word) > 1 and frequencies[word] >= _VERB_COMMON)


def _after_verb(scan: ShapeScan, end: int, suffix_start: int, before: str | None) -> int:
    """Where a body's name starts after a clause's verb ending at ``end``: after an object marker
    (某某资料捐赠给某某博物馆); at a listed name right after it (走进某地某某汽车部件有限公司) when the verb
    follows the reach's start, a listed name (its subject: 日本某某省支持某某中心), a single character or
    a number, not a word of two characters or more whose object it is inside a name (某某新型材料制造某地
    产业基地, 青少年访问某地交流团); 0 where none holds (a name's own verb: 投资促进中心)."""
    if scan.text[end:end + 1] in scan.lex.words["object_markers"] and end + 1 < suffix_start:
        return end + 1
    if (before is None or len(before) == 1) and not scan.inside_listed[end] and any(
            c.end <= suffix_start for c in scan.listed_at.get(end, ())):
        return end
    return 0


reads(STAGE, "shape.suffix", "object_markers")


def _first_listed(scan: ShapeScan, cut: int, suffix_start: int) -> int:
    """Where the first listed name after a clause's word opens the body's name, past the clause's verb
    (这是他履职江苏省某某协会 → 江苏省某某协会); ``cut`` where none follows."""
    return next((at for at in range(cut, suffix_start) if not scan.inside_listed[at]
                 and any(c.end <= suffix_start for c in scan.listed_at.get(at, ()))), cut)
