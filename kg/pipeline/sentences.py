"""``kg_sentences``: sentence spans on Chinese punctuation and paragraph breaks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..textnorm import sentence_spans

__all__ = ["SentenceSplitter"]


class SentenceSplitter:
    """Sets ``doc._.sentences`` to the spans :func:`kg.textnorm.sentence_spans` splits."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sentences.extend(sentence_spans(doc._.folded))
        return doc


@Language.factory("kg_sentences", assigns=["doc._.sentences"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
