"""Reading the graph of record into typed records: the one reader behind the HTML view, ``kg.analysis`` and ``kg eval``.

(:mod:`kg.reading` reads the *input* articles; this module reads the RDF graph built from them.)

:func:`graph_records` reads an rdflib :class:`~rdflib.Graph`, or a
:class:`~rdflib.Dataset` / :class:`~rdflib.ConjunctiveGraph` whose named graphs
are read together as one, into a :class:`GraphRecords`:

- :class:`Entity`: every node typed with one of the ten entity classes, and
  every untyped node that is the end of a relation or the target of an entity
  mention (its ``cls`` is then ``None``). Its class is the most specific one
  asserted (``Company`` over ``Organization``); its label the ``rdfs:label``
  tagged ``@zh`` (the first in code-point order if there are several), else any
  ``rdfs:label``, else the last segment of its IRI; its aliases every other
  ``rdfs:label`` and ``skos:altLabel``; ``mentions`` counts its
  ``cj:EntityMention`` nodes;
- the plain relation triples ``S cj:p O`` between IRIs;
- :class:`RelationMention` (one per ``cj:RelationMention`` node: ends,
  relation, evidence sentence, offsets, method, rule, amount and currency,
  date, job title, documents), :class:`EntityMention` and :class:`Statistic`;
- the documents' file names, and the further files holding a document's text
  (``cj:alsoReadFrom``: :attr:`GraphRecords.documents_by_file` finds the document by
  any of them).

Reading makes one pass over the triples of each property it needs (the
store's predicate index), never a query per entity, so its time grows linearly
with the size of the graph. The graph is not changed.

>>> from kg.analysis.examples import example_graph
>>> records = graph_records(example_graph())
>>> dalian = records.entity_named("大连")
>>> dalian.label, dalian.cls, dalian.aliases, dalian.mentions
('大连', 'City', ('大连市',), 1)
>>> len(records.triples), len(records.relation_mentions), len(records.statistics)
(13, 13, 1)
>>> invest = next(m for m in records.relation_mentions if m.relation == "investedIn" and m.amount)
>>> invest.amount, invest.currency, invest.method, invest.rule, invest.sources
(Decimal('30000000'), 'USD', 'pattern', 'investedIn.cue', ('example.txt',))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import Final
from urllib.parse import unquote

from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from .ontology import CJ, CJR_DEFAULT, ENTITY_CLASSES, PROV, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, SKOS, load_ontology

__all__ = [
    "CLASS_NAMES",
    "Entity",
    "EntityMention",
    "GraphRecords",
    "RELATION_NAMES",
    "RelationMention",
    "Statistic",
    "Triple",
    "graph_records",
    "most_specific_class",
]

#: Local name of each entity class and relation property, by IRI.
CLASS_NAMES: Final[Mapping[URIRef, str]] = {iri: name for name, iri in ENTITY_CLASSES.items()}
RELATION_NAMES: Final[Mapping[URIRef, str]] = {iri: name for name, iri in RELATION_PROPERTIES.items()}

#: ``(subject, relation's local name, object)``.
Triple = tuple[URIRef, str, URIRef]


# ----------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity as the graph describes it (``cls`` is ``None`` for an untyped node)."""

    iri: URIRef
    label: str
    cls: str | None
    aliases: tuple[str, ...] = ()
    job_titles: tuple[str, ...] = ()
    mentions: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The label, then the aliases."""
        return (self.label, *self.aliases)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One ``cj:EntityMention``: where an entity is named in a document, and by which rule."""

    node: Identifier
    entity: URIRef
    documents: tuple[URIRef, ...]
    surface: str
    start: int | None = None
    end: int | None = None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class RelationMention:
    """One ``cj:RelationMention``: the evidence of a relation triple and what the sentence states.

    ``sources`` are the file names of ``documents``, in the same order.
    """

    node: Identifier
    subject: URIRef
    relation: str
    object: URIRef
    documents: tuple[URIRef, ...]
    sources: tuple[str, ...]
    evidence: str
    start: int | None = None
    end: int | None = None
    method: str | None = None
    rule: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    date: str | None = None
    job_title: str | None = None

    @property
    def triple(self) -> Triple:
        return self.subject, self.relation, self.object

    @property
    def source(self) -> str | None:
        """The first source file, or ``None``."""
        return self.sources[0] if self.sources else None


@dataclass(frozen=True, slots=True)
class Statistic:
    """One ``cj:Statistic``: a figure about an entity that is not a relation."""

    node: Identifier
    subject: URIRef
    measure: str
    counterpart: URIRef | None
    value: Decimal | None
    unit: str | None
    documents: tuple[URIRef, ...]
    sources: tuple[str, ...]
    evidence: str
    start: int | None = None
    end: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    date: str | None = None

    @property
    def source(self) -> str | None:
        return self.sources[0] if self.sources else None


@dataclass(frozen=True)
class GraphRecords:
    """Everything :func:`graph_records` read, with indexes built on first use."""

    entities: Mapping[URIRef, Entity]
    triples: tuple[Triple, ...]
    relation_mentions: tuple[RelationMention, ...]
    entity_mentions: tuple[EntityMention, ...]
    statistics: tuple[Statistic, ...]
    documents: Mapping[URIRef, str] = field(default_factory=dict)
    also_read_from: Mapping[URIRef, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def mentions_by_triple(self) -> Mapping[Triple, tuple[RelationMention, ...]]:
        """The relation mentions of each triple, in reading order."""
        grouped: dict[Triple, list[RelationMention]] = defaultdict(list)
        for mention in self.relation_mentions:
            grouped[mention.triple].append(mention)
        return {key: tuple(value) for key, value in grouped.items()}

    @cached_property
    def documents_by_file(self) -> Mapping[str, URIRef]:
        """Document IRI by file name (the first in IRI order where a name is shared)."""
        found: dict[str, URIRef] = {}
        for doc in sorted(self.documents, key=str):
            found.setdefault(self.documents[doc], doc)
        for doc in sorted(self.also_read_from, key=str):  # further files holding a document's text
            for name in self.also_read_from[doc]:
                found.setdefault(name.split(", line ")[0], doc)
        return found

    @cached_property
    def entity_mentions_by_document(self) -> Mapping[URIRef, tuple[EntityMention, ...]]:
        """The entity mentions derived from each document."""
        grouped: dict[URIRef, list[EntityMention]] = defaultdict(list)
        for mention in self.entity_mentions:
            for doc in mention.documents:
                grouped[doc].append(mention)
        return {key: tuple(value) for key, value in grouped.items()}

    @cached_property
    def relation_mentions_by_document(self) -> Mapping[URIRef, tuple[RelationMention, ...]]:
        """The relation mentions derived from each document."""
        grouped: dict[URIRef, list[RelationMention]] = defaultdict(list)
        for mention in self.relation_mentions:
            for doc in mention.documents:
                grouped[doc].append(mention)
        return {key: tuple(value) for key, value in grouped.items()}

    def entity_named(self, label: str) -> Entity:
        """The first entity (in IRI order) whose label is ``label``; raises ``KeyError`` if none."""
        for entity in self.entities.values():
            if entity.label == label:
                return entity
        raise KeyError(label)


# ----------------------------------------------------------------------- reading


@lru_cache(maxsize=1)
def _broader_classes() -> Mapping[str, frozenset[str]]:
    """For each entity class, the entity classes above it in ``ontology.ttl`` (transitively)."""
    onto = load_ontology()
    parents: dict[str, set[str]] = defaultdict(set)
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        if sub in CLASS_NAMES and sup in CLASS_NAMES:
            parents[CLASS_NAMES[sub]].add(CLASS_NAMES[sup])  # type: ignore[index]
    closed: dict[str, frozenset[str]] = {}
    for name in ENTITY_CLASSES:
        seen: set[str] = set()
        todo = list(parents.get(name, ()))
        while todo:
            up = todo.pop()
            if up not in seen:
                seen.add(up)
                todo.extend(parents.get(up, ()))
        closed[name] = frozenset(seen)
    return closed


def most_specific_class(classes: set[str] | frozenset[str]) -> str | None:
    """The most specific of the entity classes ``classes``: one no other asserted class lies below.

    Where several remain (a node typed both ``City`` and ``Region``), the first in
    :data:`kg.ontology.ENTITY_CLASSES` order.

    >>> most_specific_class({"Organization", "Company"}), most_specific_class({"Region", "City"})
    ('Company', 'Region')
    >>> most_specific_class(set()) is None
    True
    """
    return _most_specific(frozenset(classes))


@lru_cache(maxsize=256)
def _most_specific(classes: frozenset[str]) -> str | None:
    broader = _broader_classes()
    above = {up for name in classes for up in broader.get(name, ())}
    for name in ENTITY_CLASSES:
        if name in classes and name not in above:
            return name
    return None


def _pairs(graph: Graph, predicate: URIRef) -> Iterator[tuple[Node, Node]]:
    """``(subject, object)`` of every triple with ``predicate``, over all named graphs of a dataset."""
    if isinstance(graph, ConjunctiveGraph):
        for s, _, o, _ in graph.quads((None, predicate, None, None)):
            yield s, o
    else:
        yield from graph.subject_objects(predicate)


def _values(graph: Graph, predicate: URIRef) -> dict[Node, list[Node]]:
    """Objects of ``predicate`` by subject, each value once, in a stable order."""
    found: dict[Node, dict[Node, None]] = defaultdict(dict)
    for s, o in _pairs(graph, predicate):
        found[s][o] = None
    return {s: list(objs) if len(objs) == 1 else sorted(objs, key=_term_order) for s, objs in found.items()}


def _term_order(term: Node) -> tuple[str, str]:
    return (str(term), getattr(term, "language", None) or "")


def _first(values: Mapping[Node, list[Node]], node: Node) -> Node | None:
    found = values.get(node)
    return found[0] if found else None


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _int(value: Node | None) -> int | None:
    if not isinstance(value, Literal):
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _decimal(value: Node | None) -> Decimal | None:
    if not isinstance(value, Literal):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _fallback_label(iri: Node) -> str:
    """The last segment of an IRI, percent-decoded: the label of a node that has none.

    >>> _fallback_label(URIRef(CJR_DEFAULT + "City/%E5%A4%A7%E8%BF%9E"))
    '大连'
    """
    return unquote(str(iri).rstrip("/").rsplit("/", 1)[-1])


def _label_and_aliases(node: Node, labels: list[Node], alt_labels: list[Node]) -> tuple[str, tuple[str, ...]]:
    literals = [lit for lit in labels if isinstance(lit, Literal)]
    chosen = next((lit for lit in literals if lit.language == "zh"), literals[0] if literals else None)
    label = str(chosen) if chosen is not None else _fallback_label(node)
    others = {str(lit) for lit in [*literals, *alt_labels] if isinstance(lit, Literal)}
    others.discard(label)
    return label, tuple(sorted(others))


def graph_records(graph: Graph) -> GraphRecords:
    """Read ``graph`` into typed records (see the module's docstring for what is read and how).

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record, or a dataset of per-document named graphs.

    Returns
    -------
    GraphRecords
        Entities by IRI (in IRI order), the relation triples (sorted), relation
        mentions and statistics (by source file, start offset, node), entity
        mentions (likewise) and the documents' file names.
    """
    # one pass over rdf:type sorts the nodes into entities (by class), mentions, statistics and documents
    relation_nodes: list[Node] = []
    statistic_nodes: list[Node] = []
    document_nodes: list[URIRef] = []
    classes_of: dict[URIRef, set[str]] = defaultdict(set)
    relation_mention, statistic, document = CJ.RelationMention, CJ.Statistic, CJ.Document
    for node, cls in _pairs(graph, RDF.type):
        if cls in CLASS_NAMES:
            if isinstance(node, URIRef):
                classes_of[node].add(CLASS_NAMES[cls])  # type: ignore[index]
        elif isinstance(node, Literal):
            continue
        elif cls == relation_mention:
            relation_nodes.append(node)
        elif cls == statistic:
            statistic_nodes.append(node)
        elif cls == document and isinstance(node, URIRef):
            document_nodes.append(node)
    file_names = {doc: str(names[0]) for doc, names in _values(graph, CJ.fileName).items()}
    documents = {doc: file_names.get(doc, str(doc)) for doc in document_nodes}
    documents.update({doc: name for doc, name in file_names.items() if isinstance(doc, URIRef)})
    also_read_from = {doc: tuple(str(name) for name in names)
                      for doc, names in _values(graph, CJ.alsoReadFrom).items() if isinstance(doc, URIRef)}
    derived = _values(graph, PROV.wasDerivedFrom)

    def provenance(node: Node) -> tuple[tuple[URIRef, ...], tuple[str, ...]]:
        docs = tuple(d for d in derived.get(node, ()) if isinstance(d, URIRef))
        return docs, tuple(documents.get(d, str(d)) for d in docs)

    starts, ends = _values(graph, CJ.charStart), _values(graph, CJ.charEnd)
    evidence, methods, rules = _values(graph, CJ.evidence), _values(graph, CJ.method), _values(graph, CJ.rule)
    amounts, currencies, dates = _values(graph, CJ.amount), _values(graph, CJ.currency), _values(graph, CJ.date)
    job_titles = _values(graph, SCHEMA.jobTitle)

    # relation mentions
    subjects, predicates, objects = _values(graph, RDF.subject), _values(graph, RDF.predicate), _values(graph, RDF.object)
    relation_mentions = []
    for node in dict.fromkeys(relation_nodes):
        subject, predicate, obj = _first(subjects, node), _first(predicates, node), _first(objects, node)
        if predicate not in RELATION_NAMES or not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
            continue
        docs, sources = provenance(node)
        relation_mentions.append(RelationMention(
            node=node, subject=subject, relation=RELATION_NAMES[predicate], object=obj,  # type: ignore[index]
            documents=docs, sources=sources,
            evidence=_text(_first(evidence, node)) or "",
            start=_int(_first(starts, node)), end=_int(_first(ends, node)),
            method=_text(_first(methods, node)), rule=_text(_first(rules, node)),
            amount=_decimal(_first(amounts, node)), currency=_text(_first(currencies, node)),
            date=_text(_first(dates, node)), job_title=_text(_first(job_titles, node)),
        ))

    # entity mentions
    targets, surfaces = _values(graph, CJ.mentionOf), _values(graph, CJ.surface)
    entity_mentions = []
    for node, entities in targets.items():
        target = entities[0]
        if isinstance(node, Literal) or not isinstance(target, URIRef):
            continue
        docs, _ = provenance(node)
        entity_mentions.append(EntityMention(
            node=node, entity=target, documents=docs, surface=_text(_first(surfaces, node)) or "",
            start=_int(_first(starts, node)), end=_int(_first(ends, node)), rule=_text(_first(rules, node)),
        ))

    # statistics
    stat_of, counterparts = _values(graph, CJ.statisticOf), _values(graph, CJ.counterpart)
    measures, stat_values, units = _values(graph, CJ.measure), _values(graph, CJ.value), _values(graph, CJ.unit)
    statistics = []
    for node in dict.fromkeys(statistic_nodes):
        subject = _first(stat_of, node)
        if not isinstance(subject, URIRef):
            continue
        counterpart = _first(counterparts, node)
        docs, sources = provenance(node)
        statistics.append(Statistic(
            node=node, subject=subject, measure=_text(_first(measures, node)) or "",
            counterpart=counterpart if isinstance(counterpart, URIRef) else None,
            value=_decimal(_first(stat_values, node)), unit=_text(_first(units, node)),
            documents=docs, sources=sources, evidence=_text(_first(evidence, node)) or "",
            start=_int(_first(starts, node)), end=_int(_first(ends, node)),
            amount=_decimal(_first(amounts, node)), currency=_text(_first(currencies, node)),
            date=_text(_first(dates, node)),
        ))

    # relation triples
    triples: set[Triple] = set()
    for predicate, name in RELATION_NAMES.items():
        for subject, obj in _pairs(graph, predicate):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef):
                triples.add((subject, name, obj))

    # entities: typed nodes, then untyped ends and mention targets
    mention_counts: dict[URIRef, int] = defaultdict(int)
    for em in entity_mentions:
        mention_counts[em.entity] += 1
    nodes = set(classes_of) | set(mention_counts)
    nodes |= {end for s, _, o in triples for end in (s, o)}
    nodes |= {end for rm in relation_mentions for end in (rm.subject, rm.object)}
    labels, alt_labels = _values(graph, RDFS.label), _values(graph, SKOS.altLabel)
    entities = {}
    for node in sorted(nodes, key=str):
        label, aliases = _label_and_aliases(node, labels.get(node, []), alt_labels.get(node, []))
        entities[node] = Entity(
            iri=node, label=label, cls=_most_specific(frozenset(classes_of.get(node, ()))), aliases=aliases,
            job_titles=tuple(sorted({str(t) for t in job_titles.get(node, ()) if isinstance(t, Literal)})),
            mentions=mention_counts.get(node, 0),
        )

    def order(item: RelationMention | EntityMention | Statistic) -> tuple[str, int, str]:
        source = documents.get(item.documents[0], "") if item.documents else ""
        return (source, item.start if item.start is not None else -1, str(item.node))

    return GraphRecords(
        entities=entities,
        triples=tuple(sorted(triples)),
        relation_mentions=tuple(sorted(relation_mentions, key=order)),
        entity_mentions=tuple(sorted(entity_mentions, key=order)),
        statistics=tuple(sorted(statistics, key=order)),
        documents=documents,
        also_read_from=also_read_from,
    )
