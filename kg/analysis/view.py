"""An interactive view of part of the graph, to embed in a notebook.

The page itself is :func:`kg.html.render_html`'s: one self-contained HTML
document (vis-network inlined, no network access). :func:`interactive_view`
wraps it in a sandboxed ``<iframe srcdoc=…>`` so that Jupyter shows it as a
cell's output without mixing its script and style into the notebook's page.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from rdflib import Graph

__all__ = ["HtmlView", "interactive_view"]


@dataclass(frozen=True, slots=True)
class HtmlView:
    """A self-contained HTML page, shown by Jupyter in an iframe of ``height`` pixels."""

    html: str
    height: int = 600

    def iframe(self) -> str:
        """The ``<iframe>`` element that shows the page (scripts allowed, sandboxed)."""
        return (f'<iframe srcdoc="{escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd;"></iframe>')

    def _repr_html_(self) -> str:
        return self.iframe()


def interactive_view(graph: Graph, focus: str | None = None, *, depth: int = 1, max_nodes: int | None = 150,
                     height: int = 600, title: str = "中日合作知识图谱") -> HtmlView:
    """The interactive network of the entities within ``depth`` relations of ``focus``.

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record.
    focus : str, optional
        A label or alias; the whole graph (at most ``max_nodes`` entities) when omitted.
    depth : int
        How many relations away from ``focus`` to go.
    max_nodes : int, optional
        At most this many entities, nearest and most connected first.
    height : int
        Height of the view in the notebook, in pixels.
    title : str
        The page's title.

    Returns
    -------
    HtmlView
        Leave it as a cell's value to show it; ``view.html`` is the page itself.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> view = interactive_view(example_graph(), "北九州市", depth=1)
    >>> view.html.startswith("<!DOCTYPE html>") or view.html.lower().startswith("<!doctype html>")
    True
    >>> "北九州市" in view.html, view.iframe().startswith('<iframe srcdoc="')
    (True, True)
    """
    from ..html import render_html

    return HtmlView(render_html(graph, focus=focus, depth=depth, max_nodes=max_nodes, title=title), height)
