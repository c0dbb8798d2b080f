"""Running SPARQL on the graph and printing the answers: tables, CSV, TSV, JSON.

Queries run on any rdflib graph; on the store (:func:`kg.store.open_store`) that
means Oxigraph's engine. The project's prefixes (``cj:``, ``cjr:``, ``rdfs:`` …)
need no ``PREFIX`` line. A query file may declare parameters with comment lines
such as ``# @param name  the entity's Chinese name``; their values are given with
``params`` (``kg query --param name=苏州``) and bound before the query runs.

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
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal as TypingLiteral
from urllib.parse import unquote

from pyparsing import ParseBaseException
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node, Variable
from rdflib.plugins.sparql.sparql import SPARQLError
from rdflib.util import from_n3

from .errors import QueryError, QueryParameterError
from .ontology import XSD, bind_prefixes
from .store import prefixes

__all__ = [
    "FORMATS",
    "answer",
    "QueryResult",
    "declared_params",
    "display_width",
    "format_result",
    "parse_params",
    "read_query",
    "run_query",
]

log = logging.getLogger(__name__)

#: Output formats of :func:`format_result`. ``turtle``/``ntriples`` are for CONSTRUCT and DESCRIBE.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle", "ntriples")

_PARAM_LINE = re.compile(r"^\s*#\s*@param\s+([A-Za-z_]\w*)\s*(.*)$", re.MULTILINE)
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


def declared_params(query: str) -> dict[str, str]:
    """Parameters a query declares with ``# @param NAME description`` lines.

    >>> declared_params("# @param name  the entity's name\\nSELECT ?name WHERE {}")
    {'name': "the entity's name"}
    """
    return {name: description.strip() for name, description in _PARAM_LINE.findall(query)}


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


def _check_params(query: str, params: Mapping[str, Node], name: str) -> None:
    declared = declared_params(query)
    missing = [p for p in declared if p not in params]
    if missing:
        wanted = " ".join(f"--param {p}=…" for p in missing)
        details = "; ".join(f"{p}: {declared[p]}" for p in missing if declared[p])
        raise QueryParameterError(f"{name} needs {wanted}" + (f" ({details})" if details else ""))
    for param in params:
        if not re.search(rf"[?$]{re.escape(param)}\b", query):
            raise QueryParameterError(f"{name} has no variable ?{param}; the parameters it declares: "
                                      f"{', '.join(declared) or 'none'}")


# ---------------------------------------------------------------- running


def run_query(
    source: Graph | str | Path,
    query: str,
    *,
    params: Mapping[str, Node] | None = None,
    name: str = "the query",
) -> QueryResult:
    """Run the SPARQL ``query`` on ``source`` (an rdflib graph or a store folder) and read the answer.

    ``params`` binds variables before the query runs (with Oxigraph the variable must be
    in the SELECT list). Syntax errors raise :class:`QueryError` with ``line`` and
    ``column`` set; ``name`` (such as the file name) prefixes the message.
    """
    params = dict(params or {})
    _check_params(query, params, name)
    graph = source if isinstance(source, Graph) else _open(source)
    try:
        result = graph.query(query, initNs=prefixes(), initBindings=params)
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
    except SyntaxError as exc:  # Oxigraph: "error at LINE:COL: …"
        raise _syntax_error(str(exc), query, name) from exc
    except ParseBaseException as exc:  # rdflib's own engine (pyparsing)
        raise _positioned(query, name, exc.lineno, exc.col, exc.msg) from exc
    except RuntimeError as exc:  # Oxigraph: substitutions of variables not selected, evaluation errors
        message = str(exc)
        if "projection" in message:
            raise QueryParameterError(f"{name}: {message}; add the variable to the SELECT list to set it") from exc
        raise QueryError(f"{name} failed: {message}") from exc
    except SPARQLError as exc:  # rdflib's own engine: errors while evaluating
        raise QueryError(f"{name} failed: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"{name} failed reading the store: {exc}") from exc


def _plain(term: Node | None) -> Node | None:
    # Oxigraph types simple literals as xsd:string, rdflib leaves them untyped: same RDF 1.1 term.
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _open(path: str | Path) -> Graph:
    from .store import open_store

    return open_store(path)


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


def _display(term: Node | None, prefixes: Sequence[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, namespace in prefixes:
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
) -> str:
    """Run ``query`` on ``source`` with ``NAME=VALUE`` ``params`` and format the answer (``kg query``)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    result = run_query(source, query, params=parse_params(params), name=name)
    return format_result(result, fmt, max_width=max_width)
