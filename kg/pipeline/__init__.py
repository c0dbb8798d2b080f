"""The extraction pipeline: each stage is a registered spaCy component.

Importing this package registers the component factories and the Doc
extensions; :func:`kg.nlp.build_nlp` assembles them in order.
"""

from __future__ import annotations

from . import (  # noqa: F401
    containment,
    entities,
    gazetteer,
    people,
    relations,
    sentences,
    shapes,
    tokenizer,
    values,
)
from .extensions import register_extensions

register_extensions()

__all__ = ["register_extensions"]
