"""Benchmark: `kg serve` under load on the loopback, against the Oxigraph engine alone in the same run.

Starts, on the same store: the engine alone (``oxigraph serve-read-only``, the yardstick),
``kg serve`` from this checkout, and with ``--compare-ref REF`` also ``kg serve`` as it
was at git revision REF (extracted to a temporary folder). Each gets the same closed-loop
load (tests/load.py: N concurrent clients, each sending its next simple SELECT as soon as
its answer is in; a new connection per request, or keep-alive) and the table gives
throughput, latency percentiles and errors, with the p99 and throughput as ratios to the
engine's in the same run. Then a runaway query (a COUNT over a four-way cross join) is
sent to each ``kg serve`` started with ``--timeout 2``: what the client got, when, and the
CPU seconds the engine processes spent in the 3 s after the deadline.

    .venv/bin/python bench/bench_serve.py                          # the seeds' store, 20 and 50 clients
    .venv/bin/python bench/bench_serve.py --compare-ref 66d89ae    # also the proxy before issue 16
    .venv/bin/python bench/bench_serve.py --store out/store --requests 5000
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.serve import find_oxigraph  # noqa: E402
from tests.load import LoadResult, run_load  # noqa: E402

CJ, RDFS = "https://w3id.org/cjkg/ontology#", "http://www.w3.org/2000/01/rdf-schema#"
QUERIES = [
    f"SELECT ?city ?label WHERE {{ ?city a <{CJ}City> ; <{RDFS}label> ?label }} LIMIT 20",
    f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a <{CJ}Company> }}",
    f"ASK {{ ?x <{CJ}sisterCityOf> ?y }}",
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def process(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    # Run from a neutral folder: `python -m kg` would import the kg/ of the current folder first.
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                             cwd=tempfile.gettempdir())
    try:
        deadline = time.monotonic() + 60
        while True:
            if child.poll() is not None:
                raise SystemExit(f"{' '.join(command)} stopped at start (exit status {child.returncode})")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{' '.join(command)} did not listen within 60 s") from None
                time.sleep(0.05)
        time.sleep(0.3)
        yield child
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def seeds_store(folder: Path) -> Path:
    from kg.build import build

    build([ROOT / "seeds"], folder)
    return folder / "store"


def checkout(ref: str, folder: Path) -> Path:
    """The ``kg`` package as it was at ``ref``, extracted into ``folder`` (for PYTHONPATH)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "kg"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def runaway(port: int, server: subprocess.Popen[bytes], timeout_s: float) -> str:
    """Send the runaway COUNT; what came back and when; engine CPU seconds in the 3 s after the deadline."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout_s + 15)
    started = time.monotonic()
    try:
        connection.request("GET", "/query?" + urllib.parse.urlencode({"query": RUNAWAY}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        response.read()
        outcome = f"HTTP {response.status}"
    except (OSError, http.client.HTTPException) as exc:
        outcome = type(exc).__name__
    elapsed = time.monotonic() - started
    connection.close()
    pids = descendants(server.pid)
    before = cpu_seconds(pids)
    time.sleep(3)
    pids = list(set(pids) | set(descendants(server.pid)))
    busy = cpu_seconds(pids) - before
    return f"{outcome} after {elapsed:.1f} s; engine CPU in the next 3 s: {busy:.2f} s"


def row(name: str, mode: str, clients: int, result: LoadResult, yardstick: LoadResult | None) -> str:
    s = result.summary()
    ratio = ""
    if yardstick is not None and yardstick.latencies and result.latencies:
        ratio = (f"{result.percentile(99) / yardstick.percentile(99):6.2f}× "
                 f"{result.throughput / yardstick.throughput:6.2f}×")
    return (f"{name:<16} {mode:<10} {clients:>7} {s['req/s']:>7} {s['p50 ms']:>7} {s['p90 ms']:>7} "
            f"{s['p99 ms']:>7} {s['max ms']:>8} {s['errors']:>6}  {ratio:<16} {s['error kinds']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="an Oxigraph store (default: the seeds, built now)")
    parser.add_argument("--clients", default="20,50", help="concurrent clients, comma-separated")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--modes", default="close,keep-alive", help="close (a connection per request), keep-alive")
    parser.add_argument("--compare-ref", help="also measure kg serve as it was at this git revision")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        store = (args.store or seeds_store(Path(tmp) / "out")).resolve()
        env_now = dict(os.environ, PYTHONPATH=str(ROOT))
        targets: list[tuple[str, list[str], dict[str, str]]] = [("kg serve (now)", [], env_now)]
        if args.compare_ref:
            old = checkout(args.compare_ref, Path(tmp) / "old")
            targets.append((f"kg serve ({args.compare_ref})", [], dict(os.environ, PYTHONPATH=str(old))))
        print(f"store {store}; {args.requests} simple SELECTs per run; ratios: p99 and req/s against the engine "
              "alone in the same run\n")
        print(f"{'target':<16} {'mode':<10} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} "
              f"{'max ms':>8} {'errors':>6}  {'p99×    req/s×':<16} kinds")
        for clients in (int(c) for c in args.clients.split(",")):
            for mode in args.modes.split(","):
                keep_alive = mode == "keep-alive"
                port = free_port()
                engine = [str(find_oxigraph()), "serve-read-only", "--location", str(store),
                          "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
                with process(engine, port):
                    url = f"http://127.0.0.1:{port}/query"
                    run_load(url, QUERIES, clients=clients, requests=200, keep_alive=keep_alive)
                    yardstick = run_load(url, QUERIES, clients=clients, requests=args.requests, keep_alive=keep_alive)
                print(row("engine alone", mode, clients, yardstick, None), flush=True)
                for name, _, env in targets:
                    port = free_port()
                    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)]
                    with process(command, port, env):
                        url = f"http://127.0.0.1:{port}/query"
                        run_load(url, QUERIES, clients=clients, requests=200, keep_alive=keep_alive, timeout_s=30)
                        result = run_load(url, QUERIES, clients=clients, requests=args.requests,
                                          keep_alive=keep_alive, timeout_s=30)
                    print(row(name, mode, clients, result, yardstick), flush=True)
        print("\nA runaway query (COUNT over a four-way cross join), kg serve --timeout 2:")
        for name, _, env in targets:
            port = free_port()
            command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                       "--timeout", "2"]
            with process(command, port, env) as server:
                print(f"  {name:<16} {runaway(port, server, 2)}", flush=True)


if __name__ == "__main__":
    main()
