"""An end-to-end build of seeds/: the graph of record and its provenance."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.build import write_outputs
from kg.ontology import CJ, PROV, RDF, RDFS
from kg.outputs import atomic_dir, atomic_write


@pytest.fixture(scope="module")
def graph(seeds_report) -> Graph:
    return seeds_report.graph


def test_every_document_is_a_prov_entity_with_name_and_hash(graph):
    docs = set(graph.subjects(RDF.type, CJ.Document))
    assert len(docs) == 2
    for doc in docs:
        assert (doc, RDF.type, PROV.Entity) in graph
        assert graph.value(doc, CJ.fileName) is not None
        assert str(graph.value(doc, CJ.contentHash)).startswith("sha256:")


def test_mentions_slice_their_surface_out_of_the_normalized_text(seeds_report):
    for extraction in seeds_report.extractions:
        for mention in extraction.mentions:
            assert extraction.text[mention.start:mention.end] == mention.text
        for relation in extraction.relations:
            assert extraction.text[relation.start:relation.end] == relation.evidence


def test_source_offsets_point_into_the_source_file(seeds_report, seeds_dir):
    for extraction in seeds_report.extractions:
        source = (seeds_dir / extraction.file_name).read_text(encoding="utf-8")
        for mention in extraction.mentions[:50]:
            start = extraction.source_offset(mention.start)
            assert source[start] == mention.text[0]


def test_every_entity_has_one_chinese_label(graph):
    for entity in set(graph.subjects(RDF.type, None)):
        labels = list(graph.objects(entity, RDFS.label))
        if any(t for t in graph.objects(entity, RDF.type) if str(t).startswith(str(CJ._NS)) and str(t)[len(str(CJ._NS)):]
               in ("City", "Company", "Person", "Event")):
            assert len(labels) == 1 and labels[0].language == "zh"


def test_relation_mentions_carry_evidence_and_offsets(graph):
    nodes = list(graph.subjects(RDF.type, CJ.RelationMention))
    assert len(nodes) > 100
    for node in nodes:
        for prop in (RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, CJ.evidence, CJ.charStart, CJ.charEnd,
                     CJ.method):
            assert graph.value(node, prop) is not None, prop
        s, p, o = graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object)
        assert (s, p, o) in graph  # the plain triple is there too


def test_the_8489_investment_is_a_number_in_usd(graph):
    amounts = {(a.toPython(), str(graph.value(n, CJ.currency))) for n, a in graph.subject_objects(CJ.amount)}
    from decimal import Decimal

    assert (Decimal("84890000"), "USD") in amounts


def test_write_outputs_writes_graph_ttl(seeds_report, tmp_path):
    write_outputs(seeds_report, tmp_path, only=["graph.ttl"])
    again = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(again) == len(seeds_report.graph)


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_atomic_dir_keeps_the_old_folder_on_failure(tmp_path):
    target = tmp_path / "store"
    target.mkdir()
    (target / "data").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_dir(target) as tmp:
            (tmp / "data").write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert (target / "data").read_text(encoding="utf-8") == "old"
    with atomic_dir(target) as tmp:
        (tmp / "data").write_text("new", encoding="utf-8")
    assert (target / "data").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_outputs_get_ordinary_permissions(tmp_path):
    import os
    import stat

    mask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "graph.ttl") as handle:
            handle.write("x")
        with atomic_dir(tmp_path / "store"):
            pass
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "graph.ttl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "store").stat().st_mode) == 0o755
