"""Running SPARQL on the graph and printing the answers: tables, CSV, TSV, JSON.

Queries run on any rdflib graph; on the store (:func:`kg.store.open_store`) that
means Oxigraph's engine. The project's prefixes (``cj:``, ``cjr:``, ``rdfs:`` …)
need no ``PREFIX`` line. A query file may declare parameters with comment lines
such as ``# @param name @zh  the entity's Chinese name``; their values, given with
``params`` (``kg query --param name=苏州``), are written into the query as constants.
On an Oxigraph-backed graph the query goes to the engine directly and each distinct
answer term is turned into an rdflib term once.

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import RDFS, bind_prefixes
>>> g = bind_prefixes(Graph())
>>> _ = g.add((URIRef("https://w3id.org/cjkg/resource/City/大连"), RDFS.label, Literal("大连", lang="zh")))
>>> result = run_query(g, "SELECT ?city ?label WHERE { ?city rdfs:label ?label }")
>>> print(format_result(result))
city           label
-------------  -----
cjr:City/大连  大连
(1 row)
>>> display_width("大连 Dalian")
11
"""

from __future__ import annotations

import csv
import io
import json
import logging
import multiprocessing
import os
import re
import resource
import signal
import sys
import tempfile
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Literal as TypingLiteral
from typing import TypeVar
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node, Variable
from rdflib.util import from_n3

if TYPE_CHECKING:
    from rdflib.query import Result

from .rdf import decimal_literal
from .errors import KgError, QueryError, QueryMemoryError, QueryParameterError, QueryTimeoutError, StoreDamagedError, StoreError
from .ontology import XSD, bind_prefixes
from .store import damage_reason, from_oxigraph, open_oxigraph, prefixes, to_oxigraph

__all__ = [
    "FORMATS",
    "answer",
    "ParamSpec",
    "QueryLimits",
    "QueryResult",
    "declared_params",
    "default_memory_limit",
    "display_width",
    "format_result",
    "format_size",
    "guarded",
    "inline_params",
    "enable_lines",
    "param_specs",
    "parse_params",
    "page",
    "parse_size",
    "read_query",
    "run_query",
]

log = logging.getLogger(__name__)

#: Output formats of :func:`format_result`. ``turtle``/``ntriples`` are for CONSTRUCT and DESCRIBE.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "ntriples")

_PARAM_LINE = re.compile(
    r"^[ \t]*#[ \t]*@param[ \t]+([A-Za-z_]\w*)"                                  # the name
    r"(?:[ \t]+(@[A-Za-z]+(?:-[A-Za-z0-9]+)*|[A-Za-z][\w-]*:)(?=\s|$))?"      # @zh, or a prefix such as cj:
    r"(?:[ \t]+(optional)(?=\s|$))?"                                             # may be left out
    r"[ \t]*(.*)$",
    re.MULTILINE,
)
# Tokens of a SPARQL query: enough to find variables outside strings, IRIs and comments.
_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r"|(?P<string>"
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*')"
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_-]*)"
    r"|(?P<other>\s+|.)",
    re.DOTALL,
)
# A line a query uncomments when a parameter is set: "# @if NAME: SPARQL"; one it leaves out: "SPARQL # @unless NAME".
_IF_LINE = re.compile(r"^([ \t]*)#[ \t]*@if[ \t]+([A-Za-z_]\w*)[ \t]*:[ \t]?(.*)$", re.MULTILINE)
_UNLESS_LINE = re.compile(r"^([ \t]*)(?!#)(.*?)[ \t]*#[ \t]*@unless[ \t]+([A-Za-z_]\w*)[ \t]*$", re.MULTILINE)
_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_NUMERIC = frozenset({
    XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short,
    XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
})


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer of one query, fully read: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: TypingLiteral["SELECT", "ASK", "CONSTRUCT"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)

    def records(self) -> list[dict[str, object]]:
        """Rows as ``{variable: Python value}`` dicts (amounts become :class:`~decimal.Decimal`), for pandas."""
        return [
            {var: (None if term is None else term.toPython()) for var, term in zip(self.variables, row)}
            for row in self.rows
        ]

    def column(self, variable: str) -> list[Node | None]:
        """The terms bound to ``variable``, one per row."""
        index = self.variables.index(variable)
        return [row[index] for row in self.rows]


# ---------------------------------------------------------------- reading queries and parameters


def read_query(path: str | Path) -> str:
    """The text of a ``.rq`` file; raises :class:`QueryError` if it cannot be read."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise QueryError(f"no query file {path}: give the path of a .rq file (the ready ones are in queries/)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read the query file {path}: {exc}; save it as UTF-8 text") from exc


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """A parameter a query declares: ``# @param NAME [@LANG | PREFIX:] description``.

    With ``@zh`` a value given as plain text becomes a ``@zh`` literal (as labels are
    stored); with ``cj:`` it is a local name in that namespace (``investedIn`` is
    ``cj:investedIn``). An ``optional`` parameter may be left out: its variable then stays
    unbound, and the query is written to answer for all values (a filter such as
    ``FILTER(COALESCE(?year = …, true))`` holds for every row when ``?year`` is unbound).
    """

    name: str
    kind: str = ""
    description: str = ""
    optional: bool = False

    def coerce(self, value: Node) -> Node:
        """``value`` as the declared kind, when it was given as plain text."""
        if not (isinstance(value, Literal) and value.language is None and value.datatype is None):
            return value
        if self.kind.startswith("@"):
            return Literal(str(value), lang=self.kind[1:])
        if self.kind.endswith(":"):
            namespace = prefixes().get(self.kind[:-1])
            if namespace is None:
                raise QueryParameterError(f"?{self.name} is declared with the unknown prefix {self.kind}; "
                                          f"use one of {', '.join(p + ':' for p in prefixes())}")
            return URIRef(namespace + str(value))
        return value


def param_specs(query: str) -> dict[str, ParamSpec]:
    """Parameters a query declares, by name.

    >>> param_specs("# @param name @zh  the entity's name\\nSELECT ?name WHERE {}")["name"]
    ParamSpec(name='name', kind='@zh', description="the entity's name", optional=False)
    >>> param_specs("# @param year optional  only this year, e.g. 2021\\nSELECT ?year WHERE {}")["year"].optional
    True
    """
    return {name: ParamSpec(name, kind, text.strip(), bool(optional))
            for name, kind, optional, text in _PARAM_LINE.findall(query)}


def declared_params(query: str) -> dict[str, str]:
    """Parameters a query declares with ``# @param NAME description`` lines, and their descriptions.

    >>> declared_params("# @param name  the entity's name\\nSELECT ?name WHERE {}")
    {'name': "the entity's name"}
    """
    return {name: spec.description for name, spec in param_specs(query).items()}


def inline_params(query: str, params: Mapping[str, Node]) -> str:
    """``query`` with each parameter variable replaced by its value, written as SPARQL.

    Oxigraph plans a query with constants far better than one with pre-bound variables
    (an index lookup instead of a scan). In the SELECT list ``?v`` becomes
    ``(VALUE AS ?v)``, in GROUP BY, ORDER BY and HAVING ``(VALUE)``, elsewhere ``VALUE``;
    strings, IRIs, comments and ``AS ?v`` targets are left alone.

    >>> from rdflib import Literal
    >>> print(inline_params('SELECT ?name ?x WHERE { ?x rdfs:label ?name } ORDER BY ?name # ?name',
    ...                     {"name": Literal("大连", lang="zh")}))
    SELECT ("大连"@zh AS ?name) ?x WHERE { ?x rdfs:label "大连"@zh } ORDER BY ("大连"@zh) # ?name
    """
    if not params:
        return query
    out: list[str] = []
    clause, select_depth, depth, previous = "where", 0, 0, ""
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind == "word":
            word = text.upper()
            if word == "SELECT":
                clause, select_depth = "select", depth
            elif word == "WHERE" and clause == "select":
                clause = "where"
            elif word in ("GROUP", "ORDER", "HAVING"):
                clause = "modifier"
            elif word in ("LIMIT", "OFFSET", "VALUES"):
                clause = "where"
        elif text in ("{", "}"):
            clause = "where"
        elif text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif kind == "var" and text[1:] in params and previous != "AS":
            value = params[text[1:]].n3()
            if clause == "select" and depth == select_depth:
                text = f"({value} AS {text})"
            elif clause == "modifier":
                text = f"({value})"
            else:
                text = value
        out.append(text)
        if kind not in ("comment", "other") or text.strip():
            previous = text.upper()
    return "".join(out)


def enable_lines(query: str, params: Iterable[str]) -> str:
    r"""``query`` with each ``# @if NAME: PATTERN`` line uncommented whose parameter ``NAME`` is in ``params``,
    and each ``PATTERN  # @unless NAME`` line commented out.

    The two say the same thing two ways: an ``@unless`` line is the filter on an optional
    parameter that every SPARQL client runs (it holds for every row when the parameter is
    left out), an ``@if`` line the pattern that ``kg query`` runs instead when the parameter
    is set, so that the engine starts from it: ``officials.rq`` starts from the entities
    named ``?name`` (an index lookup) instead of testing every post against the name.

    >>> print(enable_lines("SELECT ?x WHERE {\n  # @if name: ?x rdfs:label ?name .\n  ?x a cj:City\n}", ["name"]))
    SELECT ?x WHERE {
      ?x rdfs:label ?name .
      ?x a cj:City
    }
    >>> enable_lines("# @if name: ?x rdfs:label ?name .", ["year"])
    '# @if name: ?x rdfs:label ?name .'
    >>> enable_lines("  FILTER(EXISTS { ?x rdfs:label ?name })  # @unless name", ["name"])
    '  # FILTER(EXISTS { ?x rdfs:label ?name })  (left out: name is set)'
    """
    names = set(params)
    query = _IF_LINE.sub(lambda m: m.group(1) + m.group(3) if m.group(2) in names else m.group(0), query)
    return _UNLESS_LINE.sub(lambda m: f"{m.group(1)}# {m.group(2)}  (left out: {m.group(3)} is set)"
                            if m.group(3) in names else m.group(0), query)


def page(query: str, *, limit: int | None = None, offset: int | None = None) -> str:
    r"""``query`` with its answer cut to ``limit`` rows from row ``offset`` (``None``: as the query says).

    The query's own top-level ``LIMIT`` and ``OFFSET`` are replaced, or added where it
    has none (before a trailing ``VALUES`` block); those of subqueries are left alone,
    except one whose ``LIMIT n OFFSET m`` line ends with the comment ``# page``: that
    subquery picks the page's rows (cheap to sort: the query looks the rest up for those
    rows only), and its numbers are the ones replaced.

    >>> page("SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } LIMIT 5 } } LIMIT 100", offset=200)
    'SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } LIMIT 5 } } LIMIT 100\nOFFSET 200'
    >>> page("SELECT ?x WHERE { ?x ?p ?o } # all\nLIMIT 100 OFFSET 100", limit=10, offset=0)
    'SELECT ?x WHERE { ?x ?p ?o } # all\nLIMIT 10 OFFSET 0'
    >>> print(page("SELECT ?x ?l WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n"
    ...            "    LIMIT 100 OFFSET 0  # page\n  }\n  ?x rdfs:label ?l\n} ORDER BY ?x", offset=100))
    SELECT ?x ?l WHERE {
      { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x
        LIMIT 100 OFFSET 100  # page
      }
      ?x rdfs:label ?l
    } ORDER BY ?x
    """
    for value, what in ((limit, "limit"), (offset, "offset")):
        if value is not None and value < 0:
            raise QueryError(f"the {what} must be 0 or more, not {value}")
    tokens = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(query)]
    marked = _page_line(query, tokens)
    if marked is not None:
        edits = [(span, str(value)) for span, value in ((marked[0], limit), (marked[1], offset)) if value is not None]
        for (begin, end), text in sorted(edits, reverse=True):
            query = query[:begin] + text + query[end:]
        return query
    depth, closed = 0, False
    spans: dict[str, tuple[int, int]] = {}  # LIMIT / OFFSET -> where its number is
    values_at: int | None = None  # a trailing VALUES block, after the query pattern
    for index, (kind, text, start) in enumerate(tokens):
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            closed = closed or depth == 0
        elif kind == "word" and depth == 0 and closed:
            word = text.upper()
            if word in ("LIMIT", "OFFSET"):
                at = next((s for k, t, s in tokens[index + 1:] if k != "comment" and t.strip()), len(query))
                number = re.match(r"\d+", query[at:])
                if number:
                    spans[word] = (at, at + number.end())
            elif word == "VALUES" and values_at is None:
                values_at = start
    wanted = {"LIMIT": limit, "OFFSET": offset}
    edits = [(span, str(wanted[word])) for word, span in spans.items() if wanted[word] is not None]
    added = " ".join(f"{word} {value}" for word, value in wanted.items() if value is not None and word not in spans)
    if added:
        at = values_at if values_at is not None else len(query.rstrip())
        edits.append(((at, at), ("\n" + added + ("\n" if values_at is not None else ""))))
    for (begin, end), text in sorted(edits, reverse=True):
        query = query[:begin] + text + query[end:]
    return query


_PAGE_LINE = re.compile(r"\bLIMIT[ \t]+(\d+)[ \t]+OFFSET[ \t]+(\d+)[ \t]*$", re.IGNORECASE)


def _page_line(query: str, tokens: list[tuple[str | None, str, int]]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the numbers of the ``LIMIT n OFFSET m  # page`` line are, if the query has one."""
    for kind, text, start in tokens:
        if kind == "comment" and text[1:].strip().lower() == "page":
            line_start = query.rfind("\n", 0, start) + 1
            found = _PAGE_LINE.search(query, line_start, start)
            if found:
                return found.span(1), found.span(2)
    return None


def parse_params(items: Iterable[str]) -> dict[str, Node]:
    """Turn ``NAME=VALUE`` strings into bindings.

    A value in angle brackets is an IRI, one in double quotes an RDF literal in Turtle
    syntax (``"苏州"@zh``, ``"5"^^xsd:integer``), ``prefix:name`` with a project prefix an
    IRI; anything else is a plain string.

    >>> parse_params(["name=苏州", "doc=<https://example.org/d>", "p=cj:investedIn"])["p"]
    rdflib.term.URIRef('https://w3id.org/cjkg/ontology#investedIn')
    """
    namespaces = bind_prefixes(Graph(bind_namespaces="none")).namespace_manager
    known = set(prefixes())
    params: dict[str, Node] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryParameterError(f"--param {item!r}: expected NAME=VALUE, such as --param name=苏州")
        params[name] = _param_value(value, namespaces, known, item)
    return params


def _param_value(value: str, namespaces: object, known: set[str], item: str) -> Node:
    prefix = value.split(":", 1)[0] if ":" in value else None
    if value.startswith(("<", '"')) or (prefix in known and not value.startswith(f"{prefix}://")):
        try:
            term = from_n3(value, nsm=namespaces)  # type: ignore[arg-type]
        except Exception as exc:  # rdflib raises several kinds here
            raise QueryParameterError(f"--param {item!r}: {value!r} is not a valid IRI or literal ({exc})") from exc
        if isinstance(term, (URIRef, Literal)):
            return term
        raise QueryParameterError(f"--param {item!r}: expected <IRI>, \"literal\" or plain text")
    return Literal(value)


def _check_params(query: str, params: Mapping[str, Node], name: str) -> dict[str, Node]:
    specs = param_specs(query)
    missing = [p for p, spec in specs.items() if p not in params and not spec.optional]
    if missing:
        wanted = " ".join(f"--param {p}=…" for p in missing)
        details = "; ".join(f"{p}: {specs[p].description}" for p in missing if specs[p].description)
        raise QueryParameterError(f"{name} needs {wanted}" + (f" ({details})" if details else ""))
    for param in params:
        if not re.search(rf"[?$]{re.escape(param)}\b", query):
            raise QueryParameterError(f"{name} has no variable ?{param}; the parameters it declares: "
                                      f"{', '.join(specs) or 'none'}")
    return {p: (specs[p].coerce(v) if p in specs else v) for p, v in params.items()}


# ---------------------------------------------------------------- running


def run_query(
    source: Graph | str | Path,
    query: str,
    *,
    params: Mapping[str, Node] | None = None,
    name: str = "the query",
) -> QueryResult:
    """Run the SPARQL ``query`` on ``source`` (an rdflib graph or a store folder) and read the answer.

    ``params`` set variables before the query runs: they are written into the query
    as constants (see :func:`inline_params`), or, if that does not parse, given as
    initial bindings; the query's ``# @if NAME:`` lines of the parameters set are
    uncommented (see :func:`enable_lines`). Syntax errors raise :class:`QueryError` with ``line`` and
    ``column`` set; ``name`` (such as the file name) prefixes the message.
    """
    params = _check_params(query, dict(params or {}), name)
    query = enable_lines(query, params)
    try:
        if not isinstance(source, Graph):  # a store folder: Oxigraph's engine, the default graph the union of all
            return _run_native(open_oxigraph(source), query, params, {"use_default_graph_as_union": True})
        native = _native_store(source)
        if native is not None:
            return _run_native(native, query, params, _default_graph(source))
        return _run_rdflib(source, query, params, name)
    except SyntaxError as exc:  # Oxigraph: "error at LINE:COL: …"
        raise _syntax_error(str(exc), query, name) from exc
    except RuntimeError as exc:  # Oxigraph: substitutions of variables not selected, evaluation errors
        message = str(exc)
        if damage_reason(exc) is not None:
            raise StoreDamagedError(_store_name(source), damage_reason(exc) or message) from exc
        if "projection" in message:
            raise QueryParameterError(f"{name}: {message}; add the variable to the SELECT list to set it") from exc
        raise QueryError(f"{name} failed: {message}") from exc
    except OSError as exc:
        if damage_reason(exc) is not None:
            raise StoreDamagedError(_store_name(source), damage_reason(exc) or str(exc)) from exc
        raise QueryError(f"{name} failed reading the store: {exc}") from exc


def _store_name(source: Graph | str | Path) -> str:
    return "(the graph's store)" if isinstance(source, Graph) else str(source)


def _run_rdflib(graph: Graph, query: str, params: dict[str, Node], name: str) -> QueryResult:
    # rdflib's own engine, imported here (pyparsing and the SPARQL parser): a query on the store does not need it
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.sparql import SPARQLError

    try:
        result = _execute(graph, query, params)
        return _read_rdflib(result)
    except ParseBaseException as exc:
        raise _positioned(query, name, exc.lineno, exc.col, exc.msg) from exc
    except SPARQLError as exc:  # errors while evaluating
        raise QueryError(f"{name} failed: {exc}") from exc


def _read_rdflib(result: Result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = bind_prefixes(Graph())
        for triple in result.graph or ():
            out.add(triple)
        return QueryResult("CONSTRUCT", graph=out)
    variables = tuple(str(v) for v in result.vars or ())
    keys = [Variable(v) for v in variables]
    rows = tuple(tuple(_plain(binding.get(k)) for k in keys) for binding in result.bindings)
    return QueryResult("SELECT", variables=variables, rows=rows)


def _native_store(graph: Graph) -> ox.Store | None:
    # An rdflib graph on Oxigraph (oxrdflib 0.5 keeps the pyoxigraph store as `_inner`): query
    # it directly, converting each distinct answer term once; oxrdflib's own conversion of
    # every cell costs more than the query itself on large answers.
    oxrdflib = sys.modules.get("oxrdflib")  # not imported: the graph cannot be on Oxigraph
    if oxrdflib is None or not isinstance(graph.store, oxrdflib.OxigraphStore):
        return None
    native = getattr(graph.store, "_inner", None)
    return native if isinstance(native, ox.Store) else None


def _default_graph(graph: Graph) -> dict[str, object]:
    if graph.default_union:
        return {"use_default_graph_as_union": True}
    identifier = graph.default_context.identifier if isinstance(graph, ConjunctiveGraph) else graph.identifier
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        return {"default_graph": ox.DefaultGraph()}
    return {"default_graph": to_oxigraph(identifier)}


def _run_native(native: ox.Store, query: str, params: dict[str, Node], default_graph: dict[str, object]) -> QueryResult:
    options = {"prefixes": prefixes(), **default_graph}
    result = None
    if params:
        try:
            result = native.query(inline_params(query, params), **options)
        except SyntaxError:
            log.debug("the query does not parse with its parameters inlined; binding them instead")
    if result is None:
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in params.items()}
        result = native.query(query, substitutions=substitutions, **options)
    cache: dict[object, Node] = {}

    def term(value: object) -> Node | None:
        if value is None:
            return None
        found = cache.get(value)
        if found is None:
            found = cache[value] = _from_oxigraph(value)
        return found

    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        out = bind_prefixes(Graph())
        for triple in result:
            out.add((term(triple.subject), term(triple.predicate), term(triple.object)))  # type: ignore[arg-type]
        return QueryResult("CONSTRUCT", graph=out)
    variables = tuple(v.value for v in result.variables)
    width = range(len(variables))
    rows = tuple(tuple(term(solution[i]) for i in width) for solution in result)
    return QueryResult("SELECT", variables=variables, rows=rows)


def _from_oxigraph(value: object) -> Node:
    try:
        return from_oxigraph(value)
    except StoreError as e:
        raise QueryError(f"cannot show the answer term {value!r} (RDF-star triples are not supported)") from e


def _execute(graph: Graph, query: str, params: dict[str, Node]) -> Result:
    from pyparsing import ParseBaseException

    if params:
        try:
            result = graph.query(inline_params(query, params), initNs=prefixes())
            _ = result.type  # it parsed: the query is fine with constants
            return result
        except (SyntaxError, ParseBaseException):
            log.debug("the query does not parse with its parameters inlined; binding them instead")
    return graph.query(query, initNs=prefixes(), initBindings=params)


def _plain(term: Node | None) -> Node | None:
    # Oxigraph types simple literals as xsd:string, rdflib leaves them untyped: same RDF 1.1 term.
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    # rdflib reads graph.ttl's 84890000.0 as written; the project's form is 84890000 (kg.rdf.decimal_literal).
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        return decimal_literal(term.toPython())
    return term


def _syntax_error(message: str, query: str, name: str) -> QueryError:
    match = _OXIGRAPH_POSITION.match(message)
    if not match:
        return QueryError(f"{name} is not valid SPARQL: {_shorten(message)}")
    return _positioned(query, name, int(match.group(1)), int(match.group(2)), match.group(3))


def _shorten(text: str, limit: int = 200) -> str:
    text = re.sub(r",?\s*\[[^\]]*\]", "", " ".join(text.split()))  # drop Oxigraph's character-class ranges
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _positioned(query: str, name: str, line: int, column: int, reason: str) -> QueryError:
    lines = query.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    source = lines[line - 1]
    column = min(max(column, 1), len(source) + 1)
    gutter = f"{line:>4} | "
    caret = " " * (len(gutter) - 2) + "| " + " " * display_width(source[: column - 1]) + "^"
    message = (
        f"{name} has a SPARQL syntax error at line {line}, column {column}: {_shorten(reason)}\n"
        f"{gutter}{source}\n{caret}\n"
        "Check the brackets, dots and prefixes near the caret."
    )
    return QueryError(message, line=line, column=column)


# ---------------------------------------------------------------- formatting


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters count 2."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int) -> str:
    if limit <= 0 or display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int, *, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def _number(term: Literal) -> str:
    value = term.toPython()
    if isinstance(value, Decimal):
        value = value.normalize()
        return f"{value:f}"
    return str(value)


def _display(term: Node | None, namespaces: Sequence[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, namespace in namespaces:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{unquote(iri[len(namespace):])}"
        return f"<{unquote(iri)}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.datatype in _NUMERIC and term.toPython() is not term:
            return _number(term)
        return " ".join(str(term).split())
    return str(term)


def _is_number(term: Node | None) -> bool:
    return isinstance(term, Literal) and term.datatype in _NUMERIC


def _table(result: QueryResult, max_width: int) -> str:
    if result.kind == "ASK":
        return "yes" if result.boolean else "no"
    namespaces = sorted(prefixes().items(), key=lambda item: -len(item[1]))
    header = list(result.variables)
    cells = [[_truncate(_display(term, namespaces), max_width) for term in row] for row in result.rows]
    numeric = [bool(result.rows) and all(_is_number(row[i]) or row[i] is None for row in result.rows)
               for i in range(len(header))]
    widths = [max([display_width(h)] + [display_width(row[i]) for row in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w, right=n) for h, w, n in zip(header, widths, numeric)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w, right=n) for c, w, n in zip(row, widths, numeric)).rstrip() for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)


def _csv(result: QueryResult, *, tsv: bool) -> str:
    buffer = io.StringIO()
    if tsv:  # SPARQL 1.1 TSV: terms in Turtle syntax, header with '?'
        buffer.write("\t".join(f"?{v}" for v in result.variables) + "\n")
        for row in result.rows:
            buffer.write("\t".join(_tsv_term(term) for term in row) + "\n")
        return buffer.getvalue()
    writer = csv.writer(buffer, lineterminator="\r\n")  # SPARQL 1.1 CSV: plain values, CRLF
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
    return buffer.getvalue()


def _tsv_term(term: Node | None) -> str:
    return "" if term is None else term.n3()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    if result.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [
        {var: _json_term(term) for var, term in zip(result.variables, row) if term is not None}
        for row in result.rows
    ]
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=1)


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60) -> str:
    """``result`` as text in one of :data:`FORMATS`.

    ``table`` aligns Chinese text by display width and shortens cells to ``max_width``
    columns (0: never); ``csv``, ``tsv`` and ``json`` are the SPARQL 1.1 result formats.
    A CONSTRUCT or DESCRIBE result prints as Turtle (``table``/``turtle``) or N-Triples.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if result.kind == "CONSTRUCT":
        if fmt in ("table", "turtle"):
            return (result.graph or Graph()).serialize(format="turtle")
        if fmt == "ntriples":
            return (result.graph or Graph()).serialize(format="nt")
        raise QueryError(f"a CONSTRUCT or DESCRIBE query returns a graph: use --format turtle or ntriples, not {fmt}")
    if fmt in ("turtle", "ntriples"):
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv or json")
    if fmt == "table":
        return _table(result, max_width)
    if fmt == "json":
        return _json(result)
    if result.kind == "ASK":
        return "true\n" if result.boolean else "false\n"
    return _csv(result, tsv=fmt == "tsv")


def answer(
    source: Graph | str | Path,
    query: str,
    *,
    params: Iterable[str] = (),
    fmt: str = "table",
    max_width: int = 60,
    name: str = "the query",
    limits: QueryLimits | None = None,
) -> str:
    """Run ``query`` on ``source`` with ``NAME=VALUE`` ``params`` and format the answer (``kg query``).

    With ``limits`` (and ``source`` a store folder) the query runs in a child process
    under that memory ceiling and time limit (see :func:`guarded`).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if limits is not None and not isinstance(source, Graph):
        return guarded(_answer, str(source), query, tuple(params), fmt, max_width, name, limits=limits, name=name)
    return _answer(source, query, tuple(params), fmt, max_width, name)


def _answer(source: Graph | str | Path, query: str, params: tuple[str, ...], fmt: str, max_width: int,
            name: str) -> str:
    result = run_query(source, query, params=parse_params(params), name=name)
    return format_result(result, fmt, max_width=max_width)


# ---------------------------------------------------------------- the guard: a query in a child process

_T = TypeVar("_T")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
#: What a process that ran out of its address space says on its way down (Rust, C++, Python).
_OUT_OF_MEMORY = ("memory allocation of", "bad_alloc", "MemoryError", "Cannot allocate memory", "out of memory",
                  "Resource temporarily unavailable")  # the last: no room for a new thread's stack


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """Ceilings for a query process: address space in bytes, and wall-clock seconds (``None``: none)."""

    memory_bytes: int | None = None
    timeout_s: float | None = None


def parse_size(text: str) -> int | None:
    """Bytes in a size such as ``4G``, ``512M``, ``1.5GiB`` or ``1000000``; ``0`` or ``none`` is no limit.

    >>> parse_size("4G"), parse_size("512m"), parse_size("1.5GiB"), parse_size("0"), parse_size("none")
    (4294967296, 536870912, 1610612736, None, None)
    """
    if text.strip().lower() in ("0", "none", "off", "unlimited"):
        return None
    match = _SIZE.match(text)
    if not match:
        raise QueryError(f"{text!r} is not a size: write it like 4G, 512M or 1.5G (0 for no limit)")
    size = int(float(match.group(1)) * _UNITS[match.group(2).upper()])
    return size or None


def format_size(size: int) -> str:
    """``size`` bytes, shortly: ``format_size(3 * 2**30) == '3 GB'``, ``format_size(1536 * 2**20) == '1.5 GB'``.

    >>> format_size(3 * 2**30), format_size(1536 * 2**20), format_size(700 * 2**20)
    ('3 GB', '1.5 GB', '700 MB')
    """
    if size >= 2**30:
        return f"{size / 2**30:.1f}".removesuffix(".0") + " GB"
    return f"{size / 2**20:.0f} MB"


def default_memory_limit() -> int:
    """The default memory ceiling of a query process: half the machine's memory, at least 1 GB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * 2**30
    return max(total // 2, 2**30)


def limit_address_space(memory_bytes: int | None) -> None:
    """Lower this process's address-space ceiling (``RLIMIT_AS``) to ``memory_bytes``; run in a child."""
    if memory_bytes is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _child(conn: multiprocessing.connection.Connection, stderr_path: str, cwd: str, memory_bytes: int | None,
           call: Callable[..., object], args: tuple[object, ...]) -> None:
    os.chdir(cwd)  # relative paths mean what they mean to the caller (the fork server may have started elsewhere)
    with open(stderr_path, "wb", buffering=0) as stderr:
        os.dup2(stderr.fileno(), 2)  # the engine's last words go to the parent, not to the terminal
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    limit_address_space(memory_bytes)
    try:
        outcome: tuple[object, ...] = ("ok", call(*args))
    except MemoryError:
        outcome = ("memory",)
    except KgError as exc:
        outcome = ("error", type(exc), exc.args, dict(vars(exc)))
    except BaseException:  # anything else: its traceback, to be raised in the parent
        outcome = ("crash", traceback.format_exc())
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("memory",))
    conn.close()


def _rebuild(kind: type[KgError], args: tuple[object, ...], attributes: dict[str, object]) -> KgError:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    vars(error).update(attributes)
    return error


def _memory_error(name: str, memory_bytes: int | None) -> QueryMemoryError:
    ceiling = f"more than {format_size(memory_bytes)} of memory" if memory_bytes else "more memory than the machine has"
    return QueryMemoryError(
        f"{name} needed {ceiling} and was stopped; narrow it (more specific patterns, LIMIT, fewer joins) "
        "or raise --memory-limit. A damaged store can do this too: 'kg build' remakes it"
    )


#: A process holding no more address space than this (a fresh interpreter that imported this module holds
#: ~70 MB), and running one thread, is forked for a guarded query: its child starts as small as a fork server's.
FORK_MAX_BYTES = 256 * 2**20


def _address_space() -> tuple[int, int] | None:
    """This process's address space in bytes and its number of threads (Linux), else ``None``."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE"), len(os.listdir("/proc/self/task"))
    except (OSError, ValueError, IndexError):
        return None


def _context() -> multiprocessing.context.BaseContext:
    # The memory ceiling must measure the query, whatever this process holds (a notebook, spaCy …): the
    # child is a fork of this process only while it is as small as a fresh one (``kg query``: what the
    # command imported, ~70 MB) and runs one thread (a fork copies no other thread, such as an open store's,
    # nor their locks); else a fresh small process: a fork server that has imported only this module.
    # A fork spares ``kg query`` a second interpreter and its imports (~0.3 s).
    held = _address_space()
    if held is not None and held[0] <= FORK_MAX_BYTES and held[1] == 1 \
            and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def guarded(call: Callable[..., _T], *args: object, limits: QueryLimits, name: str = "the query") -> _T:
    """``call(*args)`` in a child process under ``limits``; its result, or its error, in this one.

    The child is a fresh process that has imported only this module (a fork server's
    child where there is one), or a fork of this process while it is that small (see
    :data:`FORK_MAX_BYTES`; ``kg query``). Its address space is capped (``RLIMIT_AS``), so a query that grows without
    bound fails there (:class:`~kg.errors.QueryMemoryError`) instead of taking the
    machine down; past ``limits.timeout_s`` the child is killed
    (:class:`~kg.errors.QueryTimeoutError`). :class:`~kg.errors.KgError` raised in the
    child is raised here. The result must be picklable (formatted text is best).
    """
    context = _context()
    receive, send = context.Pipe(duplex=False)
    with tempfile.NamedTemporaryFile(prefix="kg-query-", suffix=".stderr") as stderr:
        child = context.Process(target=_child, name="kg-query", daemon=True,
                                args=(send, stderr.name, os.getcwd(), limits.memory_bytes, call, args))
        child.start()
        send.close()
        try:
            outcome = _wait(child, receive, limits, name)
        finally:
            if child.is_alive():
                child.kill()
            child.join(timeout=10)
            receive.close()
        said = stderr.read().decode("utf-8", errors="replace")
    if outcome is None:  # the child died without a word
        if child.exitcode in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV, -signal.SIGBUS) and (
                child.exitcode == -signal.SIGKILL or any(mark in said for mark in _OUT_OF_MEMORY)):
            raise _memory_error(name, limits.memory_bytes)
        last = said.strip().splitlines()[-1] if said.strip() else f"exit status {child.exitcode}"
        raise QueryError(f"{name} stopped the query process ({last}); see the log with -vv")
    if said.strip():
        sys.stderr.write(said)  # warnings and log lines the child wrote
    kind = outcome[0]
    if kind == "ok":
        return outcome[1]  # type: ignore[return-value]
    if kind == "memory":
        raise _memory_error(name, limits.memory_bytes)
    if kind == "error":
        raise _rebuild(*outcome[1:])  # type: ignore[arg-type]
    raise QueryError(f"{name} failed in the query process:\n{outcome[1]}")


def _wait(child: multiprocessing.process.BaseProcess, receive: multiprocessing.connection.Connection,
          limits: QueryLimits, name: str) -> tuple[object, ...] | None:
    timeout = limits.timeout_s
    try:
        ready = receive.poll(timeout)
    except (EOFError, OSError):
        return None
    if not ready:
        child.kill()
        raise QueryTimeoutError(f"{name} ran longer than {timeout:g} s and was stopped; narrow it "
                                "(more specific patterns, LIMIT, fewer joins) or raise --timeout")
    try:
        return receive.recv()  # type: ignore[no-any-return]
    except (EOFError, OSError):
        return None
