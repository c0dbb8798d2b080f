"""`kg serve` under load on the loopback: 50 concurrent clients, and the engine alone as the yardstick.

The server runs as `kg serve` in a child process (the clients here would otherwise
share the proxy's interpreter); the engine alone is an Oxigraph process on the same
store, measured in the same run. Every request has a 10 s deadline and the run has a
fixed number of requests, so the test stops by itself. The figures go to
``serve_load.json`` in the artifacts folder; ``bench/bench_serve.py`` prints more.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from kg.serve import find_oxigraph
from tests.load import run_load
from tests.test_store import make_store

pytestmark = pytest.mark.slow

CJ, RDFS = "https://w3id.org/cjkg/ontology#", "http://www.w3.org/2000/01/rdf-schema#"
#: Simple SELECTs of the kind a page or a notebook sends, with their answers (the store of tests.test_store).
QUERIES = [
    f"SELECT ?city ?label WHERE {{ ?city a <{CJ}City> ; <{RDFS}label> ?label }} LIMIT 20",
    f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a <{CJ}Company> }}",
    f"ASK {{ ?x <{CJ}sisterCityOf> ?y }}",
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _process(command: list[str], port: int, *, ready: str | None = None) -> Iterator[subprocess.Popen[str]]:
    import socket

    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert child.poll() is None, child.stdout.read() if child.stdout else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"{command[0]} did not listen on {port} within 30 s")
        if ready is not None and child.stdout is not None:
            readable, _, _ = select.select([child.stdout], [], [], 10)
            assert readable and child.stdout.readline().startswith(ready)
        yield child
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=10)


def test_fifty_clients_no_errors_and_p99_under_100_ms(tmp_path, artifacts):
    store, _ = make_store(tmp_path)
    engine_port, proxy_port = _free_port(), _free_port()
    engine = [str(find_oxigraph()), "serve-read-only", "--location", str(store), "--bind",
              f"127.0.0.1:{engine_port}", "--union-default-graph"]
    proxy = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(proxy_port)]
    figures = {}
    with _process(engine, engine_port), _process(proxy, proxy_port, ready="SPARQL endpoint (read-only)"):
        for name, port in (("engine", engine_port), ("proxy", proxy_port)):
            url = f"http://127.0.0.1:{port}/query"
            run_load(url, QUERIES, clients=50, requests=300)  # warm up: connections, caches
            figures[name] = run_load(url, QUERIES, clients=50, requests=2000, timeout_s=10)
    summary = {name: result.summary() for name, result in figures.items()}
    (artifacts / "serve_load.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    engine_result, proxy_result = figures["engine"], figures["proxy"]
    assert engine_result.errors == {} and len(engine_result.latencies) == 2000, summary
    assert proxy_result.errors == {}, summary
    assert len(proxy_result.latencies) == 2000
    # p99 under 100 ms, as the issue asks; on a machine so loaded that the engine alone takes over
    # 33 ms at p99, three times the engine's p99 in this same run (the old proxy took over 1 s).
    assert proxy_result.percentile(99) < max(0.100, 3 * engine_result.percentile(99)), summary
