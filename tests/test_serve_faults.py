"""`kg serve` under faults: runaway queries, gone clients, memory, rebuilds, bad requests, a busy port.

Every server listens on a free loopback port and is stopped by its test; every request
has a timeout. Runaway queries are four-way cross joins of the small test store (some
10^10 rows): they run until they are stopped, and the tests check that they are, by the
CPU time of the engine process after the deadline.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import os
import shutil
import socket
import time
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import ServeError, StoreDamagedError
from kg.serve import ServeConfig, SparqlServer, current_build, ready_queries
from kg.store import prefixes, write_store
from tests.test_store import damage, make_store

TIMEOUT = 20
CITY = "https://w3id.org/cjkg/ontology#City"
COUNT_CITIES = f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c a <{CITY}> }}"
RUNAWAY_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY_STREAM = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MEMORY_BOMB = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    path, graphs = make_store(root)
    (root / "graph.html").write_text("<!doctype html><title>图</title>", encoding="utf-8")
    return path, graphs


def _cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of process ``pid``; ``None`` once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    if fields[0] == "Z":
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _gone(pid: int, within_s: float = 3.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if _cpu_seconds(pid) is None:
            return True
        time.sleep(0.02)
    return False


def _idle(server: SparqlServer, seconds: float = 1.0) -> float:
    """CPU seconds the current engine spends over ``seconds`` (about 0 when no query runs)."""
    pid = server.engine_pid
    before = _cpu_seconds(pid) or 0.0
    time.sleep(seconds)
    return (_cpu_seconds(pid) or 0.0) - before


def _address(server: SparqlServer) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _get(server: SparqlServer, query: str, *, accept: str = "text/csv", host: str | None = None,
         timeout: float = TIMEOUT) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*_address(server), timeout=timeout)
    try:
        headers = {"Accept": accept}
        if host is not None:
            headers["Host"] = host
        connection.request("GET", "/query?" + urllib.parse.urlencode({"query": query}), headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _count_cities(server: SparqlServer) -> bytes:
    status, body = _get(server, COUNT_CITIES)
    assert status == 200, body
    return body


# ---------------------------------------------------------------- runaway queries


def test_a_query_past_the_timeout_gets_503_and_stops_computing(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=1)) as server:
        engine = server.engine_pid
        started = time.monotonic()
        status, body = _get(server, RUNAWAY_COUNT)
        elapsed = time.monotonic() - started
        assert status == 503
        assert body.decode() == ("The query ran longer than 1 s and was stopped. Narrow it (more specific patterns, "
                                 "LIMIT, fewer joins), or restart the server with a larger --timeout.\n")
        assert 1 <= elapsed < 5  # the deadline, and a moment on a loaded machine
        assert _gone(engine), "the engine that ran the query still runs"
        assert server.engine_pid != engine and _idle(server) < 0.2  # no core busy after the deadline
        assert _count_cities(server).split() == [b"n", b"2"]
        assert server.engine_restarts == 1


def test_a_streamed_answer_is_cut_off_at_the_deadline(site):
    """SELECT * of the join streams gigabytes: the timeout applies to it too, and stops the engine."""
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=1)) as server:
        engine = server.engine_pid
        connection = http.client.HTTPConnection(*_address(server), timeout=TIMEOUT)
        started = time.monotonic()
        connection.request("GET", "/query?" + urllib.parse.urlencode({"query": RUNAWAY_STREAM}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Transfer-Encoding") == "chunked"
        received = 0
        with pytest.raises(http.client.IncompleteRead):
            while chunk := response.read1(1 << 16):
                received += len(chunk)
        connection.close()
        assert 1 <= time.monotonic() - started < 6
        assert received > 1 << 20  # it did stream
        assert _gone(engine) and _idle(server) < 0.2


def test_a_held_answer_past_the_deadline_gets_503(site):
    """Answers are held up to stream_buffer_bytes before the status is sent: past the deadline, a 503."""
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=1, stream_buffer_bytes=1 << 40)) as server:
        engine = server.engine_pid
        status, body = _get(server, RUNAWAY_STREAM)
        assert status == 503 and b"--timeout" in body
        assert _gone(engine) and _idle(server) < 0.2


def test_a_client_that_disconnects_cancels_its_query(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=60)) as server:
        engine = server.engine_pid
        host, port = _address(server)
        with socket.create_connection((host, port), timeout=TIMEOUT) as client:
            target = "/query?" + urllib.parse.urlencode({"query": RUNAWAY_COUNT})
            client.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            time.sleep(0.5)
            assert _cpu_seconds(engine) is not None  # still computing
        closed = time.monotonic()
        assert _gone(engine), "the engine still runs the abandoned query"
        assert time.monotonic() - closed < 3
        assert _idle(server) < 0.2
        assert _count_cities(server).split() == [b"n", b"2"]


def test_other_queries_are_answered_while_a_runaway_is_stopped(site):
    """Stopping a runaway restarts the engine; queries caught by the restart are sent again, not failed."""
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=1.5)) as server:
        with concurrent.futures.ThreadPoolExecutor(max_workers=9) as pool:
            runaway = pool.submit(_get, server, RUNAWAY_COUNT)
            time.sleep(0.2)
            deadline = time.monotonic() + 2.5  # spans the runaway's deadline and the restart
            answers = []
            while time.monotonic() < deadline:
                answers += list(pool.map(lambda _: _get(server, COUNT_CITIES), range(8)))
            assert runaway.result()[0] == 503
        assert server.engine_restarts == 1
        assert answers and {(status, body.split()[-1]) for status, body in answers} == {(200, b"2")}


def test_a_query_past_the_memory_limit_gets_503_naming_the_option(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=60, memory_bytes=1 << 30)) as server:
        engine = server.engine_pid
        started = time.monotonic()
        status, body = _get(server, MEMORY_BOMB)
        assert status == 503, body
        assert body.decode() == (
            "The query needed more than 1 GB of memory and was stopped. Narrow it (more specific patterns, LIMIT, "
            "fewer joins), or restart the server with a larger --memory-limit. A damaged store can do this too: "
            "'kg build' remakes it.\n")
        assert time.monotonic() - started < 30
        assert _gone(engine)
        assert _count_cities(server).split() == [b"n", b"2"]  # a new engine answers


# ---------------------------------------------------------------- rebuilds


def test_the_server_follows_a_rebuild_and_never_mixes_builds(tmp_path):
    path, graphs = make_store(tmp_path)
    (tmp_path / "graph.html").write_text("<title>old build</title>", encoding="utf-8")
    documents = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with SparqlServer(ServeConfig(store=path, port=0)) as server:
        old_engine = server.engine_pid
        # + the entity graph, the summary graph and the ontology's
        assert _get(server, documents)[1].split() == [b"n", str(len(graphs) + 3).encode()]
        # A new build: the store is swapped in first (a new folder renamed into place), graph.html comes later.
        fewer = dict(sorted(graphs.items())[:1])
        time.sleep(0.05)
        write_store(fewer, path)
        started = time.monotonic()
        while _get(server, documents)[1].split()[-1] != str(len(fewer) + 3).encode():
            assert time.monotonic() - started < 6, "the server still answers from the old store"
            time.sleep(0.02)
        assert _gone(old_engine)
        connection = http.client.HTTPConnection(*_address(server), timeout=TIMEOUT)
        connection.request("GET", "/graph.html")
        response = connection.getresponse()
        assert response.status == 503 and b"older than the store" in response.read()  # not the old build's view
        time.sleep(0.05)
        (tmp_path / "graph.html").write_text("<title>new build</title>", encoding="utf-8")
        connection.request("GET", "/graph.html")
        response = connection.getresponse()
        assert response.status == 200 and response.read() == b"<title>new build</title>"
        connection.close()


def test_current_build_names_the_store_and_the_graph_view(tmp_path):
    path, _ = make_store(tmp_path)
    assert current_build(tmp_path).graph_html is None
    (tmp_path / "graph.html").write_text("x", encoding="utf-8")
    build = current_build(tmp_path)
    assert (build.store, build.graph_html, build.graph_pending) == (path, tmp_path / "graph.html", False)
    assert build.identity == (path.stat().st_dev, path.stat().st_ino)
    os.utime(tmp_path / "graph.html", ns=(0, 0))
    assert current_build(tmp_path).graph_pending is True


# ---------------------------------------------------------------- requests


@pytest.fixture(scope="module")
def server(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, allowed_hosts=("kg.lan",), max_body_bytes=64 * 1024)) as running:
        yield running


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("localhost", 200), ("[::1]:{port}", 200),
    ("kg.lan:{port}", 200), ("KG.LAN", 200), ("192.168.1.20:{port}", 200),
    ("evil.example:{port}", 403), ("127.0.0.1.nip.io:{port}", 403), ("localhost.evil.example", 403),
])
def test_the_host_header_is_checked_against_dns_rebinding(server, host, status):
    port = _address(server)[1]
    code, body = _get(server, COUNT_CITIES, host=host.format(port=port))
    assert code == status
    if status == 403:
        name = host.format(port=port).rsplit(":", 1)[0] if host.count(":") == 1 else host
        assert body.decode() == (f"This server does not answer to the name {name.lower()!r} (a guard against DNS "
                                 f"rebinding). If you reach it by that name, restart it with 'kg serve --allow-host "
                                 f"{name.lower()}'.\n")


def test_request_bodies_are_capped(server):
    big = "SELECT * WHERE { VALUES ?x { " + " ".join(f'"{i}"' for i in range(20000)) + " } }"
    assert len(big) > 64 * 1024
    connection = http.client.HTTPConnection(*_address(server), timeout=TIMEOUT)
    connection.request("POST", "/query", body=big.encode(), headers={"Content-Type": "application/sparql-query"})
    response = connection.getresponse()
    assert response.status == 413
    assert response.read().decode() == ("The request body is larger than 64 KB: send a shorter query, or restart "
                                        "the server with a larger --max-body.\n")
    connection.close()
    # Expect: 100-continue is refused before the body is sent.
    host, port = _address(server)
    with socket.create_connection((host, port), timeout=TIMEOUT) as raw:
        raw.sendall(f"POST /query HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
                    f"Content-Length: {len(big)}\r\nExpect: 100-continue\r\n\r\n".encode())
        assert raw.recv(1024).startswith(b"HTTP/1.1 413 ")
    # A chunked body under the cap is read and answered.
    with socket.create_connection((host, port), timeout=TIMEOUT) as raw:
        query = COUNT_CITIES.encode()
        raw.sendall(f"POST /query HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query\r\n"
                    "Accept: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode()
                    + b"%x\r\n%b\r\n0\r\n\r\n" % (len(query), query))
        answer = b""
        while data := raw.recv(65536):
            answer += data
        assert answer.startswith(b"HTTP/1.1 200 ") and answer.endswith(b"n\r\n2\r\n")


def test_keep_alive_serves_many_requests_on_one_connection(server):
    connection = http.client.HTTPConnection(*_address(server), timeout=TIMEOUT)
    for _ in range(20):
        connection.request("GET", "/query?" + urllib.parse.urlencode({"query": COUNT_CITIES}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200 and response.read().split() == [b"n", b"2"]
    connection.close()


def test_the_query_page_ships_the_prefixes_and_the_ready_queries(server):
    connection = http.client.HTTPConnection(*_address(server), timeout=TIMEOUT)
    connection.request("GET", "/")
    page = connection.getresponse().read().decode("utf-8")
    assert "prefix.cc" not in page and "lov.linkeddata" not in page and "cdn" not in page.lower()
    config = json.loads(page.split('<script id="cjkg-config" type="application/json">')[1].split("</script>")[0])
    assert config["prefixesUrl"] == "/prefixes.json" and config["endpoint"] == "/query"
    assert [query["name"] for query in config["queries"]] == [query.name for query in ready_queries()]
    assert [query["name"] for query in config["queries"]] == sorted(p.stem for p in Path("queries").glob("*.rq"))
    assert all(query["text"].lstrip().startswith(("#", "PREFIX")) for query in config["queries"])
    assert "https://w3id.org/cjkg/ontology#City" in config["classes"]
    assert "https://w3id.org/cjkg/ontology#investedIn" in config["properties"]
    connection.request("GET", "/prefixes.json")
    assert json.loads(connection.getresponse().read()) == prefixes()
    connection.request("GET", "/yasgui.min.js")
    response = connection.getresponse()
    assert response.status == 200 and len(response.read()) > 500_000  # shipped inside the engine: no network
    connection.close()


def test_ready_queries_get_the_prefix_lines_they_need(tmp_path):
    (tmp_path / "a.rq").write_text("# Cities.\n# Two lines.\nSELECT ?c WHERE { ?c a cj:City ; rdfs:label ?l }\n",
                                   encoding="utf-8")
    (tmp_path / "b.rq").write_text("PREFIX cj: <https://w3id.org/cjkg/ontology#>\nASK { ?x a cj:City }\n",
                                   encoding="utf-8")
    first, second = ready_queries(tmp_path)
    assert (first.name, first.description) == ("a", "Cities. Two lines.")
    assert first.text.splitlines()[:2] == ["PREFIX cj: <https://w3id.org/cjkg/ontology#>",
                                           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"]
    assert second.text == (tmp_path / "b.rq").read_text(encoding="utf-8")
    assert ready_queries(tmp_path / "nowhere") == []


# ---------------------------------------------------------------- starting


def test_a_busy_port_is_one_line_naming_the_option(site):
    path, _ = site
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServeError, match=f"^port {port} on 127.0.0.1 is already in use"):
            SparqlServer(ServeConfig(store=path, port=port)).start()
        result = CliRunner().invoke(main, ["serve", "--store", str(path), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output == (f"Error: port {port} on 127.0.0.1 is already in use (another 'kg serve'?): choose "
                             "another with --port, or --port 0 for any free port\n")


def test_a_damaged_store_is_refused_at_start_saying_how_to_remake_it(tmp_path):
    path, _ = make_store(tmp_path)
    damage(path, "truncated-sst")
    with pytest.raises(StoreDamagedError, match="kg build"):
        SparqlServer(ServeConfig(store=path, port=0)).start()
    result = CliRunner().invoke(main, ["serve", "--store", str(path), "--port", "0"])
    assert result.exit_code == 1 and result.output.startswith(f"Error: the store {path} is damaged (")
    shutil.rmtree(path)


def test_a_client_that_stops_reading_a_stream_cancels_its_query(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=60)) as server:
        engine = server.engine_pid
        host, port = _address(server)
        with socket.create_connection((host, port), timeout=TIMEOUT) as client:
            target = "/query?" + urllib.parse.urlencode({"query": RUNAWAY_STREAM})
            client.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/csv\r\n\r\n".encode())
            received = 0
            while received < 4 << 20:
                received += len(client.recv(1 << 16))
        assert _gone(engine), "the engine still streams to nobody"
        assert _idle(server) < 0.2
        assert _count_cities(server).split() == [b"n", b"2"]


def test_queries_beside_a_memory_bomb_are_answered(site):
    """The engine dies of the bomb (twice: it is sent again once); the queries beside it are sent again."""
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, timeout_s=60, memory_bytes=1 << 30)) as server:
        with concurrent.futures.ThreadPoolExecutor(max_workers=5) as pool:
            bomb = pool.submit(_get, server, MEMORY_BOMB)
            answers = []
            while not bomb.done():
                answers += list(pool.map(lambda _: _get(server, COUNT_CITIES), range(4)))
            status, body = bomb.result()
        assert status == 503 and b"--memory-limit" in body
        assert answers and {(status, body.split()[-1]) for status, body in answers} == {(200, b"2")}


FAKE_ENGINE = '''
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

host, port = sys.argv[sys.argv.index("--bind") + 1].rsplit(":", 1)


class Damaged(BaseHTTPRequestHandler):
    """Answers as Oxigraph does when a query reads a damaged block of the store."""

    def do_GET(self):
        body = (b"Corruption: block checksum mismatch: stored = 0, computed = 3704972562, type = 4  in "
                b"/x/store/000011.sst offset 47772 size 2075")
        self.send_response(500)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


HTTPServer((host, int(port)), Damaged).serve_forever()
'''


def test_a_damaged_block_read_by_a_query_says_how_to_remake_the_store(site, tmp_path, monkeypatch):
    """Where the engine reports a damaged block (hard to provoke at will: an engine double stands in)."""
    import sys

    import kg.serve._engine

    fake = tmp_path / "oxigraph"
    fake.write_text(f"#!{sys.executable}\n{FAKE_ENGINE}", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(kg.serve._engine, "find_oxigraph", lambda: fake)
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0)) as server:
        status, body = _get(server, COUNT_CITIES)
    assert status == 500
    assert body.decode() == (
        f"the store {path} is damaged (Corruption: block checksum mismatch: stored = 0, computed = 3704972562, "
        "type = 4 in /x/store/000011.sst offset 47772 size 2075); its files cannot be repaired in place: "
        "'kg build ARTICLES --out OUT' remakes it\n")
