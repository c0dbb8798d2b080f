"""Every custom Doc attribute of the pipeline, registered in one place."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["register_extensions"]

_DOC_EXTENSIONS = {
    # recognition: kg_gazetteer, kg_shapes, kg_people, kg_lists append Candidates
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
    # the article's date (ISO string) when known, for 今年/去年
    "document_date": None,
}


def _cached(name: str, compute):
    store = f"_{name}_store"

    def getter(doc: Doc):
        value = getattr(doc._, store)
        if value is None:
            value = compute(doc)
            setattr(doc._, store, value)
        return value

    return store, getter


def _folded(doc: Doc) -> str:
    from .fold import fold

    return fold(doc._.text)


#: Read-only views computed once per Doc: spaCy rebuilds ``doc.text`` from the tokens on
#: every access, and the folded text (Japanese forms → simplified) is used by most stages.
_DOC_VIEWS = {"text": lambda doc: doc.text, "folded": _folded}


def register_extensions() -> None:
    """Register the Doc extensions (idempotent). List/dict defaults are per Doc via getters."""
    for name, compute in _DOC_VIEWS.items():
        if not Doc.has_extension(name):
            store, getter = _cached(name, compute)
            Doc.set_extension(store, default=None)
            Doc.set_extension(name, getter=getter)
    for name, factory in _DOC_EXTENSIONS.items():
        if Doc.has_extension(name):
            continue
        if factory is None:
            Doc.set_extension(name, default=None)
        else:
            Doc.set_extension(f"_{name}_store", default=None)
            Doc.set_extension(name, getter=_make_getter(name, factory))


def _make_getter(name: str, factory):
    store = f"_{name}_store"

    def getter(doc: Doc):
        value = getattr(doc._, store)
        if value is None:
            value = factory()
            setattr(doc._, store, value)
        return value

    return getter
