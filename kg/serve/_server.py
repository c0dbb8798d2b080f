"""The running server: the proxy's event loop in a thread, and ``serve()`` for ``kg serve``."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import ServeError
from ..store import open_oxigraph
from ._config import ServeConfig
from ._engine import Engine, Engines, EngineUnavailable
from ._front import Front, is_loopback
from ._wire import MAX_HEADER_BYTES

log = logging.getLogger(__name__)


class SparqlServer:
    """The running endpoint: the proxy's event loop in a thread, and Oxigraph engines as child processes.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None
        self._engines: Engines | None = None
        self._front: Front | None = None
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

    def _engine(self) -> Engine:
        if self._engines is None or self._loop is None:
            raise ServeError("the server is not running: call start() first")
        future = asyncio.run_coroutine_threadsafe(self._engines.acquire(), self._loop)
        try:
            return future.result(timeout=self.config.startup_timeout_s + 5)
        except EngineUnavailable as exc:
            raise ServeError(str(exc)) from exc

    def start(self) -> SparqlServer:
        """Start an engine on the store, then listen on the public address."""
        config = self.config
        open_oxigraph(config.store)  # a clear error now if the store is missing or damaged
        if not is_loopback(config.host):
            log.warning("serving on %s: the endpoint is reachable from other machines", config.host)
        self._engines = Engines(config)
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="kg-serve", daemon=True)
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._open(), loop).result(timeout=config.startup_timeout_s + 10)
        except EngineUnavailable as exc:
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
        front = self._front = Front(config, self._engines)
        try:
            self._server = await asyncio.start_server(
                front.handle, config.host, config.port, backlog=4096, reuse_address=True, limit=MAX_HEADER_BYTES)
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
            with contextlib.suppress(EngineUnavailable):
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
        static_dir=Path(static_dir) if static_dir is not None else Path(os.path.abspath(store)).parent,
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
