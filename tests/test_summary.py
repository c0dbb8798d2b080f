"""The summary graph (kg.summary): one cj:Fact per relation triple, right after every kind of change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.build import build
from kg.ontology import CJ, RDF, XSD
from kg.rdf import read_graph
from kg.store import open_oxigraph, remove_document, replace_document, store_graph
from kg.summary import fact_iri, summary_graph_iri, summary_triples
from kg.validate import validate_graph
from tests.test_store import make_store, merged_graph

ROOT = Path(__file__).resolve().parents[1]
CJR = "https://w3id.org/cjkg/resource/"


def _summary(store_path: Path) -> set[str]:
    """The summary graph of a store, as N-Triples lines."""
    store = open_oxigraph(store_path)
    name = ox.NamedNode(str(summary_graph_iri()))
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store.quads_for_pattern(None, None, None, name)}


def _lines(graph: Graph) -> set[str]:
    from kg.store import to_oxigraph

    return {str(ox.Triple(*(to_oxigraph(t) for t in triple))) for triple in graph}


def test_the_summary_of_a_fact_two_articles_state(tmp_path):
    path, graphs = make_store(tmp_path)
    facts = summary_triples(merged_graph(graphs))
    li, dalian = URIRef(CJR + "Person/李明"), URIRef(CJR + "City/大连")
    fact = fact_iri(str(li), str(CJ.affiliatedWith), str(dalian))
    assert set(facts.predicate_objects(fact)) == {
        (RDF.type, CJ.Fact), (CJ.factSubject, li), (CJ.factPredicate, CJ.affiliatedWith), (CJ.factObject, dalian),
        (CJ.documentCount, Literal(2, datatype=XSD.integer)),
        # the first of its two relation mentions by IRI: the one of doc/0000… (sample.txt)
        (CJ.sampleMention, next(m for m in facts.objects(fact, CJ.sampleMention))),
    }
    sample = next(facts.objects(fact, CJ.sampleMention))
    assert str(sample).startswith(CJR + "doc/0000")
    dated = fact_iri(CJR + "Company/日立制作所", str(CJ.investedIn), CJR + "Company/日立大连有限公司")
    assert (facts.value(dated, CJ.firstDate), facts.value(dated, CJ.lastDate)) == (
        Literal("2023", datatype=XSD.gYear), Literal("2023", datatype=XSD.gYear))
    # where timeline.rq places it: its own first date (the other fact has none, nor a publication date)
    assert facts.value(dated, CJ.factDate) == Literal("2023", datatype=XSD.gYear)
    # One fact per relation triple; the store's summary graph is the same graph.
    assert len(set(facts.subjects(RDF.type, CJ.Fact))) == len(
        {(m_s, m_p, m_o) for m_s, m_p, m_o in merged_graph(graphs) if m_p in set(CJ[p] for p in (
            "investedIn", "established", "signedWith", "cooperatesWith", "locatedIn", "sisterCityOf", "visited",
            "affiliatedWith", "heldIn", "organizedBy", "participatedIn"))})
    assert _summary(path) == _lines(facts)
    assert validate_graph(facts + merged_graph(graphs)).conforms


def test_the_summary_is_not_part_of_the_graph_of_record(tmp_path):
    path, graphs = make_store(tmp_path)
    assert _lines(store_graph(path)) == _lines(merged_graph(graphs))


def test_replacing_and_removing_a_document_keep_the_summary_right(tmp_path):
    path, graphs = make_store(tmp_path)
    first, second = sorted(graphs)
    remove_document(path, second)
    assert _summary(path) == _lines(summary_triples(graphs[first]))
    replace_document(path, second, graphs[second])
    assert _summary(path) == _lines(summary_triples(merged_graph(graphs)))


def _corpus(folder: Path, count: int, *, changed: int | None = None) -> Path:
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = corpus.article(index, seed=3, chars=600, variant=1 if index == changed else 0)
        (folder / f"{index:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_an_incremental_build_has_the_summary_of_a_full_one(tmp_path, nlp):
    corpus = _corpus(tmp_path / "corpus", 24)
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    before = _summary(out / "store")
    # One article changed, one removed, one added: an incremental build.
    _corpus(corpus, 24, changed=3)
    (corpus / "005.txt").unlink()
    shutil.copy(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0], corpus / "seed.txt")
    again = build([corpus], out, nlp=nlp, workers=0)
    assert again.mode == "incremental" and again.extracted == 2
    full = build([corpus], tmp_path / "full", nlp=nlp, workers=0, full=True)
    after = _summary(out / "store")
    assert after == _summary(full.out_dir / "store") != before
    # … and it is the summary of the graph of record.
    assert after == _lines(summary_triples(read_graph(out / "graph.ttl")))


@pytest.mark.parametrize("dropped", [CJ.factDate, CJ.factZone])
def test_an_incremental_build_on_a_store_made_before_fact_dates_makes_its_summary_anew(tmp_path, nlp, dropped):
    corpus = _corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    build([corpus], out, nlp=nlp, workers=0)
    # The store as an older kg left it: a summary whose facts carry no cj:factDate (or no cj:factZone).
    store = open_oxigraph(out / "store", read_only=False)
    name = ox.NamedNode(str(summary_graph_iri()))
    dated = list(store.quads_for_pattern(None, ox.NamedNode(str(dropped)), None, name))
    assert len(dated) > 0
    for quad in dated:
        store.remove(quad)
    store.flush()
    del store
    _corpus(corpus, 12, changed=3)
    again = build([corpus], out, nlp=nlp, workers=0)
    assert again.mode == "incremental" and again.extracted == 1
    full = build([corpus], tmp_path / "full", nlp=nlp, workers=0, full=True)
    assert _summary(out / "store") == _summary(full.out_dir / "store")


@pytest.mark.parametrize("name", ["entity.rq", "events.rq"])
def test_the_queries_that_read_the_summary_say_so(name):
    text = (ROOT / "queries" / name).read_text(encoding="utf-8")
    assert "summary graph" in text


def _store_without_summary(tmp_path: Path) -> tuple[ox.Store, set[str]]:
    """A writable store of the test documents with its summary graph removed, and the summary's lines it should get."""
    path, graphs = make_store(tmp_path / "s")
    store = open_oxigraph(path, read_only=False)
    store.remove_graph(ox.NamedNode(str(summary_graph_iri())))
    return store, _lines(summary_triples(merged_graph(graphs)))


def _summary_of(store: ox.Store) -> set[str]:
    """The summary graph of an open store, as lines."""
    name = ox.NamedNode(str(summary_graph_iri()))
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store.quads_for_pattern(None, None, None, name)}


def test_a_summary_made_whole_goes_through_a_scratch_file_and_is_the_summary_of_the_graph(tmp_path):
    from kg.summary import refresh_summary

    store, expected = _store_without_summary(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    count = refresh_summary(store, scratch=scratch, compact=False)
    assert _summary_of(store) == expected
    assert count == sum(1 for line in expected if line.endswith(f"<{RDF.type}> <{CJ.Fact}>"))
    assert not list(scratch.iterdir())  # the scratch file is gone


def test_a_summary_loaded_in_many_small_pieces_is_the_same_summary(tmp_path):
    from kg.summary import load_summary

    store, expected = _store_without_summary(tmp_path)
    load_summary(store, piece_bytes=200)  # a line or two per bulk load
    assert _summary_of(store) == expected


@pytest.mark.parametrize("part_mentions", [1, 2])
def test_a_summary_grouped_in_parts_by_subject_is_the_same_summary(tmp_path, part_mentions):
    from kg.summary import load_summary

    store, expected = _store_without_summary(tmp_path)
    load_summary(store, part_mentions=part_mentions)  # every relation property in parts
    assert _summary_of(store) == expected


def test_the_parts_of_the_summary_cover_every_subject_once():
    from kg.summary import _part_bounds

    for n in (1, 2, 3, 7, 256):
        bounds = [_part_bounds(i, n) for i in range(n)]
        assert bounds[0][0] == "00" and bounds[-1][1] is None
        assert all(after == following for (_, after), (following, _) in zip(bounds, bounds[1:]))


def _engine_summary(store_path: Path, tmp_path: Path) -> set[str]:
    """The summary graph the engine computes (kg.summary.load_summary) for a copy of a store without its summary."""
    from kg.summary import load_summary

    copy = tmp_path / "engine-copy"
    shutil.rmtree(copy, ignore_errors=True)
    open_oxigraph(store_path).backup(str(copy))
    store = ox.Store(str(copy))
    store.remove_graph(ox.NamedNode(str(summary_graph_iri())))
    assert not _summary_of(store)
    load_summary(store)
    return _summary_of(store)


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_a_new_store_gathers_the_summary_the_engine_computes(tmp_path, nlp, corpus):
    folder = ROOT / "seeds" if corpus == "seeds" else _corpus(tmp_path / "corpus", 40)
    out = build([folder], tmp_path / "out", nlp=nlp, workers=0).out_dir
    gathered = _summary(out / "store")
    assert gathered == _engine_summary(out / "store", tmp_path)
    # dated facts among them (the seeds give no publication dates: no cj:factDate there)
    assert any(f"<{CJ.firstDate}>" in line for line in gathered)
    assert any(f"<{CJ.factDate}>" in line for line in gathered) == (corpus == "generated")
    # the largest amount per investment and currency
    assert any(f"<{CJ.largestAmount}>" in line for line in gathered)
    # the facts between a zone and a company or organization, with the zone's city
    assert any(f"<{CJ.factZone}>" in line for line in gathered) and any(f"<{CJ.zoneCity}>" in line for line in gathered)


def test_the_first_and_last_of_dates_of_several_datatypes_are_the_engines():
    from kg.summary import SummaryCollector

    collector = SummaryCollector()
    dates = ['"2021-03-05"^^<%s>' % XSD.date, '"2020"^^<%s>' % XSD.gYear, '"2022-01"^^<%s>' % XSD.gYearMonth]
    for i, date in enumerate(dates):
        m = f"<{CJR}doc/d{i}/relation/1>"
        collector.add(f"{CJR}doc/d{i}", "".join(f"{m} <{p}> {o} .\n" for p, o in (
            (RDF.subject, f"<{CJR}Company/a>"), (RDF.predicate, f"<{CJ.investedIn}>"), (RDF.object, f"<{CJR}City/b>"),
            (CJ.date, date))).encode("utf-8"))
    lines = b"".join(collector.ntriples()).decode("utf-8").splitlines()
    engine = ox.Store()
    first, last = next(iter(engine.query(
        "SELECT (MIN(?d) AS ?a) (MAX(?d) AS ?b) WHERE { VALUES ?d { %s } }" % " ".join(dates))))
    got = {line.split(" ", 2)[1]: line.split(" ", 2)[2][:-2] for line in lines if "Date>" in line}
    assert got == {f"<{CJ.firstDate}>": str(first), f"<{CJ.lastDate}>": str(last), f"<{CJ.factDate}>": str(first)}


def test_the_collector_spreads_facts_over_part_files_and_leaves_none(tmp_path):
    from kg.summary import SummaryCollector

    collector = SummaryCollector(scratch=tmp_path, parts=3)
    assert list(b"".join(collector.ntriples())) == [] and not list(tmp_path.iterdir())  # no facts: no files
    collector = SummaryCollector(scratch=tmp_path, parts=3)
    for i in range(6):
        m = f"<{CJR}doc/d{i % 2}/relation/{i}>"
        collector.add(f"{CJR}doc/d{i % 2}", "".join(f"{m} <{p}> {o} .\n" for p, o in (
            (RDF.subject, f"<{CJR}Company/c{i}>"), (RDF.predicate, f"<{CJ.locatedIn}>"),
            (RDF.object, f"<{CJR}City/b>"))).encode("utf-8"))
    parts = list(next(tmp_path.iterdir()).iterdir())  # the collector's folder in scratch
    store = ox.Store()
    assert collector.load(store) == 6
    assert not list(tmp_path.iterdir())
    counts = [int(q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(str(CJ.documentCount)), None, None)]
    assert counts == [1] * 6 and len(parts) == 3


def test_the_collector_reads_the_lines_a_regular_expression_over_the_text_finds(nlp, seeds_dir):
    # _lines_of splits lines where the collector once ran this expression over the whole text: the same lines,
    # on the seeds' own N-Triples and on lines made to trip a line reader up
    import re

    from kg.reading import read_source
    from kg.summary import SummaryCollector, _lines_of
    from kg.workers import ExtractionTask, make_result

    slots = SummaryCollector()._slots
    spec = re.compile(rb"^(<[^>\n]*>) (" + b"|".join(re.escape(p) for p in slots) + rb") ([^\n]*) \.$", re.MULTILINE)
    texts = [make_result(nlp, ExtractionTask(str(i), read_source(path))).local_ntriples()
             for i, path in enumerate(sorted(seeds_dir.glob("*.txt")))]
    subject = f"<{RDF.subject}>"
    texts.append("\n".join([
        f'<{CJR}m> <{CJ.date}> "2021 ." .', f"_:b {subject} <urn:o> .", f"<urn:m> {subject} <urn:o> . ",
        f"<urn:m>  {subject} <urn:o> .", f"<urn:m> {subject}  <urn:o> .", f"<urn:a>b> {subject} <urn:o> .",
        f"<urn:m> <{CJ.amount}> \"5\"^^<{XSD.decimal}> .", f"<urn:m> {subject} <urn:o> ."]).encode("utf-8"))
    assert all(text.count(b"\n") > 100 for text in texts[:-1])
    for text in texts:
        assert list(_lines_of(text, slots)) == spec.findall(text)
    assert len(spec.findall(texts[-1])) == 4
