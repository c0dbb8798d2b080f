"""SHACL shapes (kg/shapes.ttl): the sample and seed graphs conform, and each broken rule is caught."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef

from kg.cli import main
from kg.errors import InputError, ShapesViolationError
from kg.ontology import CJ, PROV, RDF, RDFS, SKOS, XSD, bind_prefixes
from kg.rdf import add_document
from kg.validate import check_graph, load_shapes, validate_file, validate_graph
from tests.sample import sample_extraction

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TTL = Path(__file__).resolve().parent / "data" / "sample_graph.ttl"


@pytest.fixture
def graph() -> Graph:
    g = bind_prefixes(Graph())
    add_document(g, sample_extraction())
    return g


def _one(graph: Graph, kind: URIRef, predicate: URIRef | None = None, value: object = None) -> URIRef:
    for node in graph.subjects(RDF.type, kind):
        if predicate is None or (node, predicate, value) in graph:
            return node  # type: ignore[return-value]
    raise LookupError(kind)


def _set(predicate: URIRef, value: object, kind: URIRef = CJ.RelationMention, **match: object) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        node = _one(g, kind, match.get("where"), match.get("equals")) if match else _one(g, kind)
        g.set((node, predicate, value))  # type: ignore[arg-type]
    return mutate


def _add(predicate: URIRef, value: object, kind: URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.add((_one(g, kind), predicate, value))  # type: ignore[arg-type]
    return mutate


def _drop(predicate: URIRef, kind: URIRef) -> Callable[[Graph], None]:
    def mutate(g: Graph) -> None:
        g.remove((_one(g, kind), predicate, None))
    return mutate


def test_shapes_parse_and_cover_the_schema():
    shapes = load_shapes()
    assert len(shapes) > 100


def test_sample_graph_conforms():
    report = validate_file(SAMPLE_TTL)
    assert report.conforms and report.violations == ()
    assert "conforms" in report.summary()


def test_built_sample_conforms(graph):
    assert check_graph(graph).conforms


BROKEN = [
    ("second label", _add(RDFS.label, Literal("大連", lang="zh"), CJ.City), "rdfs:label"),
    ("English label", _set(RDFS.label, Literal("Dalian", lang="en"), CJ.City), "rdfs:label"),
    ("no label", _drop(RDFS.label, CJ.Person), "rdfs:label"),
    ("alias not Chinese", _add(SKOS.altLabel, Literal("Dairen"), CJ.City), "skos:altLabel"),
    ("mention without entity", _drop(CJ.mentionOf, CJ.EntityMention), "cj:mentionOf"),
    ("offset as string", _set(CJ.charStart, Literal("0"), CJ.EntityMention), "cj:charStart"),
    ("start after end", _set(CJ.charStart, Literal(999, datatype=XSD.integer), CJ.EntityMention), "cj:charStart"),
    ("mention from nowhere", _drop(PROV.wasDerivedFrom, CJ.EntityMention), "prov:wasDerivedFrom"),
    ("no evidence", _drop(CJ.evidence, CJ.RelationMention), "cj:evidence"),
    ("no subject", _drop(RDF.subject, CJ.RelationMention), "rdf:subject"),
    ("unknown predicate", _set(RDF.predicate, RDFS.seeAlso, CJ.RelationMention), "rdf:predicate"),
    ("object is a literal", _set(RDF.object, Literal("大连"), CJ.RelationMention), "rdf:object"),
    ("unknown method", _set(CJ.method, Literal("guess")), "cj:method"),
    ("two methods", _add(CJ.method, Literal("gazetteer"), CJ.RelationMention), "cj:method"),
    ("amount as text", _set(CJ.amount, Literal("3000万美元"), CJ.RelationMention, where=CJ.currency,
                            equals=Literal("USD")), "cj:amount"),
    ("amount as double", _set(CJ.amount, Literal(3e7), CJ.RelationMention, where=CJ.currency,
                              equals=Literal("USD")), "cj:amount"),
    ("currency lower case", _set(CJ.currency, Literal("usd"), CJ.Statistic), "cj:currency"),
    ("currency without amount", _add(CJ.currency, Literal("JPY"), CJ.EntityMention), "cj:amount"),
    ("date as text", _set(CJ.date, Literal("2023年"), CJ.RelationMention, where=CJ.date,
                          equals=Literal("2023", datatype=XSD.gYear)), "cj:date"),
    ("document without file name", _drop(CJ.fileName, CJ.Document), "cj:fileName"),
    ("bad content hash", _set(CJ.contentHash, Literal("md5:abc"), CJ.Document), "cj:contentHash"),
    ("sister city not a city", _add(CJ.sisterCityOf, URIRef("https://w3id.org/cjkg/resource/Country/日本"),
                                    CJ.City), "cj:sisterCityOf"),
    ("blank entity", lambda g: g.add((BNode(), RDF.type, CJ.Company)), "rdfs:label"),
]


@pytest.mark.parametrize(("mutate", "path"), [(m, p) for _, m, p in BROKEN], ids=[b[0] for b in BROKEN])
def test_each_rule_is_enforced(graph, mutate, path):
    mutate(graph)
    report = validate_graph(graph)
    assert not report.conforms
    assert path in {v.path for v in report.violations}, report.summary()
    assert all(v.message for v in report.violations)


def test_check_graph_raises_with_the_summary(graph):
    _set(CJ.method, Literal("guess"))(graph)
    with pytest.raises(ShapesViolationError, match="exactly one cj:method"):
        check_graph(graph)


def test_validate_file_needs_a_graph(tmp_path):
    with pytest.raises(InputError, match="kg build"):
        validate_file(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="cannot parse"):
        validate_file(bad)


def test_cli_validate(graph, tmp_path):
    ok = CliRunner().invoke(main, ["validate", str(SAMPLE_TTL)])
    assert ok.exit_code == 0 and "conforms" in ok.output
    _set(CJ.currency, Literal("dollars"), CJ.Statistic)(graph)
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    failed = CliRunner().invoke(main, ["validate", str(broken)])
    assert failed.exit_code == 1
    assert "cj:currency" in failed.output and "does not conform" in failed.output


@pytest.fixture(scope="module")
def seeds_report():
    from kg.build import extract_paths

    return extract_paths([ROOT / "seeds"])


@pytest.mark.slow
def test_graph_built_from_the_seeds_conforms(seeds_report):
    assert seeds_report.document_graphs, "the seeds gave no document"
    report = validate_graph(seeds_report.graph)
    assert report.conforms, report.summary(limit=30)
