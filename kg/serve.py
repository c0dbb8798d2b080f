"""``kg serve``: a SPARQL 1.1 Protocol endpoint on the store, a query page, and the HTML graph.

The SPARQL work is done by Oxigraph's own server (the ``oxigraph`` package's native
binary), run as a child process on a private loopback port: it implements the
protocol (GET and POST, every standard result format, content negotiation) and
ships its query page (YASGUI, no CDN). In front of it a small standard-library
proxy listens on the public address. The proxy exists for two reasons: it serves
``graph.html`` (and the files beside it) from the same origin as the endpoint, and
it refuses writes itself, so a read-only server says clearly why, whatever route a
client tries. Oxigraph's read-only mode refuses them as well, underneath.

Routes: ``/`` the query page, ``/query`` and ``/sparql`` SPARQL queries, ``/graph.html``
the graph view when the build wrote one; with ``writable`` also ``/update`` and
``/store`` (Graph Store Protocol). The default graph is the union of the documents.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import logging
import mimetypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import ServeError
from .store import open_oxigraph

__all__ = ["ServeConfig", "SparqlServer", "find_oxigraph", "serve"]

log = logging.getLogger(__name__)

#: Suffixes of the files served from beside the store (the graph view and its assets).
STATIC_SUFFIXES = frozenset({".html", ".js", ".css", ".svg", ".png", ".json", ".ttl", ".woff", ".woff2"})
_HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
    "transfer-encoding", "upgrade", "host",
})
_READ_ONLY_MESSAGE = (
    "This SPARQL endpoint is read-only: SPARQL Update and Graph Store writes are refused. "
    "Restart it with 'kg serve --writable' to allow them.\n"
)


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What to serve and where: the store, the public address, writes, the graph view's folder."""

    store: Path
    host: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    static_dir: Path | None = None
    timeout_s: int = 60
    startup_timeout_s: float = 20.0


def find_oxigraph() -> Path:
    """Path of the ``oxigraph`` server binary (installed by the ``oxigraph`` package)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServeError("the oxigraph server is not installed: run 'pip install oxigraph==0.5.13' in this environment")


def _free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    # Linux: the kernel stops the oxigraph child if this process dies without cleaning up.
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _stop_on_sigterm() -> None:
    # Turn SIGTERM into KeyboardInterrupt so that `kill PID` stops the child server too.
    if threading.current_thread() is threading.main_thread():
        def handler(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, handler)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host).is_loopback
    return False


class _Handler(BaseHTTPRequestHandler):
    """Serve static files from ``static_dir``, refuse writes unless writable, proxy the rest."""

    server: _FrontServer
    server_version = "cjkg"

    # -- dispatch

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._handle(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle(with_body=False)

    def do_POST(self) -> None:  # noqa: N802
        self._handle(with_body=True)

    def do_PUT(self) -> None:  # noqa: N802
        self._handle(with_body=True)

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle(with_body=True)

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle(with_body=True)

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._handle(with_body=True)

    def _handle(self, *, with_body: bool) -> None:
        url = urlsplit(self.path)
        body = self._read_body()
        if self.command in ("GET", "HEAD") and self._serve_static(url.path, with_body=with_body):
            return
        if not self.server.config.writable and self._is_write(url.path, url.query, body):
            self._reply(403, _READ_ONLY_MESSAGE)
            log.info("refused a write: %s %s", self.command, url.path)
            return
        self._proxy(body, with_body=with_body)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    # -- writes

    def _is_write(self, path: str, query: str, body: bytes) -> bool:
        if self.command not in ("GET", "HEAD", "POST", "OPTIONS"):
            return True
        route = path.rstrip("/")
        if route == "/update" or (route == "/store" and self.command == "POST"):
            return True
        if "update" in parse_qs(query):
            return True
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/sparql-update":
            return True
        if content_type == "application/x-www-form-urlencoded":
            return "update" in parse_qs(body.decode("utf-8", errors="replace"))
        return False

    # -- static files

    def _serve_static(self, path: str, *, with_body: bool) -> bool:
        static = self.server.config.static_dir
        if static is None or path in ("", "/"):
            return False
        root = static.resolve()
        target = (root / path.lstrip("/")).resolve()
        store = self.server.config.store.resolve()
        if (
            not target.is_relative_to(root)
            or target.is_relative_to(store)
            or target.suffix.lower() not in STATIC_SUFFIXES
            or any(part.startswith(".") for part in target.relative_to(root).parts)
        ):
            return False
        if not target.is_file():
            if path == "/graph.html":
                self._reply(404, f"No graph.html in {static}: 'kg build' writes it next to the store.\n")
                return True
            return False
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if with_body:
            self.wfile.write(data)
        return True

    # -- proxy

    def _proxy(self, body: bytes, *, with_body: bool) -> None:
        host, port = self.server.backend
        connection = http.client.HTTPConnection(host, port, timeout=self.server.config.timeout_s + 5)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        headers["Host"] = f"{host}:{port}"
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
        except OSError as exc:
            log.error("the SPARQL engine did not answer: %s", exc)
            self._reply(502, f"The SPARQL engine did not answer ({exc}); see the server's log.\n")
            return
        try:
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            self.end_headers()
            if with_body:
                while chunk := response.read(64 * 1024):
                    self.wfile.write(chunk)
        finally:
            connection.close()

    def _reply(self, status: int, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        log.debug("%s %s", self.address_string(), format % args)


class _FrontServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, config: ServeConfig, backend: tuple[str, int]) -> None:
        self.config = config
        self.backend = backend
        super().__init__((config.host, config.port), _Handler)


class SparqlServer:
    """The running endpoint: Oxigraph in a child process and the front proxy in a thread.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._process: subprocess.Popen[bytes] | None = None
        self._front: _FrontServer | None = None
        self._thread: threading.Thread | None = None
        self._stderr: list[str] = []

    @property
    def url(self) -> str:
        """Base URL of the public endpoint, such as ``http://127.0.0.1:7878``."""
        if self._front is None:
            raise ServeError("the server is not running: call start() first")
        host, port = self._front.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def engine_url(self) -> str:
        """URL of the Oxigraph child on its private loopback port (behind the proxy)."""
        if self._front is None:
            raise ServeError("the server is not running: call start() first")
        host, port = self._front.backend
        return f"http://{host}:{port}"

    def start(self) -> SparqlServer:
        """Start Oxigraph on a private port, wait until it answers, then open the public port."""
        config = self.config
        open_oxigraph(config.store)  # a clear error now if the store is missing or broken
        if not _is_loopback(config.host):
            log.warning("serving on %s: the endpoint is reachable from other machines", config.host)
        backend = ("127.0.0.1", _free_port())
        command = [
            str(find_oxigraph()),
            "serve" if config.writable else "serve-read-only",
            "--location", str(config.store),
            "--bind", f"{backend[0]}:{backend[1]}",
            "--union-default-graph",
            "--timeout-s", str(config.timeout_s),
        ]
        log.info("starting %s", " ".join(command))
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        threading.Thread(target=self._drain, name="oxigraph-log", daemon=True).start()
        try:
            self._wait_ready(backend)
            self._front = _FrontServer(config, backend)
        except BaseException:
            self.stop()
            raise
        self._thread = threading.Thread(target=self._front.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        log.info("SPARQL endpoint at %s/query (%s)", self.url, "writable" if config.writable else "read-only")
        return self

    def _drain(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for raw in self._process.stdout:
            line = raw.decode("utf-8", errors="replace").rstrip()
            self._stderr.append(line)
            del self._stderr[:-50]
            log.debug("oxigraph: %s", line)

    def _wait_ready(self, backend: tuple[str, int]) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.config.startup_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                time.sleep(0.1)  # let the log thread read the last lines
                said = " ".join(self._stderr[-5:]) or f"exit status {self._process.returncode}"
                raise ServeError(f"the oxigraph server stopped at start: {said}; "
                                 "is another 'kg serve --writable' using the store?")
            with contextlib.suppress(OSError):
                with socket.create_connection(backend, timeout=0.5):
                    return
            time.sleep(0.05)
        raise ServeError(f"the oxigraph server did not answer within {self.config.startup_timeout_s:.0f} s")

    def stop(self) -> None:
        """Close the public port and stop the Oxigraph child process."""
        if self._front is not None:
            self._front.shutdown()
            self._front.server_close()
            self._front = None
        if self._process is not None:
            if self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait(timeout=10)
            self._process = None

    def is_alive(self) -> bool:
        """Whether the Oxigraph child process is still running."""
        return self._process is not None and self._process.poll() is None

    def log_tail(self) -> str:
        """The last lines Oxigraph wrote."""
        return " ".join(self._stderr[-5:])

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextlib.contextmanager
def _running(config: ServeConfig) -> Iterator[SparqlServer]:
    server = SparqlServer(config)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def serve(
    store: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    static_dir: str | Path | None = None,
    timeout_s: int = 60,
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
        raise ServeError(f"the oxigraph server stopped unexpectedly: {server.log_tail()}")
