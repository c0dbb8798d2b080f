"""How the analyses get at the graph: through :mod:`kg.graphread`, the one reader.

Internal. Every public function of :mod:`kg.analysis` takes the graph of
record and reads it once per call with :func:`kg.graphread.graph_records`
(so it never holds on to a stale view of a graph that has changed); it also
accepts the :class:`~kg.graphread.GraphRecords` already read, which is how the
analyses pass one reading on to each other.
"""

from __future__ import annotations

import difflib

from rdflib import Graph, URIRef

from ..errors import AmbiguousEntityError, EntityNotFoundError
from ..graphread import Entity, GraphRecords, graph_records
from ..rdf import normalize_name

__all__ = ["GraphLike", "find_entity", "records_of", "title_of"]

#: What the analyses take: the graph of record, or what :func:`kg.graphread.graph_records` read from it.
GraphLike = Graph | GraphRecords


def records_of(graph: GraphLike) -> GraphRecords:
    """``graph`` read into records (once), or the records themselves."""
    return graph if isinstance(graph, GraphRecords) else graph_records(graph)


def title_of(entity: Entity) -> str | None:
    """The entity's job titles joined with ``、``, or ``None``."""
    return "、".join(entity.job_titles) or None


def find_entity(graph: GraphLike, name: str, *, cls: str | None = None) -> URIRef:
    """The IRI of the entity labelled ``name``; an exact label beats an alias.

    Names are compared after :func:`kg.rdf.normalize_name` (no white space,
    half-width brackets). Raises :class:`~kg.errors.EntityNotFoundError` (with
    close labels as suggestions) or :class:`~kg.errors.AmbiguousEntityError`.
    """
    entities = records_of(graph).entities
    wanted = normalize_name(name)
    pool = [entity for entity in entities.values() if cls is None or entity.cls == cls]
    for names in (lambda entity: (entity.label,), lambda entity: entity.aliases):
        found = sorted({entity.iri for entity in pool if wanted in {normalize_name(n) for n in names(entity)}})
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousEntityError(name, tuple(f"{entities[iri].label} ({entities[iri].cls})" for iri in found))
    labels = sorted({entity.label for entity in pool} | {alias for entity in pool for alias in entity.aliases})
    raise EntityNotFoundError(name, suggestions=tuple(difflib.get_close_matches(name, labels, n=3, cutoff=0.5)))
