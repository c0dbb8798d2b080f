"""kg.rdf.write_document, the one converter (rdflib graphs and the N-Triples kg build streams), writes every
triple branch formats' add_document wrote: document metadata, pages, rule ids, on every input format."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kg.build import build, extract_paths
from kg.ontology import CJ, DCTERMS, SCHEMA
from kg.rdf import add_document, document_rdf, entity_graph_iri, is_local
from tests import formats_rdf
from tests.test_formats_build import mixed_corpus

#: What the mixed corpus must exercise for the comparison to mean something.
METADATA = (DCTERMS.issued, CJ.dateSource, DCTERMS.title, SCHEMA.url, DCTERMS.publisher, DCTERMS.creator,
            DCTERMS.format, CJ.sourceLine, CJ.pageNumber, DCTERMS.isPartOf, CJ.rule, CJ.sourceCharStart)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus")


@pytest.fixture(scope="module")
def extractions(corpus, nlp):
    report = extract_paths([corpus], nlp=nlp, document_date="2023-11-30")
    assert len(report.extractions) == 7 and len(report.failures) == 2
    return report.extractions


def _reference(extraction) -> Graph:
    graph = Graph()
    formats_rdf.add_document(graph, extraction)
    return graph


def _same(expected: Graph, got: Graph, what: str) -> None:
    if to_isomorphic(expected) != to_isomorphic(got):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        raise AssertionError(f"{what}: missing {sorted(missing)[:5]}, extra {sorted(extra)[:5]}")


def test_the_corpus_exercises_every_kind_of_metadata(extractions):
    predicates = {p for extraction in extractions for _, p, _ in _reference(extraction)}
    assert set(METADATA) <= predicates


def test_the_rdflib_sink_writes_what_add_document_wrote(extractions):
    for extraction in extractions:
        graph = Graph()
        add_document(graph, extraction)
        _same(_reference(extraction), graph, extraction.file_name)


def test_the_ntriples_sink_writes_the_same_triples_split_by_graph(extractions):
    for extraction in extractions:
        rdf = document_rdf(extraction)
        local = Graph().parse(data=rdf.local, format="nt")
        shared = Graph().parse(data=rdf.shared, format="nt")
        _same(_reference(extraction), local + shared, extraction.file_name)
        # Everything about the document, its pages and mentions is in its own named graph.
        assert all(is_local(str(s), rdf.document) for s, _, _ in local)
        assert not any(isinstance(s, URIRef) and is_local(str(s), rdf.document) for s, _, _ in shared)
        doc = URIRef(rdf.document)
        assert set(local.predicate_objects(doc)) == set(_reference(extraction).predicate_objects(doc))


def test_the_streamed_build_holds_the_metadata_in_each_documents_graph(extractions, corpus, nlp, tmp_path):
    result = build([corpus], tmp_path / "out", nlp=nlp, workers=0, document_date="2023-11-30")
    assert result.documents == 7
    expected = Graph()
    for extraction in extractions:
        formats_rdf.add_document(expected, extraction)
    trig = Graph()
    by_graph: dict[str, set] = {}
    for quad in ox.parse(path=str(tmp_path / "out" / "graph.trig")):
        by_graph.setdefault(quad.graph_name.value, set()).add(quad)
    merged = "".join(str(ox.Triple(q.subject, q.predicate, q.object)) + " .\n" for quads in by_graph.values()
                     for q in quads)
    trig.parse(data=merged, format="nt")
    _same(expected, trig, "graph.trig")
    entity_graph = str(entity_graph_iri())
    for extraction in extractions:
        doc = document_rdf(extraction).document
        own = {(q.subject.value, q.predicate.value) for q in by_graph[doc]}
        for s, p, _ in _reference(extraction):
            if is_local(str(s), doc):
                assert (str(s), str(p)) in own, (extraction.file_name, s, p)
    assert entity_graph in by_graph
