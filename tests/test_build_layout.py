"""The --out folder of kg build: one folder per build, published whole by switching OUT/current; the fixed
names (graph.ttl, store, graph.html, manifest.json) lead to the current build; current_build() (what kg serve
shows) follows the build's manifest."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import time
import urllib.parse

import pytest

from kg.build import build
from kg.cache import MANIFEST_FILE, Manifest
from kg.serve import ServeConfig, SparqlServer, current_build

TEXT_A = "苏州市与日本大阪市缔结友好城市。"
TEXT_B = "松下电器投资3000万美元在苏州工业园区设立苏州松下有限公司。"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    return folder


def test_a_build_is_a_folder_of_its_own_named_by_current(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    result = build([corpus], out, nlp=nlp, workers=0)
    manifest = Manifest.read(out / MANIFEST_FILE)
    folder = out / "builds" / manifest.build_id
    assert os.readlink(out / "current") == f"builds/{manifest.build_id}"
    for name in ("manifest.json", "graph.trig", "graph.ttl", "store", "graph.html"):
        assert os.readlink(out / name) == f"current/{name}", name
        assert (folder / name).exists(), name
    assert sorted(p.name for p in (out / "builds").iterdir()) == [manifest.build_id]
    assert result.outputs["store"].resolve() == (folder / "store").resolve()
    build_ = current_build(out)
    assert (build_.store, build_.graph_html, build_.build_id) == (folder / "store", folder / "graph.html",
                                                                  manifest.build_id)
    assert build_.identity == ((folder / "store").stat().st_dev, (folder / "store").stat().st_ino)


def test_a_rebuild_switches_every_output_at_once_and_removes_the_old_build(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    first = current_build(out)
    (corpus / "b.txt").write_text(TEXT_B, encoding="utf-8")
    build([corpus], out, nlp=nlp, workers=0, ttl=False)
    second = current_build(out)
    assert second.build_id != first.build_id and second.identity != first.identity
    assert not first.store.parent.exists()  # the replaced build is gone
    assert not (out / "graph.ttl").exists() and not (out / "graph.ttl").is_symlink()  # --no-ttl: no name left
    assert "苏州松下有限公司" in (out / "graph.trig").read_text(encoding="utf-8")


def test_an_older_layout_is_taken_over(corpus, tmp_path, nlp):
    # A folder copied with its links followed (or written by an older kg build): real files where links go.
    source = tmp_path / "source"
    build([corpus], source, nlp=nlp, workers=0)
    out = tmp_path / "out"
    shutil.copytree(source, out)
    assert not (out / "graph.ttl").is_symlink()
    (corpus / "b.txt").write_text(TEXT_B, encoding="utf-8")
    build([corpus], out, nlp=nlp, workers=0)
    assert os.readlink(out / "current").startswith("builds/") and os.readlink(out / "store") == "current/store"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".kg-")) == [
        "builds", "cache", "current", "graph.html", "graph.trig", "graph.ttl", "manifest.json", "store"]
    assert len(list((out / "builds").iterdir())) == 1


def _count(server: SparqlServer, query: str) -> str:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=20)
    try:
        connection.request("GET", "/query?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": "application/sparql-results+json"})
        answer = json.loads(connection.getresponse().read())
        return answer["results"]["bindings"][0]["n"]["value"]
    finally:
        connection.close()


def _page(server: SparqlServer) -> bytes:
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=20)
    try:
        connection.request("GET", "/graph.html")
        response = connection.getresponse()
        assert response.status == 200
        return response.read()
    finally:
        connection.close()


def test_kg_serve_follows_the_builds_of_an_out_folder(corpus, tmp_path, nlp):
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    documents = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/cjkg/ontology#Document> }"
    with SparqlServer(ServeConfig(store=out / "store", port=0)) as server:
        assert _count(server, documents) == "1"
        assert _page(server) == (out / "graph.html").read_bytes()
        (corpus / "b.txt").write_text(TEXT_B, encoding="utf-8")
        build([corpus], out, nlp=nlp, workers=0)
        started = time.monotonic()
        while _count(server, documents) != "2":
            assert time.monotonic() - started < 6, "the server still answers from the old build"
            time.sleep(0.05)
        assert _page(server) == (out / "graph.html").read_bytes()
        assert "苏州松下有限公司".encode() in _page(server)
