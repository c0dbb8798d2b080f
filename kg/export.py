"""Exporting the store: Turtle, N-Triples, JSON-LD (with a context), TriG and N-Quads.

Triple formats hold the merged graph (as in ``graph.ttl``); TriG and N-Quads keep
the store's named graphs (one per document, and the entity graph), so a dataset can be
restored or compared document by document. Every format is written as the store is
read, so an export of any size needs little memory. Oxigraph serializes everything but JSON-LD, which
rdflib writes compacted with the project's prefixes as its ``@context``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import ExportError
from .ontology import bind_prefixes
from .outputs import atomic_write
from .store import ontology_iri, open_oxigraph, prefixes, project_form, project_quad

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export_store", "guess_format", "jsonld_context"]

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
    skip = None if ontology else ox.NamedNode(str(ontology_iri()))
    for quad in store.quads_for_pattern(None, None, None, None):
        if skip is None or quad.graph_name != skip:
            yield project_quad(quad)


def _triples(store: ox.Store, *, ontology: bool) -> Iterator[ox.Triple]:
    # Every triple is in one graph only (a document's own, the entity graph or the ontology's),
    # so the named graphs' triples, read as they lie, are the merged graph: nothing is held.
    for quad in _quads(store, ontology=ontology):
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def _serialize(store: ox.Store, fmt: ExportFormat, *, ontology: bool) -> bytes:
    if fmt.rdf_format is None:
        data = ox.serialize(_triples(store, ontology=ontology), format=ox.RdfFormat.N_TRIPLES) or b""
        graph = bind_prefixes(Graph()).parse(data=data.decode("utf-8"), format="nt")
        text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=1)
        json.loads(text)  # fail here, not in the user's tool, if rdflib ever writes bad JSON
        return text.encode("utf-8")
    items = _quads(store, ontology=ontology) if fmt.quads else _triples(store, ontology=ontology)
    return ox.serialize(items, format=fmt.rdf_format, prefixes=prefixes()) or b""


def export_store(
    store_path: str | Path,
    fmt: str | ExportFormat = "turtle",
    out: str | Path | None = None,
    *,
    ontology: bool = False,
) -> bytes | Path:
    """Export the store at ``store_path`` in ``fmt``; write ``out`` (atomically) or return the bytes.

    ``ontology`` adds the ontology (in its own named graph for TriG and N-Quads).
    """
    if not isinstance(fmt, ExportFormat):
        fmt = guess_format(fmt)
    store = open_oxigraph(store_path)
    try:
        data = _serialize(store, fmt, ontology=ontology)
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(f"could not export {store_path} as {fmt.name}: {exc}") from exc
    if out is None:
        return data
    out = Path(out)
    with atomic_write(out, mode="wb") as handle:
        handle.write(data)
    log.info("exported %s as %s to %s (%d bytes)", store_path, fmt.name, out, len(data))
    return out
