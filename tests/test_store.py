"""The Oxigraph store: one named graph per document, the ontology, atomic writes, replace and remove.

The helpers here (a second fictional document, the two documents' graphs) are also
used by the other SPARQL tests (test_query, test_queries, test_export, test_serve).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.compare import to_isomorphic

from tests.sample import canonical

from kg.build import OUTPUT_WRITERS, BuildReport, write_outputs
from kg.errors import StoreError, StoreNotFoundError
from kg.ontology import CJ, RDFS, bind_prefixes, load_ontology
from kg.rdf import add_document, entity_graph_iri, is_local
from kg.records import DateValue, DocumentExtraction, EntityKey, EntityRecord, Mention, Money, RelationRecord
from kg.store import (
    document_iris,
    iter_document_graphs,
    ontology_iri,
    open_store,
    remove_document,
    replace_document,
    summarize_store,
    write_store,
)
from tests.sample import DALIAN, FAIR, LI, ZONE, sample_extraction

# ---------------------------------------------------------------- shared helpers (no test_ names)

SECOND_TEXT = (
    "2023中日经贸洽谈会由大连市人民政府主办。"
    "三井物产向大连经济技术开发区投资50亿日元。"
    "三井物产(大连)有限公司位于大连经济技术开发区。"
    "大连市长李明会见客人。"
)
GOVERNMENT = EntityKey("大连市人民政府", "GovernmentBody")
MITSUI = EntityKey("三井物产", "Company")
MITSUI_DL = EntityKey("三井物产(大连)有限公司", "Company")


def _sentence(fragment: str) -> tuple[int, int, str]:
    start = SECOND_TEXT.index(fragment)
    begin = SECOND_TEXT.rfind("。", 0, start) + 1
    end = SECOND_TEXT.index("。", start) + 1
    return begin, end, SECOND_TEXT[begin:end]


def _mention(key: EntityKey, surface: str) -> Mention:
    start = SECOND_TEXT.index(surface)
    return Mention(key, start, start + len(surface), surface)


def second_extraction() -> DocumentExtraction:
    """A second fictional article sharing entities (大连, 李明, the fair, the zone) with the sample."""
    s1, s2, s3, s4 = (_sentence(f) for f in ("主办", "投资", "位于", "会见"))
    return DocumentExtraction(
        file_name="second.txt",
        content_hash="1" * 64,
        text=SECOND_TEXT,
        entities=(
            EntityRecord(FAIR), EntityRecord(GOVERNMENT), EntityRecord(MITSUI), EntityRecord(MITSUI_DL),
            EntityRecord(ZONE), EntityRecord(DALIAN, aliases=("大连市",)), EntityRecord(LI, job_title="市长"),
        ),
        mentions=(
            _mention(FAIR, "2023中日经贸洽谈会"), _mention(GOVERNMENT, "大连市人民政府"), _mention(MITSUI, "三井物产"),
            _mention(ZONE, "大连经济技术开发区"), _mention(MITSUI_DL, "三井物产(大连)有限公司"), _mention(LI, "李明"),
        ),
        relations=(
            RelationRecord(FAIR, "organizedBy", GOVERNMENT, *s1),
            RelationRecord(MITSUI, "investedIn", ZONE, *s2, money=Money(Decimal("5000000000"), "JPY", "50亿日元"),
                           date=DateValue("2023-06", "gYearMonth")),
            RelationRecord(MITSUI_DL, "locatedIn", ZONE, *s3),
            RelationRecord(LI, "affiliatedWith", DALIAN, *s4, job_title="市长"),
        ),
    )


def document_graphs() -> dict[URIRef, Graph]:
    """The sample article's and the second article's graphs, by document IRI."""
    graphs: dict[URIRef, Graph] = {}
    for extraction in (sample_extraction(), second_extraction()):
        graph = bind_prefixes(Graph())
        graphs[add_document(graph, extraction)] = graph
    return graphs


def merged_graph(graphs: dict[URIRef, Graph]) -> Graph:
    """Every document's triples in one graph, as ``graph.ttl`` holds them."""
    merged = bind_prefixes(Graph())
    for graph in graphs.values():
        merged += graph
    return merged


def make_store(tmp_path: Path) -> tuple[Path, dict[URIRef, Graph]]:
    """Write the two documents' store under ``tmp_path`` and return its path and the graphs."""
    graphs = document_graphs()
    return write_store(graphs, tmp_path / "store"), graphs


# ---------------------------------------------------------------- tests


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, dict[URIRef, Graph]]:
    return make_store(tmp_path)


def local_part(doc: URIRef, graph: Graph) -> Graph:
    """The triples of ``graph`` that go in ``doc``'s named graph (the rest go in the entity graph)."""
    out = Graph()
    for triple in graph:
        if is_local(str(triple[0]), str(doc)):
            out.add(triple)
    return out


def test_one_named_graph_per_document_plus_the_entity_graph_and_the_ontology(store):
    from kg.summary import summary_triples

    path, graphs = store
    summary = summarize_store(path)
    assert summary.documents == tuple(sorted(graphs))
    assert summary.has_ontology
    # Each document's own triples once, each entity-level triple once however many documents state it;
    # and the summary graph (kg.summary), derived from them.
    merged = merged_graph(graphs)
    assert summary.quads == len(merged) + len(summary_triples(merged)) + len(load_ontology())
    assert document_iris(path) == sorted(graphs)


def test_each_named_graph_is_its_document(store):
    path, graphs = store
    stored = dict(iter_document_graphs(path))
    assert set(stored) == set(graphs)
    for doc, graph in graphs.items():
        assert to_isomorphic(canonical(stored[doc])) == to_isomorphic(canonical(local_part(doc, graph)))


def test_open_store_is_an_rdflib_dataset_on_oxigraph(store):
    path, graphs = store
    dataset = open_store(path)
    assert isinstance(dataset, Dataset)
    assert type(dataset.store).__name__ == "OxigraphStore"
    # Default graph = union of the documents; project prefixes need no PREFIX line.
    rows = dataset.query("SELECT DISTINCT ?label WHERE { ?c a cj:City ; rdfs:label ?label } ORDER BY ?label")
    assert [str(r.label) for r in rows] == ["北九州市", "大连"]
    # The ontology is in its own named graph.
    ontology = dataset.get_context(ontology_iri())
    assert (CJ.City, RDFS.label, Literal("城市", lang="zh")) in ontology


def test_entity_facts_are_stored_once_in_the_entity_graph(store):
    path, graphs = store
    dataset = open_store(path)
    # Both articles name 大连 and 李明: the label is stated once, in the entity graph.
    dalian_label = dataset.query("SELECT ?g WHERE { GRAPH ?g { cjr:City\\/大连 rdfs:label ?l } }")
    assert [row.g for row in dalian_label] == [entity_graph_iri()]
    # Both state 李明 affiliatedWith 大连: the plain triple once, the evidence once per article.
    rows = dataset.query("SELECT ?person ?city WHERE { ?p cj:affiliatedWith ?c ; rdfs:label ?person . "
                         "?c rdfs:label ?city }")
    assert [(str(r.person), str(r.city)) for r in rows] == [("李明", "大连")]
    evidence = dataset.query("SELECT ?doc WHERE { ?m rdf:predicate cj:affiliatedWith ; prov:wasDerivedFrom ?doc }")
    assert sorted(row.doc for row in evidence) == sorted(graphs)


def test_write_store_replaces_an_old_store_whole(tmp_path):
    graphs = document_graphs()
    first = dict(list(graphs.items())[:1])
    path = write_store(first, tmp_path / "store")
    assert document_iris(path) == list(first)
    write_store(graphs, path)
    assert document_iris(path) == sorted(graphs)
    assert not [p for p in tmp_path.iterdir() if p.name != "store"], "no temporary folder is left behind"


def test_a_failed_write_leaves_the_old_store_untouched(tmp_path):
    graphs = document_graphs()
    path = write_store(graphs, tmp_path / "store")
    bad = Graph()
    bad.add((URIRef("https://example.org/s"), RDFS.label, Variable("not_a_term")))
    with pytest.raises(StoreError, match="cannot store the term"):
        write_store({URIRef("https://example.org/doc"): bad}, path)
    assert document_iris(path) == sorted(graphs)
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_replace_document_swaps_one_graph_and_keeps_the_others(store):
    path, graphs = store
    sample_doc, second_doc = sorted(graphs)
    smaller = Graph()
    smaller += graphs[sample_doc]
    smaller.remove((None, CJ.amount, None))
    smaller.remove((None, CJ.currency, None))
    replace_document(path, sample_doc, smaller)
    stored = dict(iter_document_graphs(path))
    assert to_isomorphic(canonical(stored[sample_doc])) == to_isomorphic(canonical(local_part(sample_doc, smaller)))
    assert to_isomorphic(canonical(stored[second_doc])) == to_isomorphic(
        canonical(local_part(second_doc, graphs[second_doc])))
    # Adding a new document is a replace of a graph that was not there.
    copy = bind_prefixes(Graph())
    new_doc = add_document(copy, dataclasses.replace(second_extraction(), content_hash="2" * 64))
    replace_document(path, new_doc, copy)
    assert document_iris(path) == sorted([*graphs, new_doc])


def test_remove_document(store):
    path, graphs = store
    sample_doc, second_doc = sorted(graphs)
    assert remove_document(path, sample_doc) is True
    assert remove_document(path, sample_doc) is False
    assert document_iris(path) == [second_doc]
    # What only the removed article said is gone, entity facts included; what the other one says stays.
    dataset = open_store(path)
    assert not bool(dataset.query("ASK { ?x cj:sisterCityOf ?y }").askAnswer)
    assert not bool(dataset.query('ASK { ?x rdfs:label "北九州市"@zh }').askAnswer)
    assert bool(dataset.query("ASK { ?x cj:organizedBy ?y }").askAnswer)
    assert bool(dataset.query('ASK { ?x rdfs:label "大连"@zh ; skos:altLabel "大连市"@zh ; a cj:City }').askAnswer)


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_open_store_says_what_to_do_when_there_is_no_store(tmp_path, make):
    with pytest.raises(StoreNotFoundError, match="kg build|store"):
        open_store(make(tmp_path))


def test_build_writes_the_store(tmp_path):
    assert "store" in [name for name, _ in OUTPUT_WRITERS]
    graphs = document_graphs()
    report = BuildReport(graph=merged_graph(graphs), document_graphs=graphs)
    write_outputs(report, tmp_path / "out", only=["store"])
    assert report.outputs["store"] == tmp_path / "out" / "store"
    assert document_iris(tmp_path / "out" / "store") == sorted(graphs)


# ---------------------------------------------------------------- damaged stores


def _largest_table(store: Path) -> Path:
    return max(store.glob("*.sst"), key=lambda path: path.stat().st_size)


def damage(store: Path, how: str) -> Path:
    """Damage the store's files as a failing disk or a careless hand would; return the store."""
    if how == "deleted-sst":
        _largest_table(store).unlink()
    elif how == "truncated-sst":
        table = _largest_table(store)
        table.write_bytes(table.read_bytes()[: table.stat().st_size // 2])
    elif how == "garbage-manifest":
        manifest = next(store.glob("MANIFEST-*"))
        manifest.write_bytes(bytes(range(256)) * (manifest.stat().st_size // 256 + 1))
    elif how == "deleted-manifest":
        next(store.glob("MANIFEST-*")).unlink()
    else:
        raise ValueError(how)
    return store


@pytest.mark.parametrize("how", ["deleted-sst", "truncated-sst", "garbage-manifest", "deleted-manifest"])
def test_a_damaged_store_says_so_and_that_kg_build_remakes_it(tmp_path, how):
    import shutil

    from click.testing import CliRunner

    from kg.cli import main
    from kg.errors import StoreDamagedError
    from kg.export import export_store
    from kg.store import open_oxigraph

    path, _ = make_store(tmp_path)
    damage(path, how)
    for reader in (open_oxigraph, document_iris, summarize_store, lambda p: list(iter_document_graphs(p)),
                   open_store, export_store):
        with pytest.raises(StoreDamagedError) as caught:
            reader(path)
        message = str(caught.value)
        assert message.startswith(f"the store {path} is damaged (")
        assert message.endswith("its files cannot be repaired in place: 'kg build ARTICLES --out OUT' remakes it")
    result = CliRunner().invoke(main, ["query", "--store", str(path), "SELECT * WHERE { ?s ?p ?o } LIMIT 1"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: the store {path} is damaged (")
    assert "Traceback" not in result.output
    shutil.rmtree(path)


def test_the_store_loader_takes_named_graphs_n_triples_in_batches_measured_as_n_quads():
    import pyoxigraph as ox

    from kg.store import StoreLoader

    store = ox.Store()
    sizes: list[int] = []
    loader = StoreLoader(store, batch_bytes=100, before_batch=sizes.append)
    lines = b'<urn:s> <urn:p> "\xe5\xa4\xa7\xe8\xbf\x9e"@zh .\n<urn:s> <urn:q> <urn:o> .\n'
    for graph in ("urn:g1", "urn:g2", "urn:g3"):
        loader.add(lines, graph)
    loader.add(b"<urn:s> <urn:r> <urn:o> .", "urn:g1")  # no newline at the end
    loader.close()
    nquads = b"".join(lines.replace(b" .\n", b" <%s> .\n" % g) for g in (b"urn:g1", b"urn:g2", b"urn:g3"))
    expected = {str(q) for q in ox.parse(nquads + b"<urn:s> <urn:r> <urn:o> <urn:g1> .\n", format=ox.RdfFormat.N_QUADS)}
    assert {str(q) for q in store} == expected
    # each batch's size is that of the N-Quads it stands for: the first two graphs', then the rest
    assert sizes[0] == len(nquads) * 2 // 3 and sum(sizes) == len(nquads) + len(b"<urn:s> <urn:r> <urn:o> .")
