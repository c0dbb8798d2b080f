"""Exporting the store: Turtle, N-Triples, JSON-LD (with a context), TriG and N-Quads.

Triple formats hold the merged graph (as in ``graph.ttl``); TriG and N-Quads keep
the store's named graphs (one per document, and the entity graph), so a dataset can be
restored or compared document by document. Every format is written as the store is
read, so an export of any size needs little memory. Oxigraph serializes everything but JSON-LD, which
rdflib writes compacted with the project's prefixes as its ``@context``.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from .errors import ExportError
from .ontology import bind_prefixes
from .outputs import atomic_write
from .store import ontology_iri, open_oxigraph, prefixes, project_form, project_quad, reading

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export_store", "guess_format", "jsonld_context", "upload_store"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """An export format: its name, file suffix, whether it keeps named graphs."""

    name: str
    suffix: str
    quads: bool
    rdf_format: ox.RdfFormat | None  # None: written by rdflib


#: Export formats by name.
EXPORT_FORMATS: dict[str, ExportFormat] = {
    "turtle": ExportFormat("turtle", ".ttl", False, ox.RdfFormat.TURTLE),
    "ntriples": ExportFormat("ntriples", ".nt", False, ox.RdfFormat.N_TRIPLES),
    "jsonld": ExportFormat("jsonld", ".jsonld", False, None),
    "trig": ExportFormat("trig", ".trig", True, ox.RdfFormat.TRIG),
    "nquads": ExportFormat("nquads", ".nq", True, ox.RdfFormat.N_QUADS),
}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "json": "jsonld", "nq": "nquads"}


def guess_format(name: str | None, out: str | Path | None = None) -> ExportFormat:
    """The format called ``name`` (or an alias such as ``ttl``), else the one ``out``'s suffix names.

    >>> guess_format(None, "graph.nq").name
    'nquads'
    >>> guess_format("ttl").suffix
    '.ttl'
    """
    if name is None and out is not None:
        suffix = Path(out).suffix.lower()
        for fmt in EXPORT_FORMATS.values():
            if fmt.suffix == suffix:
                return fmt
        name = suffix.lstrip(".") or "turtle"
    name = _ALIASES.get((name or "turtle").lower(), (name or "turtle").lower())
    if name not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {name!r}: use one of {', '.join(EXPORT_FORMATS)}")
    return EXPORT_FORMATS[name]


def jsonld_context() -> dict[str, str]:
    """The JSON-LD ``@context`` of exports: the project's prefixes."""
    return dict(sorted(prefixes().items()))


def _quads(store: ox.Store, *, ontology: bool) -> Iterator[ox.Quad]:
    from .summary import find_summary_graph

    # The graph of record: the summary graph is derived from it (kg.summary) and left out, as in graph.trig.
    skip = {find_summary_graph(store)} | (set() if ontology else {ox.NamedNode(str(ontology_iri()))})
    for quad in store.quads_for_pattern(None, None, None, None):
        if quad.graph_name not in skip:
            yield project_quad(quad)


def _triples(store: ox.Store, *, ontology: bool) -> Iterator[ox.Triple]:
    # Every triple is in one graph only (a document's own, the entity graph or the ontology's),
    # so the named graphs' triples, read as they lie, are the merged graph: nothing is held.
    for quad in _quads(store, ontology=ontology):
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def _serialize(store: ox.Store, fmt: ExportFormat, output: IO[bytes], *, ontology: bool) -> None:
    if fmt.rdf_format is None:
        data = ox.serialize(_triples(store, ontology=ontology), format=ox.RdfFormat.N_TRIPLES) or b""
        graph = bind_prefixes(Graph()).parse(data=data.decode("utf-8"), format="nt")
        text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1)
        json.loads(text)  # fail here, not in the user's tool, if rdflib ever writes bad JSON
        output.write(text.encode("utf-8"))
        return
    items = _quads(store, ontology=ontology) if fmt.quads else _triples(store, ontology=ontology)
    ox.serialize(items, output, format=fmt.rdf_format, prefixes=prefixes())


def export_store(
    store_path: str | Path,
    fmt: str | ExportFormat = "turtle",
    out: str | Path | None = None,
    *,
    ontology: bool = False,
) -> bytes | Path:
    """Export the store at ``store_path`` in ``fmt``; write ``out`` (atomically) or return the bytes.

    ``ontology`` adds the ontology (in its own named graph for TriG and N-Quads). Written
    to ``out``, every format but JSON-LD streams from the store (little memory, any size).
    """
    if not isinstance(fmt, ExportFormat):
        fmt = guess_format(fmt)
    store = open_oxigraph(store_path)
    try:
        with reading(store_path):  # damaged files: StoreDamagedError, which says how to remake the store
            if out is None:
                buffer = io.BytesIO()
                _serialize(store, fmt, buffer, ontology=ontology)
                return buffer.getvalue()
            out = Path(out)
            with atomic_write(out, mode="wb") as handle:
                _serialize(store, fmt, handle, ontology=ontology)
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(f"could not export {store_path} as {fmt.name}: {exc}") from exc
    log.info("exported %s as %s to %s (%d bytes)", store_path, fmt.name, out, out.stat().st_size)
    return out


def upload_store(store_path: str | Path, endpoint: str, *, ontology: bool = False, timeout: float = 120.0) -> int:
    """Copy every named graph of the store to a SPARQL 1.1 Graph Store Protocol endpoint.

    Each graph (every document's, the entity graph, the summary graph, with ``ontology`` the ontology's) is
    sent as N-Triples with ``PUT endpoint?graph=IRI``, which replaces that graph on the
    server (Oxigraph's ``http://HOST:7878/store``, Fuseki's ``…/DATASET/data`` …), so a
    second upload after a rebuild leaves the server equal to the store. Returns how many
    graphs were sent.
    """
    import urllib.error
    import urllib.request
    from urllib.parse import quote

    if not endpoint.startswith(("http://", "https://")):
        raise ExportError(f"{endpoint!r} is not an HTTP URL; give the Graph Store endpoint, "
                          "such as http://127.0.0.1:7878/store")
    store = open_oxigraph(store_path)
    skip = None if ontology else ox.NamedNode(str(ontology_iri()))
    sent = 0
    with reading(store_path):
        graphs = sorted(store.named_graphs(), key=str)
    for graph in graphs:
        if graph == skip:
            continue
        with reading(store_path):
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph))
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={quote(graph.value, safe='')}"
        request = urllib.request.Request(url, data=data, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (an http URL checked above)
                response.read()
        except (urllib.error.URLError, OSError) as exc:
            raise ExportError(f"could not upload the graph {graph.value} to {endpoint}: {exc}; check that the "
                              "server runs, accepts writes and that the URL is its Graph Store endpoint") from exc
        sent += 1
    log.info("uploaded %d graphs of %s to %s", sent, store_path, endpoint)
    return sent
