"""Exports of the store round-trip to isomorphic graphs, in every format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, to_isomorphic

from tests.sample import canonical

from kg.cli import main
from kg.errors import ExportError
from kg.export import EXPORT_FORMATS, export_store, guess_format
from kg.ontology import CJ, RDFS
from kg.store import load_ontology, ontology_iri
from kg.rdf import entity_graph_iri
from tests.test_store import local_part, make_store, merged_graph

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("export"))


def _assert_isomorphic(got: Graph, want: Graph) -> None:
    got, want = canonical(got), canonical(want)  # decimals: same value, engine-specific spelling
    if to_isomorphic(got) != to_isomorphic(want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        raise AssertionError(f"only in export: {sorted(only_got)[:5]}; missing: {sorted(only_want)[:5]}")


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_triple_formats_round_trip_to_the_merged_graph(sample, fmt):
    path, graphs = sample
    data = export_store(path, fmt)
    assert isinstance(data, bytes)
    parsed = Graph().parse(data=data.decode("utf-8"), format=RDFLIB_FORMAT[fmt])
    _assert_isomorphic(parsed, merged_graph(graphs))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quad_formats_keep_one_named_graph_per_document(sample, fmt):
    path, graphs = sample
    dataset = Dataset()
    dataset.parse(data=export_store(path, fmt).decode("utf-8"), format=RDFLIB_FORMAT[fmt])
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == set(graphs) | {entity_graph_iri()}
    shared = Graph()
    for doc, graph in graphs.items():
        _assert_isomorphic(dataset.graph(doc), local_part(doc, graph))
        shared += graph - local_part(doc, graph)
    _assert_isomorphic(dataset.graph(entity_graph_iri()), shared)


def test_ontology_on_request(sample):
    path, graphs = sample
    dataset = Dataset()
    dataset.parse(data=export_store(path, "trig", ontology=True).decode("utf-8"), format="trig")
    _assert_isomorphic(dataset.graph(ontology_iri()), load_ontology())
    merged = Graph().parse(data=export_store(path, "turtle", ontology=True).decode("utf-8"), format="turtle")
    expected = merged_graph(graphs)
    expected += load_ontology()
    _assert_isomorphic(merged, expected)


def test_jsonld_has_a_context_with_the_project_prefixes(sample):
    path, _ = sample
    document = json.loads(export_store(path, "jsonld"))
    assert document["@context"]["cj"] == str(CJ)
    assert document["@context"]["rdfs"] == str(RDFS)
    text = json.dumps(document, ensure_ascii=False)
    assert "cj:investedIn" in text and "大连" in text


def test_turtle_uses_the_prefixes(sample):
    path, _ = sample
    text = export_store(path, "turtle").decode("utf-8")
    assert "@prefix cj: <https://w3id.org/cjkg/ontology#>" in text
    assert "brick:" not in text


@pytest.mark.parametrize(("name", "out", "expected"), [
    ("ttl", None, "turtle"),
    ("nt", None, "ntriples"),
    ("json-ld", None, "jsonld"),
    (None, "dump.trig", "trig"),
    (None, "dump.nq", "nquads"),
    (None, None, "turtle"),
])
def test_guess_format(name, out, expected):
    assert guess_format(name, out) is EXPORT_FORMATS[expected]


def test_unknown_format_says_which_exist():
    with pytest.raises(ExportError, match="turtle, ntriples, jsonld, trig, nquads"):
        guess_format("rdfxml")


def test_cli_export_writes_a_file_from_its_suffix(sample, tmp_path):
    path, graphs = sample
    out = tmp_path / "dump.nq"
    result = CliRunner().invoke(main, ["export", "--store", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format="nquads")
    assert {g.identifier for g in dataset.graphs() if len(g)} == set(graphs) | {entity_graph_iri()}


def test_cli_export_to_stdout(sample):
    path, graphs = sample
    result = CliRunner().invoke(main, ["export", "--store", str(path), "--format", "nt"])
    assert result.exit_code == 0
    _assert_isomorphic(Graph().parse(data=result.output, format="nt"), merged_graph(graphs))
