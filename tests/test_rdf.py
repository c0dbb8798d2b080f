"""The RDF writer, checked by isomorphism against small hand-checked Turtle files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.compare import graph_diff, to_isomorphic

from kg.ontology import CJ, PROV, RDF, RDFS, SKOS
from kg.rdf import build_graph, entity_iri, normalize_name
from kg.records import DateValue, DocumentExtraction, EntityKey, EntityRecord, Mention, Money, RelationRecord
from tests.sample import TEXT, canonical, sample_extraction

DATA = Path(__file__).parent / "data" / "rdf"

TINY_TEXT = "欧姆龙投资3000万美元设立欧姆龙(大连)有限公司。"
OMRON = EntityKey("欧姆龙", "Company")
OMRON_DL = EntityKey("欧姆龙(大连)有限公司", "Company")


def tiny_extraction() -> DocumentExtraction:
    return DocumentExtraction(
        file_name="tiny.txt",
        content_hash="ab" * 32,
        text=TINY_TEXT,
        entities=(EntityRecord(OMRON, aliases=("オムロン",)), EntityRecord(OMRON_DL)),
        mentions=(Mention(OMRON, 0, 3, "欧姆龙"), Mention(OMRON_DL, 14, 26, "欧姆龙(大连)有限公司")),
        relations=(
            RelationRecord(OMRON, "investedIn", OMRON_DL, 0, 27, TINY_TEXT,
                           money=Money(Decimal("30000000"), "USD", "3000万美元"), date=DateValue("2023-05", "gYearMonth")),
        ),
    )


def _assert_isomorphic(actual: Graph, expected: Graph) -> None:
    if to_isomorphic(actual) != to_isomorphic(expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        raise AssertionError(
            "graphs differ\nonly in actual:\n" + only_actual.serialize(format="nt")
            + "\nonly in expected:\n" + only_expected.serialize(format="nt"))


def test_tiny_document_matches_the_expected_turtle():
    expected = Graph().parse(DATA / "tiny.ttl", format="turtle")
    _assert_isomorphic(build_graph([tiny_extraction()]), canonical(expected))


def test_turtle_round_trip_is_isomorphic():
    graph = build_graph([sample_extraction()])
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    _assert_isomorphic(canonical(again), graph)


def test_entity_iris_are_stable_across_documents_and_runs():
    first = build_graph([sample_extraction()])
    second = build_graph([tiny_extraction(), sample_extraction()])
    dalian = entity_iri(EntityKey("大连", "City"))
    assert (dalian, RDF.type, CJ.City) in first and (dalian, RDF.type, CJ.City) in second
    assert entity_iri(EntityKey("欧姆龙（大连）有限公司", "Company")) == entity_iri(OMRON_DL)


def test_aliases_are_alt_labels_and_the_label_is_chinese():
    graph = build_graph([sample_extraction()])
    dalian = entity_iri(EntityKey("大连", "City"))
    assert set(graph.objects(dalian, RDFS.label)) == {Literal("大连", lang="zh")}
    assert Literal("大连市", lang="zh") in set(graph.objects(dalian, SKOS.altLabel))


def test_evidence_offsets_slice_the_evidence_out_of_the_text():
    graph = build_graph([sample_extraction()])
    mentions = list(graph.subjects(RDF.type, CJ.RelationMention))
    assert mentions
    for node in mentions:
        start = int(graph.value(node, CJ.charStart))
        end = int(graph.value(node, CJ.charEnd))
        assert TEXT[start:end] == str(graph.value(node, CJ.evidence))
        assert graph.value(node, PROV.wasDerivedFrom) is not None
    for node in graph.subjects(RDF.type, CJ.EntityMention):
        start, end = int(graph.value(node, CJ.charStart)), int(graph.value(node, CJ.charEnd))
        assert TEXT[start:end] == str(graph.value(node, CJ.surface))


def test_money_is_a_decimal_in_units():
    graph = build_graph([tiny_extraction()])
    amounts = list(graph.objects(None, CJ.amount))
    assert [a.toPython() for a in amounts] == [Decimal("30000000")]
    assert str(next(graph.objects(None, CJ.currency))) == "USD"


def test_normalize_name_unifies_brackets_and_space():
    assert normalize_name("欧姆龙（大连） 有限公司") == "欧姆龙(大连)有限公司"
