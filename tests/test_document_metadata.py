"""A document's metadata in RDF (date and its source, title, address, outlet, pages), its shapes, and
relative dates resolved against each article's own date."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from rdflib import Graph, Literal, URIRef

from kg.build import extract_paths
from kg.ontology import CJ, DCTERMS, RDF, SCHEMA, XSD, bind_prefixes
from kg.rdf import add_document, document_iri, url_iri
from kg.records import DateValue, DocumentMetadata
from kg.validate import validate_graph
from tests.sample import sample_extraction


def _with(meta: DocumentMetadata):
    return replace(sample_extraction(), metadata=meta)


def _document_triples(meta: DocumentMetadata) -> set:
    graph = bind_prefixes(Graph())
    doc = add_document(graph, _with(meta))
    skip = {RDF.type, CJ.fileName, CJ.contentHash}
    return {(p, o) for p, o in graph.predicate_objects(doc) if p not in skip}


def test_metadata_triples():
    meta = DocumentMetadata(title="日立在大连设厂", date=DateValue("2021-06", "gYearMonth"), date_source="dateline",
                            url="https://news.example.cn/2021/06/大连 1.html", publisher="大连日报", author="王明",
                            media_type="application/jsonl", record=7)
    assert _document_triples(meta) == {
        (DCTERMS.issued, Literal("2021-06", datatype=XSD.gYearMonth)),
        (CJ.dateSource, Literal("dateline")),
        (DCTERMS.title, Literal("日立在大连设厂")),
        (SCHEMA.url, URIRef("https://news.example.cn/2021/06/大连%201.html")),
        (DCTERMS.publisher, Literal("大连日报")),
        (DCTERMS.creator, Literal("王明")),
        (DCTERMS.format, Literal("application/jsonl")),
        (CJ.sourceLine, Literal(7, datatype=XSD.integer)),
    }


def test_no_metadata_no_triples():
    assert _document_triples(DocumentMetadata()) == set()


@pytest.mark.parametrize("url", ["news.example.cn/a.html", "javascript:alert(1)", "ftp://example.cn/a", ""])
def test_an_address_that_is_not_a_web_address_is_left_out(url):
    assert url_iri(url) is None
    assert _document_triples(DocumentMetadata(url=url)) == set()


def test_pages_are_nodes_with_their_span_of_the_source_text():
    extraction = sample_extraction()
    graph = bind_prefixes(Graph())
    doc = add_document(graph, replace(extraction, metadata=DocumentMetadata(pages=(0, 20, 45))))
    pages = sorted(graph.subjects(RDF.type, CJ.Page), key=str)
    assert [int(graph.value(p, CJ.pageNumber)) for p in pages] == [1, 2, 3]
    assert [(int(graph.value(p, CJ.sourceCharStart)), int(graph.value(p, CJ.sourceCharEnd))) for p in pages] == [
        (0, 20), (20, 45), (45, len(extraction.text))]
    assert {graph.value(p, DCTERMS.isPartOf) for p in pages} == {doc}


def test_metadata_conforms_to_the_shapes():
    graph = bind_prefixes(Graph())
    add_document(graph, _with(DocumentMetadata(
        title="标题", date=DateValue("2021", "gYear"), date_source="metadata", url="https://example.cn/a",
        publisher="大连日报", media_type="text/html", record=3, pages=(0, 10))))
    assert validate_graph(graph).conforms


@pytest.mark.parametrize(("change", "message"), [
    (lambda g, d: g.remove((d, CJ.dateSource, None)), "cj:dateSource, where the date came from"),
    (lambda g, d: g.set((d, CJ.dateSource, Literal("guess"))), "cj:dateSource is one of"),
    (lambda g, d: g.set((d, DCTERMS.issued, Literal("2021-06-01"))), "dcterms:issued, the publication date"),
    (lambda g, d: g.set((d, SCHEMA.url, Literal("https://example.cn/a"))), "schema:url"),
    (lambda g, d: g.add((d, DCTERMS.title, Literal("第二个标题"))), "at most one dcterms:title"),
    (lambda g, d: g.set((d, CJ.sourceLine, Literal(0, datatype=XSD.integer))), "cj:sourceLine"),
    (lambda g, d: g.remove((URIRef(f"{d}/page/1"), DCTERMS.isPartOf, None)), "dcterms:isPartOf exactly one"),
])
def test_broken_metadata_is_caught(change, message):
    graph = bind_prefixes(Graph())
    doc = add_document(graph, _with(DocumentMetadata(
        title="标题", date=DateValue("2021-06-01", "date"), date_source="metadata", url="https://example.cn/a",
        record=3, pages=(0, 10))))
    change(graph, doc)
    report = validate_graph(graph)
    assert not report.conforms
    assert [v.message for v in report.violations if message in v.message] != [], report.violations


ARTICLE = "今年6月，日立制作所投资3000万美元在大连设立日立大连有限公司。"


def test_relative_dates_resolve_against_each_articles_own_date(nlp, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2019-08-01_dalian.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "export.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": ARTICLE + "（一）", "date": "2021-09-01"},
        {"text": "新华网大连7月2日电 " + ARTICLE, "date": "2022"},
        {"text": ARTICLE + "（三）"},
    ]), encoding="utf-8")
    (folder / "undated.txt").write_text(ARTICLE + "（四）", encoding="utf-8")
    report = extract_paths([folder], nlp=nlp, document_date="2024-04-22")
    assert not report.failures
    found = {}
    for extraction in report.extractions:
        meta = extraction.metadata
        dates = {r.date.value for r in extraction.relations if r.predicate == "investedIn"}
        found[(extraction.file_name, meta.record)] = (meta.date.value, meta.date_source, dates)
    assert found == {
        ("2019-08-01_dalian.txt", None): ("2019-08-01", "fileName", {"2019-06"}),
        ("export.jsonl", 1): ("2021-09-01", "metadata", {"2021-06"}),
        ("export.jsonl", 2): ("2022-07-02", "dateline", {"2022-06"}),
        ("export.jsonl", 3): ("2024-04-22", "default", {"2024-06"}),
        ("undated.txt", None): ("2024-04-22", "default", {"2024-06"}),
    }
    doc = document_iri(report.extractions[1].content_hash)
    assert report.graph.value(doc, CJ.sourceLine) == Literal(1, datatype=XSD.integer)
    assert report.graph.value(doc, CJ.fileName) == Literal("export.jsonl")
