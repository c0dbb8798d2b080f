"""Which entity a notebook looks at first: picked from the graph, not written into the notebook.

A notebook pointed at another graph (``KG_GRAPH``) then shows that graph's own
most connected city instead of stopping on a name the graph does not hold.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import NamedTuple

from rdflib import Graph, URIRef

from ..errors import AnalysisError
from ..ontology import CJ, ENTITY_CLASSES, RDF, RDFS, RELATION_PROPERTIES

__all__ = ["Subject", "pick_subject"]

log = logging.getLogger(__name__)


class Subject(NamedTuple):
    """An entity to show: its label and class, and how many relations and mentions it has."""

    label: str
    cls: str
    relations: int
    mentions: int


def _classes(graph: Graph) -> dict[URIRef, str]:
    names = {iri: name for name, iri in ENTITY_CLASSES.items()}
    return {node: names[kind] for node, kind in graph.subject_objects(RDF.type)
            if kind in names and isinstance(node, URIRef)}


def pick_subject(graph: Graph, *, cls: str | None = "City") -> Subject:
    """The entity of class ``cls`` with the most relations in ``graph`` (then the most mentions).

    Relations are the plain relation triples (``S cj:investedIn O`` …) the entity
    takes part in, as subject or object; ties go to the entity mentioned most
    often, then to the first label in code-point order. When the graph holds no
    entity of class ``cls``, the most connected entity of any class is picked;
    ``cls=None`` always looks at every class.

    Raises
    ------
    AnalysisError
        If ``cls`` is not a class of the ontology, or the graph holds no entity at all.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> pick_subject(example_graph())
    Subject(label='大连', cls='City', relations=5, mentions=1)
    >>> pick_subject(example_graph(), cls="Company").label
    '大船北九州株式会社'
    >>> from rdflib import Graph
    >>> pick_subject(Graph())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.AnalysisError: the graph holds no entity to look at: build it from articles first ('make run', ...
    """
    if cls is not None and cls not in ENTITY_CLASSES:
        raise AnalysisError(f"unknown class {cls!r}: use one of {', '.join(ENTITY_CLASSES)}")
    classes = _classes(graph)
    relations: Counter[URIRef] = Counter()
    for predicate in RELATION_PROPERTIES.values():
        for subject, obj in set(graph.subject_objects(predicate)):
            relations[subject] += 1  # type: ignore[index]
            relations[obj] += 1  # type: ignore[index]
    mentions = Counter(target for target in graph.objects(None, CJ.mentionOf) if isinstance(target, URIRef))
    pool = [node for node, kind in classes.items() if cls is None or kind == cls]
    if not pool:
        if not classes:
            raise AnalysisError("the graph holds no entity to look at: build it from articles first ('make run', "
                                "or 'kg build ARTICLES --out OUT') and point KG_GRAPH at its graph.ttl")
        log.info("the graph has no entity of class %s; picking among all classes", cls)
        pool = list(classes)

    def label(node: URIRef) -> str:
        return str(graph.value(node, RDFS.label) or node.rsplit("/", 1)[-1])

    best = min(pool, key=lambda node: (-relations[node], -mentions[node], label(node), str(node)))
    return Subject(label(best), classes[best], relations[best], mentions[best])
