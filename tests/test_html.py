"""The HTML view as data: graph → ViewData → page, without a browser (see test_html_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from kg.build import OUTPUT_WRITERS, BuildReport, write_outputs
from kg.cli import main
from kg.errors import EntityNotFoundError, InputError, MissingAssetError
from kg.html import CLASS_COLORS, SEED_POSITIONS_ABOVE, graph_to_view, layout_options, load_graph, node_size, render_html, view_payload, write_html
from kg.ontology import CJ, ENTITY_CLASSES, PROV, RDF, RDFS, RELATION_PROPERTIES, SKOS, bind_prefixes
from kg.rdf import build_graph, entity_iri
from kg.records import EntityKey, EntityRecord, Mention, RelationRecord
from tests.sample import DALIAN, KITAKYUSHU, sample_extraction

DATA = Path(__file__).parent / "data"
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'


# ------------------------------------------------------------------ shared graphs


def injected_extraction():
    """A records-level extraction whose names, aliases, titles and evidence carry markup."""
    evil_company = EntityKey(f"恶意{SCRIPT_PAYLOAD}公司", "Company")
    evil_city = EntityKey(f"{IMG_PAYLOAD}市", "City")
    sentence = f"{evil_company.name}在{evil_city.name}投资{IMG_PAYLOAD}。</script><script>window.__pwned=1</script>\u2028"
    sample = sample_extraction()
    text = sample.text + sentence
    start = len(sample.text)
    return replace(
        sample,
        file_name=f"{IMG_PAYLOAD}.txt",
        content_hash="1" * 64,
        text=text,
        entities=(
            *sample.entities,
            EntityRecord(evil_company, aliases=(f"别名{IMG_PAYLOAD}", "恶意公司")),
            EntityRecord(evil_city),
            EntityRecord(EntityKey("王<b>五</b>", "Person"), job_title=f"总经理{SCRIPT_PAYLOAD}"),
        ),
        mentions=(*sample.mentions, Mention(evil_company, start, start + len(evil_company.name), evil_company.name)),
        relations=(
            *sample.relations,
            RelationRecord(evil_company, "investedIn", evil_city, start, len(text), sentence),
            RelationRecord(EntityKey("王<b>五</b>", "Person"), "affiliatedWith", evil_company, start, len(text), sentence,
                           job_title=SCRIPT_PAYLOAD),
        ),
    )


def synthetic_graph(n_entities: int, *, seed: int = 7) -> Graph:
    """About ``n_entities`` entities as simulated articles name them: each article names a few
    known entities (popular ones more often) and several new ones, with relations among them
    and a relation mention (evidence) for each."""
    rng = random.Random(seed)
    graph = bind_prefixes(Graph())
    classes, relations = list(ENTITY_CLASSES), list(RELATION_PROPERTIES)
    entities: list[URIRef] = []
    popular: list[URIRef] = []

    def new_entity() -> URIRef:
        i = len(entities)
        cls = rng.choice(classes)
        node = entity_iri(EntityKey(f"实体{i}号", cls))
        graph.add((node, RDF.type, ENTITY_CLASSES[cls]))
        graph.add((node, RDFS.label, Literal(f"实体{i}号", lang="zh")))
        if i % 5 == 0:
            graph.add((node, SKOS.altLabel, Literal(f"别名{i}", lang="zh")))
        entities.append(node)
        popular.append(node)
        return node

    mentions = 0
    while len(entities) < n_entities:
        doc = URIRef(f"{entity_iri(EntityKey('doc', 'Document'))}/{mentions}")
        graph.add((doc, RDF.type, CJ.Document))
        graph.add((doc, CJ.fileName, Literal(f"article_{mentions:05d}.txt")))
        known = {rng.choice(popular) for _ in range(rng.randint(1, 3))} if popular else set()
        fresh = [new_entity() for _ in range(min(rng.randint(3, 8), n_entities - len(entities)))]
        cast = [*known, *fresh]
        for x in fresh:
            for _ in range(1 if rng.random() < 0.7 else 2):
                y = rng.choice(cast)
                if y == x:
                    continue
                prop = RELATION_PROPERTIES[rng.choice(relations)]
                s, o = (x, y) if rng.random() < 0.5 else (y, x)
                graph.add((s, prop, o))
                popular.append(y)
                mention = URIRef(f"{doc}/relation/{mentions}")
                mentions += 1
                for triple in ((mention, RDF.type, CJ.RelationMention), (mention, RDF.subject, s),
                               (mention, RDF.predicate, prop), (mention, RDF.object, o),
                               (mention, PROV.wasDerivedFrom, doc), (mention, CJ.method, Literal("pattern")),
                               (mention, CJ.evidence, Literal(f"第{mentions}句说明了这一关系。", lang="zh"))):
                    graph.add(triple)
    return graph


@pytest.fixture(scope="session")
def sample_graph() -> Graph:
    return Graph().parse(DATA / "sample_graph.ttl")


@pytest.fixture(scope="session")
def injected_graph() -> Graph:
    return build_graph([injected_extraction()])


def _entity_count(graph: Graph) -> int:
    return len({s for cls in ENTITY_CLASSES.values() for s in graph.subjects(RDF.type, cls)})


def _by_label(view):
    return {n.label: n for n in view.nodes}


def _edges(view):
    names = {n.id: n.label for n in view.nodes}
    return {(names[e.source], e.relation, names[e.target]): e for e in view.edges}


# ----------------------------------------------------------------------- the view


def test_nodes_are_the_entities_and_edges_the_relation_triples(sample_graph):
    view = graph_to_view(sample_graph)
    assert len(view.nodes) == _entity_count(sample_graph) == 8
    assert {n.cls for n in view.nodes} == {"City", "Country", "Company", "Zone", "Person", "Event"}
    assert set(_edges(view)) == {
        ("大连", "sisterCityOf", "北九州市"),
        ("北九州市", "locatedIn", "日本"),
        ("日立制作所", "investedIn", "日立大连有限公司"),
        ("日立制作所", "established", "日立大连有限公司"),
        ("日立大连有限公司", "locatedIn", "大连经济技术开发区"),
        ("大连经济技术开发区", "locatedIn", "大连"),
        ("李明", "affiliatedWith", "大连"),
        ("李明", "participatedIn", "2023中日经贸洽谈会"),
        ("2023中日经贸洽谈会", "heldIn", "大连"),
    }
    assert (view.total_entities, view.total_edges, view.truncated) == (8, 9, False)
    # Mentions, documents and statistics are not nodes.
    assert not any("/mention/" in n.iri or "/doc/" in n.iri or "/statistic/" in n.iri for n in view.nodes)


def test_view_is_a_pure_function_of_the_graph(sample_graph):
    before = to_isomorphic(sample_graph)
    assert graph_to_view(sample_graph) == graph_to_view(sample_graph)
    assert to_isomorphic(sample_graph) == before


def test_symmetric_relations_are_one_undirected_edge_with_the_evidence_of_both_directions(sample_graph):
    graph = Graph() + sample_graph
    dalian, kitakyushu = entity_iri(DALIAN), entity_iri(KITAKYUSHU)
    graph.add((kitakyushu, CJ.sisterCityOf, dalian))
    view = graph_to_view(graph)
    sister = [e for e in view.edges if e.relation == "sisterCityOf"]
    assert len(sister) == 1 and not sister[0].directed
    assert [ev.sentence for ev in sister[0].evidence] == ["大连市与日本北九州市缔结友好城市。"]
    assert all(e.directed for e in view.edges if e.relation != "sisterCityOf")
    payload = view_payload(view, title="t")
    assert {r["name"]: r["directed"] for r in payload["relations"]}["sisterCityOf"] is False


def test_colours_and_legend_follow_the_classes(sample_graph):
    view = graph_to_view(sample_graph)
    assert all(n.color == CLASS_COLORS[n.cls] for n in view.nodes)
    assert len(set(CLASS_COLORS.values())) == len(ENTITY_CLASSES) == len(CLASS_COLORS)
    legend = {c.name: (c.label_zh, c.label_en, c.color, c.count) for c in view.classes}
    assert legend["City"] == ("城市", "City", CLASS_COLORS["City"], 2)
    assert legend["Company"][3] == 2 and "District" not in legend  # only classes that occur
    assert [c.name for c in view.classes] == [c for c in ENTITY_CLASSES if c in legend]


def test_relation_labels_come_from_the_ontology(sample_graph):
    relations = {r.name: r for r in graph_to_view(sample_graph).relations}
    assert (relations["investedIn"].label_zh, relations["investedIn"].label_en) == ("投资", "invested in")
    assert (relations["sisterCityOf"].label_zh, relations["sisterCityOf"].directed) == ("友好城市", False)
    assert relations["locatedIn"].count == 3


def test_node_size_grows_with_degree(sample_graph):
    nodes = _by_label(graph_to_view(sample_graph))
    assert nodes["大连"].degree == 4 and nodes["日本"].degree == 1
    assert graph_to_view(sample_graph).nodes[0].label == "大连"  # most connected first
    ranked = sorted(nodes.values(), key=lambda n: n.degree)
    assert [n.size for n in ranked] == sorted(n.size for n in ranked)
    assert nodes["大连"].size > nodes["李明"].size > nodes["日本"].size
    assert node_size(0) < node_size(1) < node_size(100) <= node_size(10_000)


def test_entity_details_and_edge_evidence(sample_graph):
    view = graph_to_view(sample_graph)
    nodes = _by_label(view)
    assert nodes["大连"].aliases == ("大连市",)
    assert nodes["2023中日经贸洽谈会"].aliases == ("洽谈会",)
    assert nodes["李明"].job_titles == ("市长",)
    edges = _edges(view)
    (invest,) = edges["日立制作所", "investedIn", "日立大连有限公司"].evidence
    assert invest.sentence == "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。"
    assert (invest.documents, invest.method, invest.amount, invest.currency, invest.date, invest.rule) == (
        ("sample.txt",), "pattern", Decimal("30000000"), "USD", "2023", None)
    (gazetteer,) = edges["北九州市", "locatedIn", "日本"].evidence
    assert gazetteer.method == "gazetteer"
    (post,) = edges["李明", "affiliatedWith", "大连"].evidence
    assert post.job_title == "市长"


def test_evidence_carries_the_rule_and_the_method():
    from kg.analysis.examples import example_graph

    view = graph_to_view(example_graph())
    edges = _edges(view)
    (invest,) = edges["日立制作所", "investedIn", "日立大连有限公司"].evidence
    (named,) = edges["大连经济技术开发区", "locatedIn", "大连"].evidence
    assert (invest.method, invest.rule, named.method, named.rule) == ("pattern", "investedIn.cue", "name", "locatedIn.name")
    payload = view_payload(view, title="t")
    located = next(e for e in payload["edges"] if e["rel"] == "locatedIn" and e["ev"][0].get("m") == "name")
    assert (located["ev"][0]["m"], located["ev"][0]["r"]) == ("name", "locatedIn.name")


def test_relation_to_an_untyped_node_is_not_an_edge(sample_graph):
    graph = Graph() + sample_graph
    graph.add((entity_iri(DALIAN), CJ.cooperatesWith, entity_iri(EntityKey("无类型", "Company"))))
    view = graph_to_view(graph)
    assert len(view.nodes) == 8 and len(view.edges) == 9


# ----------------------------------------------------------- focus, depth, max-nodes


@pytest.mark.parametrize(("focus", "depth", "expected"), [
    ("2023中日经贸洽谈会", 0, {"2023中日经贸洽谈会"}),
    ("洽谈会", 1, {"2023中日经贸洽谈会", "李明", "大连"}),  # an alias works too
    ("洽 谈 会", 1, {"2023中日经贸洽谈会", "李明", "大连"}),  # compared without white space
    ("日本", 2, {"日本", "北九州市", "大连"}),
    ("大连市", 1, {"大连", "北九州市", "大连经济技术开发区", "李明", "2023中日经贸洽谈会"}),
])
def test_focus_keeps_the_neighbourhood(sample_graph, focus, depth, expected):
    view = graph_to_view(sample_graph, focus=focus, depth=depth)
    assert {n.label for n in view.nodes} == expected
    focus_nodes = [n for n in view.nodes if n.id in view.focus]
    assert len(focus_nodes) == 1 and focus_nodes[0].distance == 0
    assert all(n.distance is not None and n.distance <= depth for n in view.nodes)
    assert all(e.source in {n.id for n in view.nodes} and e.target in {n.id for n in view.nodes} for e in view.edges)
    assert view.truncated == (len(expected) < 8)


def test_unknown_focus_names_close_labels(sample_graph):
    with pytest.raises(EntityNotFoundError, match="日立") as info:
        graph_to_view(sample_graph, focus="日立")
    assert info.value.suggestions == ("日立制作所", "日立大连有限公司")


def test_max_nodes_keeps_the_most_connected(sample_graph):
    view = graph_to_view(sample_graph, max_nodes=3)
    degrees = sorted((n.degree for n in graph_to_view(sample_graph).nodes), reverse=True)
    assert len(view.nodes) == 3 and sorted((n.degree for n in view.nodes), reverse=True) == degrees[:3]
    assert "大连" in {n.label for n in view.nodes}
    assert view.truncated and view.total_entities == 8


def test_max_nodes_with_focus_keeps_the_focus_and_nearest(sample_graph):
    view = graph_to_view(sample_graph, focus="日本", depth=3, max_nodes=2)
    assert {n.label for n in view.nodes} == {"日本", "北九州市"}


@pytest.mark.parametrize("kwargs", [{"depth": -1}, {"max_nodes": 0}])
def test_bad_limits_are_refused(sample_graph, kwargs):
    with pytest.raises(ValueError):
        graph_to_view(sample_graph, **kwargs)


def test_large_graph_is_cut_to_the_most_connected():
    graph = synthetic_graph(600)
    full = graph_to_view(graph)
    assert len(full.nodes) == _entity_count(graph) == 600
    view = graph_to_view(graph, max_nodes=50)
    assert len(view.nodes) == 50
    assert min(n.degree for n in view.nodes) >= max(n.degree for n in full.nodes[50:])


def test_big_views_come_with_starting_positions_that_keep_neighbours_close():
    graph = synthetic_graph(SEED_POSITIONS_ABOVE + 200)
    view = graph_to_view(graph)
    assert all(n.x is not None and n.y is not None for n in view.nodes)
    assert graph_to_view(graph) == view  # deterministic
    assert len({(n.x, n.y) for n in view.nodes}) > 0.99 * len(view.nodes)
    pos = {n.id: (n.x, n.y) for n in view.nodes}

    def dist(a: int, b: int) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    edge_length = sum(dist(e.source, e.target) for e in view.edges) / len(view.edges)
    rng = random.Random(1)
    pairs = [(rng.randrange(len(pos)), rng.randrange(len(pos))) for _ in range(2000)]
    assert edge_length < 0.25 * sum(dist(a, b) for a, b in pairs) / len(pairs)
    payload = view_payload(view, title="t")
    assert all("x" in n and "y" in n for n in payload["nodes"])
    assert payload["layout"]["physics"]["stabilization"]["iterations"] <= 25


def test_small_views_leave_the_layout_to_the_page(sample_graph):
    assert all(n.x is None for n in graph_to_view(sample_graph).nodes)
    assert all("x" not in n for n in view_payload(graph_to_view(sample_graph), title="t")["nodes"])


def test_layout_gets_cheaper_as_the_graph_grows():
    small, large = layout_options(20, 20), layout_options(3000, 3300)
    assert small["layout"]["improvedLayout"] and not large["layout"]["improvedLayout"]
    assert large["physics"]["stabilization"]["iterations"] < small["physics"]["stabilization"]["iterations"]
    assert large["interaction"]["hideEdgesOnDrag"] and not small["interaction"]["hideEdgesOnDrag"]


# ------------------------------------------------------------------------ the page


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.DOTALL)


def _data(page: str) -> dict:
    (body,) = [body for attrs, body in _scripts(page) if 'type="application/json"' in attrs]
    return json.loads(body)


#: URLs that occur in the inlined vis-network as text (licence header, messages, the SVG namespace).
KNOWN_TEXT_URLS = {
    "http://almende.com", "http://opensource.org/licenses/MIT", "http://www.apache.org/licenses/LICENSE-2.0",
    "http://www.w3.org/2000/svg", "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/visjs", "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE", "https://visjs.github.io/vis-network/",
}


def test_page_is_self_contained(sample_graph):
    page = render_html(sample_graph)
    scripts = _scripts(page)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="cjkg-data"', "", ""]
    assert "vis.Network" in scripts[2][1] and "DataSet" in scripts[1][1]  # vis-network itself is inlined
    markup = re.sub(r"(<script[^>]*>).*?</script>", r"\1</script>", page, flags=re.DOTALL)
    assert not re.search(r"<(link|iframe|img|object|embed|base)\b", markup, flags=re.IGNORECASE)
    assert not re.search(r"\b(src|href)\s*=", markup, flags=re.IGNORECASE)
    assert not re.search(r"@import|url\(|@font-face", markup, flags=re.IGNORECASE)
    code = "".join(body for attrs, body in scripts if "json" not in attrs)
    assert set(re.findall(r"https?://[^\s\"'<>)]+", code)) <= KNOWN_TEXT_URLS
    assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|importScripts)\b", scripts[2][1])
    assert '"Noto Sans CJK SC"' in markup


def test_content_security_policy_allows_exactly_the_inline_scripts(sample_graph):
    page = render_html(sample_graph)
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    for attrs, body in _scripts(page):
        if "application/json" not in attrs:
            assert base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() in hashes


def test_page_data_round_trips(sample_graph):
    data = _data(render_html(sample_graph, title="测试"))
    assert data["meta"]["title"] == "测试" and len(data["nodes"]) == 8 and len(data["edges"]) == 9
    invest = next(e for e in data["edges"] if e["rel"] == "investedIn")
    (ev,) = invest["ev"]
    assert data["sentences"][ev["s"]].startswith("日立制作所投资3000万美元")
    assert [data["documents"][i] for i in ev["d"]] == ["sample.txt"]
    assert (ev["a"], ev["c"], ev["m"]) == ("30000000", "USD", "pattern")
    assert "r" not in ev  # the sample graph has no rule ids
    # One sentence that states three relations is stored once.
    assert len(data["sentences"]) == len(set(data["sentences"])) == 3


def test_article_markup_cannot_break_out_of_the_page(injected_graph):
    page = render_html(injected_graph)
    assert SCRIPT_PAYLOAD not in page and IMG_PAYLOAD not in page and "<img" not in page
    assert len(_scripts(page)) == 3  # no script element was added or cut short
    (body,) = [body for attrs, body in _scripts(page) if "json" in attrs]
    assert not set(body) & {"<", ">", "&", "\u2028", "\u2029"}
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert f"恶意{SCRIPT_PAYLOAD}公司" in labels and f"{IMG_PAYLOAD}市" in labels and "王<b>五</b>" in labels
    assert any(SCRIPT_PAYLOAD in s and s.endswith("\u2028") for s in data["sentences"])
    assert f"{IMG_PAYLOAD}.txt" in data["documents"]


def test_write_html_writes_the_page(sample_graph, tmp_path):
    path = write_html(sample_graph, tmp_path / "sub" / "g.html", focus="大连", depth=0)
    assert path == tmp_path / "sub" / "g.html"
    data = _data(path.read_text(encoding="utf-8"))
    assert [n["label"] for n in data["nodes"]] == ["大连"] and data["meta"]["focus"] == [0]
    assert [p.name for p in path.parent.iterdir()] == ["g.html"]  # no temporary file left


def test_build_writes_graph_html(sample_graph, tmp_path):
    assert "graph.html" in [name for name, _ in OUTPUT_WRITERS]
    report = write_outputs(BuildReport(graph=sample_graph), tmp_path, only=["graph.html"])
    assert report.outputs["graph.html"] == tmp_path / "graph.html"
    assert len(_data((tmp_path / "graph.html").read_text(encoding="utf-8"))["nodes"]) == 8


def test_load_graph_explains_bad_input(tmp_path):
    with pytest.raises(InputError, match="no graph file"):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable RDF graph"):
        load_graph(bad)


def test_cli_html(tmp_path):
    out = tmp_path / "view.html"
    runner = CliRunner()
    result = runner.invoke(main, ["html", str(DATA / "sample_graph.ttl"), "--out", str(out),
                                  "--focus", "李明", "--depth", "1", "--max-nodes", "2"])
    assert result.exit_code == 0, result.output
    data = _data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 2 and data["nodes"][data["meta"]["focus"][0]]["label"] == "李明"
    failed = runner.invoke(main, ["html", str(DATA / "sample_graph.ttl"), "--out", str(out), "--focus", "没有这个"])
    assert failed.exit_code == 1 and "没有这个" in failed.output
    assert runner.invoke(main, ["html", "--help"]).exit_code == 0


def test_big_pages_suggest_max_nodes(sample_graph, monkeypatch, caplog):
    import kg.html

    monkeypatch.setattr(kg.html, "FLUID_NODES", 5)
    with caplog.at_level("WARNING", logger="kg.html"):
        render_html(sample_graph)
    assert "--max-nodes 5" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="kg.html"):
        render_html(sample_graph, max_nodes=5)
    assert caplog.text == ""


def test_missing_vis_network_names_the_fix(sample_graph, monkeypatch):
    import kg.html

    kg.html._vis_network_js.cache_clear()
    monkeypatch.setattr(kg.html, "_VIS_JS", ("lib", "no-such-version", "vis-network.min.js"))
    try:
        with pytest.raises(MissingAssetError, match="pip install --force-reinstall pyvis==0.3.2"):
            render_html(sample_graph)
    finally:
        kg.html._vis_network_js.cache_clear()
