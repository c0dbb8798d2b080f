"""Which build a server shows: the one place that knows how ``kg build`` lays out its output."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..outputs import current_folder


@dataclass(frozen=True, slots=True)
class Build:
    """The build a server shows: its store, its graph view, and what identifies it on disk.

    ``graph_html`` is ``None`` when the build wrote none; ``graph_pending`` is true while
    the graph view on disk is older than the store (a folder not written by ``kg build``
    whose store was replaced before its view: the view must not be mixed with the new
    store). ``build_id`` is the build's id from its manifest, ``None`` for such a folder.
    """

    store: Path
    graph_html: Path | None
    identity: tuple[int, int] | None
    graph_pending: bool = False
    build_id: str | None = None


def _identity(store: Path) -> tuple[int, int] | None:
    try:
        stat = store.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def current_build(out: str | Path, *, store: str | Path | None = None) -> Build:
    """The newest complete build in the folder ``out`` (``kg build --out``): its store and graph view.

    ``kg build`` publishes a build whole: its outputs and its ``manifest.json`` in a
    folder of their own, named by the link ``out/current`` (see :mod:`kg.outputs`). The
    link is resolved once and the manifest read from that folder, so the store and
    the graph view returned are of the one build the manifest names, never of two; the
    store's identity is its folder's (each build has its own), so a rebuild is seen at
    once.

    A folder that ``kg build`` did not lay out (a store and a ``graph.html`` side by side,
    or ``store`` naming a store elsewhere) is read as it lies: a ``graph.html`` older than
    the store (than its ``CURRENT`` file, which readers never touch) belongs to the store
    before, and ``graph_pending`` says so. This is the one place that knows the layout
    of a build.

    >>> import tempfile
    >>> build = current_build(tempfile.mkdtemp())
    >>> build.store.name, build.graph_html, build.identity
    ('store', None, None)
    """
    out = Path(out)
    named = Path(os.path.abspath(store)) if store is not None else None
    if named is None or named == Path(os.path.abspath(out / "store")):
        folder = current_folder(out)
        if folder is not None:
            try:
                manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest = None
            if isinstance(manifest, dict):
                outputs = manifest.get("outputs") or ()
                store_path = folder / "store"
                graph = folder / "graph.html"
                return Build(store_path, graph if "graph.html" in outputs and graph.is_file() else None,
                             _identity(store_path), build_id=manifest.get("build_id"))
    store_path = named if named is not None else out / "store"
    identity = _identity(store_path)
    try:
        written: int | None = (store_path / "CURRENT").stat().st_mtime_ns  # readers never touch CURRENT
    except OSError:
        written = None
    graph = out / "graph.html"
    try:
        graph_mtime = graph.stat().st_mtime_ns
    except OSError:
        return Build(store_path, None, identity)
    return Build(store_path, graph, identity, graph_pending=written is not None and graph_mtime < written)
