"""kg.graphread: the one reader of the graph, on hand-built graphs with exact results."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.analysis.examples import example_extraction, example_graph
from kg.graphread import Entity, graph_records, most_specific_class
from kg.ontology import CJ, ENTITY_CLASSES, RDF, RDFS, SKOS, load_ontology
from kg.rdf import document_iri, entity_iri
from kg.records import EntityKey
from tests.test_html import synthetic_graph

DALIAN = entity_iri(EntityKey("大连", "City"))


def test_labels_prefer_zh_and_the_rest_are_aliases():
    graph = Graph()
    node = entity_iri(EntityKey("松下", "Company"))
    graph.add((node, RDF.type, CJ.Company))
    graph.add((node, RDF.type, CJ.Organization))
    for label in (Literal("Panasonic", lang="en"), Literal("松下", lang="zh"), Literal("松下电器")):
        graph.add((node, RDFS.label, label))
    graph.add((node, SKOS.altLabel, Literal("松下", lang="zh")))
    graph.add((node, SKOS.altLabel, Literal("パナソニック", lang="ja")))
    untyped = entity_iri(EntityKey("无名", "Thing"))
    graph.add((node, CJ.cooperatesWith, untyped))
    entities = graph_records(graph).entities
    assert entities[node] == Entity(node, "松下", "Company", ("Panasonic", "パナソニック", "松下电器"))
    # an untyped end of a relation is an entity without class, named after its IRI
    assert entities[untyped] == Entity(untyped, "无名", None)


def test_the_most_specific_class_follows_the_ontology():
    assert most_specific_class({"Organization", "GovernmentBody"}) == "GovernmentBody"
    assert most_specific_class({"Organization"}) == "Organization"
    # ENTITY_CLASSES lists every subclass before its superclass, so the order breaks the remaining ties safely
    onto = load_ontology()
    position = {iri: i for i, iri in enumerate(ENTITY_CLASSES.values())}
    pairs = [(sub, sup) for sub, sup in onto.subject_objects(RDFS.subClassOf) if sub in position and sup in position]
    assert pairs and all(position[sub] < position[sup] for sub, sup in pairs)


def test_records_of_the_example():
    records = graph_records(example_graph())
    extraction = example_extraction()
    assert len(records.entities) == 11 and len(records.triples) == 13
    assert len(records.relation_mentions) == 13 and len(records.entity_mentions) == len(extraction.mentions)
    assert records.documents == {document_iri(extraction.content_hash): "example.txt"}
    fair = records.entity_named("2023中日经贸洽谈会")
    assert (fair.cls, fair.aliases, fair.mentions) == ("Event", ("洽谈会",), 2)
    assert records.entity_named("李明").job_titles == ("市长",)
    (invest,) = records.mentions_by_triple[entity_iri(EntityKey("日立制作所", "Company")), "investedIn",
                                           entity_iri(EntityKey("日立大连有限公司", "Company"))]
    text = extraction.text
    assert invest.evidence == text[invest.start:invest.end] == "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。"
    assert (invest.method, invest.rule, invest.amount, invest.currency, invest.date, invest.sources) == (
        "pattern", "investedIn.cue", Decimal("30000000"), "USD", "2023", ("example.txt",))
    (post,) = [m for m in records.relation_mentions if m.relation == "affiliatedWith"]
    assert post.job_title == "市长"
    backref = [m for m in records.entity_mentions if m.surface == "洽谈会"]
    assert [(m.entity, m.rule, text[m.start:m.end]) for m in backref] == [(fair.iri, "shapes.backref", "洽谈会")]
    (stat,) = records.statistics
    assert (stat.measure, stat.value, stat.unit, stat.amount, stat.currency, stat.counterpart) == (
        "贸易总额", Decimal("1250000000"), "USD", Decimal("1250000000"), "USD", entity_iri(EntityKey("日本", "Country")))
    # relation mentions come in the order of the text
    assert [m.start for m in records.relation_mentions] == sorted(m.start for m in records.relation_mentions)


def test_a_graph_without_rules_reads_none():
    records = graph_records(Graph().parse(Path(__file__).parent / "data" / "sample_graph.ttl"))
    assert {m.rule for m in records.relation_mentions} == {m.rule for m in records.entity_mentions} == {None}


def test_a_dataset_of_named_graphs_reads_as_their_union():
    """Entity-level facts stored once in a graph of their own, each document's mentions in the document's graph."""
    graph = example_graph()
    dataset = Dataset()
    entities = dataset.graph(URIRef("urn:x:entities"))
    mentions = dataset.graph(URIRef("urn:x:doc"))
    for triple in graph:
        subject = str(triple[0])
        (mentions if "/doc/" in subject else entities).add(triple)
    assert len(entities) and len(mentions)
    assert graph_records(dataset) == graph_records(graph)


class CountingGraph(Graph):
    """A graph that counts how often it is scanned."""

    scans = 0

    def triples(self, pattern):  # type: ignore[override]
        type(self).scans += 1
        return super().triples(pattern)


@pytest.mark.parametrize("size", [100, 1000])
def test_reading_scans_each_property_once_whatever_the_size(size):
    graph = CountingGraph()
    graph += synthetic_graph(size)
    CountingGraph.scans = 0
    records = graph_records(graph)
    assert len([e for e in records.entities.values() if e.cls]) == size
    # one scan per property read (rdf:type, 11 relations, 24 others), no query per entity or per mention
    assert CountingGraph.scans == 36
