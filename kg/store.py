"""The on-disk Oxigraph store: one named graph per source document, the entity graph, the ontology.

``kg build`` streams each document's triples into ``out/store/`` as it is built
(:class:`StoreLoader`); :func:`write_store` writes a store from rdflib graphs. Code and
notebooks read the store through rdflib's API on Oxigraph's engine (``oxrdflib``) with
:func:`open_store`, so SPARQL runs natively.

The store's shape: what a document says about itself, its entity mentions, relation
mentions (with the evidence) and statistics is in the document's named graph (named by
the document's IRI). What it says about entities (their type, label, aliases and title,
and the plain relation triples ``S cj:p O``) is stated once for the whole corpus in the
entity graph (:func:`kg.rdf.entity_graph_iri`), however many articles state it, so a
query that joins on labels gets each row once:

>>> import tempfile
>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import CJ, PROV, RDF, RDFS
>>> docs = [URIRef(f"https://w3id.org/cjkg/resource/doc/000{i}") for i in (1, 2)]
>>> dalian = URIRef("https://w3id.org/cjkg/resource/City/大连")
>>> graphs = {}
>>> for doc in docs:
...     g = Graph().add((doc, RDF.type, CJ.Document)).add((dalian, RDFS.label, Literal("大连", lang="zh")))
...     graphs[doc] = g.add((URIRef(f"{doc}/mention/0-2"), CJ.mentionOf, dalian))
>>> path = write_store(graphs, tempfile.mkdtemp() + "/store", ontology=False)
>>> dataset = open_store(path)
>>> [str(row.label) for row in dataset.query("SELECT ?label WHERE { ?x rdfs:label ?label }")]
['大连']
>>> document_iris(path) == docs
True

The default graph of every query is the union of the named graphs.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import logging
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import StoreDamagedError, StoreError, StoreNotFoundError
from .ontology import (
    CJ, CJR_DEFAULT, DCTERMS, ENTITY_CLASSES, OWL, PROV, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, SKOS,
    SYMMETRIC_PROPERTIES, XSD, bind_prefixes, load_ontology,
)
from .outputs import atomic_dir
from .rdf import decimal_literal, entity_graph_iri, is_local
from .summary import document_facts, find_summary_graph, refresh_summary, summary_nquads

__all__ = [
    "StoreLoader",
    "StoreSummary",
    "damage_reason",
    "document_iris",
    "iter_document_graphs",
    "ontology_iri",
    "from_oxigraph",
    "graph_totals",
    "ontology_ntriples",
    "ontology_quads",
    "open_oxigraph",
    "open_store",
    "prefixes",
    "project_form",
    "project_quad",
    "prune_entity_graph",
    "reading",
    "remove_document",
    "replace_document",
    "split_quads",
    "store_graph",
    "summarize_store",
    "to_oxigraph",
    "to_quads",
    "view_graph",
    "write_store",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What a store holds: its documents, whether it has the ontology, and its size."""

    path: Path
    documents: tuple[URIRef, ...]
    has_ontology: bool
    quads: int


def prefixes() -> dict[str, str]:
    """The project's prefixes (``cj``, ``cjr``, ``rdfs``, …) as a ``{prefix: namespace}`` dict.

    Queries run through this module and the server may use them without ``PREFIX`` lines.
    """
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    return {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix and prefix != "xml"}


@functools.lru_cache(maxsize=1)
def ontology_iri() -> URIRef:
    """Name of the ontology's graph in the store: the IRI of the ``owl:Ontology`` in ``ontology.ttl``
    (read once per process)."""
    ontology = load_ontology()
    for subject in ontology.subjects(RDF.type, OWL.Ontology):
        if isinstance(subject, URIRef):
            return subject
    raise StoreError("kg/ontology.ttl declares no owl:Ontology; add '<IRI> a owl:Ontology' to it")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (IRI, blank node or literal)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store the term {term!r}: expected an IRI, a blank node or a literal")


_XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))


def project_form(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """``term`` with an ``xsd:decimal`` written as the project writes it (:func:`kg.rdf.decimal_literal`).

    The project writes decimals in XSD 1.1 canonical form (``84890000``, ``234.7``), which is
    also how Oxigraph keeps them, so this only guards against other spellings.
    """
    if isinstance(term, ox.Literal) and term.datatype == _XSD_DECIMAL:
        return ox.Literal(str(decimal_literal(term.value)), datatype=_XSD_DECIMAL)
    return term


def project_quad(quad: ox.Quad) -> ox.Quad:
    """``quad`` with its object in the project's form (see :func:`project_form`)."""
    if isinstance(quad.object, ox.Literal) and quad.object.datatype == _XSD_DECIMAL:
        return ox.Quad(quad.subject, quad.predicate, project_form(quad.object), quad.graph_name)
    return quad


def to_quads(graph: Graph, graph_name: URIRef) -> Iterator[ox.Quad]:
    """Every triple of ``graph`` as a pyoxigraph quad in the named graph ``graph_name``."""
    name = ox.NamedNode(str(graph_name))
    for s, p, o in graph:
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name)  # type: ignore[arg-type]


def split_quads(document: URIRef, graph: Graph, *, base_iri: str = CJR_DEFAULT) -> Iterator[ox.Quad]:
    """``graph``'s triples as quads: local ones in ``document``'s graph, the rest in the entity graph.

    ``graph`` holds one document's triples as :func:`kg.rdf.add_document` writes them
    (see :func:`kg.rdf.is_local`).
    """
    name = ox.NamedNode(str(document))
    entities = ox.NamedNode(str(entity_graph_iri(base_iri=base_iri)))
    doc = str(document)
    for s, p, o in graph:
        where = name if not isinstance(s, URIRef) or is_local(str(s), doc) else entities
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), where)  # type: ignore[arg-type]


def write_store(
    document_graphs: Mapping[URIRef, Graph],
    path: str | Path,
    *,
    ontology: bool = True,
    base_iri: str = CJR_DEFAULT,
) -> Path:
    """Write a new Oxigraph store at ``path`` from each document's graph (by document IRI).

    Each document's local triples go in its named graph, its entity-level triples in
    the entity graph (see :func:`split_quads`); with ``ontology`` the ontology goes in
    its own named graph (:func:`ontology_iri`). The store is built in a temporary folder
    beside ``path`` and swapped in only when complete, so ``path`` always holds either
    the old store or the new one. Returns ``path``.
    """
    path = Path(path)
    with atomic_dir(path) as tmp:
        _fill_store(tmp, document_graphs, ontology=ontology, base_iri=base_iri)
        gc.collect()  # the store is closed once no reference is left; make sure before the swap
    log.info("wrote the store %s (%d documents%s)", path, len(document_graphs), " + ontology" if ontology else "")
    return path


def _fill_store(folder: Path, document_graphs: Mapping[URIRef, Graph], *, ontology: bool, base_iri: str) -> None:
    store = ox.Store(str(folder))
    try:
        quads = list(itertools.chain.from_iterable(split_quads(doc, graph, base_iri=base_iri)
                                                   for doc, graph in document_graphs.items()))
        scratch = ox.Store()  # in memory: the summary graph (kg.summary) of these documents
        scratch.extend(quads)
        for data in summary_nquads(scratch, base_iri=base_iri):
            quads.extend(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        del scratch
        if ontology:
            quads.extend(to_quads(load_ontology(), ontology_iri()))
        store.bulk_extend(quads)  # one bulk load: one set of files
        store.flush()
    except OSError as exc:
        raise StoreError(f"could not write the store in {folder}: {exc}; check the disk space and permissions") from exc


class StoreLoader:
    """Streams named graphs' N-Triples into ``store``: bulk loads of about ``batch_bytes`` each, nothing more held.

    Oxigraph's bulk loader writes sorted files straight to disk (no transaction); batches
    of a few megabytes keep its memory small and its speed close to one load. The loads
    run on a thread of their own (the bulk loader releases the GIL), at most two batches
    waiting, so the building process keeps reading results meanwhile. Each piece is handed
    over as it came, wrapped in its graph's TriG block (``<graph> { … }``: N-Triples lines are
    TriG), not rewritten line by line into N-Quads; a batch is measured as the N-Quads it
    stands for (each line with its graph's name), so it holds as many quads as a batch of
    ``batch_bytes`` of N-Quads. The data is the build's own, so it is loaded without
    validating IRIs again (``lenient``). Call :meth:`wait` (or :meth:`close`) before reading
    the store. ``before_batch``, if given, is called with each batch's size (as N-Quads) before
    the batch is handed to the loader (the build's free-space guard,
    :func:`kg.diskspace.check_free_space`); what it raises stops the load.

    >>> store = ox.Store()
    >>> loader = StoreLoader(store)
    >>> loader.add(b'<urn:s> <urn:p> "a" .\\n<urn:s> <urn:p> <urn:o> .\\n', "urn:g")
    >>> loader.add(b'<urn:s> <urn:p> "a" .\\n', "urn:h")
    >>> loader.close()
    >>> sorted(str(q) for q in store)  # doctest: +NORMALIZE_WHITESPACE
    ['<urn:s> <urn:p> "a" <urn:g>', '<urn:s> <urn:p> "a" <urn:h>', '<urn:s> <urn:p> <urn:o> <urn:g>']
    """

    def __init__(self, store: ox.Store, *, batch_bytes: int = 32 << 20,
                 before_batch: Callable[[int], None] | None = None) -> None:
        import queue
        import threading

        self.store = store
        self.batch_bytes = batch_bytes
        self.before_batch = before_batch
        self._parts: list[bytes] = []
        self._size = 0
        self.loaded_bytes = 0
        self._error: BaseException | None = None
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self._thread = threading.Thread(target=self._load, name="kg-store-loader", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        while (data := self._queue.get()) is not None:
            try:
                if self._error is None:
                    self.store.bulk_load(data, format=ox.RdfFormat.TRIG, lenient=True)
                    self.loaded_bytes += len(data)
            except BaseException as exc:  # handed to the building thread by wait()
                self._error = exc
            finally:
                self._queue.task_done()
        self._queue.task_done()

    def add(self, ntriples: bytes, graph: str) -> None:
        """Queue ``ntriples`` (whole N-Triples lines, UTF-8) for the named graph ``graph`` (an IRI); hands the
        queue to the loader once it is big enough."""
        name = graph.encode("utf-8")
        self._parts += (b"<%s> {\n" % name, ntriples, b"\n}\n")
        self._size += len(ntriples) + ntriples.count(b"\n") * (len(name) + 3)  # as N-Quads
        if self._size >= self.batch_bytes:
            self.flush()

    def flush(self) -> None:
        """Hand what is queued to the loader (blocks while two batches are waiting)."""
        self._raise()
        if self._parts:
            if self.before_batch is not None:
                self.before_batch(self._size)
            data = b"".join(self._parts)
            self._parts, self._size = [], 0
            self._queue.put(data)

    def wait(self) -> None:
        """Load everything queued and wait until it is in the store."""
        self.flush()
        self._queue.join()
        self._raise()

    def close(self) -> None:
        """:meth:`wait`, then stop the loader thread."""
        try:
            self.wait()
        finally:
            if self._thread.is_alive():
                self._queue.put(None)
                self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            if isinstance(error, (OSError, SyntaxError)):
                raise StoreError(f"could not load into the store: {error}; check the disk space") from error
            raise error


@functools.lru_cache(maxsize=1)
def ontology_ntriples() -> bytes:
    """The ontology as N-Triples (its graph: :func:`ontology_iri`), made once per process."""
    return ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(
        ontology_quads(), format=ox.RdfFormat.N_QUADS)), format=ox.RdfFormat.N_TRIPLES) or b""


@functools.lru_cache(maxsize=1)
def ontology_quads() -> bytes:
    """The ontology as N-Quads in its named graph (:func:`ontology_iri`), made once per process."""
    return ox.serialize(to_quads(load_ontology(), ontology_iri()), format=ox.RdfFormat.N_QUADS) or b""


def _check_store(path: Path) -> None:
    if not path.is_dir():
        raise StoreNotFoundError(
            f"no store at {path}: run 'kg build ARTICLES --out OUT' (it writes OUT/store), or pass --store DIR"
        )
    if not (path / "CURRENT").is_file():
        raise StoreNotFoundError(
            f"{path} is not an Oxigraph store (no CURRENT file): pass the 'store' folder that 'kg build' wrote"
        )


#: What RocksDB (under Oxigraph) says when the store's files are damaged or gone.
_DAMAGE = re.compile(r"Corruption|checksum mismatch|magic number|size mismatch|IO error: No such file", re.IGNORECASE)


def damage_reason(error: BaseException) -> str | None:
    """What is damaged, in short, if ``error`` is the engine reporting damaged store files; else ``None``.

    >>> damage_reason(RuntimeError("Corruption: Corruption: Sst file size mismatch: /s/000011.sst"))
    'Corruption: Sst file size mismatch: /s/000011.sst'
    >>> damage_reason(SyntaxError("error at 1:5: expected WHERE")) is None
    True
    """
    if not isinstance(error, (RuntimeError, OSError)):
        return None
    text = " ".join(str(error).split())
    if not _DAMAGE.search(text):
        return None
    text = re.sub(r"^(Corruption: )+", "Corruption: ", text)
    return text if len(text) <= 300 else text[:299] + "…"


@contextlib.contextmanager
def reading(path: str | Path) -> Iterator[None]:
    """Turn the engine's reports of damaged files, while reading the store at ``path``, into
    :class:`~kg.errors.StoreDamagedError` (which says that ``kg build`` remakes the store)."""
    try:
        yield
    except (RuntimeError, OSError) as exc:
        reason = damage_reason(exc)
        if reason is None:
            raise
        raise StoreDamagedError(path, reason) from exc


def open_oxigraph(path: str | Path, *, read_only: bool = True) -> ox.Store:
    """Open the store at ``path`` as a native :class:`pyoxigraph.Store`.

    Read-only stores can be opened by several processes at once (a server and a query).
    Damaged files (a table file missing or cut short, a garbage ``MANIFEST``) raise
    :class:`~kg.errors.StoreDamagedError`.
    """
    path = Path(path)
    _check_store(path)
    try:
        with reading(path):
            return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as exc:
        hint = "another process may be writing it; stop it and retry" if not read_only else "rebuild it with 'kg build'"
        raise StoreError(f"could not open the store {path}: {exc}; {hint}") from exc


def open_store(path: str | Path, *, read_only: bool = True) -> Dataset:
    """The store at ``path`` as an rdflib :class:`~rdflib.Dataset` on Oxigraph's engine.

    The default graph is the union of all named graphs, and the project's prefixes are
    bound, so ``dataset.query("SELECT … WHERE { ?x a cj:City }")`` works as is. One
    document's graph is ``dataset.get_context(DOC_IRI)`` (``dataset.graph()`` would try
    to create it). Avoid ``len(dataset)``: oxrdflib counts with a slow query.
    """
    from oxrdflib import OxigraphStore  # here: it imports rdflib's SPARQL engine, which kg query does not need

    store = OxigraphStore(store=open_oxigraph(path, read_only=read_only))
    dataset = Dataset(store=store, default_union=True)
    bind_prefixes(dataset)
    return dataset


def _graph_names(store: ox.Store) -> list[URIRef]:
    return sorted(URIRef(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode))


_DOCUMENT_GRAPHS = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g a <{CJ.Document}> }} }}"


def _document_graphs(store: ox.Store) -> list[URIRef]:
    # A document's graph is the one that holds the document: ``<g> a cj:Document`` in ``<g>``.
    return sorted({URIRef(row[0].value) for row in store.query(_DOCUMENT_GRAPHS)})  # type: ignore[union-attr]


def document_iris(path: str | Path) -> list[URIRef]:
    """IRIs of the documents in the store (each names its graph), sorted."""
    store = open_oxigraph(path)
    with reading(path):
        return _document_graphs(store)


def summarize_store(path: str | Path) -> StoreSummary:
    """Documents, ontology and number of quads of the store at ``path``."""
    store = open_oxigraph(path)
    with reading(path):
        names = _graph_names(store)
        documents = _document_graphs(store)
        quads = len(store)
    return StoreSummary(
        path=Path(path),
        documents=tuple(documents),
        has_ontology=ontology_iri() in names,
        quads=quads,
    )


def _reified_predicates() -> str:
    return " ".join(f"<{iri}>" for iri in RELATION_PROPERTIES.values())


def prune_entity_graph(store: ox.Store, *, base_iri: str = CJR_DEFAULT) -> None:
    """Drop from the entity graph what no document graph refers to any more.

    A plain relation triple stays while a ``cj:RelationMention`` of it is left; an
    entity's type, labels and titles stay while a mention, relation mention or
    statistic refers to it. (``kg build`` knows exactly which document gave which
    alias; this is the rule for a store changed document by document.)
    """
    graph = f"<{entity_graph_iri(base_iri=base_iri)}>"
    relations = _reified_predicates()
    store.update(f"""
      DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }}
      WHERE {{
        GRAPH {graph} {{ ?s ?p ?o }} VALUES ?p {{ {relations} }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?m <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o }} }}
      }} ;
      DELETE {{ GRAPH {graph} {{ ?e ?p ?o }} }}
      WHERE {{
        GRAPH {graph} {{ ?e ?p ?o }}
        FILTER NOT EXISTS {{
          GRAPH ?g {{ ?m ?ref ?e }}
          VALUES ?ref {{ <{CJ.mentionOf}> <{RDF.subject}> <{RDF.object}> <{CJ.statisticOf}> <{CJ.counterpart}> }}
        }}
      }}""")


def replace_document(path: str | Path, document: URIRef, graph: Graph, *, base_iri: str = CJR_DEFAULT) -> None:
    """Add ``document``'s graph to the store at ``path``, replacing its old graph if any.

    ``graph`` holds the document's triples as :func:`kg.rdf.add_document` writes them:
    the local ones replace the document's named graph, the entity-level ones join the
    entity graph, and entity facts no document refers to any more are pruned
    (:func:`prune_entity_graph`). One SPARQL update, which Oxigraph applies as one
    transaction: a reader sees the old version or the new one.
    """
    if (document, None, None) not in graph:
        log.warning("the graph for %s has no triple about the document itself", document)
    doc = str(document)
    local = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
             for s, p, o in graph if not isinstance(s, URIRef) or is_local(str(s), doc)]
    shared = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
              for s, p, o in graph if isinstance(s, URIRef) and not is_local(str(s), doc)]
    data = (ox.serialize(local, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    entities = (ox.serialize(shared, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    update = (f"DROP SILENT GRAPH <{document}> ;\nINSERT DATA {{ GRAPH <{document}> {{\n{data}}} "
              f"GRAPH <{entity_graph_iri(base_iri=base_iri)}> {{\n{entities}}} }}")
    store = open_oxigraph(path, read_only=False)
    try:
        facts = document_facts(store, [doc])
        store.update(update)
        prune_entity_graph(store, base_iri=base_iri)
        refresh_summary(store, base_iri=base_iri, facts=facts | document_facts(store, [doc]))
        store.flush()
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"could not replace {document} in {path}: {exc}") from exc
    log.info("replaced %s in %s (%d triples)", document, path, len(graph))


def remove_document(path: str | Path, document: URIRef, *, base_iri: str = CJR_DEFAULT) -> bool:
    """Remove ``document``'s named graph from the store at ``path``; ``False`` if it was not there.

    Entity facts that no other document refers to go too (:func:`prune_entity_graph`).
    """
    store = open_oxigraph(path, read_only=False)
    name = ox.NamedNode(str(document))
    try:
        if not store.contains_named_graph(name):
            return False
        facts = document_facts(store, [str(document)])
        store.remove_graph(name)
        prune_entity_graph(store, base_iri=base_iri)
        refresh_summary(store, base_iri=base_iri, facts=facts)
        store.flush()
    except OSError as exc:
        raise StoreError(f"could not remove {document} from {path}: {exc}") from exc
    log.info("removed %s from %s", document, path)
    return True


def iter_document_graphs(path: str | Path) -> Iterable[tuple[URIRef, Graph]]:
    """Each document's named graph (its local triples) as a plain in-memory rdflib graph (for small stores)."""
    store = open_oxigraph(path)
    with reading(path):
        for name in _document_graphs(store):
            quads = store.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
            triples = (ox.Triple(q.subject, q.predicate, project_form(q.object)) for q in quads)
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            yield name, bind_prefixes(Graph(identifier=name)).parse(data=data.decode("utf-8"), format="nt")


def store_graph(path: str | Path) -> Graph:
    """Every triple of the store at ``path`` but the ontology's and the summary's, its named graphs
    merged, in an rdflib graph.

    The same graph as the build's ``graph.ttl`` (each document's graph and the entity
    graph); for stores small enough to hold in memory (evaluation, analysis). The summary
    graph (:mod:`kg.summary`) is derived from it and left out.
    """
    store = open_oxigraph(path)
    with reading(path):
        skip = {ox.NamedNode(str(ontology_iri())), find_summary_graph(store)}
        triples = (ox.Triple(q.subject, q.predicate, project_form(q.object))
                   for q in store.quads_for_pattern(None, None, None, None) if q.graph_name not in skip)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return bind_prefixes(Graph()).parse(data=data.decode("utf-8"), format="nt")


def from_oxigraph(term: object) -> Node:
    """The rdflib term for a pyoxigraph term (decimals in the project's form, see :func:`project_form`)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype == _XSD_DECIMAL:
            return decimal_literal(term.value)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"cannot turn {term!r} into an rdflib term (RDF-star triples are not supported)")


def _values(terms: Iterable[str]) -> str:
    return " ".join(f"<{t}>" for t in terms)


def _chunks(items: list[str], size: int = 256) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def graph_totals(store: ox.Store, *, base_iri: str = CJR_DEFAULT) -> tuple[int, int]:
    """``(entities, relations)`` of a build's store, read from its entity graph by index lookups:
    each entity once, each relation triple once (a symmetric relation stated both ways once),
    as the HTML view counts them."""
    entity_graph = ox.NamedNode(str(entity_graph_iri(base_iri=base_iri)))
    rdf_type = ox.NamedNode(str(RDF.type))
    entities = {q.subject for iri in ENTITY_CLASSES.values()
                for q in store.quads_for_pattern(None, rdf_type, ox.NamedNode(str(iri)), entity_graph)}
    relations = 0
    for name, iri in RELATION_PROPERTIES.items():
        predicate = ox.NamedNode(str(iri))
        pairs = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, predicate, None, entity_graph)}
        if name in SYMMETRIC_PROPERTIES:
            pairs = {(o, s) if o < s else (s, o) for s, o in pairs}
        relations += len(pairs)
    return len(entities), relations


def view_graph(
    store: ox.Store,
    *,
    base_iri: str = CJR_DEFAULT,
    max_nodes: int = 400,
    max_evidence: int = 3,
    scan_limit: int = 1000,
    scan_budget: int = 200_000,
    focus: str | None = None,
    depth: int = 1,
) -> tuple[Graph, tuple[int, int]]:
    """What the HTML view needs of a store, read by index lookups without loading the store into rdflib.

    The ``max_nodes`` entities with the most relations (all of them in a small store),
    their types, labels, aliases and titles, the relations between them, and for each
    relation at most ``max_evidence`` of its relation mentions with their documents'
    file names, looked for among at most ``scan_limit`` relation mentions of its rarer end
    and ``scan_budget`` in all (the relations of the most connected entities first), so
    that the view of any store is read in seconds: in a large store a rare relation
    between two entities named everywhere may show no evidence (``queries/fact_sources.rq``
    finds it). When the store holds no more than ``max_nodes`` entities, the view is the
    whole graph with every relation mention, as the page of the in-memory graph shows it.
    The documents' file names and dates (``dcterms:issued``, for the year filter) come
    along. Returns the graph (on rdflib's ``SimpleMemory`` store: for reading, as :func:`kg.html.render_html`
    does) and ``(entities, relation triples)`` of the whole store.

    With ``focus`` (a label or alias), only the entities within ``depth`` relations of the
    entities it names, the nearest first, up to ``max_nodes``; raises
    :class:`~kg.errors.EntityNotFoundError` when no entity has that name.
    """
    entity_graph = ox.NamedNode(str(entity_graph_iri(base_iri=base_iri)))
    rdf_type = ox.NamedNode(str(RDF.type))
    classes = [ox.NamedNode(str(iri)) for iri in ENTITY_CLASSES.values()]
    relations = [ox.NamedNode(str(iri)) for iri in RELATION_PROPERTIES.values()]

    # Each entity (IRI) with its number of relations: the one structure held that grows with the store.
    degree: dict[str, int] = {}
    for cls in classes:
        for q in store.quads_for_pattern(None, rdf_type, cls, entity_graph):
            degree.setdefault(q.subject.value, 0)
    entities = degree.keys()
    # The relations are read twice, so that nothing held grows with them (only with the entities): once
    # here for each entity's degree and their number, once below for those between the chosen entities.
    symmetric = {str(RELATION_PROPERTIES[name]) for name in SYMMETRIC_PROPERTIES}
    relation_count = 0
    for predicate_node in relations:
        folds = predicate_node.value in symmetric
        for q in store.quads_for_pattern(None, predicate_node, None, entity_graph):
            s, o = q.subject.value, q.object.value
            if s in degree:
                degree[s] += 1
            if o != s and o in degree:
                degree[o] += 1
            # a symmetric relation stated both ways is one edge, as in the page: counted from its smaller end
            if not folds or s <= o or ox.Quad(q.object, predicate_node, q.subject, entity_graph) not in store:
                relation_count += 1
    totals = (len(entities), relation_count)
    distance: dict[str, int] = {}
    if focus is not None:
        distance = _neighbourhood(store, entity_graph, focus, depth, entities)
    pool = distance if focus is not None else degree
    chosen = sorted(pool, key=lambda e: (distance.get(e, 0), -degree[e], e))[:max_nodes]
    keep = set(chosen)
    del degree, entities

    # rdflib's plain triple store: the view is read, never changed, and it fills in a third of the time
    graph = bind_prefixes(Graph(store="SimpleMemory"), base_iri=base_iri)
    relation_iris = {node.value for node in relations}
    edges: list[tuple[str, str, str]] = []
    for entity in chosen:
        for q in store.quads_for_pattern(ox.NamedNode(entity), None, None, entity_graph):
            if q.predicate.value not in relation_iris:
                graph.add((URIRef(entity), from_oxigraph(q.predicate), from_oxigraph(q.object)))
            elif q.object.value in keep:
                edges.append((entity, q.predicate.value, q.object.value))
    for s, p, o in edges:
        graph.add((URIRef(s), URIRef(p), URIRef(o)))

    subject, predicate, obj = (ox.NamedNode(str(iri)) for iri in (RDF.subject, RDF.predicate, RDF.object))
    mentions: list[tuple[ox.NamedNode, Any]] = []  # (relation mention, its document's graph)
    if focus is None and len(chosen) == totals[0]:
        # The whole graph is shown: every relation mention, as the page of the in-memory graph has.
        mentions = [(q.subject, q.graph_name) for q in store.quads_for_pattern(
            None, rdf_type, ox.NamedNode(str(CJ.RelationMention)), None) if isinstance(q.subject, ox.NamedNode)]
        edges_to_walk: list[tuple[str, str, str]] = []
    else:
        edges_to_walk = edges
    # A few relation mentions per relation (its evidence). Each relation is looked up from its
    # end with fewer relation mentions (counted by two aggregate queries); the relations of one
    # end are served by one walk over that end's relation mentions, checking each one's
    # predicate and other end by index lookups.
    counts = _mention_counts(store, {e for s, _, o in edges_to_walk for e in (s, o)}, (subject, obj))
    walks: dict[tuple[str, str], dict[tuple[str, str], int]] = {}  # (end, entity) -> {(predicate, other end): wanted}
    for s, p, o in edges_to_walk:
        if counts.get((obj.value, o), 0) < counts.get((subject.value, s), 0):
            walks.setdefault((obj.value, o), {})[(p, s)] = max_evidence
        else:
            walks.setdefault((subject.value, s), {})[(p, o)] = max_evidence
    budget = scan_budget
    for (end, entity), wanted_here in sorted(walks.items(), key=lambda w: (-len(w[1]), w[0])):
        walk = subject if end == subject.value else obj
        other_end = obj if walk is subject else subject
        limit = min(budget, scan_limit * len(wanted_here))
        # {predicate: relations of it still wanted}: a mention of another predicate needs no second lookup
        open_predicates: dict[str, int] = {}
        for p, _ in wanted_here:
            open_predicates[p] = open_predicates.get(p, 0) + 1
        for looked, quad in enumerate(store.quads_for_pattern(None, walk, ox.NamedNode(entity), None)):
            if looked >= limit or not wanted_here:
                break
            budget -= 1
            node, graph_name = quad.subject, quad.graph_name
            p_quad = next(store.quads_for_pattern(node, predicate, None, graph_name), None)
            if p_quad is None or p_quad.object.value not in open_predicates:
                continue
            o_quad = next(store.quads_for_pattern(node, other_end, None, graph_name), None)
            if o_quad is None:
                continue
            key = (p_quad.object.value, o_quad.object.value)
            left = wanted_here.get(key)
            if left:
                mentions.append((node, graph_name))  # type: ignore[arg-type]
                if left == 1:
                    del wanted_here[key]
                    if open_predicates[key[0]] == 1:
                        del open_predicates[key[0]]
                    else:
                        open_predicates[key[0]] -= 1
                else:
                    wanted_here[key] = left - 1
        if budget <= 0:
            break

    # The predicates a mention's triples are kept for, by their pyoxigraph term (no string made per triple)
    wanted = {ox.NamedNode(str(iri)): iri for iri in (RDF.type, RDF.subject, RDF.predicate, RDF.object,
                                                      PROV.wasDerivedFrom, CJ.evidence, CJ.method, CJ.rule, CJ.amount,
                                                      CJ.currency, CJ.date, SCHEMA.jobTitle)}
    file_name = ox.NamedNode(str(CJ.fileName))
    documents: set[ox.NamedNode] = set()
    derived_from, evidence = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(CJ.evidence))
    triples = []
    terms: dict[Any, Node] = {}  # the terms mentions share (types, entities, rules), converted once
    for mention, graph_name in mentions:
        node = URIRef(mention.value)
        for q in store.quads_for_pattern(mention, None, None, graph_name):
            p_node = q.predicate
            p_term = wanted.get(p_node)
            if p_term is None:
                continue
            if p_node == evidence:  # unique to the mention: not worth keeping
                o_term = from_oxigraph(q.object)
            else:
                o_node = q.object
                o_term = terms.get(o_node)
                if o_term is None:
                    o_term = terms[o_node] = from_oxigraph(o_node)
                if p_node == derived_from:
                    documents.add(o_node)  # type: ignore[arg-type]
            triples.append((node, p_term, o_term, graph))
    graph.addN(triples)
    issued = ox.NamedNode(str(DCTERMS.issued))
    for document in documents:
        for q in store.quads_for_pattern(document, file_name, None, document):
            graph.add((URIRef(document.value), CJ.fileName, from_oxigraph(q.object)))
        for q in store.quads_for_pattern(document, issued, None, document):  # the year filter's article dates
            graph.add((URIRef(document.value), DCTERMS.issued, from_oxigraph(q.object)))
    log.info("view of the store: %d of %d entities, %d relations, %d relation mentions", len(chosen), totals[0],
             len(edges), len(mentions))
    return graph, totals


def _mention_counts(store: ox.Store, entities: set[str], ends: tuple[ox.NamedNode, ...]) -> dict[tuple[str, str], int]:
    """``{(end, entity): relation mentions whose end is entity}`` (``rdf:subject`` or ``rdf:object``), for
    ``entities``: one aggregate query per end, counted by the store."""
    counts: dict[tuple[str, str], int] = {}
    if not entities:
        return counts
    values = " ".join(f"<{entity}>" for entity in sorted(entities))
    for end in ends:
        query = (f"SELECT ?e (COUNT(?m) AS ?n) WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?m <{end.value}> ?e }} }} "
                 "GROUP BY ?e")
        for row in store.query(query):  # type: ignore[union-attr]
            counts[(end.value, row[0].value)] = int(row[1].value)
    return counts


def _neighbourhood(store: ox.Store, entity_graph: ox.NamedNode, name: str, depth: int,
                   entities: Container[str]) -> dict[str, int]:
    """Entities within ``depth`` relations of those labelled ``name`` (label or alias), with their distance."""
    from .errors import EntityNotFoundError
    from .rdf import normalize_name

    wanted = normalize_name(name)
    starts = {q.subject.value for prop in (RDFS.label, SKOS.altLabel)
              for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), ox.Literal(name, language="zh"),
                                               entity_graph)}
    if wanted != name:
        starts |= {q.subject.value for prop in (RDFS.label, SKOS.altLabel)
                   for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), ox.Literal(wanted, language="zh"),
                                                    entity_graph)}
    starts = {start for start in starts if start in entities}
    if not starts:
        close = sorted({q.object.value for prop in (RDFS.label, SKOS.altLabel)
                        for q in store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, entity_graph)
                        if wanted and isinstance(q.object, ox.Literal) and wanted in normalize_name(q.object.value)
                        and q.subject.value in entities})
        raise EntityNotFoundError(name, suggestions=tuple(close[:5]))
    relations = {str(iri) for iri in RELATION_PROPERTIES.values()}
    distance = dict.fromkeys(sorted(starts), 0)
    frontier = sorted(starts)
    for step in range(1, depth + 1):
        following: list[str] = []
        for entity in frontier:
            node = ox.NamedNode(entity)
            ends = [q.object for q in store.quads_for_pattern(node, None, None, entity_graph)
                    if q.predicate.value in relations]
            ends += [q.subject for q in store.quads_for_pattern(None, None, node, entity_graph)
                     if q.predicate.value in relations]
            for end in ends:
                if isinstance(end, ox.NamedNode) and end.value not in distance and end.value in entities:
                    distance[end.value] = step
                    following.append(end.value)
        frontier = following
    return distance
