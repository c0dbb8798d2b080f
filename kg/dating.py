"""Placing facts in time: a relation mention's own date, else its article's publication date.

A relation mention carries ``cj:date`` when its sentence gives one (2021年6月,
今年 resolved against the article's date); otherwise it is placed at the
``dcterms:issued`` of the document it was derived from. :func:`dated_mentions`
reads both from the graph of record; the timeline analyses
(:mod:`kg.analysis.chronology`) and the HTML view's year filter place each
mention this way. The ready query ``queries/timeline.rq`` places each fact
once: at the earliest date its sentences give, else at the publication date
of the article of its sample mention (the summary graph's ``cj:firstDate``).

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import CJ, DCTERMS, PROV, RDF, XSD
>>> g = Graph()
>>> doc, m = URIRef("urn:doc"), URIRef("urn:m")
>>> _ = g.add((doc, DCTERMS.issued, Literal("2022-03-01", datatype=XSD.date)))
>>> for p, o in ((RDF.type, CJ.RelationMention), (RDF.subject, URIRef("urn:a")), (RDF.predicate, CJ.signedWith),
...              (RDF.object, URIRef("urn:b")), (PROV.wasDerivedFrom, doc)):
...     _ = g.add((m, p, o))
>>> [(d.relation, d.date, d.dated, d.year) for d in dated_mentions(g)]
[('signedWith', '2022-03-01', 'article', 2022)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from rdflib import Graph, Literal, URIRef

from .ontology import CJ, DCTERMS, PROV, RDF, RELATION_PROPERTIES

__all__ = ["DatedMention", "dated_mentions", "year_of"]

_RELATION_BY_IRI = {iri: name for name, iri in RELATION_PROPERTIES.items()}


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A relation mention and the date it is placed at (``None`` when neither it nor its article has one)."""

    mention: URIRef
    subject: URIRef
    relation: str
    object: URIRef
    document: URIRef | None
    date: str | None
    dated: str | None  # "text" (the mention's own cj:date) or "article" (its document's dcterms:issued)

    @property
    def year(self) -> int | None:
        return year_of(self.date)


def year_of(date: str | None) -> int | None:
    """The year of an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` lexical form.

    >>> year_of("2021-06-18"), year_of("2021"), year_of(None), year_of("六月")
    (2021, 2021, None, None)
    """
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])


def dated_mentions(graph: Graph) -> Iterator[DatedMention]:
    """Every ``cj:RelationMention`` of ``graph`` with the date it is placed at, in no particular order."""
    issued: dict[URIRef, str | None] = {}

    def article_date(doc: URIRef | None) -> str | None:
        if doc is None:
            return None
        if doc not in issued:
            value = graph.value(doc, DCTERMS.issued)
            issued[doc] = str(value) if isinstance(value, Literal) else None
        return issued[doc]

    for mention in graph.subjects(RDF.type, CJ.RelationMention):
        subject, predicate, obj = (graph.value(mention, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        relation = _RELATION_BY_IRI.get(predicate)  # type: ignore[arg-type]
        if relation is None or not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
            continue
        doc = graph.value(mention, PROV.wasDerivedFrom)
        doc = doc if isinstance(doc, URIRef) else None
        own = graph.value(mention, CJ.date)
        if isinstance(own, Literal):
            date, dated = str(own), "text"
        else:
            date = article_date(doc)
            dated = "article" if date is not None else None
        yield DatedMention(mention, subject, relation, obj, doc, date, dated)
