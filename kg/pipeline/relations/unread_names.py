"""Names no rule of kg_people read, seen by what stands around them: a body, two to four ideographs
that hold no common word of the language, then a title or a profession (青山大学巴图副教授出席: the
ideographs name the person the body employs). Read by :mod:`kg.pipeline.relations.participation`."""

from __future__ import annotations

from functools import lru_cache

from ..people.word_bounds import CommonWords
from .base import Sentence

__all__ = ["unread_name_and_title"]

#: The common words of the language, as kg_people reads them (people/lexicon.py).
_COMMON_WORDS = "gazetteers/sources/common_words.tsv"


@lru_cache(maxsize=1)
def _common_words() -> CommonWords:
    """The language's common words (jieba's dictionary, as kg_people reads them)."""
    return CommonWords(_COMMON_WORDS)


#: How long a name the people stage did not read may be, between a body and a title (青山大学巴图副教授).
_UNREAD_NAME = range(2, 5)


def unread_name_and_title(s: Sentence, at: int) -> bool:
    """A name of two to four ideographs no mention covers, no common word nor a function word in it, and a
    title or a profession after it follow the body at ``at`` (青山大学巴图副教授出席: the person the body
    employs attends, though no rule read the name; not 青山局相关负责人, 青山大学师生及留学生代表)."""
    text, words = s.text, _common_words()
    for length in _UNREAD_NAME:
        gap = text[at:at + length]
        if len(gap) == length and all("\u4e00" <= ch <= "\u9fff" for ch in gap) \
                and not any(words.opening(gap, i) or words.opens_function_word(gap, i) for i in range(length)) \
                and (text.startswith(s.lex.titles, at + length)
                     or s.lex.profession_suffixes.longest_prefix(text, at + length, end=at + length + 4)) \
                and not any(m.start < at + length and m.end > at for m in s.mentions) \
                and not text.startswith(s.lex.titles, at):
            return True
    return False
