"""The corpus build (kg.build.build): streamed output, parallel and Dask extraction, incremental rebuilds.

The corpus is the project's own articles: the two seeds and the held-out sets (22 files).
"""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg import workers
from kg.build import build, extract_paths
from kg.cache import CACHE_FILE, MANIFEST_FILE, DocumentResult, Manifest, ResultCache, pipeline_version, result_key
from kg.cli import main
from kg.errors import ExtractionFailedError
from kg.evaluate import evaluate_paths
from kg.rdf import entity_graph_iri, read_graph
from kg.reading import read_source
from kg.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]


def _articles() -> list[Path]:
    return sorted(ROOT.joinpath("seeds").glob("*.txt")) + sorted(ROOT.joinpath("tests", "data").glob("heldout*/texts/*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in _articles():
        shutil.copy(path, folder / path.name)
    return folder


def _quads(store_path: Path) -> set[str]:
    store = ox.Store.read_only(str(store_path))
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("local") / "out"
    return build([corpus], out, nlp=nlp, workers=0)


def test_the_build_writes_every_output_and_a_manifest(local, corpus):
    out = local.out_dir
    assert local.mode == "full" and local.documents == len(_articles()) == local.extracted
    assert sorted(local.outputs) == ["graph.html", "graph.trig", "graph.ttl", "store"]
    manifest = Manifest.read(out / MANIFEST_FILE)
    assert manifest is not None and manifest.pipeline_version == pipeline_version()
    assert [Path(d.path).name for d in manifest.documents] == sorted(p.name for p in corpus.iterdir())
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")], "the staging folder is gone"


def test_the_streamed_graph_is_the_in_memory_graph(local, corpus, nlp):
    from kg.store import to_oxigraph

    expected = {str(ox.Triple(*(to_oxigraph(t) for t in triple))) for triple in extract_paths([corpus], nlp=nlp).graph}
    for name in ("graph.ttl", "graph.trig"):
        parsed = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(path=str(local.out_dir / name))}
        assert parsed == expected, name
    # rdflib reads the files too (what kg eval, kg validate and the notebooks use).
    assert len(read_graph(local.out_dir / "graph.ttl")) == len(expected)


def test_the_build_counts_entities_and_relations_as_graph_totals_does(local):
    from kg.store import graph_totals

    store = ox.Store.read_only(str(local.out_dir / "store"))
    assert (local.entities, local.relations) == graph_totals(store)
    assert local.entities > 0 and local.relations > 0
    counts = Manifest.read(local.out_dir / MANIFEST_FILE).counts
    assert (counts["entities"], counts["relations"]) == (local.entities, local.relations)


def test_the_store_holds_each_entity_fact_once(local):
    store = ox.Store.read_only(str(local.out_dir / "store"))
    japan = ox.NamedNode("https://w3id.org/cjkg/resource/Country/日本")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    graphs = [q.graph_name for q in store.quads_for_pattern(japan, label, None, None)]
    assert graphs == [ox.NamedNode(str(entity_graph_iri()))]
    documents = {q.graph_name for q in store.quads_for_pattern(None, None, japan, None)} - {graphs[0]}
    assert len(documents) > 10  # many articles mention 日本; their mentions stay in their own graphs


def test_eval_and_validate_give_the_same_answers_on_the_streamed_output(local, gold_dir, nlp):
    streamed = read_graph(local.out_dir / "graph.ttl")
    for gold in [gold_dir, *sorted(gold_dir.glob("heldout*/gold"))]:
        in_memory = evaluate_paths(gold, texts=gold.parent / "texts" if gold != gold_dir else ROOT / "seeds", nlp=nlp)
        assert evaluate_paths(gold, graph=streamed).as_dict() == in_memory.as_dict(), gold
    assert validate_graph(streamed).conforms


def test_output_is_the_same_whatever_runs_the_extraction(local, corpus, tmp_path):
    parallel = build([corpus], tmp_path / "out", workers=2, parallel_above=0)
    assert parallel.extracted == local.extracted
    # graph.html too, though made by a process of its own here (a new store of many documents) and in process there
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (parallel.out_dir / name).read_bytes() == (local.out_dir / name).read_bytes(), name
    assert (parallel.entities, parallel.relations) == (local.entities, local.relations)
    assert _quads(parallel.out_dir / "store") == _quads(local.out_dir / "store")


def test_a_dask_cluster_builds_the_same_graph(local, corpus, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        result = build([corpus], tmp_path / "out", scheduler=cluster.scheduler_address)
        # The file 'dask scheduler --scheduler-file FILE' writes, as the README's recipe gives it.
        (tmp_path / "cluster.json").write_text(json.dumps({"address": cluster.scheduler_address}), encoding="utf-8")
        by_file = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "by_file"),
                                            "--scheduler", str(tmp_path / "cluster.json")])
    assert result.extracted == local.extracted
    assert by_file.exit_code == 0, by_file.output
    for out in (result.out_dir, tmp_path / "by_file"):
        assert (out / "graph.trig").read_bytes() == (local.out_dir / "graph.trig").read_bytes()
        assert _quads(out / "store") == _quads(local.out_dir / "store")


def test_a_build_with_nothing_new_changes_nothing(local, corpus, tmp_path, nlp):
    out = tmp_path / "out"
    shutil.copytree(local.out_dir, out)
    build([corpus], out, nlp=nlp, workers=0)  # the lock file exists from here on
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    before_folder = out.stat().st_mtime_ns
    again = build([corpus], out, nlp=nlp, workers=0)
    assert again.mode == "unchanged" and not again.changed and again.extracted == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before
    assert out.stat().st_mtime_ns == before_folder


def test_an_incremental_build_equals_a_full_one(local, corpus, tmp_path, nlp):
    out = tmp_path / "out"
    shutil.copytree(local.out_dir, out)
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    files = sorted(changed.iterdir())
    edited = changed / "003_faecf9e441e1955b.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("日本", "日本国", 1), encoding="utf-8")
    (changed / "000_2f9bf5cb93da7add.txt").unlink()  # removed: its graph goes, and the entity facts only it stated
    (changed / "new.txt").write_text("苏州市与日本大阪市缔结友好城市。松下电器投资3000万美元在苏州工业园区设立苏州松下有限公司。",
                                     encoding="utf-8")
    result = build([changed], out, nlp=nlp, workers=0)
    assert result.mode == "incremental"
    assert (result.extracted, result.reused) == (2, len(files) - 2)
    full = build([changed], tmp_path / "full", nlp=nlp, workers=0, full=True)
    assert full.extracted == len(files)
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (full.out_dir / name).read_bytes(), name
    assert _quads(out / "store") == _quads(full.out_dir / "store")
    # The cache keeps the results of this build only.
    with ResultCache(out / CACHE_FILE) as cache:
        assert cache.keys() == Manifest.read(out / MANIFEST_FILE).keys()


def test_an_interrupted_build_keeps_what_it_extracted(corpus, tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    calls = []
    real = workers.make_result

    def flaky(nlp_, task):
        calls.append(Path(task.path or task.source.path).name)
        if len(calls) == 4:
            raise KeyboardInterrupt  # the user pressed Ctrl-C
        return real(nlp_, task)

    monkeypatch.setattr(workers, "make_result", flaky)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, nlp=nlp, workers=0)
    assert not (out / MANIFEST_FILE).exists() and not (out / "store").exists()  # nothing half-written in place
    monkeypatch.setattr(workers, "make_result", real)
    result = build([corpus], out, nlp=nlp, workers=0)
    assert result.extracted == len(_articles()) - 3  # the first three came from the cache


def test_a_document_the_pipeline_fails_on_is_reported_and_the_rest_built(corpus, tmp_path, nlp, monkeypatch):
    real = workers.make_result

    def failing(nlp_, task):
        if Path(task.path or task.source.path).name == "000_2f9bf5cb93da7add.txt":
            raise ValueError("a broken rule")
        return real(nlp_, task)

    monkeypatch.setattr(workers, "make_result", failing)
    result = build([corpus], tmp_path / "out", nlp=nlp, workers=0)
    assert [type(f) for f in result.failures] == [ExtractionFailedError]
    assert "000_2f9bf5cb93da7add.txt" in str(result.failures[0]) and "a broken rule" in str(result.failures[0])
    assert result.documents == len(_articles()) - 1


def test_the_result_key_follows_text_name_options_and_pipeline(seeds_dir):
    source = read_source(seeds_dir / "003_faecf9e441e1955b.txt")
    key = result_key(source, {"base_iri": "a"}, version="v1")
    assert key == result_key(source, {"base_iri": "a"}, version="v1")
    assert key != result_key(source, {"base_iri": "a"}, version="v2")
    assert key != result_key(source, {"base_iri": "b"}, version="v1")
    renamed = type(source)(source.path.with_name("other.txt"), source.encoding, source.text)
    assert key != result_key(renamed, {"base_iri": "a"}, version="v1")
    edited = type(source)(source.path, source.encoding, source.text + "。")
    assert key != result_key(edited, {"base_iri": "a"}, version="v1")


def test_upload_to_a_graph_store_server(local, tmp_path):
    import socket
    import subprocess
    import sys

    from kg.export import upload_store
    from tests.sparql_server import count_quads, wait_until_answering

    binary = Path(sys.executable).with_name("oxigraph")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(binary), "serve", "--location", str(tmp_path / "server"),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(base)
        sent = upload_store(local.out_dir / "store", f"{base}/store")
        assert sent == local.documents + 2  # every document's graph, the entity graph and the summary graph
        sent = upload_store(local.out_dir / "store", f"{base}/store")  # again: graphs are replaced, not doubled
        on_server = count_quads(base)
        assert on_server == len(_quads(local.out_dir / "store")) - len(Graph().parse(
            data=Path(ROOT / "kg" / "ontology.ttl").read_text(encoding="utf-8"), format="turtle"))
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_graph_html_of_a_large_build_shows_the_most_connected_and_says_so(local, tmp_path, nlp, corpus):
    import json
    import re

    from click.testing import CliRunner

    from kg.cli import main

    capped = build([corpus], tmp_path / "out", nlp=nlp, workers=0, html_max_nodes=20)
    page = (capped.out_dir / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="cjkg-data">(.*?)</script>', page, re.S)
                      .group(1))
    assert len(data["nodes"]) == 20 and data["meta"]["truncated"] and data["meta"]["maxNodes"] == 20
    assert data["meta"]["totalEntities"] > 200  # the whole graph's count, not the page's
    degrees = sorted((n["deg"] for n in data["nodes"]), reverse=True)
    assert degrees[0] >= degrees[-1] > 0
    # kg html reads one neighbourhood from the store of a large build.
    result = CliRunner().invoke(main, ["html", str(capped.out_dir / "store"), "--focus", "大连", "--depth", "1",
                                       "--out", str(tmp_path / "dalian.html")])
    assert result.exit_code == 0, result.output
    focused = (tmp_path / "dalian.html").read_text(encoding="utf-8")
    assert "大连" in focused
    missing = CliRunner().invoke(main, ["html", str(capped.out_dir / "store"), "--focus", "没有这个地方"])
    assert missing.exit_code == 1 and "没有这个地方" in missing.output


def test_the_pipeline_version_covers_every_rule_file_reader_and_the_rdf_writer(root):
    from kg.cache import _pipeline_files

    hashed = {name for name, _ in _pipeline_files()}
    data = {str(p.relative_to(root / "kg")) for folder in ("patterns", "gazetteers") for p in (root / "kg" / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}
    assert data and data <= hashed  # datelines.tsv, name_cues.json, zones.tsv … every rule file
    assert {"patterns/datelines.tsv", "readers/dates.py", "readers/pdf.py", "readers/exports.py", "reading.py",
            "pipeline/rules.py", "extract.py", "rdf.py", "workers.py"} <= hashed
    assert not {name for name in hashed if name.startswith(("serve/", "analysis/", "cli/"))}
    assert not {"graphread.py", "html.py", "dating.py", "build.py"} & hashed


def test_an_export_is_many_documents_through_the_workers_and_the_cache(tmp_path, nlp):
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"text": f"苏州市与日本{city}市缔结友好城市。", "date": f"202{i}-06-01"}
               for i, city in enumerate(("大阪", "池田", "明石", "神户"))]
    (corpus / "crawl.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    (corpus / "one.txt").write_text("无锡市与日本明石市缔结友好城市。", encoding="utf-8")
    local = build([corpus], tmp_path / "local", nlp=nlp, workers=0)
    parallel = build([corpus], tmp_path / "parallel", workers=2, parallel_above=0)
    assert local.documents == parallel.documents == 5
    assert (tmp_path / "parallel" / "graph.trig").read_bytes() == (tmp_path / "local" / "graph.trig").read_bytes()
    # One record changed: only it is extracted again; the others come from the cache.
    records[2]["text"] = "苏州市与日本明石市缔结友好城市关系。"
    (corpus / "crawl.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    again = build([corpus], tmp_path / "parallel", workers=2, parallel_above=0)
    assert (again.extracted, again.reused) == (1, 4)
    full = build([corpus], tmp_path / "full", nlp=nlp, workers=0)
    assert (tmp_path / "parallel" / "graph.trig").read_bytes() == (tmp_path / "full" / "graph.trig").read_bytes()
    from kg.ontology import CJ

    graph = read_graph(tmp_path / "full" / "graph.ttl")
    assert sorted(int(line) for line in graph.objects(None, CJ.sourceLine)) == [1, 2, 3, 4]


def test_the_scan_reads_only_files_whose_size_or_times_changed(corpus, tmp_path, nlp, monkeypatch):
    import os

    from kg import build as build_module

    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    for path in folder.iterdir():
        os.utime(path, (1e9, 1e9))  # written long ago: the scan may trust their times
    out = tmp_path / "out"
    first = build([folder], out, nlp=nlp, workers=0)
    read: list[str] = []
    real = build_module.iter_file

    def counting(path):
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(build_module, "iter_file", counting)
    again = build([folder], out, nlp=nlp, workers=0)
    assert again.mode == "unchanged" and read == []
    edited = folder / "003_faecf9e441e1955b.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("日本", "日本国", 1), encoding="utf-8")
    changed = build([folder], out, nlp=nlp, workers=0)
    assert read == [edited.name] and changed.mode == "incremental" and changed.extracted == 1
    # The keys are those a scan reading every file finds (same size, new text: the times tell).
    full = build([folder], tmp_path / "full", nlp=nlp, workers=0, full=True)
    assert Manifest.read(out / MANIFEST_FILE).documents == Manifest.read(full.out_dir / MANIFEST_FILE).documents
    assert first.documents == changed.documents == full.documents


def test_when_the_graph_html_process_dies_the_build_makes_the_page_itself(tmp_path):
    import os
    import signal

    import pyoxigraph as ox

    from kg.build import _ViewProcess

    store = ox.Store(str(tmp_path / "store"))
    view = _ViewProcess(tmp_path, "https://w3id.org/cjkg/resource/", max_nodes=10)
    try:
        view._pool.submit(os.getpid).result(timeout=120)  # the process is up
        for pid in list(view._pool._processes):
            os.kill(pid, signal.SIGKILL)
        view.start(store)
        assert view.result() is None  # (a warning is logged; the caller writes the page in process)
        assert not (tmp_path / "view-snapshot").exists()
    finally:
        view.close()


def test_the_heap_is_frozen_after_extraction_and_thawed_when_the_build_ends(tmp_path, nlp, monkeypatch):
    # The phases after extraction (store, summary, graph.html) make many objects: the garbage collector
    # skips what lived before them (the pipeline), and the build leaves the collector as it found it.
    import gc

    from kg import build as build_module

    seen: list[int] = []
    write_view = build_module._write_view

    def recording(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return write_view(*args, **kwargs)

    monkeypatch.setattr(build_module, "_write_view", recording)
    before = gc.get_freeze_count()
    result = build(sorted(ROOT.joinpath("seeds").glob("*.txt")), tmp_path / "out", nlp=nlp, workers=0)
    assert result.documents == 2 and len(seen) == 1
    assert seen[0] > 0 if before == 0 else seen[0] == before
    assert gc.get_freeze_count() == before


def test_the_store_is_the_same_however_its_loads_are_cut_and_lines_forgotten(local, corpus, tmp_path, nlp,
                                                                             monkeypatch):
    # The store is handed each document's pieces in TriG blocks, in batches measured as the N-Quads they stand
    # for, and the entity graph's lines other documents gave already are not handed over again: with batches
    # of a line or two and lines forgotten at once, the store holds the same quads.
    from kg import build as build_module
    from kg import store as store_module

    loader = store_module.StoreLoader
    seen_lines = build_module._SeenLines
    sizes: list[int] = []

    def small_batches(store, *, batch_bytes=32 << 20, before_batch=None):
        def guard(size):
            sizes.append(size)
            if before_batch is not None:
                before_batch(size)

        return loader(store, batch_bytes=400, before_batch=guard)

    monkeypatch.setattr(store_module, "StoreLoader", small_batches)
    monkeypatch.setattr(build_module, "_SeenLines", lambda: seen_lines(limit=1))
    out = build([corpus], tmp_path / "out", nlp=nlp, workers=0).out_dir
    assert _quads(out / "store") == _quads(local.out_dir / "store")
    assert len(sizes) > local.documents and min(sizes) >= 400  # a batch (at least) per document


def test_a_document_gives_the_store_only_the_entity_lines_no_document_gave_before():
    from kg import build as build_module

    handed: list[tuple[bytes, str]] = []

    class Recorder:
        def __init__(self, store, **_):
            pass

        def add(self, ntriples, graph):
            handed.append((ntriples, graph))

    seen = build_module._SeenLines()
    writer = build_module._NewStore.__new__(build_module._NewStore)
    writer.loader, writer.shared, writer.entity_graph, writer.documents = Recorder(None), seen, "urn:entities", 0
    writer.summary = type("NoSummary", (), {"add": lambda self, *_: None})()
    japan = b'<urn:japan> <http://www.w3.org/2000/01/rdf-schema#label> "\xe6\x97\xa5\xe6\x9c\xac"@zh .\n'
    dalian = b"<urn:dalian> <urn:locatedIn> <urn:china> .\n"
    for name, shared in (("urn:d1", japan + dalian), ("urn:d2", dalian + japan), ("urn:d3", japan)):
        local = zlib.compress(b"<%s> <urn:p> <urn:o> .\n" % name.encode())
        writer.add(DocumentResult(key=name, document=name, file_name=name, local=local, turtle=b"",
                                  shared=zlib.compress(shared)))
    assert handed == [(b"<urn:d1> <urn:p> <urn:o> .\n", "urn:d1"), (japan + dalian, "urn:entities"),
                      (b"<urn:d2> <urn:p> <urn:o> .\n", "urn:d2"), (b"<urn:d3> <urn:p> <urn:o> .\n", "urn:d3")]
    assert writer.documents == 3


def test_a_new_store_is_compacted_once_its_summary_graph_is_in(tmp_path, nlp, monkeypatch):
    # A summary graph loaded while the store was compacted stayed outside the compacted files, and the first
    # write of the next rebuild then compacted the whole store: the compaction starts after the summary.
    from kg import build as build_module
    from kg.summary import find_summary_graph

    seen: list[bool] = []
    start = build_module._NewStore._start_optimizing

    def recording(self):
        seen.append(find_summary_graph(self.store) is not None)
        start(self)

    monkeypatch.setattr(build_module._NewStore, "_start_optimizing", recording)
    result = build(sorted(ROOT.joinpath("seeds").glob("*.txt")), tmp_path / "out", nlp=nlp, workers=0)
    assert result.mode == "full" and seen == [True]


def test_the_turtle_of_a_document_is_that_of_its_ntriples_parsed_strictly(nlp):
    # the workers parse their own N-Triples leniently (no IRI checked again) to make the Turtle: the same text
    import zlib

    prefixes = workers.turtle_prefixes()
    for i, path in enumerate(_articles()[:6]):
        result = workers.make_result(nlp, workers.ExtractionTask(str(i), read_source(path)))
        ntriples = result.local_ntriples()
        strict = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                              prefixes=prefixes)
        body = strict[sum(len(line) for line in strict.splitlines(keepends=True) if line.startswith(b"@prefix ")):]
        assert ntriples.count(b"\n") > 100 and result.local_turtle() == body
        assert zlib.decompress(workers._streamed_turtle(result.local, prefixes)) == body
