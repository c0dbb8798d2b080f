"""The public side of the proxy: requests checked and answered here, or sent to the engine under watch."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import mimetypes
import os
import socket
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import StoreDamagedError
from ..store import damage_reason, prefixes
from ._config import ServeConfig
from ._engine import SHORT_OF_RESOURCES, Engine, EngineLost, Engines, EngineShort, EngineUnavailable
from ._page import query_page
from ._wire import Body, HttpError, Request, read_head, read_request, response_head, size_text

log = logging.getLogger(__name__)

#: Suffixes of the files served from beside the store (the graph view and its assets).
STATIC_SUFFIXES = frozenset({".html", ".js", ".css", ".svg", ".png", ".json", ".ttl", ".woff", ".woff2"})
#: Files of the query page that the engine ships (YASGUI, its stylesheet, the logo).
ENGINE_ASSETS = frozenset({"/yasgui.min.js", "/yasgui.min.css", "/logo.svg"})
_HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
    "transfer-encoding", "upgrade", "host", "content-length", "expect", "proxy-connection",
})
_READ_ONLY_MESSAGE = (
    "This SPARQL endpoint is read-only: SPARQL Update and Graph Store writes are refused. "
    "Restart it with 'kg serve --writable' to allow them.\n"
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this machine's loopback."""
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
    if not is_loopback(config.host):
        with contextlib.suppress(OSError):
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return frozenset(names)


def _host_part(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Front:
    """The public side: parses requests, answers the page, static files and refusals, proxies the rest."""

    def __init__(self, config: ServeConfig, engines: Engines) -> None:
        self.config = config
        self.engines = engines
        self.hosts = _host_names(config)
        self.slots = asyncio.Semaphore(config.max_engine_requests)
        # A query that was on an engine when it died by itself runs again alone, so that an engine
        # that dies once more while it runs can only have died of that query (an innocent query
        # beside a memory bomb is answered, the bomb gets the error).
        self.alone = asyncio.Lock()
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
                    request = await read_request(reader, writer, self.config.body_limit, idle_s=30)
                except HttpError as error:
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

    async def respond(self, request: Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
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
        except HttpError as error:
            return await self._reply_error(writer, error, head_only=request.method == "HEAD", request=request)

    def _check_host(self, request: Request) -> None:
        host = request.header("host")
        if host is None:
            if request.version == "HTTP/1.1":
                raise HttpError(400, "An HTTP/1.1 request needs a Host header.\n")
            return
        name = _host_part(host)
        if self.hosts is None or name in self.hosts:
            return
        with contextlib.suppress(ValueError):
            ipaddress.ip_address(name)
            return  # an address, not a name: no DNS rebinding through it
        raise HttpError(403, f"This server does not answer to the name {name!r} (a guard against DNS "
                              f"rebinding). If you reach it by that name, restart it with "
                              f"'kg serve --allow-host {name}'.\n", close=False)

    # -- answers made here

    async def _local(self, path: str, request: Request) -> tuple[int, str, bytes, list[tuple[str, str]]] | None:
        if path in ("/", "/index.html"):
            if self.page is None:
                self.page = await asyncio.to_thread(query_page, self.config)
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
            try:  # the view of the build current_build() names (its manifest's), never another's
                return 200, "text/html; charset=utf-8", build.graph_html.read_bytes(), [("Cache-Control", "no-cache")]
            except OSError:
                return 503, "text/plain; charset=utf-8", (
                    f"The graph.html in {static} was replaced while it was read: reload.\n").encode(), \
                    [("Retry-After", "1")]
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

    def _is_write(self, request: Request, path: str, query: str) -> bool:
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

    async def _reply(self, writer: asyncio.StreamWriter, request: Request | None, status: int, data: bytes, *,
                     kind: str = "text/plain; charset=utf-8", extra: list[tuple[str, str]] = (),
                     close: bool = False) -> bool:
        keep = request is not None and request.keep_alive and not close
        headers = [("Server", "cjkg"), ("Content-Type", kind), ("Content-Length", str(len(data))), *extra,
                   ("Connection", "keep-alive" if keep else "close")]
        writer.write(response_head(status, headers))
        if request is None or request.method != "HEAD":
            writer.write(data)
        await writer.drain()
        return keep

    async def _reply_error(self, writer: asyncio.StreamWriter, error: HttpError, *, head_only: bool,
                           request: Request | None = None) -> bool:
        if error.status == 499:  # the client went away: nobody to answer
            return False
        if error.status >= 500:
            log.warning("%d: %s", error.status, error.message.strip())
        data = error.message.encode("utf-8")
        return await self._reply(writer, None if error.close else request, error.status,
                                 b"" if head_only else data, close=error.close)

    # -- the proxy

    async def _proxy(self, request: Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
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
                        engine = await self._engine_for(suspect=strikes > 0)
                except TimeoutError:
                    raise self._timeout_error() from None
                except EngineUnavailable as exc:
                    raise HttpError(503, f"{exc}\n", close=False) from exc
                data = data or self._engine_request(request, engine)
                engine.active += 1
                try:
                    exchange = _Exchange(self, engine, request, data, writer)
                    return await self._supervise(exchange, reader, writer, deadline)
                except EngineShort as said:
                    # Another query holds the memory: it will be stopped at the ceiling, then this one runs.
                    short += 1
                    if short > 20 or not retriable:
                        raise HttpError(503, f"The SPARQL engine is short of memory or threads ({said}). Retry in a "
                                              "moment, or restart the server with a larger --memory-limit.\n",
                                         close=False) from said
                    attempt -= 1  # waiting for room is not a failed attempt
                    await asyncio.sleep(min(0.02 * short, 0.25))
                except EngineLost as lost:
                    if await died_by_itself(engine):
                        strikes += 1
                        memory = engine.out_of_memory()
                        self.engines.drop(engine)
                        if strikes >= 2 or not retriable:
                            raise self._crash_error(memory, lost, retriable) from lost
                    elif engine.alive:
                        raise HttpError(502, f"The SPARQL engine did not answer ({lost}); see the server's "
                                              "log.\n", close=False) from lost
                    elif not retriable:
                        raise HttpError(503, "The SPARQL engine was restarted while it ran this update, to stop "
                                              "another query; check the store and send it again if needed.\n",
                                         close=False) from lost
                    log.debug("sending the query again (attempt %d): %s", attempt + 1, lost)
                finally:
                    self.engines.release(engine)
                    if strikes > 0 and self.alone.locked() and self._alone_engine is engine:
                        self._alone_engine = None
                        self.alone.release()
            finally:
                self.slots.release()
        raise HttpError(503, "The SPARQL engine was restarted too often while this query waited; retry in a "
                              "moment.\n", close=False)

    _alone_engine: Engine | None = None

    async def _engine_for(self, *, suspect: bool) -> Engine:
        """The engine to send a query to. A ``suspect`` (a query that was on an engine that died by
        itself) waits until it can run alone; the others wait while a suspect runs."""
        if suspect:
            await self.alone.acquire()
            try:
                while True:
                    engine = await self.engines.acquire()
                    if engine.active == 0:
                        self._alone_engine = engine
                        return engine
                    await asyncio.sleep(0.005)
            except BaseException:
                self.alone.release()
                raise
        while True:
            while self.alone.locked():
                await asyncio.sleep(0.005)
            engine = await self.engines.acquire()
            if not self.alone.locked():
                return engine

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
                        raise HttpError(499, "cut off at the deadline")
                    raise self._timeout_error()
                done, _ = await asyncio.wait({task}, timeout=min(remaining, 0.1))
                if done:
                    return task.result()
                if writer.transport.is_closing() or reader.at_eof() or reader.exception() is not None:
                    self.engines.cancel(exchange.engine, "its client disconnected")
                    await _cancelled(task)
                    raise HttpError(499, "the client went away")
        finally:
            if not task.done():
                await _cancelled(task)

    def _timeout_error(self) -> HttpError:
        return HttpError(503, f"The query ran longer than {self.config.timeout_s:g} s and was stopped. Narrow it "
                               "(more specific patterns, LIMIT, fewer joins), or restart the server with a larger "
                               "--timeout.\n", close=False)

    def _crash_error(self, memory: bool, lost: EngineLost, retriable: bool) -> HttpError:
        if memory:
            limit = self.config.memory_bytes
            ceiling = f"more than {size_text(limit)}" if limit else "more memory than the machine has"
            return HttpError(503, f"The query needed {ceiling} of memory and was stopped. Narrow it (more "
                                   "specific patterns, LIMIT, fewer joins), or restart the server with a larger "
                                   "--memory-limit. A damaged store can do this too: 'kg build' remakes it.\n",
                              close=False)
        again = "" if retriable else " It was running an update: check the store."
        return HttpError(502, f"The SPARQL engine stopped while answering ({lost}); see the server's log.{again}\n",
                          close=False)

    def _engine_request(self, request: Request, engine: Engine) -> bytes:
        headers = [f"{request.method} {request.target} HTTP/1.1", "Host: 127.0.0.1"]
        headers += [f"{k}: {v}" for k, v in request.headers if k.lower() not in _HOP_BY_HOP]
        if request.body or request.method in ("POST", "PUT", "PATCH"):
            headers.append(f"Content-Length: {len(request.body)}")
        return ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + request.body


async def _cancelled(task: asyncio.Future[object]) -> None:
    task.cancel()
    with contextlib.suppress(BaseException):
        await task


#: How long a lost engine may take to be reaped before it counts as alive (see died_by_itself).
_REAP_WAIT_S = 2.0


async def died_by_itself(engine: Engine) -> bool:
    """Whether ``engine`` stopped without being killed here (a crash, or its memory ceiling)."""
    if engine.killed:
        return False
    if not engine.crashed:
        # its sockets close a moment before it can be reaped: up to 2 s on a loaded machine (a
        # memory ceiling's kill takes that long there; 0.1 s answered "did not answer" to a query
        # beside one that was being stopped)
        waited = 0.0
        while engine.process.poll() is None:
            if waited >= _REAP_WAIT_S:
                return False
            await asyncio.sleep(0.01)
            waited += 0.01
        engine.crashed = True
    if engine.drainer is not None and engine.drainer.is_alive():
        await asyncio.to_thread(engine.drainer.join, 1.0)  # its last words (out of memory?) are in its log
    return True


class _Exchange:
    """One request sent to the engine and its answer relayed to the client (run as one task).

    Answers up to ``stream_buffer_bytes`` are held until complete and sent with their
    length; longer ones stream on (chunked), and ``started`` turns true with the first
    byte sent, after which the answer can no longer be replaced by an error.
    """

    def __init__(self, front: Front, engine: Engine, request: Request, data: bytes,
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
                status, reason, headers = await read_head(upstream)
                break
            except (ConnectionError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    ValueError) as exc:
                downstream.close()
                if not (reused and engine.alive):
                    raise EngineLost(f"{type(exc).__name__}: {exc}") from exc
            except BaseException:
                downstream.close()
                raise
        else:
            raise EngineLost("the engine closed the connection twice")
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
            raise EngineLost(f"{type(exc).__name__}: {exc}") from exc
        except BaseException:
            downstream.close()
            raise

    async def _relay(self, status: int, reason: str, headers: list[tuple[str, str]],
                     upstream: asyncio.StreamReader, downstream: asyncio.StreamWriter) -> bool:
        request, writer = self.request, self.writer
        kept = [(k, v) for k, v in headers if k.lower() not in _HOP_BY_HOP and k.lower() != "server"]
        index = {k.lower(): v for k, v in headers}
        no_body = request.method == "HEAD" or status in (204, 304) or status < 200
        body = Body(upstream, index, no_body=no_body)
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
        if status == 500 and size < 4096 and SHORT_OF_RESOURCES.search(b"".join(held)):
            raise EngineShort(b"".join(held).decode("utf-8", errors="replace").strip())
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
        writer.write(response_head(status, out, reason=reason) + b"".join(held))
        await writer.drain()
        return keep

    async def _stream(self, status: int, reason: str, kept: list[tuple[str, str]], held: list[bytes],
                      body: Body, downstream: asyncio.StreamWriter) -> bool:
        request, writer = self.request, self.writer
        chunked = request.version == "HTTP/1.1"
        out = [("Server", "cjkg"), *kept]
        out += [("Transfer-Encoding", "chunked")] if chunked else []
        out.append(("Connection", "keep-alive" if chunked and request.keep_alive else "close"))
        self.started = True
        writer.write(response_head(status, out, reason=reason))

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


