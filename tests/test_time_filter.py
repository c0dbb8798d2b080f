"""The HTML view's year filter: the data placing each edge in years, and the slider in a real browser."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.analysis.chronology import example_timeline_graph
from kg.analysis.examples import example_extraction
from kg.html import edge_years, graph_to_view, time_payload, view_payload, write_html
from kg.rdf import build_graph
from kg.records import DateValue, DocumentMetadata
from tests.test_html_browser import browser, open_page  # noqa: F401  (fixtures)


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


def test_a_graph_without_dates_has_no_range(seeds_report):
    view = graph_to_view(build_graph([example_extraction()]))
    assert time_payload(build_graph([example_extraction()]), view)["range"] == [2023, 2024]  # the sentences' own
    undated = build_graph([replace(example_extraction(), relations=tuple(r._replace(date=None)
                                                                         for r in example_extraction().relations))])
    assert time_payload(undated, graph_to_view(undated)) == {"range": None, "edges": {}}


VISIBLE_EDGES = "cjkg.edges.get().filter((e) => !e.hidden).map((e) => e.id).sort((a, b) => a - b)"
VISIBLE_NODES = "cjkg.nodes.get().filter((n) => !n.hidden).length"


@pytest.mark.browser
def test_the_year_range_hides_facts_outside_it_and_never_blanks_the_graph(open_page, tmp_path):  # noqa: F811
    graph = gap_graph()
    view, found = _edges_by_years(graph)
    path = write_html(graph, tmp_path / "years.html")
    page = open_page(path)
    assert page.page.locator("#time-filter").is_visible()
    assert page.page.locator("#year-label").text_content() == "2019–2024"
    every = sorted(e.id for e in view.edges)
    assert page.js(VISIBLE_EDGES) == every

    # 2019 only: the 2024 article's relations go, and the entities only it names
    page.page.locator("#year-to").fill("2019")
    in_2019 = sorted(e.id for e in view.edges
                     if 2019 in found[(view.nodes[e.source].label, e.relation, view.nodes[e.target].label)])
    assert page.js(VISIBLE_EDGES) == in_2019 and 0 < len(in_2019) < len(every)
    hidden = page.js("cjkg.nodes.get().filter((n) => n.hidden).map((n) => cjkg.data.nodes[n.id].label).sort()")
    assert hidden == ["2023中日经贸洽谈会", "中国", "大连经济技术开发区", "日本", "李明"]  # only 2024 relations
    assert "2019 年" in page.page.locator("#stats").text_content()

    # a range with no relation in it is refused: nothing changes, a note says why
    assert page.js("cjkg.setYears(2020, 2023)") is False
    assert page.js(VISIBLE_EDGES) == in_2019
    assert page.page.locator("#filter-note").is_visible()
    assert page.page.locator("#year-label").text_content() == "2019"

    # a search result outside the range is shown again, with the whole range
    page.page.locator("#search").fill("李明")
    page.page.locator("#search").press("Enter")
    assert page.js(VISIBLE_EDGES) == every and page.page.locator("#year-label").text_content() == "2019–2024"

    # the late years only, then "show all"
    page.page.locator("#year-from").fill("2024")
    assert page.js(VISIBLE_EDGES) == sorted(
        e.id for e in view.edges if 2024 in found[(view.nodes[e.source].label, e.relation, view.nodes[e.target].label)])
    page.page.locator("#btn-all").click()
    assert page.js(VISIBLE_EDGES) == every and page.js(VISIBLE_NODES) == len(view.nodes)
    page.assert_clean()


@pytest.mark.browser
def test_a_page_without_dates_shows_no_year_filter(open_page, tmp_path):  # noqa: F811
    undated = build_graph([replace(example_extraction(), relations=tuple(r._replace(date=None)
                                                                         for r in example_extraction().relations))])
    page = open_page(write_html(undated, tmp_path / "undated.html"))
    assert not page.page.locator("#time-filter").is_visible()
    page.assert_clean()
