"""A small HTTP load generator for SPARQL endpoints (used by tests/test_serve_load.py and bench/bench_serve.py).

``clients`` concurrent clients send ``requests`` GET queries in all, each as soon as
its previous answer is in (a closed loop), on asyncio with raw sockets so the
generator costs little CPU next to the server it measures. By default every request
opens a new connection (``Connection: close``), as most SPARQL clients do, which is
also what fills a server's listen queue; ``keep_alive=True`` reuses one connection per
client. Latency runs from the start of the connection to the last byte of the answer.
Every request has a deadline; a refused or reset connection, a timeout or a status
other than 200 counts as an error.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

__all__ = ["LoadResult", "run_load"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load run measured: latencies in seconds, errors by kind, wall time."""

    latencies: tuple[float, ...]
    errors: Counter[str] = field(default_factory=Counter)
    wall_s: float = 0.0

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall_s if self.wall_s else 0.0

    def percentile(self, q: float) -> float:
        """The ``q``-th percentile latency in seconds (nearest rank); ``nan`` if nothing succeeded."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]

    def summary(self) -> dict[str, float | int | str]:
        ms = 1000.0
        return {
            "requests": self.requests, "ok": len(self.latencies), "errors": sum(self.errors.values()),
            "req/s": round(self.throughput), "p50 ms": round(self.percentile(50) * ms, 1),
            "p90 ms": round(self.percentile(90) * ms, 1), "p99 ms": round(self.percentile(99) * ms, 1),
            "max ms": round(max(self.latencies, default=float("nan")) * ms, 1),
            "mean ms": round(statistics.fmean(self.latencies) * ms, 1) if self.latencies else float("nan"),
            "error kinds": ", ".join(f"{kind} ×{n}" for kind, n in self.errors.most_common()) or "-",
        }


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body, and whether the server keeps the connection open for the next request."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    connection = headers.get("connection", "").lower()
    reusable = "close" not in connection and (lines[0].startswith("HTTP/1.1") or "keep-alive" in connection)
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        body = b"".join(parts)
    else:
        body = await reader.read()
        reusable = False
    return status, body, reusable


async def _client(host: str, port: int, paths: list[str], accept: str, keep_alive: bool, timeout_s: float,
                  latencies: list[float], errors: Counter[str], queue: asyncio.Queue[int]) -> None:
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while True:
        try:
            index = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        request = (f"GET {paths[index % len(paths)]} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: {accept}\r\n"
                   f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n").encode("ascii")
        started = time.perf_counter()
        try:
            async with asyncio.timeout(timeout_s):
                if connection is None:
                    connection = await asyncio.open_connection(host, port)
                reader, writer = connection
                writer.write(request)
                await writer.drain()
                status, _, reusable = await _read_response(reader)
            if status != 200:
                errors[f"HTTP {status}"] += 1
            else:
                latencies.append(time.perf_counter() - started)
        except TimeoutError:
            errors["timeout"] += 1
            connection = _close(connection)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as exc:
            errors[type(exc).__name__] += 1
            connection = _close(connection)
        else:
            if not (keep_alive and reusable):  # the server may close after each answer (HTTP/1.0)
                connection = _close(connection)
    _close(connection)


def _close(connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None) -> None:
    if connection is not None:
        connection[1].close()
    return None


async def _run(url: str, queries: list[str], clients: int, requests: int, accept: str, keep_alive: bool,
               timeout_s: float) -> LoadResult:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    paths = [f"{parts.path or '/'}?{urlencode({'query': query})}" for query in queries]
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    started = time.perf_counter()
    await asyncio.gather(*(_client(host, port, paths, accept, keep_alive, timeout_s, latencies, errors, queue)
                           for _ in range(clients)))
    return LoadResult(tuple(latencies), errors, time.perf_counter() - started)


def run_load(url: str, queries: list[str], *, clients: int = 50, requests: int = 2000,
             accept: str = "application/sparql-results+json", keep_alive: bool = False,
             timeout_s: float = 10.0) -> LoadResult:
    """Send ``requests`` GET queries (cycling through ``queries``) to ``url`` from ``clients`` clients.

    The clients run on an event loop of their own, in a thread of their own (the caller may be
    running a loop already, as Playwright's sync API does).
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="load") as pool:
        return pool.submit(asyncio.run, _run(url, queries, clients, requests, accept, keep_alive, timeout_s)).result()
