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

Routes: ``/`` the query page, ``/query`` and ``/sparql`` SPARQL queries, ``/graph.html``
the graph view when the build wrote one, ``/prefixes.json`` the prefixes; with
``writable`` also ``/update`` and ``/store`` (Graph Store Protocol). The default graph
is the union of the documents.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import errno
import html
import ipaddress
import json
import logging
import mimetypes
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .errors import KgError, ServeError, StoreDamagedError
from .store import damage_reason, open_oxigraph, prefixes

__all__ = ["Build", "ReadyQuery", "ServeConfig", "SparqlServer", "current_build", "find_oxigraph",
           "ready_queries", "serve"]

log = logging.getLogger(__name__)

#: Suffixes of the files served from beside the store (the graph view and its assets).
STATIC_SUFFIXES = frozenset({".html", ".js", ".css", ".svg", ".png", ".json", ".ttl", ".woff", ".woff2"})
#: Files of the query page that the engine ships (YASGUI, its stylesheet, the logo).
ENGINE_ASSETS = frozenset({"/yasgui.min.js", "/yasgui.min.css", "/logo.svg"})
#: The project's ready queries, shown on the query page (a checkout's ``queries/``).
QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"

_HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length", "expect", "proxy-connection",
})
_READ_ONLY_MESSAGE = (
    "This SPARQL endpoint is read-only: SPARQL Update and Graph Store writes are refused. "
    "Restart it with 'kg serve --writable' to allow them.\n"
)
_REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 411: "Length Required", 413: "Content Too Large",
    431: "Request Header Fields Too Large", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 505: "HTTP Version Not Supported",
}
_MAX_HEADER_BYTES = 64 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What to serve and where: the store, the public address, writes, the graph view's folder, limits.

    ``timeout_s`` bounds each query (waiting, running and streaming its answer);
    ``memory_bytes`` caps the engine's address space (``None``: no cap);
    ``max_body_bytes`` caps a request body (``None``: 1 MB, or 128 MB when writable);
    ``allowed_hosts`` are extra names the ``Host`` header may carry (``"*"``: any).
    """

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    static_dir: Path | None = None
    timeout_s: float = 60
    startup_timeout_s: float = 20.0
    memory_bytes: int | None = None
    max_body_bytes: int | None = None
    allowed_hosts: tuple[str, ...] = ()
    stream_buffer_bytes: int = 1024 * 1024
    max_engine_requests: int = 64
    queries_dir: Path | None = QUERIES_DIR

    @property
    def body_limit(self) -> int:
        """The largest request body accepted, in bytes."""
        if self.max_body_bytes is not None:
            return self.max_body_bytes
        return 128 * 2**20 if self.writable else 2**20


def find_oxigraph() -> Path:
    """Path of the ``oxigraph`` server binary (installed by the ``oxigraph`` package)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServeError("the oxigraph server is not installed: run 'pip install oxigraph==0.5.13' in this environment")


# ---------------------------------------------------------------- the current build


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


# ---------------------------------------------------------------- the query page


@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A ready query of ``queries/``: file name, its leading comment, its text with PREFIX lines."""

    name: str
    description: str
    text: str


def _with_prefixes(text: str) -> str:
    """``text`` with a PREFIX line for each project prefix it uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text)}
    code = re.sub(r'"[^"\n]*"|<[^<>\s]*>|#[^\n]*', " ", text)  # not inside strings, IRIs, comments
    missing = [(p, ns) for p, ns in prefixes().items()
               if p.lower() not in declared and re.search(rf"(?<![\w:<]){re.escape(p)}:", code)]
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in missing) + text


def ready_queries(folder: str | Path | None = QUERIES_DIR) -> list[ReadyQuery]:
    """The ready queries (``*.rq``) in ``folder``, sorted by name; none if the folder is missing."""
    if folder is None or not Path(folder).is_dir():
        return []
    found = []
    for path in sorted(Path(folder).glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("leaving out the ready query %s: %s", path, exc)
            continue
        comment = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comment.append(line.lstrip("#").strip())
        found.append(ReadyQuery(path.stem, " ".join(line for line in comment if line), _with_prefixes(text)))
    return found


def _ontology_terms() -> dict[str, list[str]]:
    from .ontology import ENTITY_CLASSES, RELATION_PROPERTIES, load_ontology
    from .ontology import OWL, RDF

    ontology = load_ontology()
    classes = sorted({str(iri) for iri in ENTITY_CLASSES.values()}
                     | {str(s) for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith("http")})
    properties = sorted({str(iri) for iri in RELATION_PROPERTIES.values()}
                        | {str(s) for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                           for s in ontology.subjects(RDF.type, kind) if str(s).startswith("http")})
    return {"classes": classes, "properties": properties}


def _query_page(config: ServeConfig) -> bytes:
    template = resources.files("kg").joinpath("assets/query_page.html").read_text(encoding="utf-8")
    spaced = sorted(prefixes().items())
    default = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in spaced if p in ("cj", "rdfs")) + (
        "\nSELECT ?city ?label WHERE {\n  ?city a cj:City ; rdfs:label ?label .\n} LIMIT 20")
    data = {
        "endpoint": "/query",
        "updateEndpoint": "/update" if config.writable else None,
        "prefixesUrl": "/prefixes.json",
        "defaultQuery": default,
        "queries": [{"name": q.name, "description": q.description, "text": q.text}
                    for q in ready_queries(config.queries_dir)],
        **_ontology_terms(),
    }
    script = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("{{CONFIG}}", script).replace("{{TITLE}}", html.escape("cjkg SPARQL")).encode("utf-8")


# ---------------------------------------------------------------- HTTP on the wire


class _HttpError(Exception):
    """A request that cannot be served: the status and the message for the client."""

    def __init__(self, status: int, message: str, *, close: bool = True) -> None:
        self.status = status
        self.message = message
        self.close = close
        super().__init__(message)


@dataclass(slots=True)
class _Request:
    method: str
    target: str
    version: str
    headers: list[tuple[str, str]]
    body: bytes = b""
    keep_alive: bool = True
    _index: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        if not self._index:
            for key, value in self.headers:
                key = key.lower()
                self._index[key] = f"{self._index[key]}, {value}" if key in self._index else value
        return self._index.get(name)


async def _read_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, body_limit: int,
                        idle_s: float) -> _Request | None:
    """The next request on a client connection; ``None`` when the client closed it between requests."""
    try:
        async with asyncio.timeout(idle_s):
            head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise _HttpError(400, "The request ended before its headers did.\n") from exc
        return None
    except asyncio.LimitOverrunError as exc:
        raise _HttpError(431, f"The request's headers are longer than {_MAX_HEADER_BYTES // 1024} KB.\n") from exc
    except TimeoutError:
        return None
    lines = head[:-4].decode("latin-1").split("\r\n")
    while lines and not lines[0]:  # stray CRLF between requests
        lines.pop(0)
    parts = lines[0].split(" ") if lines else []
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise _HttpError(400, "Malformed request line: expected 'METHOD /path HTTP/1.1'.\n")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise _HttpError(505, f"{version} is not supported: use HTTP/1.1.\n")
    headers = []
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise _HttpError(400, f"Malformed header line {line[:80]!r}.\n")
        headers.append((name, value.strip()))
    request = _Request(method, target, version, headers)
    connection = (request.header("connection") or "").lower()
    request.keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
    request.body = await _read_body(request, reader, writer, body_limit)
    return request


async def _read_body(request: _Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     limit: int) -> bytes:
    too_large = _HttpError(413, f"The request body is larger than {_size(limit)}: send a shorter query, "
                                "or restart the server with a larger --max-body.\n")
    chunked = "chunked" in (request.header("transfer-encoding") or "").lower()
    length_text = request.header("content-length")
    if not chunked and length_text is None:
        return b""
    if length_text is not None and not chunked:
        if not length_text.isdigit():
            raise _HttpError(400, "Content-Length is not a number.\n")
        length = int(length_text)
        if length > limit:
            raise too_large
    if (request.header("expect") or "").lower() == "100-continue":
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    try:
        async with asyncio.timeout(60):
            if not chunked:
                return await reader.readexactly(length)
            parts, total = [], 0
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0].strip() or b"x", 16)
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":  # trailers
                        pass
                    return b"".join(parts)
                total += size
                if total > limit:
                    raise too_large
                parts.append(await reader.readexactly(size))
                await reader.readexactly(2)
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        raise _HttpError(400, "The request body ended early or is malformed.\n") from exc
    except TimeoutError as exc:
        raise _HttpError(408, "The request body did not arrive within 60 s.\n") from exc


def _size(size: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size / 1024:.0f} KB"


def _response_head(status: int, headers: list[tuple[str, str]], *, reason: str | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason or _REASONS.get(status, '')}"]
    lines += [f"{key}: {value}" for key, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


# ---------------------------------------------------------------- the engine


class _EngineUnavailable(Exception):
    """No engine can run (the store is missing or damaged, the binary fails): the message says why."""


class _EngineLost(Exception):
    """The engine connection broke before the answer was complete."""


class _EngineShort(Exception):
    """The engine answered 500 for want of memory or threads (another query is near the memory ceiling)."""


#: What the engine says when it has no room left for a thread or a buffer.
_SHORT_OF_RESOURCES = re.compile(rb"os error (11|12)\b|Resource temporarily unavailable|Cannot allocate memory")


@dataclass(eq=False)
class _Engine:
    generation: int
    store: Path
    identity: tuple[int, int] | None
    port: int
    process: subprocess.Popen[bytes]
    log: collections.deque[str]
    drainer: threading.Thread | None = None
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = field(default_factory=list)
    active: int = 0
    retired: bool = False
    killed: bool = False  # on purpose, here: to stop a query, for a new build, at the end
    crashed: bool = False  # by itself: its memory ceiling, a crash

    @property
    def alive(self) -> bool:
        return not self.killed and not self.crashed and self.process.poll() is None

    def out_of_memory(self) -> bool:
        return any("memory allocation of" in line or "bad_alloc" in line for line in self.log)

    async def connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bool]:
        while self.idle:
            reader, writer = self.idle.pop()
            if not writer.is_closing() and not reader.at_eof():
                return reader, writer, True
            writer.close()
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port, limit=_MAX_HEADER_BYTES)
        except OSError as exc:
            raise _EngineLost(f"cannot connect to the engine: {exc}") from exc
        return reader, writer, False

    def release(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.alive and not self.retired and len(self.idle) < 256:
            self.idle.append((reader, writer))
        else:
            writer.close()

    def kill(self, *, on_purpose: bool = True) -> None:
        self.killed = self.killed or on_purpose
        for _, writer in self.idle:
            writer.close()
        self.idle.clear()
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=2)  # SIGKILL: a few milliseconds


def _prepare_child(memory_bytes: int | None, death_signal: Callable[[int, int], int] | None) -> Callable[[], None]:
    # Runs in the forked child before exec: only a system call or two (no imports, no allocation of note).
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    soft = None if memory_bytes is None else (memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard))

    def prepare() -> None:
        if soft is not None:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        if death_signal is not None:
            death_signal(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the engine dies with this process

    return prepare


def _death_signal() -> Callable[[int, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl  # type: ignore[no-any-return]
    return None


def _free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class _Engines:
    """The engine the proxy sends queries to: started, killed, replaced and retired here (one event loop)."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.out = config.static_dir if config.static_dir is not None else config.store.resolve().parent
        self.current: _Engine | None = None
        self.retired: list[_Engine] = []
        self.generation = 0
        self.restarts = 0
        self._starting: asyncio.Future[_Engine] | None = None
        self._failure: tuple[float, str] | None = None
        self._next_check = 0.0
        self._binary = find_oxigraph()
        self._death_signal = _death_signal()

    def build(self) -> Build:
        return current_build(self.out, store=self.config.store)

    async def acquire(self) -> _Engine:
        """The engine to use now: the running one, or a new one for a new build or after a kill."""
        engine = self.current
        now = time.monotonic()
        if engine is not None and not self.config.writable and now >= self._next_check and engine.alive:
            self._next_check = now + 0.2  # a few system calls: not for every query under load
            identity = self.build().identity
            if identity is not None and identity != engine.identity:
                log.info("the store %s was rebuilt: moving to the new build", self.config.store)
                self.retire(engine)
                engine = None
        if engine is not None and engine.alive:
            return engine
        if engine is not None:
            self.drop(engine)
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._start())
        starting = self._starting
        return await asyncio.shield(starting)

    def drop(self, engine: _Engine) -> None:
        """Forget a dead or killed engine (the next :meth:`acquire` starts another)."""
        if self.current is engine:
            self.current = None
        if not engine.killed and not engine.crashed and engine.process.poll() is not None:
            engine.crashed = True
            log.warning("the SPARQL engine stopped (exit status %s): %s", engine.process.returncode,
                        " ".join(list(engine.log)[-3:]))
        engine.kill(on_purpose=False)

    def retire(self, engine: _Engine) -> None:
        """No new queries for ``engine``; it is killed once its queries are done."""
        engine.retired = True
        if self.current is engine:
            self.current = None
        if engine.active == 0:
            engine.kill()
        else:
            self.retired.append(engine)

    def cancel(self, engine: _Engine, why: str) -> None:
        """Kill ``engine`` to stop a query (the others on it will be sent again), and start the next one."""
        if engine.killed or engine.crashed:
            return
        log.info("stopping the SPARQL engine (generation %d) to cancel a query: %s", engine.generation, why)
        if self.current is engine:
            self.current = None
        engine.kill()
        self.restarts += 1
        if self._starting is None and not engine.retired:
            self._starting = asyncio.ensure_future(self._start())
            self._starting.add_done_callback(lambda f: f.exception())  # retrieved: a failure is reported later

    def release(self, engine: _Engine) -> None:
        engine.active -= 1
        if engine.retired and engine.active == 0 and not engine.killed:
            engine.kill()
            with contextlib.suppress(ValueError):
                self.retired.remove(engine)

    async def _start(self) -> _Engine:
        try:
            if self._failure is not None and time.monotonic() - self._failure[0] < 1.0:
                raise _EngineUnavailable(self._failure[1])
            engine = await self._spawn()
            self._failure = None
            self.current = engine
            return engine
        except _EngineUnavailable as exc:
            self._failure = (time.monotonic(), str(exc))
            raise
        finally:
            self._starting = None

    async def _spawn(self) -> _Engine:
        config = self.config
        build = self.build()
        if build.identity is None:
            raise _EngineUnavailable(f"There is no store at {build.store}: run 'kg build ARTICLES --out OUT' "
                                     "(it writes OUT/store), then reload.")
        self.generation += 1
        port = _free_port()
        command = [
            str(self._binary),
            "serve" if config.writable else "serve-read-only",
            "--location", str(build.store),
            "--bind", f"127.0.0.1:{port}",
            "--union-default-graph",
            "--timeout-s", str(int(config.timeout_s) + 10),
        ]
        log.info("starting the SPARQL engine (generation %d): %s", self.generation, " ".join(command))
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT,
                                   preexec_fn=_prepare_child(config.memory_bytes, self._death_signal))
        lines: collections.deque[str] = collections.deque(maxlen=50)
        engine = _Engine(self.generation, build.store, build.identity, port, process, lines)
        engine.drainer = threading.Thread(target=_drain, args=(process, lines, self.generation), name="oxigraph-log",
                                          daemon=True)
        engine.drainer.start()
        deadline = time.monotonic() + config.startup_timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                await asyncio.sleep(0.05)  # let the log thread read the last lines
                raise _EngineUnavailable(self._why_not(engine))
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                return engine
            await asyncio.sleep(0.005)
        engine.kill()
        raise _EngineUnavailable(f"The SPARQL engine did not start within {config.startup_timeout_s:g} s.")

    def _why_not(self, engine: _Engine) -> str:
        try:
            open_oxigraph(engine.store)  # a damaged or missing store says so, with what to do
        except KgError as exc:
            return str(exc)[0].upper() + str(exc)[1:] + "."
        said = " ".join(list(engine.log)[-5:]) or f"exit status {engine.process.returncode}"
        hint = "; is another 'kg serve --writable' using the store?" if self.config.writable else ""
        return f"The SPARQL engine stopped at start: {said}{hint}"

    def close(self) -> None:
        for engine in [self.current, *self.retired]:
            if engine is not None:
                engine.kill()
        self.current = None
        self.retired.clear()


def _drain(process: subprocess.Popen[bytes], lines: collections.deque[str], generation: int) -> None:
    assert process.stdout is not None
    for raw in process.stdout:
        line = raw.decode("utf-8", errors="replace").rstrip()
        lines.append(line)
        log.debug("oxigraph[%d]: %s", generation, line)


# ---------------------------------------------------------------- the front


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host).is_loopback
    return False


def _host_names(config: ServeConfig) -> frozenset[str] | None:
    """Names the ``Host`` header may carry, lower case; ``None``: any (``--allow-host '*'``)."""
    if "*" in config.allowed_hosts:
        return None
    names = {"localhost", config.host.lower(), *(h.lower().rstrip(".") for h in config.allowed_hosts)}
    if not _is_loopback(config.host):
        with contextlib.suppress(OSError):
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return frozenset(names)


def _host_part(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class _Front:
    """The public side: parses requests, answers the page, static files and refusals, proxies the rest."""

    def __init__(self, config: ServeConfig, engines: _Engines) -> None:
        self.config = config
        self.engines = engines
        self.hosts = _host_names(config)
        self.slots = asyncio.Semaphore(config.max_engine_requests)
        self.page: bytes | None = None
        self.clients: set[asyncio.StreamWriter] = set()

    # -- connections

    def close_clients(self) -> None:
        """Drop every client connection (at the end): their handlers then finish by themselves."""
        for writer in list(self.clients):
            writer.transport.abort()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.clients.add(writer)
        try:
            while True:
                try:
                    request = await _read_request(reader, writer, self.config.body_limit, idle_s=30)
                except _HttpError as error:
                    await self._reply_error(writer, error, head_only=False)
                    return
                if request is None:
                    return
                keep_alive = await self.respond(request, reader, writer)
                if not keep_alive or not request.keep_alive:
                    return
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            return
        except Exception:  # a bug: say so to the client and in the log, keep serving the others
            log.exception("failed to answer a request")
            with contextlib.suppress(Exception):
                await self._reply(writer, None, 500, b"The server failed to answer; see its log.\n")
        finally:
            self.clients.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()

    async def respond(self, request: _Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Answer one request; whether the connection may carry the next one."""
        try:
            self._check_host(request)
            url = urlsplit(request.target)
            if request.method in ("GET", "HEAD"):
                local = await self._local(url.path, request)
                if local is not None:
                    status, kind, data, extra = local
                    return await self._reply(writer, request, status, data, kind=kind, extra=extra)
            if not self.config.writable and self._is_write(request, url.path, url.query):
                log.info("refused a write: %s %s", request.method, url.path)
                return await self._reply(writer, request, 403, _READ_ONLY_MESSAGE.encode())
            return await self._proxy(request, reader, writer)
        except _HttpError as error:
            return await self._reply_error(writer, error, head_only=request.method == "HEAD", request=request)

    def _check_host(self, request: _Request) -> None:
        host = request.header("host")
        if host is None:
            if request.version == "HTTP/1.1":
                raise _HttpError(400, "An HTTP/1.1 request needs a Host header.\n")
            return
        name = _host_part(host)
        if self.hosts is None or name in self.hosts:
            return
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(name)
            return  # an address, not a name: no DNS rebinding through it
        raise _HttpError(403, f"This server does not answer to the name {name!r} (a guard against DNS "
                              f"rebinding). If you reach it by that name, restart it with "
                              f"'kg serve --allow-host {name}'.\n", close=False)

    # -- answers made here

    async def _local(self, path: str, request: _Request) -> tuple[int, str, bytes, list[tuple[str, str]]] | None:
        if path in ("/", "/index.html"):
            if self.page is None:
                self.page = await asyncio.to_thread(_query_page, self.config)
            return 200, "text/html; charset=utf-8", self.page, [("Cache-Control", "no-cache")]
        if path == "/prefixes.json":
            data = json.dumps(prefixes(), ensure_ascii=False, indent=1).encode("utf-8")
            return 200, "application/json; charset=utf-8", data, []
        if path in ENGINE_ASSETS or os.path.splitext(path)[1].lower() not in STATIC_SUFFIXES:
            return None  # the SPARQL routes and the engine's files
        return await asyncio.to_thread(self._static, path)

    def _static(self, path: str) -> tuple[int, str, bytes, list[tuple[str, str]]] | None:
        build = self.engines.build()
        static = self.engines.out
        path = unquote(path)
        if path == "/graph.html":
            if build.graph_html is None:
                return 404, "text/plain; charset=utf-8", (
                    f"No graph.html in {static}: 'kg build' writes it next to the store.\n").encode(), []
            if build.graph_pending and not self.config.writable:
                return 503, "text/plain; charset=utf-8", (
                    f"The graph.html in {static} is older than the store beside it, so it shows another build: "
                    "a build is being written (reload in a moment), or the last one did not write graph.html "
                    "('kg build' writes both).\n").encode(), [("Retry-After", "2")]
        root = static.resolve()
        target = (root / path.lstrip("/")).resolve()
        store = build.store.resolve()
        if (
            not target.is_relative_to(root)
            or target.is_relative_to(store)
            or target.suffix.lower() not in STATIC_SUFFIXES
            or any(part.startswith(".") for part in target.relative_to(root).parts)
            or not target.is_file()
        ):
            return None
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        return 200, kind, target.read_bytes(), []

    def _is_write(self, request: _Request, path: str, query: str) -> bool:
        if request.method not in ("GET", "HEAD", "POST", "OPTIONS"):
            return True
        route = path.rstrip("/")
        if route == "/update" or (route == "/store" and request.method == "POST"):
            return True
        if "update" in query and "update" in parse_qs(query):
            return True
        content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return True
        if content_type == "application/x-www-form-urlencoded":
            return "update" in parse_qs(request.body.decode("utf-8", errors="replace"))
        return False

    async def _reply(self, writer: asyncio.StreamWriter, request: _Request | None, status: int, data: bytes, *,
                     kind: str = "text/plain; charset=utf-8", extra: list[tuple[str, str]] = (),
                     close: bool = False) -> bool:
        keep = request is not None and request.keep_alive and not close
        headers = [("Server", "cjkg"), ("Content-Type", kind), ("Content-Length", str(len(data))), *extra,
                   ("Connection", "keep-alive" if keep else "close")]
        writer.write(_response_head(status, headers))
        if request is None or request.method != "HEAD":
            writer.write(data)
        await writer.drain()
        return keep

    async def _reply_error(self, writer: asyncio.StreamWriter, error: _HttpError, *, head_only: bool,
                           request: _Request | None = None) -> bool:
        if error.status == 499:  # the client went away: nobody to answer
            return False
        if error.status >= 500:
            log.warning("%d: %s", error.status, error.message.strip())
        data = error.message.encode("utf-8")
        return await self._reply(writer, None if error.close else request, error.status,
                                 b"" if head_only else data, close=error.close)

    # -- the proxy

    async def _proxy(self, request: _Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.timeout_s
        url = urlsplit(request.target)
        retriable = not (self.config.writable and self._is_write(request, url.path, url.query))
        data = b""
        strikes, short = 0, 0
        attempt = 0
        while attempt < 6:
            attempt += 1
            try:
                async with asyncio.timeout_at(deadline):
                    await self.slots.acquire()
            except TimeoutError:
                raise self._timeout_error() from None
            try:
                try:
                    async with asyncio.timeout_at(deadline):
                        engine = await self.engines.acquire()
                except TimeoutError:
                    raise self._timeout_error() from None
                except _EngineUnavailable as exc:
                    raise _HttpError(503, f"{exc}\n", close=False) from exc
                data = data or self._engine_request(request, engine)
                engine.active += 1
                try:
                    exchange = _Exchange(self, engine, request, data, writer)
                    return await self._supervise(exchange, reader, writer, deadline)
                except _EngineShort as said:
                    # Another query holds the memory: it will be stopped at the ceiling, then this one runs.
                    short += 1
                    if short > 20 or not retriable:
                        raise _HttpError(503, f"The SPARQL engine is short of memory or threads ({said}). Retry in a "
                                              "moment, or restart the server with a larger --memory-limit.\n",
                                         close=False) from said
                    attempt -= 1  # waiting for room is not a failed attempt
                    await asyncio.sleep(min(0.02 * short, 0.25))
                except _EngineLost as lost:
                    if await _died_by_itself(engine):
                        strikes += 1
                        memory = engine.out_of_memory()
                        self.engines.drop(engine)
                        if strikes >= 2 or not retriable:
                            raise self._crash_error(memory, lost, retriable) from lost
                    elif engine.alive:
                        raise _HttpError(502, f"The SPARQL engine did not answer ({lost}); see the server's "
                                              "log.\n", close=False) from lost
                    elif not retriable:
                        raise _HttpError(503, "The SPARQL engine was restarted while it ran this update, to stop "
                                              "another query; check the store and send it again if needed.\n",
                                         close=False) from lost
                    log.debug("sending the query again (attempt %d): %s", attempt + 1, lost)
                finally:
                    self.engines.release(engine)
            finally:
                self.slots.release()
        raise _HttpError(503, "The SPARQL engine was restarted too often while this query waited; retry in a "
                              "moment.\n", close=False)

    async def _supervise(self, exchange: _Exchange, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                         deadline: float) -> bool:
        """Run ``exchange`` while watching its deadline and its client. A query past its deadline, or whose
        client has gone, is stopped by killing the engine that runs it (Oxigraph cannot cancel a query)."""
        task = asyncio.ensure_future(exchange.run())
        loop = asyncio.get_running_loop()
        try:
            while True:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    self.engines.cancel(exchange.engine, f"past the --timeout of {self.config.timeout_s:g} s")
                    await _cancelled(task)
                    if exchange.started:  # the answer is streaming: cut it off, the client sees it incomplete
                        writer.transport.abort()
                        raise _HttpError(499, "cut off at the deadline")
                    raise self._timeout_error()
                done, _ = await asyncio.wait({task}, timeout=min(remaining, 0.1))
                if done:
                    return task.result()
                if writer.transport.is_closing() or reader.at_eof() or reader.exception() is not None:
                    self.engines.cancel(exchange.engine, "its client disconnected")
                    await _cancelled(task)
                    raise _HttpError(499, "the client went away")
        finally:
            if not task.done():
                await _cancelled(task)

    def _timeout_error(self) -> _HttpError:
        return _HttpError(503, f"The query ran longer than {self.config.timeout_s:g} s and was stopped. Narrow it "
                               "(more specific patterns, LIMIT, fewer joins), or restart the server with a larger "
                               "--timeout.\n", close=False)

    def _crash_error(self, memory: bool, lost: _EngineLost, retriable: bool) -> _HttpError:
        if memory:
            limit = self.config.memory_bytes
            ceiling = f"more than {_size(limit)}" if limit else "more memory than the machine has"
            return _HttpError(503, f"The query needed {ceiling} of memory and was stopped. Narrow it (more "
                                   "specific patterns, LIMIT, fewer joins), or restart the server with a larger "
                                   "--memory-limit. A damaged store can do this too: 'kg build' remakes it.\n",
                              close=False)
        again = "" if retriable else " It was running an update: check the store."
        return _HttpError(502, f"The SPARQL engine stopped while answering ({lost}); see the server's log.{again}\n",
                          close=False)

    def _engine_request(self, request: _Request, engine: _Engine) -> bytes:
        headers = [f"{request.method} {request.target} HTTP/1.1", "Host: 127.0.0.1"]
        headers += [f"{k}: {v}" for k, v in request.headers if k.lower() not in _HOP_BY_HOP]
        if request.body or request.method in ("POST", "PUT", "PATCH"):
            headers.append(f"Content-Length: {len(request.body)}")
        return ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + request.body


async def _cancelled(task: asyncio.Future[object]) -> None:
    task.cancel()
    with contextlib.suppress(BaseException):
        await task


async def _died_by_itself(engine: _Engine) -> bool:
    """Whether ``engine`` stopped without being killed here (a crash, or its memory ceiling)."""
    if engine.killed:
        return False
    if not engine.crashed:
        for _ in range(10):  # its sockets close a moment before it can be reaped
            if engine.process.poll() is not None:
                engine.crashed = True
                break
            await asyncio.sleep(0.01)
        else:
            return False
    if engine.drainer is not None and engine.drainer.is_alive():
        await asyncio.to_thread(engine.drainer.join, 1.0)  # its last words (out of memory?) are in its log
    return True


class _Exchange:
    """One request sent to the engine and its answer relayed to the client (run as one task).

    Answers up to ``stream_buffer_bytes`` are held until complete and sent with their
    length; longer ones stream on (chunked), and ``started`` turns true with the first
    byte sent, after which the answer can no longer be replaced by an error.
    """

    def __init__(self, front: _Front, engine: _Engine, request: _Request, data: bytes,
                 writer: asyncio.StreamWriter) -> None:
        self.front = front
        self.engine = engine
        self.request = request
        self.data = data
        self.writer = writer
        self.started = False

    async def run(self) -> bool:
        engine = self.engine
        for _ in range(2):  # a pooled connection the engine closed meanwhile: once more on a new one
            upstream, downstream, reused = await engine.connection()
            try:
                downstream.write(self.data)
                status, reason, headers = await _read_head(upstream)
                break
            except (ConnectionError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    ValueError) as exc:
                downstream.close()
                if not (reused and engine.alive):
                    raise _EngineLost(f"{type(exc).__name__}: {exc}") from exc
            except BaseException:
                downstream.close()
                raise
        else:
            raise _EngineLost("the engine closed the connection twice")
        try:
            return await self._relay(status, reason, headers, upstream, downstream)
        except (ConnectionError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
            downstream.close()
            if self.started:  # too late for an error status: cut the answer off
                client_gone = self.writer.transport.is_closing()
                self.writer.transport.abort()
                if client_gone:
                    self.front.engines.cancel(engine, "its client disconnected")
                else:
                    log.warning("an answer was cut off while streaming: %s: %s", type(exc).__name__, exc)
                return False
            raise _EngineLost(f"{type(exc).__name__}: {exc}") from exc
        except BaseException:
            downstream.close()
            raise

    async def _relay(self, status: int, reason: str, headers: list[tuple[str, str]],
                     upstream: asyncio.StreamReader, downstream: asyncio.StreamWriter) -> bool:
        request, writer = self.request, self.writer
        kept = [(k, v) for k, v in headers if k.lower() not in _HOP_BY_HOP and k.lower() != "server"]
        index = {k.lower(): v for k, v in headers}
        no_body = request.method == "HEAD" or status in (204, 304) or status < 200
        body = _Body(upstream, index, no_body=no_body)
        held: list[bytes] = []
        size = 0
        while size <= self.front.config.stream_buffer_bytes:
            chunk = await body.read()
            if not chunk:
                break
            held.append(chunk)
            size += len(chunk)
        else:
            return await self._stream(status, reason, kept, held, body, downstream)
        if body.reusable and "close" not in index.get("connection", "").lower():
            self.engine.release(upstream, downstream)
        else:
            downstream.close()
        if status == 500 and size < 4096 and _SHORT_OF_RESOURCES.search(b"".join(held)):
            raise _EngineShort(b"".join(held).decode("utf-8", errors="replace").strip())
        if status == 500 and size < 4096:
            reason_text = damage_reason(RuntimeError(b"".join(held).decode("utf-8", errors="replace")))
            if reason_text is not None:  # the engine read a damaged file: say what to do about it
                held, size = [f"{StoreDamagedError(self.engine.store, reason_text)}\n".encode()], 0
                size = len(held[0])
                kept = [(k, v) for k, v in kept if k.lower() != "content-type"]
                kept.append(("Content-Type", "text/plain; charset=utf-8"))
        keep = request.keep_alive
        out = [("Server", "cjkg"), *kept]
        if not no_body:
            out.append(("Content-Length", str(size)))
        elif request.method == "HEAD" and "content-length" in index:
            out.append(("Content-Length", index["content-length"]))
        out.append(("Connection", "keep-alive" if keep else "close"))
        self.started = True
        writer.write(_response_head(status, out, reason=reason) + b"".join(held))
        await writer.drain()
        return keep

    async def _stream(self, status: int, reason: str, kept: list[tuple[str, str]], held: list[bytes],
                      body: _Body, downstream: asyncio.StreamWriter) -> bool:
        request, writer = self.request, self.writer
        chunked = request.version == "HTTP/1.1"
        out = [("Server", "cjkg"), *kept]
        out += [("Transfer-Encoding", "chunked")] if chunked else []
        out.append(("Connection", "keep-alive" if chunked and request.keep_alive else "close"))
        self.started = True
        writer.write(_response_head(status, out, reason=reason))

        def frame(chunk: bytes) -> bytes:
            return b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk

        for chunk in held:
            writer.write(frame(chunk))
        while True:
            await writer.drain()
            chunk = await body.read()
            if not chunk:
                break
            writer.write(frame(chunk))
        if body.reusable:
            self.engine.release(body.reader, downstream)
        else:
            downstream.close()
        if chunked:
            writer.write(b"0\r\n\r\n")
        await writer.drain()
        return chunked and request.keep_alive


async def _read_head(upstream: asyncio.StreamReader) -> tuple[int, str, list[tuple[str, str]]]:
    head = await upstream.readuntil(b"\r\n\r\n")
    lines = head[:-4].decode("latin-1").split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    return int(code), reason, headers


class _Body:
    """The body of an engine response, read piece by piece whatever its framing."""

    def __init__(self, reader: asyncio.StreamReader, headers: dict[str, str], *, no_body: bool) -> None:
        self.reader = reader
        self.chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        length = headers.get("content-length")
        self.left = 0 if no_body else (int(length) if length is not None and not self.chunked else None)
        self.done = no_body or self.left == 0
        self.reusable = self.chunked or self.left is not None

    async def read(self) -> bytes:
        if self.done:
            return b""
        if self.chunked:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
            if size == 0:
                while (await self.reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                self.done = True
                return b""
            data = await self.reader.readexactly(size)
            await self.reader.readexactly(2)
            return data
        if self.left is not None:
            data = await self.reader.read(min(self.left, _CHUNK))
            if not data:
                raise asyncio.IncompleteReadError(b"", self.left)
            self.left -= len(data)
            self.done = self.left == 0
            return data
        data = await self.reader.read(_CHUNK)
        self.done = not data
        return data


# ---------------------------------------------------------------- the server


class SparqlServer:
    """The running endpoint: the proxy's event loop in a thread, and Oxigraph engines as child processes.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None
        self._engines: _Engines | None = None
        self._front: _Front | None = None
        self._address: tuple[str, int] | None = None

    @property
    def url(self) -> str:
        """Base URL of the public endpoint, such as ``http://127.0.0.1:7878``."""
        if self._address is None:
            raise ServeError("the server is not running: call start() first")
        host, port = self._address
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    @property
    def engine_url(self) -> str:
        """URL of the current Oxigraph engine on its private loopback port (behind the proxy)."""
        engine = self._engine()
        return f"http://127.0.0.1:{engine.port}"

    @property
    def engine_pid(self) -> int:
        """Process id of the current Oxigraph engine."""
        return self._engine().process.pid

    @property
    def engine_restarts(self) -> int:
        """How many times an engine was killed to stop a query."""
        return self._engines.restarts if self._engines is not None else 0

    def _engine(self) -> _Engine:
        if self._engines is None or self._loop is None:
            raise ServeError("the server is not running: call start() first")
        future = asyncio.run_coroutine_threadsafe(self._engines.acquire(), self._loop)
        try:
            return future.result(timeout=self.config.startup_timeout_s + 5)
        except _EngineUnavailable as exc:
            raise ServeError(str(exc)) from exc

    def start(self) -> SparqlServer:
        """Start an engine on the store, then listen on the public address."""
        config = self.config
        open_oxigraph(config.store)  # a clear error now if the store is missing or damaged
        if not _is_loopback(config.host):
            log.warning("serving on %s: the endpoint is reachable from other machines", config.host)
        self._engines = _Engines(config)
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="kg-serve", daemon=True)
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._open(), loop).result(timeout=config.startup_timeout_s + 10)
        except _EngineUnavailable as exc:
            self.stop()
            raise ServeError(str(exc)) from exc
        except BaseException:
            self.stop()
            raise
        log.info("SPARQL endpoint at %s/query (%s)", self.url, "writable" if config.writable else "read-only")
        return self

    def _run(self) -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    async def _open(self) -> None:
        assert self._engines is not None
        config = self.config
        front = self._front = _Front(config, self._engines)
        try:
            self._server = await asyncio.start_server(
                front.handle, config.host, config.port, backlog=4096, reuse_address=True, limit=_MAX_HEADER_BYTES)
        except OSError as exc:
            raise ServeError(_listen_error(config, exc)) from exc
        await self._engines.acquire()  # queries that come meanwhile wait for it
        address = self._server.sockets[0].getsockname()
        self._address = (address[0], address[1])
        asyncio.ensure_future(self._watchdog())

    async def _watchdog(self) -> None:
        """Restart a dead engine and move to a new build even when no query comes."""
        assert self._engines is not None
        while True:
            await asyncio.sleep(0.5)
            engines = self._engines
            engine = engines.current
            with contextlib.suppress(_EngineUnavailable):
                if engine is not None and not engine.alive:
                    engines.drop(engine)
                    await engines.acquire()
                elif engine is not None and not self.config.writable:
                    identity = engines.build().identity
                    if identity is not None and identity != engine.identity:
                        await engines.acquire()

    def stop(self) -> None:
        """Close the public port and stop the engines."""
        loop = self._loop
        if loop is not None and loop.is_running():
            async def close() -> None:
                if self._server is not None:
                    self._server.close()
                if self._front is not None:
                    self._front.close_clients()  # their handlers end by themselves (cancelling them is noisy)
                if self._engines is not None:
                    self._engines.close()
                await asyncio.sleep(0.15)
                tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
                for task in tasks:  # the watchdog, and anything still waiting
                    task.cancel()
                if tasks:
                    await asyncio.wait(tasks, timeout=5)

            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=15)
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=15)
        if loop is not None and not loop.is_running():
            loop.close()
        if self._engines is not None:
            self._engines.close()
        self._loop = self._thread = self._server = self._front = None
        self._address = None

    def is_alive(self) -> bool:
        """Whether the server is running."""
        return self._thread is not None and self._thread.is_alive()

    def log_tail(self) -> str:
        """The last lines the current engine wrote."""
        engine = self._engines.current if self._engines is not None else None
        return " ".join(list(engine.log)[-5:]) if engine is not None else ""

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _listen_error(config: ServeConfig, exc: OSError) -> str:
    where = f"{config.host}:{config.port}"
    if exc.errno == errno.EADDRINUSE:
        return (f"port {config.port} on {config.host} is already in use (another 'kg serve'?): "
                "choose another with --port, or --port 0 for any free port")
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on {where}: ports below 1024 need root; choose another with --port"
    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
        return f"cannot listen on {config.host}: not an address of this machine; change --host"
    return f"cannot listen on {where}: {exc.strerror or exc}; change --host or --port"


@contextlib.contextmanager
def _running(config: ServeConfig) -> Iterator[SparqlServer]:
    server = SparqlServer(config)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _stop_on_sigterm() -> None:
    # Turn SIGTERM into KeyboardInterrupt so that `kill PID` stops the engines too.
    if threading.current_thread() is threading.main_thread():
        def handler(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, handler)


def serve(
    store: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    static_dir: str | Path | None = None,
    timeout_s: float = 60,
    memory_bytes: int | None = None,
    max_body_bytes: int | None = None,
    allowed_hosts: tuple[str, ...] = (),
    on_ready: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve ``store`` until interrupted (Ctrl-C). ``static_dir`` defaults to the store's parent.

    ``on_ready`` is called with the running :class:`SparqlServer` (to print its URL).
    """
    store = Path(store)
    config = ServeConfig(
        store=store,
        host=host,
        port=port,
        writable=writable,
        static_dir=Path(static_dir) if static_dir is not None else store.resolve().parent,
        timeout_s=timeout_s,
        memory_bytes=memory_bytes,
        max_body_bytes=max_body_bytes,
        allowed_hosts=allowed_hosts,
    )
    _stop_on_sigterm()
    with _running(config) as server:
        if on_ready is not None:
            on_ready(server)
        try:
            while server.is_alive():
                time.sleep(0.5)
        except KeyboardInterrupt:
            log.info("stopping")
            return
        raise ServeError("the server stopped unexpectedly; see the log (-v)")
