"""The HTML view in a real browser (Debian's chromium through Playwright), with the network cut off.

Every page is opened with all non-``file://`` requests aborted and recorded;
a test fails if any was attempted. Pages are opened twice where it matters:
with their Content-Security-Policy, as a user gets them, and with the policy
bypassed, to show that the page itself neither fetches anything nor runs
article markup (the policy is only a second line of defence).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.analysis.examples import example_graph
from kg.html import write_html
from kg.rdf import build_graph
from tests.test_html import IMG_PAYLOAD, SCRIPT_PAYLOAD, _entity_count, injected_extraction, synthetic_graph

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1400, "height": 860}
DATA = Path(__file__).parent / "data"


@dataclass
class OfflinePage:
    """A page opened with the network cut off, and what it tried to do."""

    page: Any
    attempted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_id(self, label: str) -> int:
        return self.js("(label) => cjkg.data.nodes.find((n) => n.label === label).id", label)

    def screen_point(self, canvas_xy: dict[str, float]) -> tuple[float, float]:
        dom = self.js("(p) => cjkg.network.canvasToDOM(p)", canvas_xy)
        box = self.page.locator("#graph canvas").bounding_box()
        return box["x"] + dom["x"], box["y"] + dom["y"]

    def node_point(self, label: str) -> tuple[float, float]:
        node = self.node_id(label)
        return self.screen_point(self.js("(id) => cjkg.network.getPositions([id])[id]", node))

    def edge_point(self, source: str, relation: str) -> tuple[float, float]:
        edge = self.js(
            "([label, rel]) => cjkg.data.edges.find((e) => e.rel === rel"
            " && cjkg.data.nodes[e.from].label === label).id", [source, relation])
        # A point on the drawn edge (curved where two relations join the same entities).
        return self.screen_point(self.js("(id) => cjkg.network.body.edges[id].edgeType.getPoint(0.5)", edge))

    def assert_clean(self) -> None:
        assert self.attempted == [], f"the page tried to reach the network: {self.attempted}"
        assert self.errors == [], f"errors in the page: {self.errors}"


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The pages under test, written once: the sample graph, a focused view and the injected article."""
    folder = tmp_path_factory.mktemp("html")
    sample = Graph().parse(DATA / "sample_graph.ttl")
    return {
        "sample": write_html(sample, folder / "sample.html"),
        "focus": write_html(sample, folder / "focus.html", focus="洽谈会", depth=1),
        "injected": write_html(build_graph([injected_extraction()]), folder / "injected.html"),
        "rules": write_html(example_graph(), folder / "rules.html"),  # mentions and relations carry cj:rule
    }


@pytest.fixture
def open_page(browser) -> Iterator[Any]:
    contexts = []

    def opener(path: Path, *, bypass_csp: bool = False, timeout_s: float = 60) -> OfflinePage:
        context = browser.new_context(viewport=VIEWPORT, bypass_csp=bypass_csp, locale="zh-CN",
                                      service_workers="block")
        contexts.append(context)
        page = context.new_page()
        result = OfflinePage(page)

        def route(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                result.attempted.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda r: None if r.url.startswith("file://") or r.url in result.attempted
                else result.attempted.append(r.url))
        page.on("pageerror", lambda exc: result.errors.append(str(exc)))
        page.on("console", lambda msg: result.errors.append(msg.text) if msg.type == "error" else None)
        page.goto(path.as_uri())
        # Waiting on a selector needs no eval, which the page's policy forbids.
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout_s * 1000)
        return result

    yield opener
    for context in contexts:
        context.close()


# ------------------------------------------------------------------------- tests


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_page_loads_offline_with_every_entity(open_page, pages, bypass_csp):
    view = open_page(pages["sample"], bypass_csp=bypass_csp)
    graph = Graph().parse(DATA / "sample_graph.ttl")
    assert view.js("cjkg.nodes.length") == _entity_count(graph) == 8
    assert view.js("cjkg.edges.length") == 9
    assert view.js("cjkg.network.body.nodeIndices.length") == 8  # all drawn
    assert view.js("cjkg.network.physics.physicsEnabled") is False  # stopped once stable
    # Arrows only on directed relations.
    arrows = view.js("cjkg.data.edges.map((e) => [e.rel, cjkg.edges.get(e.id).arrows.to.enabled])")
    assert {rel: on for rel, on in arrows} == {
        "sisterCityOf": False, "locatedIn": True, "investedIn": True, "established": True,
        "affiliatedWith": True, "participatedIn": True, "heldIn": True}
    assert view.js("cjkg.edges.get(cjkg.data.edges.find((e) => e.rel === 'investedIn').id).label") == "投资"
    legend = view.page.locator("#class-filters li")
    assert legend.count() == 6 and "城市" in legend.all_inner_texts()[1]
    # The canvas draws with the installed CJK font.
    assert view.js("document.fonts.check('14px \"Noto Sans CJK SC\"', '中日')") is True
    view.assert_clean()


def test_search_finds_an_entity_by_alias(open_page, pages):
    view = open_page(pages["sample"])
    search = view.page.locator("#search")
    search.fill("洽谈会")  # only an alias; the label is 2023中日经贸洽谈会
    first = view.page.locator("#search-results li").first
    assert "2023中日经贸洽谈会" in first.inner_text() and "别名 洽谈会" in first.inner_text()
    search.press("Enter")
    fair = view.node_id("2023中日经贸洽谈会")
    assert view.js("cjkg.network.getSelectedNodes()") == [fair]
    assert view.page.locator("#panel h2").inner_text() == "2023中日经贸洽谈会"
    # Neighbourhood highlight: neighbours keep their colour, the rest is dimmed.
    colours = view.js("Object.fromEntries(cjkg.data.nodes.map((n) => [n.label, cjkg.nodes.get(n.id).color.background]))")
    assert colours["李明"] == "#8e44ad" and colours["大连"] == "#d4a017"
    assert colours["日本"] == colours["日立制作所"] == "#e4e7eb"
    search.fill("大连市")
    assert view.page.locator("#search-results li").first.locator(".hit-label").inner_text() == "大连"
    view.assert_clean()


def test_click_shows_evidence(open_page, pages):
    view = open_page(pages["sample"])
    view.page.mouse.click(*view.node_point("大连"))
    panel = view.page.locator("#panel")
    assert panel.is_visible() and panel.locator("h2").inner_text() == "大连"
    text = panel.inner_text()
    assert "大连市与日本北九州市缔结友好城市。" in text and "来源 sample.txt" in text
    # the sample graph has no rule ids: each evidence says so
    assert set(panel.locator(".evidence .meta .rule").all_inner_texts()) == {"规则 —"}
    assert "别名" in text and "大连市" in text
    assert panel.locator(".rel-list > li").count() == 4
    # Hover a relation: the tooltip carries its evidence, source, method and amount.
    view.page.mouse.click(20, VIEWPORT["height"] - 15)  # empty canvas (below the legend): clears the selection
    assert not panel.is_visible()
    view.page.mouse.move(*view.edge_point("日立制作所", "investedIn"))
    tooltip = view.page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    tip = tooltip.inner_text()
    assert "投资 · invested in" in tip and "日立制作所投资3000万美元" in tip
    assert "sample.txt" in tip and "30,000,000 USD" in tip and "pattern" in tip
    view.page.mouse.click(*view.edge_point("日立制作所", "investedIn"))
    assert "3000万" in panel.inner_text() and "日期 2023" in panel.inner_text()
    view.assert_clean()


def test_evidence_shows_the_method_and_the_rule(open_page, pages):
    view = open_page(pages["rules"])
    view.js("cjkg.selectEntity(cjkg.data.nodes.find((n) => n.label === '大连经济技术开发区').id)")
    items = view.page.locator("#panel .rel-list > li").all_inner_texts()
    (named,) = [item for item in items if item.startswith("大连经济技术开发区")]  # 大连经济技术开发区 → 大连
    assert "方法 名称推断 name" in named and "规则 locatedIn.name" in named
    (by_cue,) = [item for item in items if item.startswith("日立大连有限公司")]  # 日立大连有限公司 → the zone
    assert "方法 文中线索 pattern" in by_cue and "规则 locatedIn.cue" in by_cue
    rule = view.page.locator("#panel .evidence .meta .rule").first
    assert rule.get_attribute("title").startswith("cj:rule ")
    view.assert_clean()


def test_person_tooltip_shows_title_and_class(open_page, pages):
    view = open_page(pages["sample"])
    view.page.mouse.move(*view.node_point("李明"))
    tooltip = view.page.locator("#tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "李明" in tooltip.inner_text() and "人物 · Person" in tooltip.inner_text()
    assert "职务：市长" in tooltip.inner_text()
    view.assert_clean()


def test_filters_never_blank_the_graph(open_page, pages):
    view = open_page(pages["sample"])
    visible = "cjkg.nodes.get().filter((n) => !n.hidden).length"
    boxes = view.page.locator("#class-filters input")
    for i in range(boxes.count()):
        boxes.nth(i).click()
    # The last class refuses to go: one class stays, the note says why.
    assert view.js(visible) == 1 and boxes.nth(boxes.count() - 1).is_checked()
    assert view.page.locator("#filter-note").is_visible()
    view.page.locator("#btn-all").click()
    relations = view.page.locator("#relation-filters input")
    for i in range(relations.count()):
        relations.nth(i).click()
    assert view.js(visible) == 8  # without relations the entities stay
    assert view.js("cjkg.edges.get().filter((e) => !e.hidden).length") == 0
    view.page.locator("#btn-all").click()
    assert view.js(visible) == 8 and view.js("cjkg.edges.get().filter((e) => !e.hidden).length") == 9
    # Hiding a class hides its edges; a search result in a hidden class is shown again.
    view.page.locator("#class-filters input[value=Person]").click()
    assert view.js("cjkg.nodes.get(cjkg.data.nodes.find((n) => n.label === '李明').id).hidden") is True
    view.page.locator("#search").fill("李明")
    view.page.locator("#search").press("Enter")
    assert view.js("cjkg.nodes.get(cjkg.data.nodes.find((n) => n.label === '李明').id).hidden") is False
    view.assert_clean()


def test_focused_page_opens_on_the_focus(open_page, pages):
    view = open_page(pages["focus"])
    assert view.js("cjkg.nodes.length") == 3
    assert view.page.locator("#panel h2").inner_text() == "2023中日经贸洽谈会"
    assert "为中心 1 层" in view.page.locator("#stats").inner_text()
    view.assert_clean()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_injected_markup_runs_nothing(open_page, pages, bypass_csp):
    view = open_page(pages["injected"], bypass_csp=bypass_csp)
    assert view.js("cjkg.nodes.length") == 11
    # Find the entity by its markup-laden alias, open it, hover its neighbours and edges.
    view.page.locator("#search").fill("别名<img")
    hit = view.page.locator("#search-results li").first
    assert f"别名{IMG_PAYLOAD}" in hit.inner_text()
    view.page.locator("#search").press("Enter")
    panel = view.page.locator("#panel")
    assert panel.locator("h2").inner_text() == f"恶意{SCRIPT_PAYLOAD}公司"
    text = panel.inner_text()
    assert f"来源 {IMG_PAYLOAD}.txt" in text and f"职务 {SCRIPT_PAYLOAD}" in text
    assert "</script><script>window.__pwned=1</script>" in text
    view.page.locator("#panel-close").click()
    view.page.locator("#btn-legend").click()  # nothing over the canvas while hovering
    view.js("cjkg.network.fit({ animation: false })")
    for label in (f"恶意{SCRIPT_PAYLOAD}公司", f"{IMG_PAYLOAD}市", "王<b>五</b>"):
        view.page.mouse.move(*view.node_point(label))
        view.page.locator("#tooltip").wait_for(state="visible", timeout=5000)
        assert label in view.page.locator("#tooltip").inner_text()
    view.page.mouse.move(*view.edge_point(f"恶意{SCRIPT_PAYLOAD}公司", "investedIn"))
    view.page.locator("#tooltip").wait_for(state="visible", timeout=5000)
    assert IMG_PAYLOAD in view.page.locator("#tooltip").inner_text()
    view.page.wait_for_timeout(300)  # time for an onerror handler to fire, if one had been created
    assert view.js("typeof window.__pwned") == "undefined"
    assert view.js("document.querySelectorAll('img, b, iframe, object, embed').length") == 0
    assert view.js("document.scripts.length") == 3
    view.assert_clean()


def test_screenshot_shows_legend_and_readable_graph(open_page, pages, artifacts):
    view = open_page(pages["sample"])
    view.page.mouse.click(*view.node_point("大连"))
    view.page.wait_for_timeout(700)  # the focus animation
    assert view.page.locator("#legend").is_visible() and view.page.locator("#panel").is_visible()
    # Labels readable: the drawn scale keeps 14 px labels at 12 px or more.
    assert view.js("cjkg.network.getScale()") >= 0.85
    shot = artifacts / "graph_screenshot.png"
    view.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 40_000
    view.assert_clean()


@pytest.mark.parametrize("n_entities", [300, 3000])
def test_large_graph_settles_and_stays_fluid(open_page, tmp_path, n_entities, artifacts):
    graph = synthetic_graph(n_entities)
    started = time.perf_counter()
    path = write_html(graph, tmp_path / f"synthetic_{n_entities}.html")
    render_s = time.perf_counter() - started
    view = open_page(path, timeout_s=120)
    assert view.js("cjkg.nodes.length") == n_entities
    settle_ms = view.js("cjkg.settleMs")
    # Once settled, physics is off and a full redraw is cheap: that is what keeps panning fluid.
    frame_ms = view.js("(() => { const t = performance.now(); for (let i = 0; i < 10; i++) cjkg.network.redraw();"
                       " return (performance.now() - t) / 10; })()")
    assert view.js("cjkg.network.physics.physicsEnabled") is False
    arrows = ("cjkg.data.edges.filter((e) => cjkg.relationsByName.get(e.rel).directed)"
              ".every((e) => cjkg.edges.get(e.id).arrows.to.enabled)")
    symmetric_arrows = ("cjkg.data.edges.filter((e) => !cjkg.relationsByName.get(e.rel).directed)"
                        ".some((e) => cjkg.edges.get(e.id).arrows.to.enabled)")
    # A big graph seen whole draws no arrowheads (specks that cost most of a frame).
    assert view.js(arrows) is (view.js("cjkg.network.getScale()") >= view.js("cjkg.data.layout.arrowsMinScale"))
    assert view.js(arrows) is (n_entities <= 1000)
    view.js("cjkg.network.moveTo({ scale: 1.0, animation: { duration: 50 } })")
    # the arrows come back once the zoom animation has ended (later on a busy machine)
    deadline = time.monotonic() + 30
    while not view.js(arrows) and time.monotonic() < deadline:
        view.page.wait_for_timeout(100)
    assert view.js(arrows) is True and view.js(symmetric_arrows) is False
    # Selecting the most connected entity labels its relations (all of them, on a smaller graph).
    view.js("cjkg.selectEntity(0)")
    labels = view.js("cjkg.data.edges.map((e) => [e.from === 0 || e.to === 0, cjkg.edges.get(e.id).label || ''])")
    assert all(label for incident, label in labels if incident)
    assert any(label for incident, label in labels if not incident) is (n_entities <= 1000)
    size = path.stat().st_size
    figures = {"entities": n_entities, "edges": view.js("cjkg.edges.length"), "settle_ms": settle_ms,
               "network_ms": view.js("cjkg.timings.networkMs"), "redraw_ms": round(frame_ms, 1),
               "render_s": round(render_s, 2), "bytes": size, "bytes_per_node": round(size / n_entities)}
    perf = artifacts / "graph_html_perf.json"
    known = json.loads(perf.read_text()) if perf.exists() else {}
    known[str(n_entities)] = figures
    perf.write_text(json.dumps(known, indent=2))
    # Bounds that catch a page that never settles or keeps simulating, not a slow machine:
    # the figures themselves go to graph_html_perf.json in the artifacts folder.
    assert settle_ms < 60_000, figures
    assert frame_ms < 1_000, figures
    view.assert_clean()


def test_the_seeds_page_is_offline_complete_and_readable(open_page, seeds_report, tmp_path, artifacts):
    """out/graph.html of the seeds: no remote reference, one node per entity, a legend, a screenshot."""
    import re

    from kg.build import write_outputs

    write_outputs(seeds_report, tmp_path, only=["graph.ttl", "graph.html"])
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?://|url\(\s*["']?https?://|@import""", html)
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    view = open_page(tmp_path / "graph.html")
    assert view.js("cjkg.nodes.length") == _entity_count(graph) > 100
    assert view.page.locator("#legend").is_visible()
    shot = artifacts / "graph_seeds_screenshot.png"
    view.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 40_000
    view.assert_clean()


# ------------------------------------------------------------------ the year filter (issue 15)

VISIBLE_EDGES = "cjkg.edges.get().filter((e) => !e.hidden).map((e) => e.id).sort((a, b) => a - b)"
VISIBLE_NODES = "cjkg.nodes.get().filter((n) => !n.hidden).length"


def test_the_year_range_hides_facts_outside_it_and_never_blanks_the_graph(open_page, tmp_path):
    from tests.test_time_filter import _edges_by_years, gap_graph

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


def test_a_page_without_dates_shows_no_year_filter(open_page, tmp_path):
    from dataclasses import replace

    from kg.analysis.examples import example_extraction

    undated = build_graph([replace(example_extraction(), relations=tuple(r._replace(date=None)
                                                                         for r in example_extraction().relations))])
    page = open_page(write_html(undated, tmp_path / "undated.html"))
    assert not page.page.locator("#time-filter").is_visible()
    page.assert_clean()
