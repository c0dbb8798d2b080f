"""The summary graph: one ``cj:Fact`` node per relation triple, computed from the store after loading.

A relation triple ``S cj:p O`` is stated once in the entity graph however many articles
state it; its evidence is spread over the articles' ``cj:RelationMention`` nodes. A query
that wants, for each fact of an entity, how many articles state it and one sentence that
does (``queries/entity.rq``) would have to visit every relation mention of the entity:
for an entity most articles name (日本), hundreds of thousands. The summary graph
(:func:`summary_graph_iri`, a named graph of the store beside the entity graph) holds
that answer once per fact:

* ``?fact a cj:Fact ; cj:factSubject S ; cj:factPredicate cj:p ; cj:factObject O``;
* ``cj:documentCount``: how many documents have a relation mention of it;
* ``cj:sampleMention``: one of those relation mentions (the first by IRI), whose sentence,
  method and document stand for the evidence;
* ``cj:firstDate`` / ``cj:lastDate``: the earliest and latest date its sentences give
  (``cj:date`` of its relation mentions), where any does;
* ``cj:factDate``, for the facts of the timeline (:data:`TIMELINE_PROPERTIES`: investments and
  agreements): where ``queries/timeline.rq`` places it, its ``cj:firstDate``, else the publication
  date (``dcterms:issued``) of its sample mention's document, so that the query sorts and filters
  the facts by date reading one value per fact;
* ``cj:largestAmount``, for the facts of investments (:data:`AMOUNT_PROPERTIES`): a node per currency in which
  its relation mentions state an amount (``cj:currency``), with the largest ``cj:amount`` they give, so that
  ``queries/investments.rq`` and ``investment_totals.rq`` read one value per fact and currency instead of every
  relation mention of the pair (20,661 articles state the most stated investment of the 100k corpus);
* ``cj:factZone``, for the facts of :data:`ZONE_PROPERTIES` between a ``cj:Zone`` and a company or organization
  (:data:`ZONE_PARTNER_CLASSES`), either way round: the zone, so that ``queries/zone_companies.rq`` reads
  its facts from one index instead of every fact of every zone and the class of each one's other end; and
  ``cj:zoneCity``, the city the zone lies in (directly or through a district; the one most articles place it
  in), so that the query reads one value per row (:func:`zone_triples`; they need the entities' types and
  places, so they are made from the whole store after the other summary triples, and made anew after every
  change).

It is derived data: :func:`refresh_summary` recomputes it from the document graphs (after
every build, full or incremental, and after :func:`kg.store.replace_document` and
:func:`kg.store.remove_document`), so it is always the summary of what the store holds.
It is not part of the graph of record (``graph.ttl``, ``graph.trig``, ``kg.store.store_graph``):
:func:`summary_triples` computes the same triples for any rdflib graph.

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import CJ, PROV, RDF
>>> g = Graph()
>>> for doc in ("d1", "d2"):
...     m = URIRef(f"https://w3id.org/cjkg/resource/doc/{doc}/relation/1")
...     for p, o in ((RDF.type, CJ.RelationMention), (RDF.subject, URIRef("urn:a")), (RDF.predicate, CJ.investedIn),
...                  (RDF.object, URIRef("urn:b")), (PROV.wasDerivedFrom, URIRef(f"urn:{doc}"))):
...         _ = g.add((m, p, o))
>>> facts = summary_triples(g)
>>> [int(n) for n in facts.objects(None, CJ.documentCount)]
[2]
>>> [str(m) for m in facts.objects(None, CJ.sampleMention)]
['https://w3id.org/cjkg/resource/doc/d1/relation/1']
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import time
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from rdflib import Graph, URIRef

from .ontology import CJ, CJR_DEFAULT, DCTERMS, PROV, RDF, RDFS, RELATION_PROPERTIES, XSD, bind_prefixes

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["AMOUNT_PROPERTIES", "SUMMARY_PARTS", "TIMELINE_PROPERTIES", "ZONE_PARTNER_CLASSES", "ZONE_PROPERTIES",
           "SummaryCollector", "amount_node", "amount_query", "document_facts", "fact_iri", "find_summary_graph",
           "load_summary", "refresh_summary", "refresh_zone_facts", "summary_is_current", "summary_graph_iri",
           "summary_nquads", "summary_queries", "summary_triples", "update_facts", "zone_cities", "zone_query", "zone_triples"]

log = logging.getLogger(__name__)

#: The relation properties whose facts get a ``cj:factDate`` (those of ``queries/timeline.rq``).
TIMELINE_PROPERTIES: tuple[URIRef, ...] = (CJ.investedIn, CJ.signedWith)

#: The relation properties whose facts get their largest amount per currency (``cj:largestAmount``: those of
#: ``queries/investments.rq`` and ``investment_totals.rq``).
AMOUNT_PROPERTIES: tuple[URIRef, ...] = (CJ.investedIn,)

#: The relation properties whose facts between a zone and a company or organization get ``cj:factZone`` (those of
#: ``queries/zone_companies.rq``), and the classes of the other end.
ZONE_PROPERTIES: tuple[URIRef, ...] = (CJ.locatedIn, CJ.investedIn, CJ.established, CJ.cooperatesWith, CJ.signedWith)
ZONE_PARTNER_CLASSES: tuple[URIRef, ...] = (CJ.Company, CJ.Organization)
#: What :func:`zone_query` and :func:`zone_cities` read of the entities (besides the summary's facts).
_ZONE_ENTITY_PROPERTIES: tuple[URIRef, ...] = (RDF.type, RDFS.label, CJ.locatedIn)


def summary_graph_iri(*, base_iri: str = CJR_DEFAULT) -> URIRef:
    """Name of the store's summary graph.

    >>> str(summary_graph_iri())
    'https://w3id.org/cjkg/resource/graph/summary'
    """
    return URIRef(f"{base_iri}graph/summary")


def find_summary_graph(store: ox.Store) -> ox.NamedNode | None:
    """The summary graph of ``store`` (the graph holding its ``cj:Fact`` nodes), ``None`` if it has none."""
    import pyoxigraph as ox

    fact = next(store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CJ.Fact)), None), None)
    return fact.graph_name if fact is not None and isinstance(fact.graph_name, ox.NamedNode) else None


def summary_queries(*, base_iri: str = CJR_DEFAULT, named_graphs: bool = False,
                    predicate: URIRef | None = None, part: tuple[int, int] | None = None) -> tuple[str, str]:
    """The two SPARQL CONSTRUCTs that compute the summary triples from relation mentions (any engine):
    the facts with their counts, sample mentions and dates (``cj:factDate``), and their first and
    last dates.

    (Dates come apart because a ``MIN`` over values some of which are unbound is unbound in
    Oxigraph.) A fact's IRI is ``{base_iri}fact/`` and the first 24 hex digits of the SHA-1
    of ``"S P O"`` (:func:`fact_iri`), the same in every build that holds the fact. With
    ``named_graphs`` the relation mentions are read in the store's document graphs (a
    mention's graph is its document: one index lookup less per mention than
    ``prov:wasDerivedFrom``); else from a merged graph. With ``predicate``, only the facts of
    that relation property. With ``part`` ``(i, n)``, only the facts whose subject falls in the ``i``-th
    of ``n`` parts (by the MD5 of its IRI, :func:`subject_part`): the engine groups the facts of one
    part at a time, and the parts together are every fact once.
    """
    p = "?p" if predicate is None else f"<{predicate}>"
    within = _part_filter(*part) if part is not None else ""
    group = "?s ?p ?o" if predicate is None else "?s ?o"
    bind = "" if predicate is None else f"BIND(<{predicate}> AS ?p)"
    fact = f'BIND(IRI(CONCAT("{base_iri}fact/", SUBSTR(SHA1(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o))), 1, 24))) AS ?fact)'

    def where(first: str) -> str:
        pattern = f"?m {first}<{RDF.predicate}> {p} ; <{RDF.subject}> ?s ; <{RDF.object}> ?o ."
        if named_graphs:
            return f"GRAPH ?doc {{ {pattern} }} {within}"
        return f"?m a <{CJ.RelationMention}> ; <{PROV.wasDerivedFrom}> ?doc . {pattern} {within}"

    # Each mention's date and its document's publication date, where they have one (in a store, a
    # mention's graph is its document). The publication date of the sample mention's document rides
    # on the sample's IRI in one MIN (IRI, date, datatype: the first IRI's), as the engines would
    # otherwise look it up once per fact from a computed IRI, without an index (minutes at 10k).
    # Only for the timeline's properties: the lookups would cost the other relations' summaries their time
    # again (locatedIn: 8 s -> 20 s at 10k).
    extra = f"<{CJ.date}> ?date", f"<{DCTERMS.issued}> ?issued"
    timeline = ", ".join(f"<{prop}>" for prop in TIMELINE_PROPERTIES)
    if predicate is not None and predicate not in TIMELINE_PROPERTIES:
        optional = ""
    elif named_graphs:
        optional = f"OPTIONAL {{ GRAPH ?doc {{ ?m {extra[0]} }} }} OPTIONAL {{ GRAPH ?doc {{ ?doc {extra[1]} }} }}"
    else:
        optional = f"OPTIONAL {{ ?m {extra[0]} }} OPTIONAL {{ ?doc {extra[1]} }}"
    facts = f"""
CONSTRUCT {{
  ?fact a <{CJ.Fact}> ; <{CJ.factSubject}> ?s ; <{CJ.factPredicate}> ?p ; <{CJ.factObject}> ?o ;
        <{CJ.documentCount}> ?documents ; <{CJ.sampleMention}> ?sample ; <{CJ.factDate}> ?issued .
}}
WHERE {{
  {{
    SELECT {group} (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(?date) AS ?dated)
           (MIN(CONCAT(STR(?m), " ", COALESCE(STR(?issued), ""), " ", COALESCE(STR(DATATYPE(?issued)), ""))) AS ?key)
    WHERE {{ {where("")} {optional} }}
    GROUP BY {group}
  }}
  {bind}
  BIND(IRI(STRBEFORE(?key, " ")) AS ?sample)
  # a fact whose sentences give no date is placed at its sample's publication date (else: the dates below)
  BIND(STRAFTER(?key, " ") AS ?rest)
  BIND(IF(?p IN ({timeline}) && ?dated = 0 && STRBEFORE(?rest, " ") != "",
          STRDT(STRBEFORE(?rest, " "), IRI(STRAFTER(?rest, " "))), ?unbound) AS ?issued)
  {fact}
}}"""
    dates = f"""
CONSTRUCT {{ ?fact <{CJ.firstDate}> ?first ; <{CJ.lastDate}> ?last ; <{CJ.factDate}> ?factDate . }}
WHERE {{
  {{
    SELECT {group} (MIN(?date) AS ?first) (MAX(?date) AS ?last)
    WHERE {{ {where(f"<{CJ.date}> ?date ; ")} }}
    GROUP BY {group}
  }}
  {bind}
  BIND(IF(?p IN ({timeline}), ?first, ?unbound) AS ?factDate)
  {fact}
}}"""
    return facts, dates


def amount_query(*, base_iri: str = CJR_DEFAULT, named_graphs: bool = False,
                 predicate: URIRef | None = None, part: tuple[int, int] | None = None) -> str:
    """The SPARQL CONSTRUCT that computes the ``cj:largestAmount`` nodes of the facts of :data:`AMOUNT_PROPERTIES`
    from their relation mentions (any engine): per fact and currency, the largest ``cj:amount`` (``MAX``) of the
    mentions that give an amount in that currency, on the node :func:`amount_node` names. ``named_graphs``,
    ``predicate`` (one of :data:`AMOUNT_PROPERTIES`) and ``part`` as in :func:`summary_queries`.
    """
    p = "?p" if predicate is None else f"<{predicate}>"
    within = _part_filter(*part) if part is not None else ""
    group = "?s ?p ?o ?currency" if predicate is None else "?s ?o ?currency"
    bind = "" if predicate is None else f"BIND(<{predicate}> AS ?p)"
    allowed = "" if predicate is not None else f"FILTER(?p IN ({', '.join(f'<{a}>' for a in AMOUNT_PROPERTIES)}))"
    pattern = (f"?m <{CJ.amount}> ?value ; <{CJ.currency}> ?currency ; <{RDF.predicate}> {p} ; "
               f"<{RDF.subject}> ?s ; <{RDF.object}> ?o .")
    where = f"GRAPH ?doc {{ {pattern} }} {within}" if named_graphs else f"{pattern} {within}"
    return f"""
CONSTRUCT {{ ?fact <{CJ.largestAmount}> ?node . ?node <{CJ.currency}> ?currency ; <{CJ.amount}> ?amount . }}
WHERE {{
  {{
    SELECT {group} (MAX(?value) AS ?amount)
    WHERE {{ {where} {allowed} }}
    GROUP BY {group}
  }}
  {bind}
  BIND(IRI(CONCAT("{base_iri}fact/", SUBSTR(SHA1(CONCAT(STR(?s), " ", STR(?p), " ", STR(?o))), 1, 24))) AS ?fact)
  BIND(IRI(CONCAT(STR(?fact), "/amount/", ENCODE_FOR_URI(STR(?currency)))) AS ?node)
}}"""


def zone_query(*, named_graphs: bool = False) -> str:
    """The SPARQL SELECT of the zones' facts (any engine): the facts (``?fact``) of :data:`ZONE_PROPERTIES`
    between a ``cj:Zone`` (``?z``) and an entity of :data:`ZONE_PARTNER_CLASSES`, either way round. It starts
    from the zones and reads their facts in the summary. With ``named_graphs`` the facts and types are read in
    named graphs (the summary graph, the entity graph); else from a merged graph.
    """
    graphs = itertools.count()

    def graph(pattern: str) -> str:  # each pattern in a graph of its own (the summary graph, the entity graph)
        return f"GRAPH ?g{next(graphs)} {{ {pattern} }}" if named_graphs else pattern

    properties = ", ".join(f"<{p}>" for p in ZONE_PROPERTIES)
    classes = ", ".join(f"<{c}>" for c in ZONE_PARTNER_CLASSES)
    as_subject = graph(f"?fact <{CJ.factSubject}> ?z ; <{CJ.factPredicate}> ?p ; <{CJ.factObject}> ?partner .")
    as_object = graph(f"?fact <{CJ.factObject}> ?z ; <{CJ.factPredicate}> ?p ; <{CJ.factSubject}> ?partner .")
    return f"""SELECT DISTINCT ?fact ?z WHERE {{
  {graph(f"?z a <{CJ.Zone}> .")}
  {{ {as_subject} }} UNION {{ {as_object} }}
  FILTER(?p IN ({properties}))
  {graph("?partner a ?class .")}
  FILTER(?class IN ({classes}))
}}"""


#: ``objects(subject, property)``: the values (IRIs, lexical forms) of ``subject``'s ``property`` in a graph or store.
Objects = Callable[[str, URIRef], list[str]]
#: ``subjects(property, value)``: the subjects (IRIs) with ``property`` ``value`` (an IRI).
Subjects = Callable[[URIRef, str], list[str]]


def zone_cities(zones: Iterable[str], objects: Objects, subjects: Subjects) -> Iterator[tuple[str, str, int, str]]:
    """Each zone's cities, as ``(zone, city, documents, name)``: the place it is ``cj:locatedIn`` (its facts of
    ``cj:locatedIn`` in the summary), or the place that place is in, where it is a ``cj:City``, with the number of
    articles that place the zone there (the fact's ``cj:documentCount``) and the city's label. Index lookups
    through ``objects`` and ``subjects``, from the zones: the SPARQL join of the two ways to a city took Oxigraph
    46 s at 10,000 articles, the whole of :func:`refresh_zone_facts` this way 3.7 s (under load).
    """
    city = str(CJ.City)

    def cities(place: str) -> list[str]:
        if city in objects(place, RDF.type):
            return [place]
        return [c for c in objects(place, CJ.locatedIn) if city in objects(c, RDF.type)]

    for zone in zones:
        for placed in subjects(CJ.factSubject, zone):
            if str(CJ.locatedIn) not in objects(placed, CJ.factPredicate):
                continue
            documents = max(int(n) for n in objects(placed, CJ.documentCount))
            for place in objects(placed, CJ.factObject):
                for c in cities(place):
                    for name in objects(c, RDFS.label):
                        yield zone, c, documents, name


def zone_triples(facts: Iterable[tuple[str, str]], cities: Iterable[tuple[str, str, int, str]]) -> list[tuple[str, URIRef, str]]:
    """The ``cj:factZone`` and ``cj:zoneCity`` triples (IRIs as strings): ``facts`` as ``(fact, zone)`` (the answer
    of :func:`zone_query`), ``cities`` as ``(zone, city, documents, name)`` (:func:`zone_cities`). A zone's city is the one most
    articles place it in, of those tied the first by name.

    >>> zone_triples([("urn:f", "urn:z")], [("urn:z", "urn:b", 2, "北京"), ("urn:z", "urn:a", 2, "上海"),
    ...                                     ("urn:z", "urn:c", 1, "大连")])  # doctest: +NORMALIZE_WHITESPACE
    [('urn:f', rdflib.term.URIRef('https://w3id.org/cjkg/ontology#factZone'), 'urn:z'),
     ('urn:f', rdflib.term.URIRef('https://w3id.org/cjkg/ontology#zoneCity'), 'urn:a')]
    """
    best: dict[str, tuple[int, str, str]] = {}
    for zone, city, documents, name in cities:
        key = (-documents, name, city)
        if zone not in best or key < best[zone]:
            best[zone] = key
    out: list[tuple[str, URIRef, str]] = []
    for fact, zone in sorted(set(facts)):
        out.append((fact, CJ.factZone, zone))
        if zone in best:
            out.append((fact, CJ.zoneCity, best[zone][2]))
    return out


def _ox_zone_triples(store: ox.Store) -> list[tuple[str, URIRef, str]]:
    import pyoxigraph as ox

    def objects(subject: str, prop: URIRef) -> list[str]:
        return [q.object.value for q in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(str(prop)), None, None)]

    def subjects(prop: URIRef, value: str) -> list[str]:
        return [q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), ox.NamedNode(value), None)]

    facts = [(fact.value, z.value) for fact, z in store.query(zone_query(named_graphs=True))]  # type: ignore[misc, union-attr]
    return zone_triples(facts, zone_cities(sorted({z for _, z in facts}), objects, subjects))


def refresh_zone_facts(store: ox.Store, *, base_iri: str = CJR_DEFAULT) -> int:
    """Make the ``cj:factZone`` and ``cj:zoneCity`` triples of ``store``'s summary graph anew from its facts
    (:func:`zone_query`, :func:`zone_cities`); the number of zone facts.

    They depend on the entities' types and places as well as on the facts, so they are all made again after
    any change (about as long as ``queries/zone_companies.rq`` took without them).
    """
    import pyoxigraph as ox

    name = ox.NamedNode(str(summary_graph_iri(base_iri=base_iri)))
    for prop in (CJ.factZone, CJ.zoneCity):
        for quad in list(store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, name)):
            store.remove(quad)
    triples = _ox_zone_triples(store)
    store.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(str(p)), ox.NamedNode(o), name) for s, p, o in triples)
    return sum(p == CJ.factZone for _, p, _ in triples)


def amount_node(fact: str, currency: str) -> str:
    """The IRI of the ``cj:largestAmount`` node of ``fact`` (an IRI) in ``currency`` (its code), as
    :func:`amount_query` makes it.

    >>> amount_node("https://w3id.org/cjkg/resource/fact/052ce7a3ba9d8ff9a120effc", "USD")
    'https://w3id.org/cjkg/resource/fact/052ce7a3ba9d8ff9a120effc/amount/USD'
    """
    from urllib.parse import quote

    return f"{fact}/amount/{quote(currency, safe='-_.~')}"


#: The parts of :func:`summary_queries`: the first two hex digits of the MD5 of a fact's subject.
_BUCKETS = 256


def _part_bounds(i: int, n: int) -> tuple[str, str | None]:
    """The first bucket of part ``i`` of ``n`` and the first of the next (``None``: the last part), as hex."""
    if not 0 <= i < n <= _BUCKETS:
        raise ValueError(f"part {i} of {n}: expected 0 <= i < n <= {_BUCKETS}")
    first, after = -(-i * _BUCKETS // n), -(-(i + 1) * _BUCKETS // n)
    return f"{first:02x}", (f"{after:02x}" if after < _BUCKETS else None)


def _part_filter(i: int, n: int) -> str:
    if n == 1:
        return ""
    first, after = _part_bounds(i, n)
    bucket = "SUBSTR(MD5(STR(?s)), 1, 2)"
    upper = f' && {bucket} < "{after}"' if after is not None else ""
    return f'FILTER({bucket} >= "{first}"{upper})'


def subject_part(subject: str, n: int) -> int:
    """Which of ``n`` parts of :func:`summary_queries` the facts of ``subject`` (an IRI) are in.

    >>> hashlib.md5(b"urn:a").hexdigest()[:2]  # bucket 167 of 256
    'a7'
    >>> [subject_part("urn:a", n) for n in (1, 2, 4)]
    [0, 1, 2]
    """
    bucket = int(hashlib.md5(subject.encode("utf-8")).hexdigest()[:2], 16)
    return next(i for i in range(n) if (after := _part_bounds(i, n)[1]) is None or bucket < int(after, 16))


def summary_triples(graph: Graph, *, base_iri: str = CJR_DEFAULT) -> Graph:
    """The summary triples of ``graph`` (a merged graph such as ``graph.ttl``), as a new graph."""
    out = bind_prefixes(Graph(), base_iri=base_iri)
    for query in (*summary_queries(base_iri=base_iri), amount_query(base_iri=base_iri)):
        for triple in graph.query(query):
            out.add(triple)  # type: ignore[arg-type]
    view = Graph()  # the facts, types, labels and places: what zone_query and zone_cities read
    view += out
    for prop in _ZONE_ENTITY_PROPERTIES:
        for triple in graph.triples((None, prop, None)):
            view.add(triple)
    facts = [(str(fact), str(z)) for fact, z in view.query(zone_query())]  # type: ignore[misc]
    for s, p, o in zone_triples(facts, zone_cities(sorted({z for _, z in facts}),
                                                   lambda s, p: [str(o) for o in view.objects(URIRef(s), p)],
                                                   lambda p, o: [str(s) for s in view.subjects(p, URIRef(o))])):
        out.add((URIRef(s), p, URIRef(o)))
    return out


def fact_iri(subject: str, predicate: str, obj: str, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """The IRI of the fact ``subject predicate obj`` (IRIs as strings), as :func:`summary_queries` makes it.

    >>> str(fact_iri("urn:a", "urn:p", "urn:b"))
    'https://w3id.org/cjkg/resource/fact/052ce7a3ba9d8ff9a120effc'
    """
    digest = hashlib.sha1(f"{subject} {predicate} {obj}".encode("utf-8")).hexdigest()
    return URIRef(f"{base_iri}fact/{digest[:24]}")


Fact = tuple[str, str, str]


def document_facts(store: ox.Store, documents: Iterable[str]) -> set[Fact]:
    """The relation triples ``(S, P, O)`` (IRIs as strings) that the relation mentions of ``documents`` state."""
    import pyoxigraph as ox

    subject, predicate, obj = (ox.NamedNode(str(iri)) for iri in (RDF.subject, RDF.predicate, RDF.object))
    facts: set[Fact] = set()
    for document in documents:
        graph = ox.NamedNode(document)
        for quad in store.quads_for_pattern(None, predicate, None, graph):
            s = next(store.quads_for_pattern(quad.subject, subject, None, graph), None)
            o = next(store.quads_for_pattern(quad.subject, obj, None, graph), None)
            if s is not None and o is not None:
                facts.add((s.object.value, quad.object.value, o.object.value))
    return facts


def refresh_summary(store: ox.Store, *, base_iri: str = CJR_DEFAULT, previous: str | Path | None = None,
                    facts: Iterable[Fact] | None = None, compact: bool = True,
                    scratch: str | Path | None = None) -> int:
    """Bring the summary graph of ``store`` (a writable :class:`pyoxigraph.Store`) up to date with
    its document graphs; returns the number of facts computed.

    A store without a summary graph gets one, every fact computed in one pass per relation
    property, bulk-loaded and the store compacted. A store with one (an incremental build's copy of the previous
    store) has only the facts recomputed that its changed documents touch: ``facts``, or
    those stated by the documents that ``previous`` (the store it was copied from) holds and
    it does not, and the other way round. Without either, every fact is recomputed. ``compact=False``
    leaves the compaction of a new summary to the caller (a build compacts the whole store once).
    A summary made whole goes through a file in ``scratch`` (a folder; default: the system's
    temporary folder), a relation property at a time, so that it is never held in memory.
    """
    import pyoxigraph as ox

    start = time.perf_counter()
    name = ox.NamedNode(str(summary_graph_iri(base_iri=base_iri)))
    if store.contains_named_graph(name) and not summary_is_current(store, base_iri=base_iri):
        log.info("summary graph: made by an older kg (its facts lack %s): made anew", CJ.factDate.n3())
        facts = previous = None
    if store.contains_named_graph(name) and (facts is not None or previous is not None):
        if facts is None:
            old = ox.Store.read_only(str(previous))
            before = {g.value for g in old.named_graphs() if isinstance(g, ox.NamedNode)}
            after = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
            facts = document_facts(old, sorted(before - after)) | document_facts(store, sorted(after - before))
            del old
        count = update_facts(store, sorted(set(facts)), base_iri=base_iri)
        zones = refresh_zone_facts(store, base_iri=base_iri)
        log.info("summary graph: %d facts recomputed, %d zone facts made anew in %.1f s", count, zones,
                 time.perf_counter() - start)
        return count
    if store.contains_named_graph(name):
        store.remove_graph(name)
    load_summary(store, base_iri=base_iri, scratch=scratch)
    count = int(next(iter(store.query(  # type: ignore[call-overload]
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?fact a <{CJ.Fact}> }} }}")))[0].value)
    # The loads' files overlap the store's: compacted, lookups read one file per level again
    # (left unoptimized, every query on a 10k store took 2-4 times as long).
    if compact:
        store.optimize()
    log.info("summary graph: %d facts in %.1f s", count, time.perf_counter() - start)
    return count


def summary_is_current(store: ox.Store, *, base_iri: str = CJR_DEFAULT) -> bool:
    """Whether the summary graph of ``store`` has the form this version makes (true of a store without one).

    A summary made before :data:`TIMELINE_PROPERTIES` facts carried ``cj:factDate`` lacks it on all of them,
    and ``timeline.rq`` would list none of its facts: :func:`refresh_summary` makes such a summary anew instead
    of patching the facts a rebuild touches. (One lookup when the summary is current and has a dated fact; a
    summary whose timeline facts all lack a date, which only a store of undated articles has, is made anew too.)
    A summary made before the facts of :data:`AMOUNT_PROPERTIES` carried ``cj:largestAmount`` is made anew too, where
    a relation mention of them gives an amount; one made before the zones' facts carried ``cj:factZone``, where
    a zone has such a fact.
    """
    import pyoxigraph as ox

    name = ox.NamedNode(str(summary_graph_iri(base_iri=base_iri)))
    if next(store.quads_for_pattern(None, ox.NamedNode(str(CJ.factDate)), None, name), None) is None:
        predicates = ", ".join(f"<{p}>" for p in sorted(TIMELINE_PROPERTIES))
        if store.query(f"""ASK {{ GRAPH {name} {{ ?fact <{CJ.factPredicate}> ?p . FILTER(?p IN ({predicates})) }} }}"""):
            return False
    # A summary made before cj:factZone lacks it on every fact (zone_companies.rq would list nothing).
    if next(store.quads_for_pattern(None, ox.NamedNode(str(CJ.factZone)), None, name), None) is None and next(
            iter(store.query(zone_query(named_graphs=True) + " LIMIT 1")), None) is not None:  # type: ignore[call-overload]
        return False
    # A summary made before cj:largestAmount lacks it on every fact (investments.rq would list no amounts).
    if next(store.quads_for_pattern(None, ox.NamedNode(str(CJ.largestAmount)), None, name), None) is not None:
        return True
    predicates = ", ".join(f"<{p}>" for p in sorted(AMOUNT_PROPERTIES))
    return not store.query(f"""ASK {{ GRAPH ?doc {{ ?m <{CJ.amount}> ?value ; <{CJ.currency}> ?currency ;
                                                     <{RDF.predicate}> ?p . FILTER(?p IN ({predicates})) }} }}""")


#: The engine groups at most about this many relation mentions at once while making the summary: a relation
#: property with more has its facts made in parts (by subject, :func:`summary_queries`), so that the memory of the
#: grouping stops growing with the corpus (each part reads all the property's mentions again, so not too few).
SUMMARY_PART_MENTIONS = 1_000_000


#: The summary is bulk-loaded in pieces of about this many bytes of N-Triples, as documents are
#: (:class:`kg.store.StoreLoader`): one load of the whole summary holds it all, sorted for every index, at once.
SUMMARY_LOAD_BYTES = 32 << 20


def load_summary(store: ox.Store, *, base_iri: str = CJR_DEFAULT, scratch: str | Path | None = None,
                 piece_bytes: int = SUMMARY_LOAD_BYTES, part_mentions: int | None = None) -> None:
    """Compute the summary graph of ``store`` (its document graphs) and bulk-load it into its graph: the
    engine writes the facts to a file in ``scratch``, a relation property at a time, and the file is loaded
    in pieces of about ``piece_bytes`` (whole lines), so that the memory of neither step grows with the
    summary's size: a relation property of more than ``part_mentions`` relation mentions (default:
    :data:`SUMMARY_PART_MENTIONS`) is grouped in parts. :func:`summary_nquads` makes the same quads in memory."""
    import tempfile

    import pyoxigraph as ox

    name = ox.NamedNode(str(summary_graph_iri(base_iri=base_iri)))
    with tempfile.TemporaryDirectory(prefix="kg-summary-", dir=scratch) as folder:
        path = Path(folder) / "summary.nt"
        start = time.perf_counter()
        with open(path, "wb") as out:
            for query in _summary_constructs(store, base_iri, part_mentions=part_mentions or SUMMARY_PART_MENTIONS):
                store.query(query).serialize(out, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[union-attr]
        log.info("summary graph: computed (%d MB of N-Triples) in %.1f s", path.stat().st_size >> 20,
                 time.perf_counter() - start)
        with open(path, "rb") as data:
            for piece in _pieces(data, piece_bytes):
                store.bulk_load(piece, format=ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)
    refresh_zone_facts(store, base_iri=base_iri)


def _pieces(handle: BinaryIO, size: int) -> Iterator[bytes]:
    """What ``handle`` holds, in pieces of about ``size`` bytes that end at a line's end.

    >>> import io
    >>> list(_pieces(io.BytesIO(b"a .\\nbb .\\nc .\\n"), 5))
    [b'a .\\nbb .\\n', b'c .\\n']
    """
    while piece := handle.read(size):
        if not piece.endswith(b"\n"):
            piece += handle.readline()
        yield piece


def _summary_constructs(store: ox.Store, base_iri: str, *, part_mentions: int) -> Iterator[str]:
    """The CONSTRUCTs that make the summary of ``store``: per relation property and part, the facts, then
    their dates."""
    for p in RELATION_PROPERTIES.values():
        count = next(iter(store.query(  # type: ignore[call-overload]
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?m <{RDF.predicate}> <{p}> }} }}")))[0]
        parts = min(_BUCKETS, max(1, -(-int(count.value) // part_mentions)))
        if parts > 1:
            log.debug("summary graph: %s facts in %d parts (%s relation mentions)", p, parts, count.value)
        for i in range(parts):
            facts, dates = summary_queries(base_iri=base_iri, named_graphs=True, predicate=p, part=(i, parts))
            yield facts
            yield dates
            if p in AMOUNT_PROPERTIES:
                yield amount_query(base_iri=base_iri, named_graphs=True, predicate=p, part=(i, parts))


def summary_nquads(store: ox.Store, *, base_iri: str = CJR_DEFAULT) -> Iterator[bytes]:
    """The summary graph of ``store`` (its document graphs) as N-Quads, a relation property at a time
    (so that the grouping's memory stays small), then the zones' facts (:func:`zone_triples`), for which the
    facts are kept in memory: for stores that fit in it (:func:`kg.store.write_store`'s)."""
    import pyoxigraph as ox

    name = summary_graph_iri(base_iri=base_iri)
    graph = f" <{name}> .\n".encode("utf-8")
    view = ox.Store()  # in memory: the facts and the entities' types, labels and places (zone_query, zone_cities)
    for query in _summary_constructs(store, base_iri, part_mentions=SUMMARY_PART_MENTIONS):
        data = ox.serialize(store.query(query), format=ox.RdfFormat.N_TRIPLES) or b""
        view.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
        yield data.replace(b" .\n", graph)
    for prop in _ZONE_ENTITY_PROPERTIES:
        view.extend(store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, None))
    quads = [ox.Quad(ox.NamedNode(s), ox.NamedNode(str(p)), ox.NamedNode(o), ox.NamedNode(str(name)))
             for s, p, o in _ox_zone_triples(view)]
    yield ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def update_facts(store: ox.Store, facts: Sequence[Fact], *, base_iri: str = CJR_DEFAULT) -> int:
    """Recompute the summary of each of ``facts`` from its relation mentions (dropped if none is left)."""
    import pyoxigraph as ox

    name = ox.NamedNode(str(summary_graph_iri(base_iri=base_iri)))
    for s, p, o in facts:
        fact = ox.NamedNode(str(fact_iri(s, p, o, base_iri=base_iri)))
        for node in [q.object for q in store.quads_for_pattern(fact, ox.NamedNode(str(CJ.largestAmount)), None, name)]:
            for quad in list(store.quads_for_pattern(node, None, None, name)):  # type: ignore[arg-type]
                store.remove(quad)
        for quad in list(store.quads_for_pattern(fact, None, None, name)):
            store.remove(quad)
        mentions = f"?m <{RDF.subject}> <{s}> ; <{RDF.predicate}> <{p}> ; <{RDF.object}> <{o}> ."
        documents, sample = next(iter(store.query(f"""
            SELECT (COUNT(DISTINCT ?doc) AS ?documents) (MIN(STR(?m)) AS ?sample)
            WHERE {{ GRAPH ?doc {{ {mentions} }} }}""")))  # type: ignore[misc]
        first, last = next(iter(store.query(f"""
            SELECT (MIN(?date) AS ?first) (MAX(?date) AS ?last)
            WHERE {{ GRAPH ?doc {{ {mentions} ?m <{CJ.date}> ?date . }} }}""")))  # type: ignore[misc]
        if documents is None or int(documents.value) == 0:
            continue
        issued = None
        if URIRef(p) in TIMELINE_PROPERTIES and first is None:  # its cj:factDate: the sample article's date
            issued = next(iter(store.query(f"""
                SELECT ?issued WHERE {{ GRAPH ?doc {{ <{sample.value}> <{PROV.wasDerivedFrom}> ?doc .
                                                     ?doc <{DCTERMS.issued}> ?issued . }} }}""")), [None])[0]  # type: ignore[call-overload]
        values = [(RDF.type, ox.NamedNode(str(CJ.Fact))), (CJ.factSubject, ox.NamedNode(s)),
                  (CJ.factPredicate, ox.NamedNode(p)), (CJ.factObject, ox.NamedNode(o)),
                  (CJ.documentCount, documents), (CJ.sampleMention, ox.NamedNode(sample.value)),
                  (CJ.firstDate, first), (CJ.lastDate, last),
                  (CJ.factDate, (first if first is not None else issued) if URIRef(p) in TIMELINE_PROPERTIES else None)]
        store.extend(ox.Quad(fact, ox.NamedNode(str(prop)), value, name) for prop, value in values if value is not None)
        if URIRef(p) in AMOUNT_PROPERTIES:
            for currency, amount in store.query(f"""
                    SELECT ?currency (MAX(?value) AS ?amount)
                    WHERE {{ GRAPH ?doc {{ {mentions} ?m <{CJ.amount}> ?value ; <{CJ.currency}> ?currency . }} }}
                    GROUP BY ?currency"""):  # type: ignore[misc]
                node = ox.NamedNode(amount_node(fact.value, currency.value))
                store.extend([ox.Quad(fact, ox.NamedNode(str(CJ.largestAmount)), node, name),
                              ox.Quad(node, ox.NamedNode(str(CJ.currency)), currency, name),
                              ox.Quad(node, ox.NamedNode(str(CJ.amount)), amount, name)])
    return len(facts)


#: The parts (files) :class:`SummaryCollector` spreads the facts of the documents over, by fact: the facts of
#: one part are gathered at a time in the end, so that the memory is that of a part's facts.
SUMMARY_PARTS = 32


class SummaryCollector:
    """The summary graph of a new store, gathered from its documents' N-Triples as a build streams them in.

    A build that writes a new store hands each document's graph to :meth:`add` (the N-Triples it loads, in
    pieces of whole lines, one document after another), and :meth:`load` bulk-loads the summary they make,
    the same triples :func:`load_summary` computes in the engine afterwards: per fact its document count, its
    first relation mention by IRI (and, for the timeline's facts, the publication date of that mention's
    document), and its first and last ``cj:date``. Nothing is read back from the store: each document's facts
    are written as lines to one of ``parts`` files in ``scratch`` (a folder; default: the system's temporary
    folder), by fact, and :meth:`ntriples` gathers one file at a time, so that the memory is a document's
    mentions while documents arrive, and a part's facts in the end, whatever the corpus size.

    >>> from kg.ontology import CJ, RDF
    >>> collector = SummaryCollector()
    >>> for doc in ("urn:d1", "urn:d2"):
    ...     m = f"<{doc}/relation/1>"
    ...     collector.add(doc, "".join(f"{m} <{p}> {o} .\\n" for p, o in (
    ...         (RDF.subject, "<urn:a>"), (RDF.predicate, f"<{CJ.investedIn}>"), (RDF.object, "<urn:b>"))).encode())
    >>> lines = b"".join(collector.ntriples()).decode().splitlines()
    >>> [line.split(" ", 1)[1] for line in lines if "documentCount" in line or "sampleMention" in line]
    ['<https://w3id.org/cjkg/ontology#documentCount> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .', \
'<https://w3id.org/cjkg/ontology#sampleMention> <urn:d1/relation/1> .']
    >>> collector.close()
    """

    def __init__(self, *, base_iri: str = CJR_DEFAULT, scratch: str | Path | None = None,
                 parts: int = SUMMARY_PARTS) -> None:
        self.base_iri = base_iri
        self.scratch = scratch
        self.parts = parts
        names = {str(RDF.subject): 0, str(RDF.predicate): 1, str(RDF.object): 2, str(CJ.date): 3,
                 str(CJ.amount): 4, str(CJ.currency): 5, str(DCTERMS.issued): 6}
        self._slots = {f"<{iri}>".encode("utf-8"): slot for iri, slot in names.items()}
        self._timeline = {f"<{p}>".encode("utf-8") for p in TIMELINE_PROPERTIES}
        self._amounts = {f"<{p}>".encode("utf-8") for p in AMOUNT_PROPERTIES}
        self._folder: Any = None  # a TemporaryDirectory, made with the first fact
        self._files: list[BinaryIO] = []
        self._document: bytes | None = None
        self._nodes: dict[bytes, list[set[bytes]]] = {}
        self._issued: list[bytes] = []

    def add(self, document: str, ntriples: bytes) -> None:
        """Take in (a piece of whole lines of) the N-Triples of ``document``'s graph; a document's pieces
        come one after another."""
        name = f"<{document}>".encode("utf-8")
        if name != self._document:
            self._end_document()
            self._document = name
        nodes, slots = self._nodes, self._slots
        for node, predicate, value in _lines_of(ntriples, slots):
            slot = slots[predicate]
            if slot == 6:
                if node == name:
                    self._issued.append(value)
                continue
            sets = nodes.get(node)
            if sets is None:
                sets = nodes[node] = [set(), set(), set(), set(), set(), set()]
            sets[slot].add(value)

    def _part_files(self) -> list[BinaryIO]:
        if not self._files:
            import tempfile

            self._folder = tempfile.TemporaryDirectory(prefix="kg-summary-", dir=self.scratch)
            self._files = [open(Path(self._folder.name) / f"part-{i:03d}", "wb", buffering=1 << 18)
                           for i in range(self.parts)]
        return self._files

    def _end_document(self) -> None:
        """Write the facts of the document taken in last to their parts' files: a line per fact, with the
        document's first mention of it, its dates, (a timeline fact) the document's publication date and (a fact
        of :data:`AMOUNT_PROPERTIES`) the currencies and amounts its mentions give."""
        if self._document is None:
            return
        # its publication date as the engine picks it: the least of "date datatype"
        issued = min(self._issued, key=_typed_key, default=b"")
        seen: dict[tuple[bytes, bytes, bytes], list] = {}
        for node, (subjects, predicates, objects, dates, amounts, currencies) in self._nodes.items():
            if not (subjects and predicates and objects):
                continue
            mention = node[1:-1]
            pairs = {b"%s\x1f%s" % (c, a) for c in currencies for a in amounts}  # as the engine joins them
            for key in ((s, p, o) for p in predicates for s in subjects for o in objects):
                here = seen.get(key)
                if here is None:
                    seen[key] = [mention, set(dates), set(pairs)]
                else:
                    here[0] = min(here[0], mention)
                    here[1] |= dates
                    here[2] |= pairs
        files = self._part_files() if seen else self._files
        for (s, p, o), (mention, dates, pairs) in seen.items():
            digest = hashlib.sha1(b"%s %s %s" % (_value(s), _value(p), _value(o))).hexdigest()[:24].encode()
            files[int(digest[:6], 16) % self.parts].write(b"\t".join(
                (digest, s, p, o, mention, issued if p in self._timeline else b"", b" ".join(sorted(dates)),
                 b"\x1e".join(sorted(pairs)) if p in self._amounts else b"")) + b"\n")
        self._document, self._nodes, self._issued = None, {}, []

    def ntriples(self, store: ox.Store | None = None) -> Iterator[bytes]:
        """The summary graph as N-Triples, a part at a time (each part's file is deleted once read). The first
        and last of a fact's dates of several datatypes (``xsd:date`` and ``xsd:gYear``, say) are the engine's
        ``MIN`` and ``MAX`` (asked of ``store``, else of an empty one); of one datatype, the least and greatest
        of their ISO forms."""
        self._end_document()
        for handle in self._files:
            handle.close()
        for handle in self._files:
            yield from self._gather(Path(handle.name), store)
            Path(handle.name).unlink()
        self.close()

    def _gather(self, path: Path, store: ox.Store | None) -> Iterator[bytes]:
        """The summary of the facts in one part's file."""
        # digest -> [S, P, O, documents, sample, its document's date, dates, {currency: largest amount}]
        facts: dict[bytes, list] = {}
        with open(path, "rb") as lines:
            for line in lines:
                digest, s, p, o, mention, issued, dates, pairs = line[:-1].split(b"\t")
                fact = facts.get(digest)
                if fact is None:
                    fact = facts[digest] = [s, p, o, 1, mention, issued, set(dates.split(b" ")) if dates else None, {}]
                    _largest(fact[7], pairs)
                    continue
                _largest(fact[7], pairs)
                fact[3] += 1
                if mention < fact[4]:
                    fact[4], fact[5] = mention, issued
                if dates:
                    fact[6] = set(dates.split(b" ")) if fact[6] is None else fact[6] | set(dates.split(b" "))
        extremes = _engine_extremes([(digest, fact[6]) for digest, fact in facts.items()
                                     if fact[6] and _same_type_extremes(fact[6]) is None], store)
        rdf_type, fact_class = f"<{RDF.type}>".encode(), f"<{CJ.Fact}>".encode()
        subject_p, predicate_p, object_p = (f"<{p}>".encode() for p in (CJ.factSubject, CJ.factPredicate,
                                                                          CJ.factObject))
        count_p, sample_p = f"<{CJ.documentCount}>".encode(), f"<{CJ.sampleMention}>".encode()
        first_p, last_p, date_p = (f"<{p}>".encode() for p in (CJ.firstDate, CJ.lastDate, CJ.factDate))
        largest_p, currency_p, amount_p = (f"<{p}>".encode() for p in (CJ.largestAmount, CJ.currency, CJ.amount))
        integer = f"^^<{XSD.integer}>".encode()
        prefix = f"{self.base_iri}fact/".encode("utf-8")
        out: list[bytes] = []
        for digest, (s, p, o, documents, sample, issued, dates, amounts) in facts.items():
            fact = b"<%s%s>" % (prefix, digest)
            for currency, (_, amount) in amounts.items():
                node = b"<%s>" % amount_node((prefix + digest).decode("utf-8"), _value(currency).decode("utf-8")).encode()
                out += [b"%s %s %s .\n" % (fact, largest_p, node), b"%s %s %s .\n" % (node, currency_p, currency),
                        b"%s %s %s .\n" % (node, amount_p, amount)]
            out += [b"%s %s %s .\n" % (fact, rdf_type, fact_class), b"%s %s %s .\n" % (fact, subject_p, s),
                    b"%s %s %s .\n" % (fact, predicate_p, p), b"%s %s %s .\n" % (fact, object_p, o),
                    b'%s %s "%d"%s .\n' % (fact, count_p, documents, integer),
                    b"%s %s <%s> .\n" % (fact, sample_p, sample)]
            first = b""
            if dates:
                first, last = extremes.get(digest) or _same_type_extremes(dates)  # type: ignore[misc]
                out += [b"%s %s %s .\n" % (fact, first_p, first), b"%s %s %s .\n" % (fact, last_p, last)]
            when = first or issued  # a timeline fact's place: its first date, else its sample's publication date
            if when and p in self._timeline:
                out.append(b"%s %s %s .\n" % (fact, date_p, when))
            if len(out) >= 50_000:
                yield b"".join(out)
                out = []
        if out:
            yield b"".join(out)

    def load(self, store: ox.Store, *, scratch: str | Path | None = None, piece_bytes: int = SUMMARY_LOAD_BYTES,
             before_piece: Callable[[int], None] | None = None) -> int:
        """Bulk-load the summary into ``store``'s summary graph (through a file in ``scratch``, in pieces of
        about ``piece_bytes``); returns the number of facts. ``before_piece``, if given, is called with each
        piece's size before it is loaded (the build's free-space guard); what it raises stops the load."""
        import tempfile

        import pyoxigraph as ox

        name = ox.NamedNode(str(summary_graph_iri(base_iri=self.base_iri)))
        start = time.perf_counter()
        fact_line = f" <{RDF.type}> <{CJ.Fact}> .\n".encode()
        count = 0
        with tempfile.TemporaryDirectory(prefix="kg-summary-", dir=scratch) as folder:
            path = Path(folder) / "summary.nt"
            with open(path, "wb") as out:
                for piece in self.ntriples(store):
                    count += piece.count(fact_line)
                    out.write(piece)
            log.info("summary graph: computed from the documents' lines (%d MB of N-Triples) in %.1f s",
                     path.stat().st_size >> 20, time.perf_counter() - start)
            with open(path, "rb") as data:
                for piece in _pieces(data, piece_bytes):
                    if before_piece is not None:
                        before_piece(len(piece))
                    store.bulk_load(piece, format=ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)
        refresh_zone_facts(store, base_iri=self.base_iri)  # from the store: it needs the entities' types
        log.info("summary graph: %d facts in %.1f s", count, time.perf_counter() - start)
        return count

    def close(self) -> None:
        """Delete the parts' files (what :meth:`ntriples` has not read is lost)."""
        for handle in self._files:
            handle.close()
        self._files = []
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _lines_of(ntriples: bytes, predicates: Container[bytes]) -> Iterator[tuple[bytes, bytes, bytes]]:
    """``(subject, predicate, object)`` of the lines of ``ntriples`` (N-Triples, UTF-8) whose subject is an IRI
    and whose predicate (in ``<>``) is one of ``predicates``: the lines the summary is made of, read by splitting
    each line at its first two spaces (an IRI holds none), about three times as fast as a regular expression over
    the whole text.

    >>> text = b'<urn:m> <urn:p> "a ." .\\n_:b <urn:p> <urn:o> .\\n<urn:m> <urn:q> <urn:o> .\\n<urn:m> <urn:p> <urn:o> .'
    >>> list(_lines_of(text, {b"<urn:p>"}))
    [(b'<urn:m>', b'<urn:p>', b'"a ."'), (b'<urn:m>', b'<urn:p>', b'<urn:o>')]
    """
    for line in ntriples.split(b"\n"):
        subject, _, rest = line.partition(b" ")
        predicate, _, value = rest.partition(b" ")
        if (predicate in predicates and value.endswith(b" .") and subject[:1] == b"<" and subject[-1:] == b">"
                and b">" not in subject[1:-1]):
            yield subject, predicate, value[:-2]


def _engine_extremes(dated: list[tuple[bytes, set[bytes]]], store: ox.Store | None) -> dict[bytes, tuple[bytes, bytes]]:
    """The first and last of each set of dates (N-Triples literals), as the engine's ``MIN`` and ``MAX`` order
    them, in one query per few thousand sets: ``{key: (first, last)}``."""
    import pyoxigraph as ox

    found: dict[bytes, tuple[bytes, bytes]] = {}
    engine = store if store is not None else ox.Store()
    for start in range(0, len(dated), 2000):
        batch = dated[start:start + 2000]
        rows = " ".join(f"({i} {d.decode('utf-8')})" for i, (_, dates) in enumerate(batch) for d in dates)
        for i, first, last in engine.query(  # type: ignore[union-attr]
                f"SELECT ?i (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ VALUES (?i ?d) {{ {rows} }} }} "
                "GROUP BY ?i"):
            found[batch[int(i.value)][0]] = (str(first).encode("utf-8"), str(last).encode("utf-8"))
    return found


def _largest(amounts: dict[bytes, tuple[Any, bytes]], pairs: bytes) -> None:
    """Take the ``currency\\x1famount`` pairs of a part file's line (N-Triples literals, joined with ``\\x1e``) into
    ``amounts``, which keeps per currency the largest amount by value (``MAX``; of equal values, the least term).

    >>> found = {}
    >>> _largest(found, b'"USD"\\x1f"5"^^<d>\\x1e"USD"\\x1f"12.5"^^<d>')
    >>> _largest(found, b'"USD"\\x1f"7"^^<d>')
    >>> found[b'"USD"'][1]
    b'"12.5"^^<d>'
    """
    from decimal import Decimal, InvalidOperation

    for pair in pairs.split(b"\x1e") if pairs else ():
        currency, _, amount = pair.partition(b"\x1f")
        try:
            value = Decimal(_value(amount).decode("ascii"))
        except (InvalidOperation, UnicodeDecodeError):
            continue  # not a number: the engine's MAX would not pick it over one
        known = amounts.get(currency)
        if known is None or value > known[0] or (value == known[0] and amount < known[1]):
            amounts[currency] = (value, amount)


def _value(term: bytes) -> bytes:
    """The string of an N-Triples term as ``STR`` gives it (an IRI's, a plain literal's)."""
    if term.startswith(b"<"):
        return term[1:-1]
    return term[1:term.rindex(b'"')]


def _typed_key(term: bytes) -> bytes:
    """``"lexical datatype"`` of a typed literal in N-Triples, as :func:`summary_queries` orders publication dates.

    >>> _typed_key(b'"2021"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    b'2021 http://www.w3.org/2001/XMLSchema#gYear'
    """
    lexical, _, datatype = term.rpartition(b"^^")
    return _value(lexical) + b" " + datatype[1:-1] if datatype.startswith(b"<") else _value(term) + b" "


def _same_type_extremes(dates: set[bytes]) -> tuple[bytes, bytes] | None:
    """The least and greatest of ``dates`` (N-Triples literals) if they are of one datatype and in the ISO form
    whose order is their order in time (``2021``, ``2021-03``, ``2021-03-05``); else ``None``.

    >>> xsd_date = b"^^<http://www.w3.org/2001/XMLSchema#date>"
    >>> d = {b'"2021-03-05"' + xsd_date, b'"2020-12-01"' + xsd_date}
    >>> _same_type_extremes(d)[0]
    b'"2020-12-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> _same_type_extremes(d | {b'"2020"^^<http://www.w3.org/2001/XMLSchema#gYear>'}) is None
    True
    """
    import re

    datatypes = {term.rpartition(b"^^")[2] for term in dates}
    if len(datatypes) != 1 or not all(re.fullmatch(rb'"\d{4}(-\d\d){0,2}"\^\^<[^>]*>', term) for term in dates):
        return None
    return min(dates), max(dates)
