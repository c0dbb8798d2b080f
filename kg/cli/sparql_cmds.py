"""``kg query``, ``kg serve``, ``kg export`` and ``kg validate``: SPARQL on the built store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import friendly_errors, main

__all__ = ["export_cmd", "query_cmd", "serve_cmd", "validate_cmd"]

_STORE = click.option(
    "--store", "store", default="out/store", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The Oxigraph store that 'kg build' wrote.",
)

_MEMORY_LIMIT = click.option(
    "--memory-limit", "memory_limit", default=None, metavar="SIZE",
    help="Stop a query that needs more memory than this, such as 4G or 512M (0: no limit)  "
         "[default: half the machine's memory]",
)
_ENGINE_MEMORY_LIMIT = click.option(
    "--memory-limit", "memory_limit", default=None, metavar="SIZE",
    help="Cap the SPARQL engine's memory (its queries together), such as 4G (0: no cap); a query that "
         "needs more is stopped  [default: half the machine's memory]",
)


def _memory_bytes(memory_limit: str | None) -> int | None:
    from ..query import default_memory_limit, parse_size

    return default_memory_limit() if memory_limit is None else parse_size(memory_limit)


@main.command("query")
@click.argument("query_text", required=False, metavar="[QUERY]")
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from a .rq file (ready ones are in queries/).")
@_STORE
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "turtle", "ntriples"]),
              help="table: aligned text; csv/tsv/json: SPARQL 1.1 result formats; turtle/ntriples: for CONSTRUCT.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME before the query runs (repeatable), e.g. --param name=苏州; a query file's "
                   "'# @param' lines say which it takes (those marked optional may be left out).")
@click.option("--max-width", default=60, show_default=True, type=click.IntRange(min=0),
              help="Shorten table cells to this many columns (0: never).")
@_MEMORY_LIMIT
@click.option("--timeout", "timeout_s", default=0, show_default=True, type=click.FloatRange(min=0),
              help="Stop the query after this many seconds (0: never).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows (replaces the query's LIMIT).")
@click.option("--offset", type=click.IntRange(min=0), default=None, help="Skip this many rows first: the next page.")
def query_cmd(query_text: str | None, query_file: Path | None, store: Path, fmt: str,
              params: tuple[str, ...], max_width: int, memory_limit: str | None, timeout_s: float,
              limit: int | None, offset: int | None) -> None:
    """Run a SPARQL query on the store and print the answer.

    \b
    QUERY is the query text ('-' reads it from standard input); or use -f FILE.
    The prefixes cj:, cjr:, rdfs:, skos:, prov:, schema:, xsd: need no PREFIX line.
    \b
    Examples:
      kg query -f queries/investments.rq
      kg query -f queries/entity.rq --param name=苏州 --offset 100
      kg query -f queries/timeline.rq --param year=2021 --param name=大连
      kg query 'SELECT ?city WHERE { ?c a cj:City ; rdfs:label ?city }' --format csv
    """
    from ..query import QueryLimits, answer, page, read_query

    if (query_text is None) == (query_file is None):
        raise click.UsageError("give either a QUERY or -f FILE (one of them)")
    with friendly_errors():
        limits = QueryLimits(memory_bytes=_memory_bytes(memory_limit), timeout_s=timeout_s or None)
        if query_file is not None:
            text, name = read_query(query_file), str(query_file)
        else:
            text = sys.stdin.read() if query_text == "-" else str(query_text)
            name = "the query"
        text = page(text, limit=limit, offset=offset)
        click.echo(answer(store, text, params=params, fmt=fmt, max_width=max_width, name=name, limits=limits))


@main.command("serve")
@_STORE
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the loopback unless others must reach it.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--writable", is_flag=True,
              help="Allow SPARQL Update and Graph Store writes (refused by default).")
@click.option("--static-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder holding graph.html  [default: the store's parent folder]")
@click.option("--timeout", "timeout_s", default=60, show_default=True, type=click.FloatRange(min=0.1),
              help="Stop a query after this many seconds (waiting, running and sending its answer).")
@_ENGINE_MEMORY_LIMIT
@click.option("--max-body", "max_body", default=None, metavar="SIZE",
              help="Refuse request bodies larger than this, such as 1M  [default: 1M, or 128M with --writable]")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests addressed to this host name (repeatable; '*': any). Other names "
                   "than localhost, this machine's and --host are refused, against DNS rebinding.")
def serve_cmd(store: Path, host: str, port: int, writable: bool, static_dir: Path | None, timeout_s: float,
              memory_limit: str | None, max_body: str | None, allowed_hosts: tuple[str, ...]) -> None:
    """Serve the store as a SPARQL 1.1 endpoint, with a query page and the graph view.

    Read-only unless --writable. A query past --timeout, or whose client disconnects,
    is stopped (its engine is restarted). After 'kg build' writes a new store in the
    same folder, the server moves to it. Stop it with Ctrl-C.
    """
    from ..query import parse_size
    from ..serve import SparqlServer, serve

    def ready(server: SparqlServer) -> None:
        mode = "read-write" if writable else "read-only"
        click.echo(f"SPARQL endpoint ({mode}): {server.url}/query")
        click.echo(f"Query page:                 {server.url}/")
        graph_dir = server.config.static_dir
        if graph_dir is not None and (graph_dir / "graph.html").is_file():
            click.echo(f"Graph view:                 {server.url}/graph.html")
        click.echo("Press Ctrl-C to stop.")

    with friendly_errors():
        serve(store, host=host, port=port, writable=writable, static_dir=static_dir, timeout_s=timeout_s,
              memory_bytes=_memory_bytes(memory_limit),
              max_body_bytes=None if max_body is None else parse_size(max_body),
              allowed_hosts=allowed_hosts, on_ready=ready)


@main.command("export")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["turtle", "ttl", "ntriples", "nt", "jsonld", "json-ld", "trig", "nquads", "nq"]),
              help="Output format  [default: from --out's suffix, else turtle]")
@_STORE
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (atomically); standard output if left out.")
@click.option("--to", "endpoint", metavar="URL", default=None,
              help="Instead, upload every named graph to this Graph Store Protocol endpoint (PUT ?graph=IRI).")
@click.option("--ontology/--no-ontology", default=False, show_default=True,
              help="Include the ontology (its own named graph in TriG/N-Quads).")
def export_cmd(fmt: str | None, store: Path, out: Path | None, endpoint: str | None, ontology: bool) -> None:
    """Export the store as Turtle, N-Triples, JSON-LD, TriG or N-Quads, or upload it to a SPARQL server.

    TriG and N-Quads keep the named graphs (one per document, and the entity graph);
    the others merge them. With --to, each named graph replaces its namesake on the
    server, so uploading again after a rebuild brings the server up to date.

    \b
    Examples:
      kg export --out graph.nq
      kg export --to http://127.0.0.1:7878/store      # an 'oxigraph serve' on this machine
    """
    from ..export import export_store, guess_format, upload_store

    with friendly_errors():
        if endpoint is not None:
            if out is not None or fmt is not None:
                raise click.UsageError("--to uploads the store; leave out --out and --format")
            sent = upload_store(store, endpoint, ontology=ontology)
            click.echo(f"uploaded {sent} graph(s) to {endpoint}", err=True)
            return
        result = export_store(store, guess_format(fmt, out), out, ontology=ontology)
    if isinstance(result, bytes):
        click.echo(result, nl=False)  # bytes go to the binary stdout as they are
    else:
        click.echo(f"wrote {result}", err=True)


@main.command("validate")
@click.argument("graph", default="out/graph.ttl", required=False, type=click.Path(path_type=Path))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many violations.")
def validate_cmd(graph: Path, limit: int) -> None:
    """Check GRAPH (default out/graph.ttl) against the SHACL shapes in kg/shapes.ttl.

    GRAPH may also be graph.trig, a store folder or the --out folder of 'kg build'
    (their named graphs read as one). Exits with status 1 when the graph does not conform.
    """
    from ..validate import validate_file

    with friendly_errors():
        report = validate_file(graph)
    click.echo(report.summary(limit=limit))
    if not report.conforms:
        raise SystemExit(1)
