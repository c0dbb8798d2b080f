"""`kg serve`: a SPARQL 1.1 Protocol endpoint on 127.0.0.1 that answers queries and refuses writes.

Every server here listens on a free loopback port and is stopped by the test; every
request has a timeout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import ServeError, StoreNotFoundError
from kg.serve import ServeConfig, SparqlServer, find_oxigraph
from kg.store import document_iris
from tests.test_store import make_store

TIMEOUT = 10
COUNT_CITIES = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/cjkg/ontology#City> }"
INSERT = "INSERT DATA { <https://example.org/s> <https://example.org/p> <https://example.org/o> }"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    path, graphs = make_store(root)
    (root / "graph.html").write_text("<!doctype html><title>图</title>", encoding="utf-8")
    return path, graphs


@pytest.fixture(scope="module")
def server(site):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, static_dir=path.parent)) as running:
        yield running


def _request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
             method: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def _get_query(server: SparqlServer, query: str, accept: str) -> tuple[int, str, bytes]:
    url = f"{server.url}/query?{urllib.parse.urlencode({'query': query})}"
    return _request(url, headers={"Accept": accept})


def test_listens_on_the_loopback_only_by_default(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert ServeConfig(store=Path("x")).host == "127.0.0.1"


def test_get_query_answers_json(server):
    status, kind, body = _get_query(server, COUNT_CITIES, "application/sparql-results+json")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    binding = json.loads(body)["results"]["bindings"][0]["n"]
    assert binding["value"] == "2"


@pytest.mark.parametrize(("accept", "check"), [
    ("text/csv", lambda body: list(csv.reader(io.StringIO(body.decode())))[1] == ["2"]),
    ("text/tab-separated-values", lambda body: body.decode().splitlines()[0] == "?n"),
    ("application/sparql-results+xml", lambda body: b"<sparql" in body and b">2<" in body),
])
def test_content_negotiation(server, accept, check):
    status, kind, body = _get_query(server, COUNT_CITIES, accept)
    assert status == 200 and kind.startswith(accept)
    assert check(body)


def test_post_query_directly_and_as_a_form(server):
    status, _, body = _request(f"{server.url}/query", data=COUNT_CITIES.encode(),
                               headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.decode().split() == ["n", "2"]
    form = urllib.parse.urlencode({"query": "ASK { ?x <https://w3id.org/cjkg/ontology#sisterCityOf> ?y }"})
    status, _, body = _request(f"{server.url}/query", data=form.encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded",
                                        "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_returns_rdf(server):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . ?s a <https://w3id.org/cjkg/ontology#Country> }"
    status, kind, body = _get_query(server, query, "text/turtle")
    assert status == 200 and kind.startswith("text/turtle") and "日本".encode() in body


def test_bad_query_is_a_400_with_the_position(server):
    status, _, body = _get_query(server, "SELECT ?x WHERE { ?x", "application/sparql-results+json")
    assert status == 400 and b"error at 1:" in body


@pytest.mark.parametrize(("path", "data", "headers", "method"), [
    ("/update", INSERT.encode(), {"Content-Type": "application/sparql-update"}, "POST"),
    ("/update", urllib.parse.urlencode({"update": INSERT}).encode(),
     {"Content-Type": "application/x-www-form-urlencoded"}, "POST"),
    ("/query", urllib.parse.urlencode({"update": INSERT}).encode(),
     {"Content-Type": "application/x-www-form-urlencoded"}, "POST"),
    ("/sparql", INSERT.encode(), {"Content-Type": "application/sparql-update"}, "POST"),
    ("/store?default", b"<https://example.org/s> <https://example.org/p> 1 .", {"Content-Type": "text/turtle"}, "PUT"),
    ("/store?default", b"<https://example.org/s> <https://example.org/p> 1 .", {"Content-Type": "text/turtle"}, "POST"),
    ("/store?default", None, {}, "DELETE"),
], ids=["update", "update-form", "query-form", "sparql", "store-put", "store-post", "store-delete"])
def test_writes_are_refused(server, site, path, data, headers, method):
    status, _, body = _request(f"{server.url}{path}", data=data, headers=headers, method=method)
    assert status == 403
    assert b"read-only" in body and b"--writable" in body
    _, graphs = site
    status, _, answer = _get_query(server, "ASK { <https://example.org/s> ?p ?o }", "application/sparql-results+json")
    assert json.loads(answer)["boolean"] is False
    assert document_iris(site[0]) == sorted(graphs)


def test_refused_even_behind_the_proxy(site):
    """Oxigraph itself runs read-only: a write that reached it would be refused too."""
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0)) as running:
        status, _, _ = _request(f"{running.engine_url}/update", data=INSERT.encode(),
                                headers={"Content-Type": "application/sparql-update"})
        assert status == 403


def test_query_page_and_graph_view(server):
    status, kind, body = _request(f"{server.url}/")
    assert status == 200 and kind.startswith("text/html") and b"yasgui" in body.lower()
    assert b"cdn" not in body.lower()
    status, kind, body = _request(f"{server.url}/graph.html")
    assert status == 200 and kind.startswith("text/html") and "图".encode() in body


def test_store_files_and_paths_outside_are_not_served(server):
    for path in ("/store/CURRENT", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"):
        status, _, body = _request(f"{server.url}{path}")
        assert status in (400, 404), path
        assert b"root:" not in body


def test_graph_view_missing_says_how_to_get_it(site, tmp_path):
    path, _ = site
    with SparqlServer(ServeConfig(store=path, port=0, static_dir=tmp_path)) as running:
        status, _, body = _request(f"{running.url}/graph.html")
    assert status == 404 and b"kg build" in body


def test_writable_server_accepts_updates(site, tmp_path):
    path, _ = site
    copy = shutil.copytree(path, tmp_path / "store")
    with SparqlServer(ServeConfig(store=copy, port=0, writable=True)) as running:
        status, _, _ = _request(f"{running.url}/update", data=INSERT.encode(),
                                headers={"Content-Type": "application/sparql-update"})
        assert status == 204
        _, _, answer = _get_query(running, "ASK { <https://example.org/s> ?p ?o }", "application/sparql-results+json")
        assert json.loads(answer)["boolean"] is True


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreNotFoundError, match="kg build"):
        SparqlServer(ServeConfig(store=tmp_path / "nowhere", port=0)).start()


def test_two_writable_servers_cannot_share_a_store(site, tmp_path):
    path, _ = site
    copy = shutil.copytree(path, tmp_path / "store")
    with SparqlServer(ServeConfig(store=copy, port=0, writable=True)):
        with pytest.raises(ServeError, match="stopped at start"):
            SparqlServer(ServeConfig(store=copy, port=0, writable=True, startup_timeout_s=10)).start()


def test_oxigraph_binary_is_found():
    assert find_oxigraph().name == "oxigraph"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_kg_serve_command_runs_until_stopped(site):
    """The CLI end to end: start `kg serve` in a child process, query it, refuse an update, stop it."""
    path, _ = site
    port = _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    child = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 30)
        assert ready, "kg serve printed nothing within 30 s"
        first = child.stdout.readline()
        assert first.startswith("SPARQL endpoint (read-only): http://127.0.0.1:"), first + child.stderr.read()
        base = f"http://127.0.0.1:{port}"
        status, _, body = _request(f"{base}/query?{urllib.parse.urlencode({'query': COUNT_CITIES})}",
                                   headers={"Accept": "text/csv"})
        assert status == 200 and body.decode().split() == ["n", "2"]
        status, _, _ = _request(f"{base}/update", data=INSERT.encode(),
                                headers={"Content-Type": "application/sparql-update"})
        assert status == 403
    finally:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(timeout=TIMEOUT)
    assert child.returncode == 0
    # The Oxigraph child went with it: the port is free again.
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            _request(f"{base}/")
        except urllib.error.URLError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the server still answers after kg serve was stopped")
