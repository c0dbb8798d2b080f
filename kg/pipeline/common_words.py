"""The common words of Chinese, with their frequency and part of speech (converted once from jieba
0.42.1's dictionary, MIT: ``gazetteers/sources/common_words.tsv``; see ``kg/gazetteers/SOURCES.md``).

One reader for every stage that asks what a word is in the language: where a person's name ends
(:mod:`.people.word_bounds`: 领导经常回国, 星山隆参与了) and where a body's name starts
(:mod:`.shapes.clause_words`: 而某某银行)."""

from __future__ import annotations

import functools

from .data import load_words

__all__ = ["COMMON_WORDS", "CommonWords", "common_words"]

#: The list the stages read.
COMMON_WORDS = "gazetteers/sources/common_words.tsv"
#: The longest word looked for (a longest match reads no further).
_LONGEST = 4


class CommonWords:
    """The common words of the language by their surface, with their part of speech and frequency."""

    def __init__(self, path: str = COMMON_WORDS) -> None:
        # a plain split, no csv reader: the file has 40,000 rows, written folded (surface, frequency, tag)
        rows = [line.split("\t") for line in load_words(path)[1:]]
        self.tags = {row[0]: row[2] for row in rows}
        self.frequencies = {row[0]: int(row[1]) for row in rows}

    def opening(self, text: str, at: int, *, shortest: int = 2, end: int | None = None) -> str | None:
        """The longest common word of ``shortest`` to four characters that starts at ``at`` and ends by
        ``end`` (the text's end by default)."""
        end = len(text) if end is None else end
        for length in range(min(_LONGEST, end - at), shortest - 1, -1):
            word = text[at:at + length]
            if word in self.tags:
                return word
        return None


@functools.cache
def common_words(path: str = COMMON_WORDS) -> CommonWords:
    """The list at ``path``, read once per process."""
    return CommonWords(path)
