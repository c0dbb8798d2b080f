"""Every custom Doc attribute of the pipeline, registered in one place."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["register_extensions", "TOKENIZED_TEXT"]

#: ``doc.user_data`` key under which the tokenizer keeps the text it tokenized.
TOKENIZED_TEXT = ("cjkg", "tokenized_text")

_DOC_EXTENSIONS = {
    # kg_sentences: sentence spans (start, end) in characters
    "sentences": list,
    # recognition: kg_gazetteer, kg_shapes, kg_people append Candidates
    "candidates": list,
    # resolution (kg_entities): EntityKey -> EntityRecord, and the Mentions
    "entities": dict,
    "mentions": list,
    # gazetteer knowledge about resolved entities: EntityKey -> (parent EntityKey)
    "parents": dict,
    # the article's home city and province (the Chinese city it names most): label -> EntityKey
    "home": dict,
    # values (kg_values): Money and DateValue spans
    "money": list,
    "dates": list,
    # relations (kg_relations, kg_containment) and statistics
    "relations": list,
    "statistics": list,
}

#: Plain attributes, ``None`` until set: the article's date (ISO string) when known, for
#: 今年/去年; the gazetteer the article was matched against (kg_gazetteer sets it); the offsets
#: where the source had a space between two ideographs (a byline's names: 记者 王明 李红).
_DOC_VALUES = ("document_date", "gazetteer", "spaces")


def _cached(name: str, compute):
    # the value lives in doc.user_data (serialized with the Doc) under a key of its own;
    # reading user_data directly skips spaCy's Underscore machinery, which costs more
    # than most of the work done with the value
    store = ("cjkg", name)

    def getter(doc: Doc):
        user_data = doc.user_data
        value = user_data.get(store)
        if value is None:
            value = user_data[store] = compute(doc)
        return value

    return getter


def _folded(doc: Doc) -> str:
    """The folded text, where a ``?`` stands for a lost middle dot a ``·`` (:func:`kg.folding.restore_lost_dots`)."""
    from ..folding import fold, restore_lost_dots

    return restore_lost_dots(fold(doc._.text), doc._.spaces or frozenset())


def _text(doc: Doc) -> str:
    """``doc.text``; the tokenizer leaves the text it was given, which spares rebuilding it."""
    given = doc.user_data.get(TOKENIZED_TEXT)
    if given is not None and len(doc) and len(given) == doc[-1].idx + len(doc[-1].text_with_ws):
        return given
    return doc.text


def _view(doc: Doc):
    from .view import DocView

    return DocView(doc)


#: Read-only views computed once per Doc: spaCy rebuilds ``doc.text`` from the tokens on
#: every access, the folded text (Japanese forms → simplified) is used by most stages, and
#: the document view (:class:`~kg.pipeline.view.DocView`) by every stage after recognition.
_DOC_VIEWS = {"text": _text, "folded": _folded, "view": _view}


def register_extensions() -> None:
    """Register the Doc extensions (idempotent). List/dict defaults are per Doc via getters."""
    for name, compute in _DOC_VIEWS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_cached(name, compute))
    for name, factory in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_cached(name, lambda doc, factory=factory: factory()))
    for name in _DOC_VALUES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
