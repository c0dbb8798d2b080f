"""The engines: Oxigraph server processes, started, killed to stop a query, replaced and retired."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError, ServeError
from ..store import open_oxigraph
from ._builds import Build, current_build
from ._config import ServeConfig
from ._wire import MAX_HEADER_BYTES

log = logging.getLogger(__name__)


def find_oxigraph() -> Path:
    """Path of the ``oxigraph`` server binary (installed by the ``oxigraph`` package)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServeError("the oxigraph server is not installed: run 'pip install oxigraph==0.5.13' in this environment")




class EngineUnavailable(Exception):
    """No engine can run (the store is missing or damaged, the binary fails): the message says why."""


class EngineLost(Exception):
    """The engine connection broke before the answer was complete."""


class EngineShort(Exception):
    """The engine answered 500 for want of memory or threads (another query is near the memory ceiling)."""


#: What the engine says when it has no room left for a thread or a buffer.
SHORT_OF_RESOURCES = re.compile(rb"os error (11|12)\b|Resource temporarily unavailable|Cannot allocate memory")


@dataclass(eq=False)
class Engine:
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
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port, limit=MAX_HEADER_BYTES)
        except OSError as exc:
            raise EngineLost(f"cannot connect to the engine: {exc}") from exc
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
    soft = memory_bytes if memory_bytes is None or hard == resource.RLIM_INFINITY else min(memory_bytes, hard)

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


class Engines:
    """The engine the proxy sends queries to: started, killed, replaced and retired here (one event loop)."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.out = config.static_dir if config.static_dir is not None else Path(os.path.abspath(config.store)).parent
        self.current: Engine | None = None
        self.retired: list[Engine] = []
        self.generation = 0
        self.restarts = 0
        self._starting: asyncio.Future[Engine] | None = None
        self._failure: tuple[float, str] | None = None
        self._next_check = 0.0
        self._binary = find_oxigraph()
        self._death_signal = _death_signal()

    def build(self) -> Build:
        return current_build(self.out, store=self.config.store)

    async def acquire(self) -> Engine:
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

    def drop(self, engine: Engine) -> None:
        """Forget a dead or killed engine (the next :meth:`acquire` starts another)."""
        if self.current is engine:
            self.current = None
        if not engine.killed and not engine.crashed and engine.process.poll() is not None:
            engine.crashed = True
            log.warning("the SPARQL engine stopped (exit status %s): %s", engine.process.returncode,
                        " ".join(list(engine.log)[-3:]))
        engine.kill(on_purpose=False)

    def retire(self, engine: Engine) -> None:
        """No new queries for ``engine``; it is killed once its queries are done."""
        engine.retired = True
        if self.current is engine:
            self.current = None
        if engine.active == 0:
            engine.kill()
        else:
            self.retired.append(engine)

    def cancel(self, engine: Engine, why: str) -> None:
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

    def release(self, engine: Engine) -> None:
        engine.active -= 1
        if engine.retired and engine.active == 0 and not engine.killed:
            engine.kill()
            with contextlib.suppress(ValueError):
                self.retired.remove(engine)

    async def _start(self) -> Engine:
        try:
            if self._failure is not None and time.monotonic() - self._failure[0] < 1.0:
                raise EngineUnavailable(self._failure[1])
            engine = await self._spawn()
            self._failure = None
            self.current = engine
            return engine
        except EngineUnavailable as exc:
            self._failure = (time.monotonic(), str(exc))
            raise
        finally:
            self._starting = None

    async def _spawn(self) -> Engine:
        config = self.config
        build = self.build()
        if build.identity is None:
            raise EngineUnavailable(f"There is no store at {build.store}: run 'kg build ARTICLES --out OUT' "
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
        engine = Engine(self.generation, build.store, build.identity, port, process, lines)
        engine.drainer = threading.Thread(target=_drain, args=(process, lines, self.generation), name="oxigraph-log",
                                          daemon=True)
        engine.drainer.start()
        deadline = time.monotonic() + config.startup_timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                await asyncio.sleep(0.05)  # let the log thread read the last lines
                raise EngineUnavailable(self._why_not(engine))
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                return engine
            await asyncio.sleep(0.005)
        engine.kill()
        raise EngineUnavailable(f"The SPARQL engine did not start within {config.startup_timeout_s:g} s.")

    def _why_not(self, engine: Engine) -> str:
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


