"""The HTML view's year filter: the data placing each edge in years (the slider in a browser:
tests/test_html_browser.py, whose browser fixture it needs)."""

from __future__ import annotations

from dataclasses import replace

from kg.analysis.chronology import example_timeline_graph
from kg.analysis.examples import example_extraction
from kg.html import edge_years, graph_to_view, time_payload, view_payload
from kg.rdf import build_graph
from kg.records import DateValue, DocumentMetadata


def gap_graph():
    """The example article split in two, dated 2019 and 2024 by their articles only (no date in any sentence)."""
    whole = example_extraction()
    relations = tuple(r._replace(date=None) for r in whole.relations)
    early = tuple(r for r in relations if r.predicate in ("sisterCityOf", "investedIn") or r.subject.name == "日立制作所")
    late = tuple(r for r in relations if r not in early)
    return build_graph([
        replace(whole, relations=early, statistics=(),
                metadata=DocumentMetadata(date=DateValue("2019-03-01", "date"), date_source="metadata")),
        replace(whole, relations=late, statistics=(), content_hash="d" * 64, file_name="late.txt",
                metadata=DocumentMetadata(date=DateValue("2024", "gYear"), date_source="fileName")),
    ])


def _edges_by_years(graph):
    view = graph_to_view(graph)
    years = edge_years(graph, view)
    return view, {(view.nodes[e.source].label, e.relation, view.nodes[e.target].label): years.get(e.id, ())
                  for e in view.edges}


def test_edges_are_placed_in_the_years_of_their_mentions():
    _, found = _edges_by_years(example_timeline_graph())
    assert found[("日立制作所", "investedIn", "日立大连有限公司")] == (2023, 2024)  # own date 2023, article 2024
    assert found[("大连船舶重工有限公司", "investedIn", "大船北九州株式会社")] == (2024,)  # own date 2024-05
    assert found[("李明", "affiliatedWith", "大连")] == (2023, 2024)  # both articles' dates


def test_the_payload_is_separate_and_small():
    graph = gap_graph()
    view = graph_to_view(graph)
    payload = time_payload(graph, view)
    assert payload["range"] == [2019, 2024]
    assert set(payload["edges"]) == {str(e.id) for e in view.edges}
    assert sorted({tuple(v) for v in payload["edges"].values()}) == [(2019,), (2024,)]
    assert "time" not in view_payload(view, title="t")


def test_a_graph_without_dates_has_no_range():
    view = graph_to_view(build_graph([example_extraction()]))
    assert time_payload(build_graph([example_extraction()]), view)["range"] == [2023, 2024]  # the sentences' own
    undated = build_graph([replace(example_extraction(), relations=tuple(r._replace(date=None)
                                                                         for r in example_extraction().relations))])
    assert time_payload(undated, graph_to_view(undated)) == {"range": None, "edges": {}}
