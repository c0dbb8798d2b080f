"""The on-disk Oxigraph store: one named graph per source document, plus the ontology.

``kg build`` writes ``out/store/`` with :func:`write_store`; ``graph.ttl`` stays the
portable export. Code and notebooks read the store through rdflib's API on
Oxigraph's engine (``oxrdflib``) with :func:`open_store`, so SPARQL runs natively:

>>> import tempfile
>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import RDFS
>>> doc = URIRef("https://w3id.org/cjkg/resource/doc/0001")
>>> g = Graph().add((URIRef("https://w3id.org/cjkg/resource/City/大连"), RDFS.label, Literal("大连", lang="zh")))
>>> path = write_store({doc: g}, tempfile.mkdtemp() + "/store", ontology=False)
>>> dataset = open_store(path)
>>> [str(row.label) for row in dataset.query("SELECT ?label WHERE { ?x rdfs:label ?label }")]
['大连']
>>> document_iris(path) == [doc]
True

The default graph of every query is the union of the named graphs. A triple that
several documents share (an entity's type and label) is then seen once per
document, so counting queries use ``DISTINCT``.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import StoreDamagedError, StoreError, StoreNotFoundError
from .rdf import decimal_literal
from .ontology import OWL, RDF, XSD, bind_prefixes, load_ontology
from .outputs import atomic_dir

__all__ = [
    "StoreSummary",
    "damage_reason",
    "document_iris",
    "iter_document_graphs",
    "ontology_iri",
    "open_oxigraph",
    "open_store",
    "prefixes",
    "project_form",
    "project_quad",
    "reading",
    "remove_document",
    "replace_document",
    "summarize_store",
    "to_oxigraph",
    "to_quads",
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


def ontology_iri() -> URIRef:
    """Name of the ontology's graph in the store: the IRI of the ``owl:Ontology`` in ``ontology.ttl``."""
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


def write_store(
    document_graphs: Mapping[URIRef, Graph],
    path: str | Path,
    *,
    ontology: bool = True,
) -> Path:
    """Write a new Oxigraph store at ``path``: one named graph per document (named by its IRI).

    With ``ontology`` the ontology goes in its own named graph (:func:`ontology_iri`).
    The store is built in a temporary folder beside ``path`` and swapped in only when
    complete, so ``path`` always holds either the old store or the new one. Returns ``path``.
    """
    path = Path(path)
    with atomic_dir(path) as tmp:
        _fill_store(tmp, document_graphs, ontology=ontology)
        gc.collect()  # the store is closed once no reference is left; make sure before the swap
    log.info("wrote the store %s (%d documents%s)", path, len(document_graphs), " + ontology" if ontology else "")
    return path


def _fill_store(folder: Path, document_graphs: Mapping[URIRef, Graph], *, ontology: bool) -> None:
    store = ox.Store(str(folder))
    try:
        quads = [to_quads(graph, doc) for doc, graph in document_graphs.items()]
        if ontology:
            quads.append(to_quads(load_ontology(), ontology_iri()))
        store.bulk_extend(itertools.chain.from_iterable(quads))  # one bulk load: one set of files
        store.flush()
    except OSError as exc:
        raise StoreError(f"could not write the store in {folder}: {exc}; check the disk space and permissions") from exc


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
    store = OxigraphStore(store=open_oxigraph(path, read_only=read_only))
    dataset = Dataset(store=store, default_union=True)
    bind_prefixes(dataset)
    return dataset


def _graph_names(store: ox.Store) -> list[URIRef]:
    return sorted(URIRef(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def document_iris(path: str | Path) -> list[URIRef]:
    """IRIs of the documents (named graphs other than the ontology's) in the store, sorted."""
    store = open_oxigraph(path)
    ontology_graph = ontology_iri()
    with reading(path):
        return [name for name in _graph_names(store) if name != ontology_graph]


def summarize_store(path: str | Path) -> StoreSummary:
    """Documents, ontology and number of quads of the store at ``path``."""
    store = open_oxigraph(path)
    with reading(path):
        names = _graph_names(store)
        quads = len(store)
    ontology_graph = ontology_iri()
    return StoreSummary(
        path=Path(path),
        documents=tuple(name for name in names if name != ontology_graph),
        has_ontology=ontology_graph in names,
        quads=quads,
    )


def replace_document(path: str | Path, document: URIRef, graph: Graph) -> None:
    """Add ``document``'s graph to the store at ``path``, replacing its old graph if any.

    The old graph is dropped and the new one inserted by one SPARQL update, which
    Oxigraph applies as one transaction: a reader sees the old version or the new one.
    """
    if (document, None, None) not in graph:
        log.warning("the graph for %s has no triple about the document itself", document)
    triples = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph)  # type: ignore[arg-type]
    data = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    update = f"DROP SILENT GRAPH <{document}> ;\nINSERT DATA {{ GRAPH <{document}> {{\n{data}}} }}"
    store = open_oxigraph(path, read_only=False)
    try:
        store.update(update)
        store.flush()
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"could not replace {document} in {path}: {exc}") from exc
    log.info("replaced %s in %s (%d triples)", document, path, len(graph))


def remove_document(path: str | Path, document: URIRef) -> bool:
    """Remove ``document``'s named graph from the store at ``path``; ``False`` if it was not there."""
    store = open_oxigraph(path, read_only=False)
    name = ox.NamedNode(str(document))
    try:
        if not store.contains_named_graph(name):
            return False
        store.remove_graph(name)
        store.flush()
    except OSError as exc:
        raise StoreError(f"could not remove {document} from {path}: {exc}") from exc
    log.info("removed %s from %s", document, path)
    return True


def iter_document_graphs(path: str | Path) -> Iterable[tuple[URIRef, Graph]]:
    """Each document's named graph as a plain in-memory rdflib graph (for small stores)."""
    store = open_oxigraph(path)
    ontology_graph = ontology_iri()
    with reading(path):
        for name in _graph_names(store):
            if name == ontology_graph:
                continue
            quads = store.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
            triples = (ox.Triple(q.subject, q.predicate, project_form(q.object)) for q in quads)
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            yield name, bind_prefixes(Graph(identifier=name)).parse(data=data.decode("utf-8"), format="nt")
