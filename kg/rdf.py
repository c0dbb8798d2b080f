"""Turning extraction records into the RDF graph of record (see SCHEMA.md).

Entity IRIs depend only on the canonical name and the class, so graphs built
separately merge cleanly. Mention IRIs depend on the document's content hash
and the offsets, so rebuilding the same text gives the same graph.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import guess_format

from .errors import InputError
from .ontology import (
    CJ, CJR_DEFAULT, DCTERMS, ENTITY_CLASSES, PROV, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, SKOS, bind_prefixes,
)
from .records import DocumentExtraction, DocumentMetadata, EntityKey, Money

__all__ = [
    "DocumentRDF",
    "GraphSink",
    "NTriplesSink",
    "RdfSink",
    "StreamingNTriplesSink",
    "add_document",
    "build_graph",
    "decimal_literal",
    "decimal_text",
    "document_iri",
    "document_rdf",
    "entity_graph_iri",
    "entity_iri",
    "is_local",
    "normalize_name",
    "read_graph",
    "url_iri",
    "write_document",
]

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
    return URIRef(_entity_iri_text(key, base_iri))


@lru_cache(maxsize=1 << 16)
def _entity_iri_text(key: EntityKey, base_iri: str) -> str:
    # Entities recur across documents (the same cities, countries, companies): made once.
    return f"{base_iri}{key.label}/{_iri_segment(normalize_name(key.name))}"


def document_iri(content_hash: str, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """IRI of a document, from the hash of its decoded text."""
    return URIRef(f"{base_iri}doc/{content_hash[:16]}")


def _short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


_DATATYPES: dict[str, str] = {"date": str(XSD.date), "gYearMonth": str(XSD.gYearMonth), "gYear": str(XSD.gYear)}
_XSD_INTEGER, _XSD_DECIMAL = str(XSD.integer), str(XSD.decimal)


def decimal_text(value) -> str:
    """The XSD 1.1 canonical lexical form of a decimal (``84890000``, ``234.7``), as Oxigraph keeps it.

    >>> decimal_text(Decimal("84890000.00")), decimal_text("1E+3"), decimal_text(Decimal("234.70"))
    ('84890000', '1000', '234.7')
    """
    return format(Decimal(value).normalize(), "f")


def decimal_literal(value) -> Literal:
    """An ``xsd:decimal`` in XSD 1.1 canonical form, as the Oxigraph store keeps it.

    (rdflib's Turtle writer spells integral decimals with ``.0``; the value is the same.)

    >>> decimal_literal(Decimal("84890000"))
    rdflib.term.Literal('84890000', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    >>> decimal_literal(Decimal("234.70"))
    rdflib.term.Literal('234.7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    return Literal(decimal_text(value), datatype=XSD.decimal)


# ---------------------------------------------------------------- the one per-document converter
#
# :func:`write_document` says which triples a document makes; a *sink* makes the terms
# and keeps the triples. Two sinks exist: :class:`GraphSink` adds rdflib terms to an
# rdflib graph (``add_document``, for small graphs, tests and notebooks) and
# :class:`NTriplesSink` writes N-Triples text (``document_rdf``, what ``kg build``
# streams: no rdflib term is made, so the cost per triple is a string format).
# Every triple is either *local* (about the document, its mentions, relation mentions
# and statistics: it goes in the document's named graph) or *shared* (about an entity:
# its type, label, aliases, title, and the plain relation triples: stated once in the
# store's entity graph, however many documents state it).


class RdfSink(Protocol):
    """What :func:`write_document` writes into: term constructors and ``add``."""

    def iri(self, value: str) -> Any: ...

    def text(self, value: str, lang: str | None = None) -> Any:
        """A plain literal, or a language-tagged one with ``lang``."""

    def typed(self, value: str, datatype: str) -> Any:
        """A literal of the datatype IRI ``datatype`` (its lexical form is ``value``)."""

    def add(self, s: Any, p: Any, o: Any) -> None:
        """A local triple (the document's own named graph)."""

    def add_shared(self, s: Any, p: Any, o: Any) -> None:
        """A shared triple (the entity graph)."""


class GraphSink:
    """Adds rdflib terms to ``graph`` (local and shared triples alike)."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.iri = URIRef
        self.add = self.add_shared = lambda s, p, o: graph.add((s, p, o))

    @staticmethod
    def text(value: str, lang: str | None = None) -> Literal:
        return Literal(value, lang=lang)

    @staticmethod
    def typed(value: str, datatype: str) -> Literal:
        return Literal(value, datatype=URIRef(datatype))


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_string(value: str) -> str:
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.translate(_NT_ESCAPES)
    return f'"{value}"'


class NTriplesSink:
    """Writes N-Triples lines: ``local`` (the document's graph) and ``shared`` (the entity graph)."""

    __slots__ = ("local", "shared")

    def __init__(self) -> None:
        self.local: list[str] = []
        self.shared: list[str] = []

    @staticmethod
    def iri(value: str) -> str:
        return f"<{value}>"

    @staticmethod
    def text(value: str, lang: str | None = None) -> str:
        return f"{_nt_string(value)}@{lang}" if lang else _nt_string(value)

    @staticmethod
    def typed(value: str, datatype: str) -> str:
        return f"{_nt_string(value)}^^<{datatype}>"

    def add(self, s: str, p: str, o: str) -> None:
        self.local.append(f"{s} {p} {o} .\n")

    def add_shared(self, s: str, p: str, o: str) -> None:
        self.shared.append(f"{s} {p} {o} .\n")


class StreamingNTriplesSink(NTriplesSink):
    """An :class:`NTriplesSink` that hands the document's graph to ``write`` (UTF-8, whole lines) every
    ``chunk`` triples and keeps only the entity-level triples, each once: what a document of any
    length needs in memory is one chunk, not its graph (the build compresses what it is handed)."""

    __slots__ = ("_write", "chunk", "_seen")

    def __init__(self, write: Callable[[bytes], object], *, chunk: int = 20_000) -> None:
        super().__init__()
        self._write = write
        self.chunk = chunk
        self._seen: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.local.append(f"{s} {p} {o} .\n")
        if len(self.local) >= self.chunk:
            self.flush()

    def add_shared(self, s: str, p: str, o: str) -> None:
        line = f"{s} {p} {o} .\n"
        if line not in self._seen:
            self._seen.add(line)
            self.shared.append(line)

    def flush(self) -> None:
        """Hand the triples held to ``write``."""
        if self.local:
            self._write("".join(self.local).encode("utf-8"))
            self.local.clear()


@dataclass(frozen=True, slots=True)
class DocumentRDF:
    """One document's RDF as N-Triples text (UTF-8 ``str``), split by where it is stored.

    ``local`` goes in the document's named graph (``document``); ``shared`` holds the
    entity-level triples, each line once, for the entity graph (:func:`entity_graph_iri`).
    """

    document: str
    local: str
    shared: str


def _predicates(sink: RdfSink) -> SimpleNamespace:
    names = {
        "type": RDF.type, "label": RDFS.label, "altLabel": SKOS.altLabel, "jobTitle": SCHEMA.jobTitle,
        "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
        "derived": PROV.wasDerivedFrom, "Document": CJ.Document, "Entity": PROV.Entity,
        "EntityMention": CJ.EntityMention, "RelationMention": CJ.RelationMention, "Statistic": CJ.Statistic,
    }
    names.update({"issued": DCTERMS.issued, "title": DCTERMS.title, "publisher": DCTERMS.publisher,
                  "creator": DCTERMS.creator, "format": DCTERMS.format, "isPartOf": DCTERMS.isPartOf,
                  "url": SCHEMA.url, "Page": CJ.Page})
    for name in ("fileName", "contentHash", "dateSource", "sourceLine", "pageNumber", "mentionOf", "surface", "rule", "evidence", "method", "charStart",
                 "charEnd", "sourceCharStart", "sourceCharEnd", "amount", "currency", "date", "statisticOf",
                 "counterpart", "measure", "value", "unit"):
        names[name] = CJ[name]
    terms = {name: sink.iri(str(iri)) for name, iri in names.items()}
    terms.update({f"class:{name}": sink.iri(str(iri)) for name, iri in ENTITY_CLASSES.items()})
    terms.update({f"rel:{name}": sink.iri(str(iri)) for name, iri in RELATION_PROPERTIES.items()})
    return SimpleNamespace(**{k.replace(":", "_"): v for k, v in terms.items()})


_PREDICATES: dict[type, SimpleNamespace] = {}


def write_document(extraction: DocumentExtraction, sink: RdfSink, *, base_iri: str = CJR_DEFAULT) -> Any:
    """Write one document's entities, mentions, relations and statistics into ``sink`` (see SCHEMA.md).

    This is the one place that decides the RDF of a document; returns the document's term.
    Triples about the document and the nodes under its IRI go through ``sink.add`` (the
    document's named graph); triples about entities through ``sink.add_shared`` (the
    entity graph). Terms are made by the sink (``sink.iri``, ``sink.text``, ``sink.typed``),
    so the same code writes rdflib graphs and the N-Triples that ``kg build`` streams.
    """
    P = _PREDICATES.get(type(sink))
    if P is None:
        P = _PREDICATES[type(sink)] = _predicates(sink)
    iri, text, typed, add, shared = sink.iri, sink.text, sink.typed, sink.add, sink.add_shared
    doc_iri = str(document_iri(extraction.content_hash, base_iri=base_iri))
    doc = iri(doc_iri)
    entity_terms: dict[EntityKey, Any] = {}

    def entity(key: EntityKey) -> Any:
        term = entity_terms.get(key)
        if term is None:
            term = entity_terms[key] = iri(_entity_iri_text(key, base_iri))
        return term

    def offsets(node: Any, start: int, end: int) -> None:
        add(node, P.charStart, typed(str(start), _XSD_INTEGER))
        add(node, P.charEnd, typed(str(end), _XSD_INTEGER))
        if extraction.source_offsets:
            source_start = extraction.source_offset(start)
            source_end = extraction.source_offset(max(end - 1, start)) + 1
            add(node, P.sourceCharStart, typed(str(source_start), _XSD_INTEGER))
            add(node, P.sourceCharEnd, typed(str(source_end), _XSD_INTEGER))

    def money(node: Any, value: Money) -> None:
        add(node, P.amount, typed(decimal_text(value.amount), _XSD_DECIMAL))
        add(node, P.currency, text(value.currency))

    # the document and what is known of it besides its text (date, title, address, outlet, pages)
    add(doc, P.type, P.Document)
    add(doc, P.type, P.Entity)
    add(doc, P.fileName, text(extraction.file_name))
    add(doc, P.contentHash, text(f"sha256:{extraction.content_hash}"))
    meta: DocumentMetadata = extraction.metadata
    if meta.date is not None:
        add(doc, P.issued, typed(meta.date.value, _DATATYPES[meta.date.precision]))
        if meta.date_source:
            add(doc, P.dateSource, text(meta.date_source))
    if meta.title:
        add(doc, P.title, text(meta.title))
    if meta.url and (address := url_iri(meta.url)) is not None:
        add(doc, P.url, iri(str(address)))
    if meta.publisher:
        add(doc, P.publisher, text(meta.publisher))
    if meta.author:
        add(doc, P.creator, text(meta.author))
    if meta.media_type:
        add(doc, P.format, text(meta.media_type))
    if meta.record is not None:
        add(doc, P.sourceLine, typed(str(meta.record), _XSD_INTEGER))
    if meta.pages:
        text_end = extraction.source_offset(len(extraction.text) - 1) + 1 if extraction.text else 0
        ends = (*meta.pages[1:], max(text_end, meta.pages[-1]))
        for number, (start, end) in enumerate(zip(meta.pages, ends), start=1):
            page = iri(f"{doc_iri}/page/{number}")
            add(page, P.type, P.Page)
            add(page, P.isPartOf, doc)
            add(page, P.pageNumber, typed(str(number), _XSD_INTEGER))
            add(page, P.sourceCharStart, typed(str(start), _XSD_INTEGER))
            add(page, P.sourceCharEnd, typed(str(max(end, start)), _XSD_INTEGER))
    # entities (shared)
    for record in extraction.entities:
        node = entity(record.key)
        shared(node, P.type, getattr(P, f"class_{record.key.label}"))
        shared(node, P.label, text(record.key.name, "zh"))
        if record.aliases:
            name = normalize_name(record.key.name)
            for alias in dict.fromkeys(record.aliases):
                if normalize_name(alias) != name:
                    shared(node, P.altLabel, text(alias, "zh"))
        if record.job_title:
            shared(node, P.jobTitle, text(record.job_title, "zh"))
    # entity mentions
    mention_base = f"{doc_iri}/mention/"
    for mention in extraction.mentions:
        node = iri(f"{mention_base}{mention.start}-{mention.end}")
        add(node, P.type, P.EntityMention)
        add(node, P.mentionOf, entity(mention.key))
        add(node, P.derived, doc)
        add(node, P.surface, text(mention.text, "zh"))
        if mention.rule:
            add(node, P.rule, text(mention.rule))
        offsets(node, mention.start, mention.end)
    # relations: the plain triple (shared) and its relation mention (local)
    for rel in extraction.relations:
        subject, obj = entity(rel.subject), entity(rel.object)
        predicate = getattr(P, f"rel_{rel.predicate}")
        shared(subject, predicate, obj)
        node = iri(f"{doc_iri}/relation/{_short_hash(rel.subject, rel.predicate, rel.object, rel.start, rel.end)}")
        add(node, P.type, P.RelationMention)
        add(node, P.subject, subject)
        add(node, P.predicate, predicate)
        add(node, P.object, obj)
        add(node, P.derived, doc)
        add(node, P.evidence, text(rel.evidence, "zh"))
        offsets(node, rel.start, rel.end)
        add(node, P.method, text(rel.method))
        if rel.rule:
            add(node, P.rule, text(rel.rule))
        if rel.money is not None:
            money(node, rel.money)
        if rel.date is not None:
            add(node, P.date, typed(rel.date.value, _DATATYPES[rel.date.precision]))
        if rel.job_title:
            add(node, P.jobTitle, text(rel.job_title, "zh"))
    # statistics (local)
    for stat in extraction.statistics:
        node = iri(f"{doc_iri}/statistic/{_short_hash(stat.subject, stat.measure, stat.value, stat.start)}")
        add(node, P.type, P.Statistic)
        add(node, P.statisticOf, entity(stat.subject))
        if stat.counterpart is not None:
            add(node, P.counterpart, entity(stat.counterpart))
        add(node, P.measure, text(stat.measure, "zh"))
        add(node, P.value, typed(decimal_text(stat.value), _XSD_DECIMAL))
        add(node, P.unit, text(stat.unit))
        if stat.currency:
            money(node, Money(stat.value, stat.currency))
        if stat.date is not None:
            add(node, P.date, typed(stat.date.value, _DATATYPES[stat.date.precision]))
        add(node, P.derived, doc)
        add(node, P.evidence, text(stat.evidence, "zh"))
        offsets(node, stat.start, stat.end)
    return doc


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


def add_document(graph: Graph, extraction: DocumentExtraction, *, base_iri: str = CJR_DEFAULT) -> URIRef:
    """Add one document's entities, mentions, relations and statistics to ``graph``.

    Returns the document's IRI. (Local and shared triples alike; :func:`document_rdf`
    keeps them apart.)
    """
    return write_document(extraction, GraphSink(graph), base_iri=base_iri)


def document_rdf(extraction: DocumentExtraction, *, base_iri: str = CJR_DEFAULT) -> DocumentRDF:
    """One document's RDF as N-Triples: its named graph and its entity-level triples (see :class:`DocumentRDF`).

    >>> from kg.analysis.examples import example_extraction
    >>> rdf = document_rdf(example_extraction())
    >>> rdf.document.startswith(CJR_DEFAULT + "doc/"), rdf.shared.count(" <" + str(RDFS.label) + "> ")  # one label per entity
    (True, 11)
    """
    sink = NTriplesSink()
    doc = write_document(extraction, sink, base_iri=base_iri)
    return DocumentRDF(doc[1:-1], "".join(sink.local), "".join(dict.fromkeys(sink.shared)))


def entity_graph_iri(*, base_iri: str = CJR_DEFAULT) -> URIRef:
    """Name of the store's entity graph: each entity's type, labels, aliases and title and the
    plain relation triples, stated once for the whole corpus.

    >>> str(entity_graph_iri())
    'https://w3id.org/cjkg/resource/graph/entities'
    """
    return URIRef(f"{base_iri}graph/entities")


def is_local(subject: str, document: str) -> bool:
    """Whether a triple with ``subject`` belongs in ``document``'s named graph (not the entity graph).

    Local subjects are the document itself and the nodes under it (mentions, relation
    mentions, statistics).

    >>> is_local("https://x/doc/ab/mention/0-3", "https://x/doc/ab"), is_local("https://x/City/大连", "https://x/doc/ab")
    (True, False)
    """
    return subject == document or subject.startswith(document + "/")


def build_graph(extractions: Iterable[DocumentExtraction], *, base_iri: str = CJR_DEFAULT) -> Graph:
    """One graph holding every document's extraction, with the project's prefixes bound."""
    graph = bind_prefixes(Graph(), base_iri=base_iri)
    for extraction in extractions:
        add_document(graph, extraction, base_iri=base_iri)
    return graph


def read_graph(path: str | Path) -> Graph:
    """Read the graph ``kg build`` wrote: a graph file (format from its suffix, Turtle when unknown),
    a store folder, or the build's ``--out`` folder.

    A dataset (``graph.trig``, N-Quads, a store) is read with its named graphs (each
    document's, the entity graph) merged into one graph, the ontology's left out, so every
    form of one build reads as the same graph as its ``graph.ttl``.

    Raises :class:`~kg.errors.InputError` naming the file when it is missing or is not RDF.
    """
    path = Path(path)
    if path.is_dir():
        from .store import store_graph

        if (path / "CURRENT").is_file():  # an Oxigraph store
            return store_graph(path)
        for name in ("graph.trig", "graph.ttl"):  # a build's output folder
            if (path / name).is_file():
                return read_graph(path / name)
        if (path / "store").is_dir():
            return store_graph(path / "store")
        raise InputError(f"{path} is a folder with no graph in it: give a graph file such as out/graph.ttl, "
                         "a store folder (out/store) or the --out folder of 'kg build'")
    if not path.is_file():
        raise InputError(f"no graph file at {path}: run 'kg build ARTICLES --out out' first, "
                         "or name a .ttl file such as out/graph.ttl")
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in ("trig", "nquads"):  # a dataset (kg build's graph.trig): its named graphs merged
            import pyoxigraph as ox

            quads = ox.parse(path=str(path), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
            data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                                format=ox.RdfFormat.N_TRIPLES) or b""
            return bind_prefixes(Graph()).parse(data=data.decode("utf-8"), format="nt")
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib's and pyoxigraph's parsers raise many kinds
        raise InputError(f"cannot parse {path}: not a readable RDF graph ({exc}); "
                         "give a Turtle (.ttl) file such as out/graph.ttl written by 'kg build'") from exc
