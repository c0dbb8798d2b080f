"""Which build a server shows: the one place that knows how ``kg build`` lays out its output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Build:
    """The build a server shows: its store, its graph view, and what identifies it on disk.

    ``graph_html`` is ``None`` when the build wrote none; ``graph_pending`` is true while
    the graph view on disk is older than the store (a build is still being written:
    the view must not be mixed with the new store).
    """

    store: Path
    graph_html: Path | None
    identity: tuple[int, int] | None
    graph_pending: bool = False


def current_build(out: str | Path, *, store: str | Path | None = None) -> Build:
    """The newest complete build in the folder ``out`` (``kg build --out``): its store and graph view.

    Today a build writes ``out/graph.ttl``, then swaps in ``out/store`` (a new folder,
    renamed into place), then ``out/graph.html``; the store's identity is its folder's
    inode, so a rebuild is seen at once. A ``graph.html`` older than the store (than its
    ``CURRENT`` file, which readers never touch) belongs to the previous build:
    ``graph_pending`` says so until the new one is written.
    ``store`` names the store when it is not ``out/store``. This is the one place that
    knows the layout of a build.

    >>> import tempfile
    >>> build = current_build(tempfile.mkdtemp())
    >>> build.store.name, build.graph_html, build.identity
    ('store', None, None)
    """
    out = Path(out)
    store_path = Path(store) if store is not None else out / "store"
    try:
        stat = store_path.stat()
        identity: tuple[int, int] | None = (stat.st_dev, stat.st_ino)
        written: int | None = (store_path / "CURRENT").stat().st_mtime_ns  # readers never touch CURRENT
    except OSError:
        identity, written = None, None
    graph = out / "graph.html"
    try:
        graph_mtime = graph.stat().st_mtime_ns
    except OSError:
        return Build(store_path, None, identity)
    return Build(store_path, graph, identity, graph_pending=written is not None and graph_mtime < written)


