"""``kg html``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ._common import friendly_errors, main


@main.command("html")
@click.argument("graph_file", metavar="GRAPH.ttl|STORE|OUT", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Page to write [default: GRAPH with the suffix .html].")
@click.option("--focus", metavar="NAME", default=None,
              help="Only the entities around the one with this label or alias.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many relations away to go (0: the entity alone).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Keep at most N entities: the focus and nearest first, then the most connected.")
@click.option("--title", default="中日合作知识图谱", show_default=True, help="Heading of the page.")
def html_command(graph_file: Path, out_file: Path | None, focus: str | None, depth: int,
                 max_nodes: int | None, title: str) -> None:
    """Write an interactive HTML view of a graph: one file that works offline.

    Open the page by double-click: search entities by name or alias, filter by
    class and relation, click an entity or a relation to read the evidence
    sentences and their source documents. For a large graph, keep the page
    fluid with --max-nodes, or look at one entity's surroundings with --focus.

    \b
    Examples:
      kg html out/graph.ttl --out out/graph.html
      kg html out/graph.ttl --focus 苏州 --depth 2 --out suzhou.html
      kg html out/graph.ttl --max-nodes 500
      kg html out/store --focus 苏州 --out suzhou.html   # a large build: read from its store
    """
    from ..errors import EntityNotFoundError
    from ..html import load_graph, write_html

    with friendly_errors():
        source: Any = None
        try:
            if graph_file.is_dir():  # kg build's store (or its --out folder): only what the view shows is read
                from ..build import HTML_MAX_NODES
                from ..store import open_oxigraph, view_graph

                store = graph_file if (graph_file / "CURRENT").is_file() or not (graph_file / "store").is_dir() \
                    else graph_file / "store"
                max_nodes = max_nodes or HTML_MAX_NODES
                source = open_oxigraph(store)
                graph, totals = view_graph(source, focus=focus, depth=depth, max_nodes=max_nodes)
            else:
                source = graph = load_graph(graph_file)
                totals = None
            path = write_html(graph, out_file or graph_file.with_suffix(".html"),
                              focus=focus, depth=depth, max_nodes=max_nodes, title=title, totals=totals)
        except EntityNotFoundError as exc:
            if exc.suggestions:
                how, names = "names that contain it", exc.suggestions
            else:
                how, names = "its most connected entities", _most_connected(source)
            raise click.ClickException(f"no entity in {graph_file} is named {focus!r} (label or alias); {how}: "
                                       f"{'、'.join(names)}; give one of them to --focus") from exc
    click.echo(f"wrote {path}", err=True)


def _most_connected(source: Any, count: int = 5) -> tuple[str, ...]:
    """The labels of the ``count`` most connected entities of a graph or a store."""
    from rdflib import Graph

    from ..html import graph_to_view

    if not isinstance(source, Graph):
        from ..store import view_graph

        source, _ = view_graph(source, max_nodes=count, max_evidence=0)
    return tuple(node.label for node in graph_to_view(source, max_nodes=count).nodes)
