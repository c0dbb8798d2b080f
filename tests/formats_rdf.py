"""The reference for :func:`kg.rdf.write_document`: ``add_document`` as branch ``formats`` left it.

A verbatim copy of the rdflib writer of ``kg/rdf.py`` at main ``ea41f94`` (after the ``formats``
and ``rules`` merges), before the streaming build replaced it with one converter for rdflib
graphs and N-Triples. ``tests/test_write_document.py`` checks that the converter writes
every triple this wrote (document metadata, pages, rule ids …), no more and no fewer.
Not to be changed when the RDF changes on purpose: change the test that compares instead.
"""

from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.ontology import CJ, CJR_DEFAULT, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS, class_iri, predicate_iri
from kg.records import DateValue, DocumentExtraction, DocumentMetadata, EntityKey, Money, RelationRecord, StatisticRecord

_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]"})


def normalize_name(name: str) -> str:
    """The form names are compared in: no white space, half-width brackets.

    >>> normalize_name("佳利达（日本） 海外仓")
    '佳利达(日本)海外仓'
    """
    return "".join(unicodedata.normalize("NFC", name).translate(_BRACKETS).split())


def _iri_segment(name: str) -> str:
    # Keep letters and digits of any script readable; percent-encode the rest.
    return "".join(ch if ch.isalnum() or ch in "-._~" else quote(ch, safe="") for ch in name)


def entity_iri(key: EntityKey, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """Stable IRI of an entity: ``{base}{Class}/{name}``.

    >>> str(entity_iri(EntityKey("松下新能源(苏州)有限公司", "Company")))
    'https://w3id.org/cjkg/resource/Company/松下新能源%28苏州%29有限公司'
    """
    return URIRef(f"{base_iri}{key.label}/{_iri_segment(normalize_name(key.name))}")


def document_iri(content_hash: str, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """IRI of a document, from the hash of its decoded text."""
    return URIRef(f"{base_iri}doc/{content_hash[:16]}")


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def _date_literal(date: DateValue) -> Literal:
    datatype = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}[date.precision]
    return Literal(date.value, datatype=datatype)


def decimal_literal(value) -> Literal:
    """An ``xsd:decimal`` in XSD 1.1 canonical form, as the Oxigraph store keeps it.

    (rdflib's Turtle writer spells integral decimals with ``.0``; the value is the same.)

    >>> decimal_literal(Decimal("84890000"))
    rdflib.term.Literal('84890000', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    >>> decimal_literal(Decimal("234.70"))
    rdflib.term.Literal('234.7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    number = Decimal(value).normalize()
    text = format(number, "f")
    return Literal(text, datatype=XSD.decimal)


def _add_money(graph: Graph, node: URIRef | BNode, money: Money) -> None:
    graph.add((node, CJ.amount, decimal_literal(money.amount)))
    graph.add((node, CJ.currency, Literal(money.currency)))


def _add_offsets(graph: Graph, node: URIRef, extraction: DocumentExtraction, start: int, end: int) -> None:
    graph.add((node, CJ.charStart, Literal(start, datatype=XSD.integer)))
    graph.add((node, CJ.charEnd, Literal(end, datatype=XSD.integer)))
    if extraction.source_offsets:
        source_start = extraction.source_offset(start)
        source_end = extraction.source_offset(max(end - 1, start)) + 1
        graph.add((node, CJ.sourceCharStart, Literal(source_start, datatype=XSD.integer)))
        graph.add((node, CJ.sourceCharEnd, Literal(source_end, datatype=XSD.integer)))


def _add_relation(graph: Graph, doc: URIRef, extraction: DocumentExtraction, rel: RelationRecord, base_iri: str) -> None:
    subject = entity_iri(rel.subject, base_iri=base_iri)
    obj = entity_iri(rel.object, base_iri=base_iri)
    predicate = predicate_iri(rel.predicate)
    graph.add((subject, predicate, obj))
    node = URIRef(f"{doc}/relation/{_short_hash(rel.subject, rel.predicate, rel.object, rel.start, rel.end)}")
    graph.add((node, RDF.type, CJ.RelationMention))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, doc))
    graph.add((node, CJ.evidence, Literal(rel.evidence, lang="zh")))
    _add_offsets(graph, node, extraction, rel.start, rel.end)
    graph.add((node, CJ.method, Literal(rel.method)))
    if rel.rule:
        graph.add((node, CJ.rule, Literal(rel.rule)))
    if rel.money is not None:
        _add_money(graph, node, rel.money)
    if rel.date is not None:
        graph.add((node, CJ.date, _date_literal(rel.date)))
    if rel.job_title:
        graph.add((node, SCHEMA.jobTitle, Literal(rel.job_title, lang="zh")))


def _add_statistic(graph: Graph, doc: URIRef, extraction: DocumentExtraction, stat: StatisticRecord, base_iri: str) -> None:
    node = URIRef(f"{doc}/statistic/{_short_hash(stat.subject, stat.measure, stat.value, stat.start)}")
    graph.add((node, RDF.type, CJ.Statistic))
    graph.add((node, CJ.statisticOf, entity_iri(stat.subject, base_iri=base_iri)))
    if stat.counterpart is not None:
        graph.add((node, CJ.counterpart, entity_iri(stat.counterpart, base_iri=base_iri)))
    graph.add((node, CJ.measure, Literal(stat.measure, lang="zh")))
    graph.add((node, CJ.value, decimal_literal(stat.value)))
    graph.add((node, CJ.unit, Literal(stat.unit)))
    if stat.currency:
        _add_money(graph, node, Money(stat.value, stat.currency))
    if stat.date is not None:
        graph.add((node, CJ.date, _date_literal(stat.date)))
    graph.add((node, PROV.wasDerivedFrom, doc))
    graph.add((node, CJ.evidence, Literal(stat.evidence, lang="zh")))
    _add_offsets(graph, node, extraction, stat.start, stat.end)


#: Characters a web address may hold as they are (RFC 3986); others are percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def url_iri(url: str) -> URIRef | None:
    """The IRI of a web address, or ``None`` when ``url`` is not an absolute http(s) address.

    Characters an IRI may not hold (spaces, quotes, angle brackets) are percent-encoded;
    letters of any script stay readable.

    >>> url_iri("https://news.example.cn/2024/大连 article.html")
    rdflib.term.URIRef('https://news.example.cn/2024/大连%20article.html')
    >>> url_iri("www.example.cn/a") is None
    True
    """
    from urllib.parse import urlsplit

    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return URIRef("".join(ch if ch.isalnum() or ch in _URL_SAFE or ord(ch) > 127 and not ch.isspace()
                          else quote(ch, safe="") for ch in url))


def _add_metadata(graph: Graph, doc: URIRef, extraction: DocumentExtraction) -> None:
    """The document's publication date (and where it came from), title, address, outlet, pages."""
    meta: DocumentMetadata = extraction.metadata
    if meta.date is not None:
        graph.add((doc, DCTERMS.issued, _date_literal(meta.date)))
        if meta.date_source:
            graph.add((doc, CJ.dateSource, Literal(meta.date_source)))
    if meta.title:
        graph.add((doc, DCTERMS.title, Literal(meta.title)))
    if meta.url and (iri := url_iri(meta.url)) is not None:
        graph.add((doc, SCHEMA.url, iri))
    if meta.publisher:
        graph.add((doc, DCTERMS.publisher, Literal(meta.publisher)))
    if meta.author:
        graph.add((doc, DCTERMS.creator, Literal(meta.author)))
    if meta.media_type:
        graph.add((doc, DCTERMS.format, Literal(meta.media_type)))
    if meta.record is not None:
        graph.add((doc, CJ.sourceLine, Literal(meta.record, datatype=XSD.integer)))
    if meta.pages:
        text_end = extraction.source_offset(len(extraction.text) - 1) + 1 if extraction.text else 0
        ends = (*meta.pages[1:], max(text_end, meta.pages[-1]))
        for number, (start, end) in enumerate(zip(meta.pages, ends), start=1):
            page = URIRef(f"{doc}/page/{number}")
            graph.add((page, RDF.type, CJ.Page))
            graph.add((page, DCTERMS.isPartOf, doc))
            graph.add((page, CJ.pageNumber, Literal(number, datatype=XSD.integer)))
            graph.add((page, CJ.sourceCharStart, Literal(start, datatype=XSD.integer)))
            graph.add((page, CJ.sourceCharEnd, Literal(max(end, start), datatype=XSD.integer)))


def add_document(graph: Graph, extraction: DocumentExtraction, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """Add one document's entities, mentions, relations and statistics to ``graph``.

    Returns the document's IRI.
    """
    doc = document_iri(extraction.content_hash, base_iri=base_iri)
    graph.add((doc, RDF.type, CJ.Document))
    graph.add((doc, RDF.type, PROV.Entity))
    graph.add((doc, CJ.fileName, Literal(extraction.file_name)))
    graph.add((doc, CJ.contentHash, Literal(f"sha256:{extraction.content_hash}")))
    _add_metadata(graph, doc, extraction)
    for entity in extraction.entities:
        node = entity_iri(entity.key, base_iri=base_iri)
        graph.add((node, RDF.type, class_iri(entity.key.label)))
        graph.add((node, RDFS.label, Literal(entity.key.name, lang="zh")))
        for alias in entity.aliases:
            if normalize_name(alias) != normalize_name(entity.key.name):
                graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if entity.job_title:
            graph.add((node, SCHEMA.jobTitle, Literal(entity.job_title, lang="zh")))
    for mention in extraction.mentions:
        node = URIRef(f"{doc}/mention/{mention.start}-{mention.end}")
        graph.add((node, RDF.type, CJ.EntityMention))
        graph.add((node, CJ.mentionOf, entity_iri(mention.key, base_iri=base_iri)))
        graph.add((node, PROV.wasDerivedFrom, doc))
        graph.add((node, CJ.surface, Literal(mention.text, lang="zh")))
        if mention.rule:
            graph.add((node, CJ.rule, Literal(mention.rule)))
        _add_offsets(graph, node, extraction, mention.start, mention.end)
    for relation in extraction.relations:
        _add_relation(graph, doc, extraction, relation, base_iri)
    for statistic in extraction.statistics:
        _add_statistic(graph, doc, extraction, statistic, base_iri)
    return doc

