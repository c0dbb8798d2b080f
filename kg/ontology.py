"""The project's vocabulary: the one module that owns every ontology IRI.

The ``cj:`` namespace is a closed :class:`rdflib.namespace.DefinedNamespace`,
so a typo such as ``CJ.investedin`` raises instead of minting a new IRI.
Standard namespaces are re-exported so that no other module spells an IRI.

>>> CJ.investedIn
rdflib.term.URIRef('https://w3id.org/cjkg/ontology#investedIn')
>>> CJ.notAProperty  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'notAProperty' not in namespace 'https://w3id.org/cjkg/ontology#'
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "CJ",
    "CJR_DEFAULT",
    "DCTERMS",
    "DATE_SOURCES",
    "ENTITY_CLASSES",
    "ORGANIZATION_CLASSES",
    "OWL",
    "PLACE_CLASSES",
    "PLACE_RANK",
    "PROV",
    "RDF",
    "RDFS",
    "RELATION_PROPERTIES",
    "SCHEMA",
    "SKOS",
    "SYMMETRIC_PROPERTIES",
    "XSD",
    "bind_prefixes",
    "class_iri",
    "load_ontology",
    "predicate_iri",
]


class CJ(DefinedNamespace):
    """Classes and properties of ``https://w3id.org/cjkg/ontology#`` (see SCHEMA.md)."""

    _NS = Namespace("https://w3id.org/cjkg/ontology#")
    _fail = True

    # entity classes
    Place: URIRef
    Country: URIRef
    Region: URIRef
    City: URIRef
    District: URIRef
    Zone: URIRef
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Person: URIRef
    Event: URIRef
    # provenance classes
    Document: URIRef
    EntityMention: URIRef
    RelationMention: URIRef
    Statistic: URIRef
    Page: URIRef
    # relations between entities
    investedIn: URIRef
    established: URIRef
    signedWith: URIRef
    cooperatesWith: URIRef
    locatedIn: URIRef
    sisterCityOf: URIRef
    visited: URIRef
    affiliatedWith: URIRef
    heldIn: URIRef
    organizedBy: URIRef
    participatedIn: URIRef
    # provenance and literal properties
    mentionOf: URIRef
    surface: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    sourceCharStart: URIRef
    sourceCharEnd: URIRef
    method: URIRef
    rule: URIRef
    fileName: URIRef
    alsoReadFrom: URIRef
    contentHash: URIRef
    # document metadata (dcterms: and schema: carry title, date, address, outlet)
    dateSource: URIRef
    sourceLine: URIRef
    pageNumber: URIRef
    amount: URIRef
    currency: URIRef
    date: URIRef
    # statistics (figures that are not relations)
    statisticOf: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    counterpart: URIRef
    # the summary graph (kg.summary): each relation triple as a whole, derived from its mentions
    Fact: URIRef
    factSubject: URIRef
    factPredicate: URIRef
    factObject: URIRef
    documentCount: URIRef
    sampleMention: URIRef
    firstDate: URIRef
    lastDate: URIRef
    factDate: URIRef
    largestAmount: URIRef
    factZone: URIRef
    zoneCity: URIRef


SCHEMA: Final = Namespace("https://schema.org/")
CJR_DEFAULT: Final = "https://w3id.org/cjkg/resource/"

#: Entity classes by their local name, in SCHEMA.md order.
ENTITY_CLASSES: Final[dict[str, URIRef]] = {
    name: CJ[name]
    for name in (
        "Country", "Region", "City", "District", "Zone", "Company",
        "GovernmentBody", "Organization", "Person", "Event",
    )
}
PLACE_CLASSES: Final = frozenset({"Country", "Region", "City", "District", "Zone"})
#: Places from the largest to the smallest: a place lies in one of lower rank.
PLACE_RANK: Final[dict[str, int]] = {"Country": 0, "Region": 1, "City": 2, "District": 3, "Zone": 4}
#: Companies, government bodies and other organizations (``cj:Organization`` and its subclasses).
ORGANIZATION_CLASSES: Final = frozenset({"Company", "Organization", "GovernmentBody"})

#: Relation properties by their local name.
RELATION_PROPERTIES: Final[dict[str, URIRef]] = {
    name: CJ[name]
    for name in (
        "investedIn", "established", "signedWith", "cooperatesWith", "locatedIn",
        "sisterCityOf", "visited", "affiliatedWith", "heldIn", "organizedBy",
        "participatedIn",
    )
}
SYMMETRIC_PROPERTIES: Final = frozenset({"signedWith", "cooperatesWith", "sisterCityOf"})
#: Values of ``cj:dateSource``: where a document's ``dcterms:issued`` came from, in the order tried.
DATE_SOURCES: Final = ("metadata", "dateline", "fileName", "default")


def class_iri(name: str) -> URIRef:
    """IRI of an entity class given its local name; raises ``KeyError`` if unknown."""
    return ENTITY_CLASSES[name]


def predicate_iri(name: str) -> URIRef:
    """IRI of a relation property given its local name; raises ``KeyError`` if unknown."""
    return RELATION_PROPERTIES[name]


def bind_prefixes(graph: Graph, *, base_iri: str = CJR_DEFAULT) -> Graph:
    """Bind the project's prefixes on ``graph`` and return it."""
    graph.bind("cj", CJ._NS)
    graph.bind("cjr", Namespace(base_iri))
    for prefix, ns in (("rdfs", RDFS), ("rdf", RDF), ("xsd", XSD), ("skos", SKOS),
                       ("prov", PROV), ("schema", SCHEMA), ("owl", OWL), ("dcterms", DCTERMS)):
        graph.bind(prefix, ns)
    return graph


def load_ontology() -> Graph:
    """Parse the packaged ``ontology.ttl`` into a new graph."""
    text = resources.files("kg").joinpath("ontology.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")
