"""``kg_sentences``: sentence boundaries on Chinese punctuation and paragraph breaks."""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


__all__ = ["SentenceSplitter"]


class SentenceSplitter:
    """Marks sentence starts where :func:`kg.textnorm.sentence_spans` splits."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.array([start for start, _ in doc._.sentence_spans], dtype="int64")
        if len(doc) == len(doc._.text):
            at = starts  # one token per character
        else:
            # the token at each sentence start (tokens are characters or runs of white space)
            offsets = doc.to_array([IDX]).astype("int64").reshape(-1)
            at = numpy.searchsorted(offsets, starts)
            at = at[(at < len(offsets)) & (offsets[numpy.minimum(at, len(offsets) - 1)] == starts)]
        flags = numpy.full(len(doc), -1, dtype="int64")
        flags[at] = 1
        flags[0] = 1
        flags = flags.astype("uint64")
        doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
