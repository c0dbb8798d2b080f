"""Reading the graph of record into typed records that every analysis shares.

Internal: the public functions of :mod:`kg.analysis` build these records from
an :class:`rdflib.Graph` on each call (the graphs are small), so they never
hold on to a stale view of a graph that has changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import AmbiguousEntityError, EntityNotFoundError
from ..ontology import CJ, ENTITY_CLASSES, PROV, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, SKOS
from ..rdf import normalize_name

__all__ = [
    "CLASS_NAMES",
    "EntityInfo",
    "FactInfo",
    "RELATION_NAMES",
    "entity_index",
    "find_entity",
    "relation_facts",
    "relation_triples",
    "statistic_facts",
]

#: Local name of each entity class and relation property, by IRI.
CLASS_NAMES: dict[URIRef, str] = {iri: name for name, iri in ENTITY_CLASSES.items()}
RELATION_NAMES: dict[URIRef, str] = {iri: name for name, iri in RELATION_PROPERTIES.items()}


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity as the graph describes it."""

    iri: URIRef
    label: str
    cls: str | None
    aliases: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class FactInfo:
    """A relation mention or a statistic, with its evidence and where it was read."""

    node: URIRef
    kind: str  # "relation" or "statistic"
    subject: URIRef
    what: str  # the relation's local name, or the statistic's measure
    object: URIRef | None  # the relation's object, or the statistic's counterpart
    evidence: str
    source: str | None
    method: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    date: str | None = None
    title: str | None = None
    value: Decimal | None = None
    unit: str | None = None


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _fallback_label(iri: URIRef) -> str:
    return unquote(str(iri).rstrip("/").rsplit("/", 1)[-1])


def _decimal(value: Node | None) -> Decimal | None:
    if not isinstance(value, Literal):
        return None
    python = value.toPython()
    if isinstance(python, Decimal):
        return python
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def entity_index(graph: Graph) -> dict[URIRef, EntityInfo]:
    """Every entity of ``graph`` by IRI: typed entities, and untyped ends of relations."""
    index: dict[URIRef, EntityInfo] = {}
    for cls_iri, cls in CLASS_NAMES.items():
        for node in graph.subjects(RDF.type, cls_iri):
            if not isinstance(node, URIRef) or node in index:
                continue
            label = graph.value(node, RDFS.label)
            titles = sorted({str(t) for t in graph.objects(node, SCHEMA.jobTitle)})
            index[node] = EntityInfo(
                iri=node,
                label=str(label) if label is not None else _fallback_label(node),
                cls=cls,
                aliases=tuple(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)})),
                title="、".join(titles) or None,
            )
    for subject, _, obj in relation_triples(graph):
        for node in (subject, obj):
            if node not in index:
                label = graph.value(node, RDFS.label)
                index[node] = EntityInfo(node, str(label) if label is not None else _fallback_label(node), None)
    return index


def relation_triples(graph: Graph) -> list[tuple[URIRef, str, URIRef]]:
    """The plain relation triples ``(subject, relation name, object)``, sorted."""
    triples = []
    for predicate, name in RELATION_NAMES.items():
        for subject, obj in graph.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef):
                triples.append((subject, name, obj))
    return sorted(triples)


def _source(graph: Graph, node: Node) -> str | None:
    doc = graph.value(node, PROV.wasDerivedFrom)
    return None if doc is None else _text(graph.value(doc, CJ.fileName)) or str(doc)


def relation_facts(graph: Graph) -> list[FactInfo]:
    """Every ``cj:RelationMention`` of one of the relation properties, sorted by source and offset."""
    facts = []
    for node in graph.subjects(RDF.type, CJ.RelationMention):
        predicate = graph.value(node, RDF.predicate)
        subject, obj = graph.value(node, RDF.subject), graph.value(node, RDF.object)
        if predicate not in RELATION_NAMES or not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
            continue
        facts.append(FactInfo(
            node=node,
            kind="relation",
            subject=subject,
            what=RELATION_NAMES[predicate],
            object=obj,
            evidence=_text(graph.value(node, CJ.evidence)) or "",
            source=_source(graph, node),
            method=_text(graph.value(node, CJ.method)),
            amount=_decimal(graph.value(node, CJ.amount)),
            currency=_text(graph.value(node, CJ.currency)),
            date=_text(graph.value(node, CJ.date)),
            title=_text(graph.value(node, SCHEMA.jobTitle)),
        ))
    return sorted(facts, key=_fact_order(graph))


def statistic_facts(graph: Graph) -> list[FactInfo]:
    """Every ``cj:Statistic``, sorted by source and offset."""
    facts = []
    for node in graph.subjects(RDF.type, CJ.Statistic):
        subject = graph.value(node, CJ.statisticOf)
        if not isinstance(subject, URIRef):
            continue
        counterpart = graph.value(node, CJ.counterpart)
        facts.append(FactInfo(
            node=node,
            kind="statistic",
            subject=subject,
            what=_text(graph.value(node, CJ.measure)) or "",
            object=counterpart if isinstance(counterpart, URIRef) else None,
            evidence=_text(graph.value(node, CJ.evidence)) or "",
            source=_source(graph, node),
            amount=_decimal(graph.value(node, CJ.amount)),
            currency=_text(graph.value(node, CJ.currency)),
            date=_text(graph.value(node, CJ.date)),
            value=_decimal(graph.value(node, CJ.value)),
            unit=_text(graph.value(node, CJ.unit)),
        ))
    return sorted(facts, key=_fact_order(graph))


def _fact_order(graph: Graph):
    def key(fact: FactInfo) -> tuple[str, int, str]:
        start = graph.value(fact.node, CJ.charStart)
        return (fact.source or "", int(start) if start is not None else -1, str(fact.node))

    return key


def find_entity(graph: Graph, name: str, *, cls: str | None = None,
                index: dict[URIRef, EntityInfo] | None = None) -> URIRef:
    """The IRI of the entity labelled ``name``; an exact label beats an alias.

    Names are compared after :func:`kg.rdf.normalize_name` (no white space,
    half-width brackets). Raises :class:`~kg.errors.EntityNotFoundError` (with
    close labels as suggestions) or :class:`~kg.errors.AmbiguousEntityError`.
    """
    index = entity_index(graph) if index is None else index
    wanted = normalize_name(name)
    pool = [info for info in index.values() if cls is None or info.cls == cls]
    for names in (lambda info: (info.label,), lambda info: info.aliases):
        found = sorted({info.iri for info in pool if wanted in {normalize_name(n) for n in names(info)}})
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousEntityError(name, tuple(f"{index[iri].label} ({index[iri].cls})" for iri in found))
    labels = sorted({info.label for info in pool} | {alias for info in pool for alias in info.aliases})
    raise EntityNotFoundError(name, suggestions=tuple(difflib.get_close_matches(name, labels, n=3, cutoff=0.5)))
