"""`kg build` on a folder mixing every format: each article with its date (and where it came from) and address,
bad records and unreadable PDFs one line each, the rest built, the timeline and the HTML filter on top."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from kg.cli import main
from kg.ontology import CJ, DCTERMS, RDF, SCHEMA
from kg.query import read_query, run_query
from kg.validate import validate_graph
from tests.pdf_pages import ARTICLES, newspaper_pdf
from tests.test_readers_html import META, page

QUERIES = __import__("pathlib").Path(__file__).resolve().parents[1] / "queries"

TXT = "今年6月，日立制作所投资3000万美元在大连设立日立大连有限公司。"
MD = "# 大连港开通新航线\n\n新华网大连6月1日电 当天，大连港集团与北九州港湾局签署合作协议。\n"
JSONL = [
    {"text": "三井物产向大连经济技术开发区投资50亿日元。", "date": "2022-09-15", "url": "https://news.example.cn/3.html",
     "source": "大连日报", "title": "三井物产增资"},
    "{broken",
    {"text": "欧姆龙投资2000万美元设立欧姆龙(大连)有限公司。"},  # no date of its own: --date
]


def mixed_corpus(corpus):
    """Write the mixed corpus (every input format, two bad inputs) into the folder ``corpus``; returns it."""
    (corpus / "web").mkdir(parents=True)
    (corpus / "2021-07-01_dalian.txt").write_text(TXT, encoding="utf-8")
    (corpus / "dalian_port.md").write_text(MD, encoding="utf-8")
    newspaper_pdf(corpus / "2024-04-22_p3.pdf", list(ARTICLES), shuffle=7)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is no PDF at all")
    (corpus / "web" / "dalian.html").write_text(page(head=META), encoding="utf-8")
    (corpus / "export.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in JSONL), encoding="utf-8")
    with (corpus / "export.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "date", "url", "text"])
        writer.writerow(["苏州消息", "2020年3月5日", "https://news.example.cn/4.html", "苏州市与日本池田市缔结友好城市。"])
    return corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    corpus = mixed_corpus(folder / "corpus")
    out = folder / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--date", "2023-11-30"])
    return result, out, corpus


def test_bad_inputs_get_one_line_each_and_the_rest_is_built(built):
    result, out, corpus = built
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert errors[0].startswith(f"error: {corpus / 'broken.pdf'}: is not a PDF that can be read (")
    assert errors[1] == (f"error: {corpus / 'export.jsonl'}, line 2: not valid JSON (Expecting property name enclosed "
                         "in double quotes at column 2); fix or remove that record (the file's other records are built)")
    assert re.search(r"built 7 document\(s\)", result.output)
    assert (out / "graph.ttl").is_file() and (out / "store").is_dir() and (out / "graph.html").is_file()


@pytest.fixture(scope="module")
def graph(built):
    _, out, _ = built
    return Graph().parse(out / "graph.ttl")


def _documents(graph):
    rows = {}
    for doc in graph.subjects(RDF.type, CJ.Document):
        line = graph.value(doc, CJ.sourceLine)
        url = graph.value(doc, SCHEMA.url)
        rows[(str(graph.value(doc, CJ.fileName)), int(line) if line is not None else None)] = (
            str(graph.value(doc, DCTERMS.issued)), str(graph.value(doc, CJ.dateSource)),
            str(url) if url is not None else None, str(graph.value(doc, DCTERMS.format)))
    return rows


def test_every_document_has_its_date_with_its_source_and_its_address(graph):
    assert _documents(graph) == {
        ("2021-07-01_dalian.txt", None): ("2021-07-01", "fileName", None, "text/plain"),
        ("dalian_port.md", None): ("2023-06-01", "dateline", None, "text/markdown"),  # the year of --date
        ("2024-04-22_p3.pdf", None): ("2024-04-22", "fileName", None, "application/pdf"),
        ("dalian.html", None): ("2021-06-01", "metadata", "https://news.example.cn/dalian/2021/0601/123.html",
                                "text/html"),
        ("export.jsonl", 1): ("2022-09-15", "metadata", "https://news.example.cn/3.html", "application/jsonl"),
        ("export.jsonl", 3): ("2023-11-30", "default", None, "application/jsonl"),
        ("export.csv", 2): ("2020-03-05", "metadata", "https://news.example.cn/4.html", "text/csv"),
    }


def test_the_graph_conforms_to_the_shapes(graph):
    report = validate_graph(graph)
    assert report.conforms, report.violations[:5]
    pdf = next(graph.subjects(CJ.fileName, Literal("2024-04-22_p3.pdf")))
    pages = list(graph.subjects(DCTERMS.isPartOf, pdf))
    assert [int(graph.value(p, CJ.pageNumber)) for p in pages] == [1]
    title = next(graph.subjects(CJ.fileName, Literal("dalian.html")))
    assert (title, DCTERMS.title, Literal("大连与北九州深化港口合作")) in graph
    assert (title, DCTERMS.creator, Literal("王明")) in graph and (title, DCTERMS.publisher, Literal("大连新闻网")) in graph


def test_the_timeline_places_facts_by_their_sentence_or_their_article(built):
    _, out, _ = built
    rows = run_query(out / "store", read_query(QUERIES / "timeline.rq")).records()
    found = [(str(r["date"]), r["dated"], r["relation"], r["subject"], r["object"], r["documents"]) for r in rows]
    # 今年6月 in 2021-07-01_dalian.txt, and 今年 on dalian.html's page: one fact, two articles, one row
    assert ("2021-06", "text", "investedIn", "日立", "日立大连有限公司", 2) in found
    assert ("2022-09-15", "article", "investedIn", "三井物产", "大连经济技术开发区", 1) in found
    assert ("2023-06-01", "article", "signedWith", "大连港集团", "北九州港湾局", 1) in found
    assert len(set(found)) == len(found) == rows[0]["total"]
    assert [r[0] for r in found] == sorted(r[0] for r in found)
    mitsui = next(r for r in rows if r["subject"] == "三井物产")
    assert (mitsui["amount"], mitsui["currency"], str(mitsui["url"])) == (
        Decimal("5000000000"), "JPY", "https://news.example.cn/3.html")


def test_the_html_page_carries_the_year_range(built):
    _, out, _ = built
    text = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="cjkg-data">(.*?)</script>', text, re.S).group(1))
    assert data["time"]["range"] == [2020, 2024]


@pytest.mark.slow
def test_the_timeline_notebook_runs_on_the_mixed_corpus(built, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    from tests.test_notebooks import NOTEBOOKS, _venv_kernel

    _, out, _ = built
    monkeypatch.setenv("KG_GRAPH", str(out / "graph.ttl"))
    notebook = nbformat.read(NOTEBOOKS / "04_timeline.ipynb", as_version=4)
    NotebookClient(notebook, km=_venv_kernel(), timeout=180, allow_errors=False,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    tables = [o.data["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    assert any("export.jsonl" in t and "dateline" in t and "fileName" in t for t in tables)  # the document table
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 1
