"""Finding and loading the graph of record, and asking it SPARQL from Python."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import pandas as pd
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphNotFoundError
from .. import ontology
from ..ontology import CJ, CJR_DEFAULT, PROV, RDF, RDFS, SCHEMA, SKOS
from ..rdf import read_graph

__all__ = [
    "GRAPH_ENV_VAR",
    "SPARQL_PREFIXES",
    "graph_path",
    "load_graph",
    "sparql",
]

log = logging.getLogger(__name__)

#: The environment variable that names the graph file to analyse.
GRAPH_ENV_VAR: Final = "KG_GRAPH"

#: Prefixes every query given to :func:`sparql` may use without declaring them.
SPARQL_PREFIXES: Final[Mapping[str, str]] = {
    "cj": str(CJ._NS),
    "cjr": CJR_DEFAULT,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "xsd": str(ontology.XSD),
}

_INTEGERS = frozenset(str(ontology.XSD[name]) for name in ("integer", "int", "long", "nonNegativeInteger",
                                                           "positiveInteger"))
_NUMERIC = _INTEGERS | {str(ontology.XSD[name]) for name in ("decimal", "double", "float")}


def graph_path(path: str | Path | None = None, *, default: str | Path | None = None,
               env_var: str = GRAPH_ENV_VAR) -> Path:
    """The graph file to analyse: ``path`` if given, else ``$KG_GRAPH``, else ``default``.

    Raises :class:`~kg.errors.GraphNotFoundError` (saying to run ``make run``)
    when none is given or the file does not exist.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     made = Path(tmp, "graph.ttl")
    ...     _ = made.write_text("", encoding="utf-8")
    ...     graph_path(default=made, env_var="KG_EXAMPLE_UNSET") == made
    True
    >>> graph_path(default="no/such/graph.ttl", env_var="KG_EXAMPLE_UNSET")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.GraphNotFoundError: no graph at no/such/graph.ttl: ... run `make run`, ...
    """
    chosen = path if path is not None else os.environ.get(env_var) or default
    if chosen is None:
        raise GraphNotFoundError("(no path given)", env_var=env_var)
    chosen = Path(chosen).expanduser()
    if not (chosen.is_file() or chosen.is_dir()):  # a folder: a store or kg build's --out folder
        raise GraphNotFoundError(chosen, env_var=env_var)
    return chosen


def load_graph(path: str | Path | None = None, *, default: str | Path | None = None,
               env_var: str = GRAPH_ENV_VAR) -> Graph:
    """Parse the graph file chosen by :func:`graph_path` (format from its suffix, Turtle if unknown).

    A ``graph.trig``, a store folder or the ``--out`` folder of ``kg build`` are read with
    their named graphs merged (:func:`kg.rdf.read_graph`): the same graph as ``graph.ttl``.

    Parameters
    ----------
    path : str or Path, optional
        The file or folder to load; when omitted, ``$KG_GRAPH`` is used, then ``default``.
    default : str or Path, optional
        Where ``make run`` writes the graph, relative to the working directory
        (a notebook's is its own folder, so notebooks pass ``"../out/graph.ttl"``).
    env_var : str, optional
        The environment variable to read, ``KG_GRAPH`` by default.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> import tempfile
    >>> from kg.analysis.examples import example_graph
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = example_graph().serialize(Path(tmp, "graph.ttl"), format="turtle")
    ...     len(load_graph(Path(tmp, "graph.ttl"))) == len(example_graph())
    True
    """
    chosen = graph_path(path, default=default, env_var=env_var)
    graph = read_graph(chosen)
    log.info("loaded %d triples from %s", len(graph), chosen)
    return graph


def sparql(source: Any, query: str, *, prefixes: Mapping[str, str] = SPARQL_PREFIXES) -> pd.DataFrame | bool | Graph:
    """Run a SPARQL query on an rdflib graph (or a pyoxigraph store) and return plain data.

    The project's prefixes (:data:`SPARQL_PREFIXES`: ``cj``, ``cjr``, ``rdfs``,
    ``skos``, ``prov``, ``schema``, ``xsd`` …) need no declaration.

    Parameters
    ----------
    source : rdflib.Graph or pyoxigraph.Store
        What to query; anything else with an rdflib-style ``query`` method works too.
    query : str
        A SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query.
    prefixes : mapping of str to str, optional
        Prefixes available to the query.

    Returns
    -------
    pandas.DataFrame or bool or rdflib.Graph
        SELECT: one column per variable, IRIs as strings, numbers as numbers,
        other literals as their lexical form, unbound values missing (pandas' NA).
        ASK: a bool. CONSTRUCT/DESCRIBE: an rdflib graph.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> graph = example_graph()
    >>> sparql(graph, '''
    ...     SELECT ?investor ?amount ?currency WHERE {
    ...         ?m a cj:RelationMention ; rdf:predicate cj:investedIn ; rdf:subject ?s ;
    ...            cj:amount ?amount ; cj:currency ?currency .
    ...         ?s rdfs:label ?investor .
    ...     } ORDER BY ?investor''').values.tolist()
    [['大连船舶重工有限公司', 2000000000.0, 'JPY'], ['日立制作所', 30000000.0, 'USD']]
    >>> sparql(graph, "ASK { ?city cj:sisterCityOf ?other }")
    True
    """
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - pyoxigraph is a dependency
        pyoxigraph = None
    if pyoxigraph is not None and isinstance(source, pyoxigraph.Store):
        return _oxigraph_query(pyoxigraph, source, query, prefixes)
    result = source.query(query, initNs=dict(prefixes))
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return result.graph
    columns = [str(var) for var in result.vars]
    rows = [[_rdflib_value(row[i]) for i in range(len(columns))] for row in result]
    return pd.DataFrame(rows, columns=columns)


def _rdflib_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        if term.datatype is not None and str(term.datatype) in _NUMERIC:
            return _number(term.toPython())
        if term.datatype == ontology.XSD.boolean:
            return bool(term.toPython())
        return str(term)
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    return term


def _number(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _oxigraph_query(pyoxigraph: Any, store: Any, query: str, prefixes: Mapping[str, str]) -> pd.DataFrame | bool | Graph:
    result = store.query(query, prefixes=dict(prefixes))
    if isinstance(result, pyoxigraph.QueryBoolean):
        return bool(result)
    if isinstance(result, pyoxigraph.QueryTriples):
        text = pyoxigraph.serialize(result, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return Graph().parse(data=text.decode("utf-8") if isinstance(text, bytes) else text, format="nt")
    columns = [var.value for var in result.variables]
    rows = [[_oxigraph_value(pyoxigraph, solution[var]) for var in result.variables] for solution in result]
    return pd.DataFrame(rows, columns=columns)


def _oxigraph_value(pyoxigraph: Any, term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _NUMERIC:
            return float(term.value)
        if datatype == str(ontology.XSD.boolean):
            return term.value == "true"
        return term.value
    return term.value
