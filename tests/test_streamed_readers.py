"""The readers of the graph (kg.graphread: kg eval, the HTML view, kg.analysis) on what the streaming build
writes: graph.ttl, graph.trig (per-document graphs + the entity graph), the store and the --out folder
all read as the same graph, and give the answers the in-memory graph gives."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg import analysis
from kg.build import build, extract_paths
from kg.cli import main
from kg.graphread import graph_records
from kg.html import render_html
from kg.rdf import read_graph
from kg.store import open_store


@pytest.fixture(scope="module")
def out(seeds_dir, tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("streamed") / "out"
    result = build([seeds_dir], folder, nlp=nlp, workers=0)
    assert result.documents == 2
    return folder


@pytest.fixture(scope="module")
def in_memory(seeds_dir, nlp):
    return extract_paths([seeds_dir], nlp=nlp).graph


def _sources(out):
    return {"graph.ttl": out / "graph.ttl", "graph.trig": out / "graph.trig", "store": out / "store", "out": out}


def test_every_form_of_the_build_reads_as_the_same_records(out, in_memory):
    expected = graph_records(in_memory)
    for name, path in _sources(out).items():
        assert graph_records(read_graph(path)) == expected, name
    assert graph_records(open_store(out / "store")) == expected  # the rdflib dataset on the store itself


def test_kg_eval_scores_every_form_as_main_scores_the_texts(out, gold_dir, seeds_dir):
    runner = CliRunner()
    built = runner.invoke(main, ["eval", "--gold", str(gold_dir), "--texts", str(seeds_dir), "--json"])
    assert built.exit_code == 0, built.output
    expected = json.loads(built.output)
    for name, path in _sources(out).items():
        scored = runner.invoke(main, ["eval", "--gold", str(gold_dir), "--graph", str(path), "--json"])
        assert scored.exit_code == 0, (name, scored.output)
        assert json.loads(scored.output) == expected, name


def test_analysis_reads_the_out_folder_as_its_graph_ttl(out, in_memory):
    for path in (out, out / "store", out / "graph.trig"):
        graph = analysis.load_graph(path)
        assert analysis.entity_table(graph).equals(analysis.entity_table(in_memory)), path
        assert analysis.counts_by_relation(graph).equals(analysis.counts_by_relation(in_memory)), path
        assert analysis.document_table(graph).equals(analysis.document_table(in_memory)), path
        assert analysis.dated_facts(graph).equals(analysis.dated_facts(in_memory)), path


def _data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="cjkg-data">(.*?)</script>', page, re.S)
                      .group(1))


def test_the_builds_graph_html_is_the_page_of_the_whole_graph(out, in_memory):
    # A build small enough to show whole: the page read from the store (every relation mention, the
    # documents' dates for the year filter) is the page of the in-memory graph, byte for byte.
    assert (out / "graph.html").read_text(encoding="utf-8") == render_html(in_memory)


def test_kg_html_reads_graph_trig_as_graph_ttl(out, tmp_path):
    runner = CliRunner()
    pages = {}
    for name in ("graph.ttl", "graph.trig"):
        result = runner.invoke(main, ["html", str(out / name), "--out", str(tmp_path / f"{name}.html")])
        assert result.exit_code == 0, result.output
        pages[name] = _data((tmp_path / f"{name}.html").read_text(encoding="utf-8"))
    assert pages["graph.ttl"] == pages["graph.trig"]
