"""``kg_sentences``: sentence boundaries on Chinese punctuation and paragraph breaks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..textnorm import sentence_spans

__all__ = ["SentenceSplitter"]


class SentenceSplitter:
    """Marks sentence starts where :func:`kg.textnorm.sentence_spans` splits."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = {start for start, _ in sentence_spans(doc.text)}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
