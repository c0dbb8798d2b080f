"""``cjkg.CharTokenizer.v1``: spaCy's Chinese character segmentation, without the slow part.

``spacy.lang.zh.ChineseTokenizer`` with ``segmenter = "char"`` makes one token per
character and then aligns them with the text through ``util.get_words_and_spaces``,
a Python loop that runs at about 125k characters/s here. Characters need no
aligning: this tokenizer builds the same tokens (one per character, a single
space after a token becoming its trailing white space) directly, and hands the
Doc each token's string hash (orth), which it keeps per string, so spaCy does
not hash every character again.
"""

from __future__ import annotations

import re

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .extensions import TOKENIZED_TEXT

__all__ = ["CharTokenizer", "create_char_tokenizer"]

_WHITESPACE = re.compile(r"\s+")
#: White space other than a lone line break, where tokens are not simply the characters
#: (``[^\S\n]|\n\s``, written to begin with one character class, which ``re`` scans for quickly).
_SPLIT_WHITESPACE = re.compile(r"\s(?:(?<=\n)\s|(?<!\n))")


class CharTokenizer:
    """One token per character, exactly as spaCy's Chinese ``char`` segmenter."""

    #: Distinct token strings remembered (characters, runs of white space); past it, forgotten.
    MAX_CACHED = 100_000

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._orths: dict[str, int] = {}
        # the orth of each character of the Basic Multilingual Plane met so far (0: not yet)
        self._bmp = numpy.zeros(0x10000, dtype=numpy.uint64)

    def _character_orths(self, text: str) -> list[int]:
        """The orth of each character of ``text``, looked up for all of them at once."""
        encoded = text.encode("utf-16-le", "surrogatepass")
        if len(encoded) != 2 * len(text):  # characters beyond the BMP: one by one
            return self._orths_of(text)
        codes = numpy.frombuffer(encoded, dtype="<u2")
        orths = self._bmp[codes]
        if not orths.all():
            add = self.vocab.strings.add
            for code in numpy.unique(codes[orths == 0]).tolist():
                self._bmp[code] = add(chr(code))
            orths = self._bmp[codes]
        return orths.tolist()

    def _orths_of(self, words) -> list[int]:
        """The orth of each of ``words`` (strings, or the characters of a string)."""
        orths = self._orths
        try:
            return list(map(orths.__getitem__, words))
        except KeyError:  # a string not seen yet
            missing = set(words).difference(orths)
            if len(orths) + len(missing) > self.MAX_CACHED:
                orths.clear()
                missing = set(words)
            add = self.vocab.strings.add
            for word in missing:
                orths[word] = add(word)
            return list(map(orths.__getitem__, words))

    def __call__(self, text: str) -> Doc:
        characters = self._character_orths(text)
        if _SPLIT_WHITESPACE.search(text) is None:
            # white space is at most single line breaks, each a token: one token per character
            doc = Doc(self.vocab, words=characters, spaces=[False] * len(characters))
            doc.user_data[TOKENIZED_TEXT] = text
            return doc
        orths: list[int] = []
        spaces: list[bool] = []
        i, n = 0, len(text)
        while i < n:
            run = _WHITESPACE.search(text, i)
            stop = run.start() if run else n
            orths.extend(characters[i:stop])  # every other character is a token
            spaces.extend([False] * (stop - i))
            if run is None:
                break
            start, end = run.span()
            # a run of white space is one token, except that a single space right
            # after a token becomes that token's trailing white space
            # (runs are maximal, so a character token precedes every run but one at the start)
            if text[start] == " " and stop > i:
                spaces[-1] = True
                start += 1
            if start < end:
                orths.extend(self._orths_of((text[start:end],)))
                spaces.append(False)
            i = end
        doc = Doc(self.vocab, words=orths, spaces=spaces)
        doc.user_data[TOKENIZED_TEXT] = text  # doc.text, without rebuilding it from the tokens
        return doc

    # spaCy serializes tokenizers with the pipeline; this one has no state
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> CharTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> CharTokenizer:
        return self


@registry.tokenizers("cjkg.CharTokenizer.v1")
def create_char_tokenizer():
    def make(nlp) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make
