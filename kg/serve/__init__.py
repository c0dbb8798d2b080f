"""``kg serve``: a SPARQL 1.1 Protocol endpoint on the store, a query page, and the HTML graph.

The SPARQL work is done by Oxigraph's own server (the ``oxigraph`` package's native
binary, "the engine"), run as a child process on a private loopback port: it
implements the protocol (GET and POST, every standard result format, content
negotiation). In front of it an asyncio proxy listens on the public address. It

* **stops runaway queries.** The engine cannot cancel a query (its ``--timeout-s``
  does not stop evaluation), so when a query passes ``--timeout`` or its client
  disconnects, the proxy kills the engine and starts a new one (some 30 ms). Other
  queries that were running on it are sent again to the new one, unless their answer
  had already started streaming. A timed-out query gets ``503`` with a message
  naming ``--timeout``; an answer already streaming is cut off (the client sees an
  incomplete response). Answers up to ``stream_buffer_bytes`` are held until
  complete, so they are never cut;
* **caps the engine's memory** (``RLIMIT_AS``, ``--memory-limit``): a query that grows
  without bound kills only the engine, which is restarted; the query gets ``503``
  naming ``--memory-limit``;
* **keeps up under load**: a deep listen queue, keep-alive to clients and a pool of
  keep-alive connections to the engine;
* **checks requests**: the ``Host`` header (against DNS rebinding: names other than
  the loopback's, this machine's and ``--allow-host`` are refused) and the size of
  the body (``--max-body``); writes are refused unless ``writable``;
* **serves the query page** (YASGUI, shipped inside the engine) with the project's
  prefixes and ready queries, all offline, and ``graph.html`` from the same origin;
* **follows the build**: after ``kg build`` replaces the store, new queries go to an
  engine on the new store and ``graph.html`` is the new one (see :func:`current_build`).

The package: ``_config`` (:class:`ServeConfig`), ``_builds`` (:func:`current_build`, the
one place that knows a build's layout), ``_engine`` (the engine processes), ``_wire``
(HTTP on the wire), ``_front`` (the proxy), ``_page`` (the query page), ``_server``
(:class:`SparqlServer`, :func:`serve`).

Routes: ``/`` the query page, ``/query`` and ``/sparql`` SPARQL queries, ``/graph.html``
the graph view when the build wrote one, ``/prefixes.json`` the prefixes; with
``writable`` also ``/update`` and ``/store`` (Graph Store Protocol). The default graph
is the union of the documents.
"""

from __future__ import annotations

from ._builds import Build, current_build
from ._config import ServeConfig
from ._engine import find_oxigraph
from ._page import ReadyQuery, ready_queries
from ._server import SparqlServer, serve

__all__ = ["Build", "ReadyQuery", "ServeConfig", "SparqlServer", "current_build", "find_oxigraph",
           "ready_queries", "serve"]
