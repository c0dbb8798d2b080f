"""kg.analysis on the fictional sample graph (tests/data/sample_graph.ttl): real values, not shapes."""

from __future__ import annotations

import doctest
import importlib
import math
import warnings
from decimal import Decimal
from pathlib import Path

import matplotlib
import networkx as nx
import pandas as pd
import pytest
from matplotlib import font_manager
from rdflib import BNode, Graph, Literal

from kg import analysis
from kg.analysis import (
    amount_chart,
    centrality_by_class,
    communities,
    counts_by_class,
    counts_by_relation,
    entity_card,
    entity_sides,
    entity_table,
    find_entity,
    interactive_view,
    investment_flows,
    investments,
    load_graph,
    neighbourhood,
    neighbourhood_graph,
    partners,
    side_table,
    sparql,
    statistics,
    timeline,
    to_networkx,
    use_cjk_font,
)
from kg.errors import (
    AmbiguousEntityError,
    AnalysisError,
    CjkFontNotFoundError,
    EntityNotFoundError,
    GraphNotFoundError,
    KgError,
)
from kg.ontology import CJ, RDF, RDFS
from kg.rdf import entity_iri
from kg.records import EntityKey

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "sample_graph.ttl"


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(SAMPLE, format="turtle")


@pytest.fixture()
def sample_with_china(sample: Graph) -> Graph:
    """The sample plus the gazetteer fact the pipeline would add: 大连 is in 中国."""
    graph = Graph()
    graph += sample
    china = entity_iri(EntityKey("中国", "Country"))
    graph.add((china, RDF.type, CJ.Country))
    graph.add((china, RDFS.label, Literal("中国", lang="zh")))
    graph.add((entity_iri(EntityKey("大连", "City")), CJ.locatedIn, china))
    return graph


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[list[object]]:
    return frame[columns].values.tolist()


# --- the docstring examples run (pytest's testpaths only collect tests/) ----------------------

ANALYSIS_MODULES = ["kg.analysis", "kg.analysis.charts", "kg.analysis.examples", "kg.analysis.facts",
                    "kg.analysis.loading", "kg.analysis.money", "kg.analysis.network", "kg.analysis.sides",
                    "kg.analysis.view"]


@pytest.mark.parametrize("name", ANALYSIS_MODULES)
def test_docstring_examples_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


# --- loading ---------------------------------------------------------------------------------

def test_load_graph_prefers_env_var_over_default(monkeypatch: pytest.MonkeyPatch, sample: Graph) -> None:
    monkeypatch.setenv("KG_GRAPH", str(SAMPLE))
    assert len(load_graph(default="no/such/file.ttl")) == len(sample) == 183


def test_load_graph_explicit_path_beats_env_var(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_GRAPH", str(tmp_path / "missing.ttl"))
    assert len(load_graph(SAMPLE)) == 183


def test_missing_graph_says_run_make_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KG_GRAPH", raising=False)
    with pytest.raises(GraphNotFoundError, match=r"run `make run`.*KG_GRAPH") as info:
        load_graph(default=tmp_path / "out" / "graph.ttl")
    assert isinstance(info.value, KgError)
    with pytest.raises(GraphNotFoundError, match="no path given"):
        load_graph()


# --- counts, entities, cards -----------------------------------------------------------------

def test_counts_by_class(sample: Graph) -> None:
    counts = dict(counts_by_class(sample).values.tolist())
    assert list(counts) == ["Country", "Region", "City", "District", "Zone", "Company", "GovernmentBody",
                            "Organization", "Person", "Event"]
    assert counts == {"Country": 1, "Region": 0, "City": 2, "District": 0, "Zone": 1, "Company": 2,
                      "GovernmentBody": 0, "Organization": 0, "Person": 1, "Event": 1}


def test_counts_by_relation(sample: Graph) -> None:
    counts = counts_by_relation(sample).set_index("relation")
    assert len(counts) == 11
    assert counts.loc["locatedIn", "triples"] == 3 and counts.loc["locatedIn", "mentions"] == 3
    assert counts.loc["sisterCityOf", "triples"] == 1 and counts.loc["sisterCityOf", "symmetric"]
    assert counts.loc["visited", "triples"] == 0
    assert counts["triples"].sum() == 9 and counts["mentions"].sum() == 9


def test_entity_table(sample: Graph) -> None:
    table = entity_table(sample)
    assert len(table) == 8
    row = table.set_index("label").loc["2023中日经贸洽谈会"]
    assert (row["class"], row["aliases"], row["mentions"]) == ("Event", "洽谈会", 2)
    assert table.set_index("label").loc["李明", "title"] == "市长"


def test_find_entity_by_label_alias_and_spacing(sample: Graph) -> None:
    dalian = entity_iri(EntityKey("大连", "City"))
    assert find_entity(sample, "大连") == dalian
    assert find_entity(sample, "大连市") == dalian
    assert find_entity(sample, " 大 连 ") == dalian
    assert find_entity(sample, "洽谈会") == entity_iri(EntityKey("2023中日经贸洽谈会", "Event"))


def test_find_entity_not_found_suggests_close_labels(sample: Graph) -> None:
    with pytest.raises(EntityNotFoundError, match="大连经济技术开发区") as info:
        find_entity(sample, "大连经济开发区")
    assert "大连经济技术开发区" in info.value.suggestions
    with pytest.raises(EntityNotFoundError):
        find_entity(sample, "大连", cls="Company")


def test_find_entity_ambiguous_names_the_classes(sample: Graph) -> None:
    graph = Graph()
    graph += sample
    district = entity_iri(EntityKey("大连", "District"))
    graph.add((district, RDF.type, CJ.District))
    graph.add((district, RDFS.label, Literal("大连", lang="zh")))
    with pytest.raises(AmbiguousEntityError, match=r"大连 \(City\).*大连 \(District\)"):
        find_entity(graph, "大连")
    assert find_entity(graph, "大连", cls="District") == district
    # an exact label beats an alias: 大连市 is only an alias of the city
    assert find_entity(graph, "大连市") == entity_iri(EntityKey("大连", "City"))


def test_entity_card_of_a_city(sample: Graph) -> None:
    card = entity_card(sample, "大连市")
    assert (card.label, card.cls, card.aliases, card.title, card.side) == ("大连", "City", ("大连市",), None, None)
    assert [(r.direction, r.relation, r.other, r.other_class) for r in card.relations] == [
        ("both", "sisterCityOf", "北九州市", "City"),
        ("in", "locatedIn", "大连经济技术开发区", "Zone"),
        ("in", "affiliatedWith", "李明", "Person"),
        ("in", "heldIn", "2023中日经贸洽谈会", "Event"),
    ]
    zone = card.relations[1]
    assert zone.evidence[0].text == "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。"
    assert (zone.evidence[0].source, zone.evidence[0].method) == ("sample.txt", "name")
    assert card.mentions == 1 and card.sources == ("sample.txt",)
    (stat,) = card.statistics
    assert (stat.measure, stat.value, stat.unit, stat.counterpart) == ("贸易总额", 1_250_000_000.0, "USD", "日本")
    assert stat.evidence.text == "据统计，大连对日本贸易总额12.5亿美元。"
    frame = card.to_frame()
    assert len(frame) == 4 and frame.loc[0, "source"] == "sample.txt"
    assert card.statistics_frame().loc[0, "counterpart"] == "日本"
    assert "**大连** (City; side: unknown)" in card._repr_markdown_()


def test_entity_card_of_an_investor_carries_amount_and_title(sample: Graph) -> None:
    card = entity_card(sample, "日立制作所")
    invested = next(r for r in card.relations if r.relation == "investedIn")
    (evidence,) = invested.evidence
    assert (invested.direction, invested.other, evidence.amount, evidence.currency, evidence.date) == (
        "out", "日立大连有限公司", 30_000_000.0, "USD", "2023")
    established = next(r for r in card.relations if r.relation == "established")
    assert established.evidence[0].amount is None  # the same sentence, but this relation carries no amount
    row = card.to_frame().set_index("relation").loc["investedIn"]
    assert (row["amount"], row["currency"], row["date"]) == (30_000_000.0, "USD", "2023")
    assert card.side == "Japan"
    person = entity_card(sample, "李明")
    assert person.title == "市长"
    assert person.relations[0].evidence[0].text.startswith("大连市长李明出席")


def test_timeline_orders_dated_facts(sample: Graph) -> None:
    assert _rows(timeline(sample), ["date", "kind", "subject", "what", "object", "amount", "currency"]) == [
        ["2023", "relation", "日立制作所", "investedIn", "日立大连有限公司", 30_000_000.0, "USD"]]


def test_statistics_table(sample: Graph) -> None:
    table = statistics(sample)
    assert _rows(table, ["label", "amount", "currency", "subject_side", "counterpart_side", "source"]) == [
        ["大连对日本贸易总额", 1_250_000_000.0, "USD", None, "Japan", "sample.txt"]]


# --- networkx view ---------------------------------------------------------------------------

def test_to_networkx_has_typed_nodes_and_relation_edges(sample: Graph) -> None:
    view = to_networkx(sample)
    assert isinstance(view, nx.MultiDiGraph)
    assert (view.number_of_nodes(), view.number_of_edges()) == (8, 9)
    kitakyushu, japan = entity_iri(EntityKey("北九州市", "City")), entity_iri(EntityKey("日本", "Country"))
    assert view.nodes[kitakyushu] == {"label": "北九州市", "class": "City", "aliases": (), "title": None}
    assert view.edges[kitakyushu, japan, "locatedIn"] == {"relation": "locatedIn", "methods": ("gazetteer",)}
    assert sorted({rel for _, _, rel in view.edges(data="relation")}) == [
        "affiliatedWith", "established", "heldIn", "investedIn", "locatedIn", "participatedIn", "sisterCityOf"]


def test_centrality_by_class(sample: Graph) -> None:
    table = centrality_by_class(sample, classes=["City", "Company", "Zone"], top=2)
    assert _rows(table, ["class", "rank", "label", "neighbours"]) == [
        ["City", 1, "大连", 4], ["City", 2, "北九州市", 2],
        ["Company", 1, "日立大连有限公司", 2], ["Company", 2, "日立制作所", 1],
        ["Zone", 1, "大连经济技术开发区", 2]]
    assert table.loc[0, "score"] == pytest.approx(4 / 7)
    between = centrality_by_class(sample, classes=["City"], measure="betweenness", top=1)
    assert between.loc[0, "label"] == "大连" and between.loc[0, "score"] > 0.5
    with pytest.raises(AnalysisError, match="pagerank"):
        centrality_by_class(sample, measure="pagerank")
    with pytest.raises(AnalysisError, match="Town"):
        centrality_by_class(sample, classes=["Town"])


@pytest.mark.parametrize("method", ["greedy", "louvain"])
def test_communities_cover_the_graph_and_are_repeatable(sample: Graph, method: str) -> None:
    table = communities(sample, method=method)
    assert table["size"].sum() == 8
    assert table["community"].tolist() == list(range(1, len(table) + 1))
    hitachi = table[table.members.str.contains("日立制作所")].iloc[0]
    assert "日立大连有限公司" in hitachi["members"]
    pd.testing.assert_frame_equal(table, communities(sample, method=method))
    with pytest.raises(AnalysisError):
        communities(sample, method="magic")


def test_neighbourhood_by_alias_and_depth(sample: Graph) -> None:
    near = neighbourhood(sample, "北九州市")
    assert _rows(near, ["hops", "subject", "relation", "object"]) == [
        [1, "北九州市", "locatedIn", "日本"], [1, "大连", "sisterCityOf", "北九州市"]]
    wider = neighbourhood(sample, "北九州市", depth=2)
    assert _rows(wider[wider.hops == 2], ["subject", "relation", "object"]) == [
        ["2023中日经贸洽谈会", "heldIn", "大连"], ["大连经济技术开发区", "locatedIn", "大连"], ["李明", "affiliatedWith", "大连"]]
    # 李明 participatedIn 2023中日经贸洽谈会 joins two entities both two steps away: not followed
    assert "participatedIn" not in set(wider["relation"])
    assert neighbourhood(sample, "北九州市", depth=0).empty
    sub = neighbourhood_graph(sample, "大连市", depth=1)
    assert sorted(d["label"] for _, d in sub.nodes(data=True) if d["focus"]) == ["大连"]
    assert sub.number_of_nodes() == 5


# --- sides, investment, partners -------------------------------------------------------------

def test_sides_from_graph_then_name_cues(sample: Graph) -> None:
    table = side_table(sample).set_index("label")
    assert table.loc["日本", ["side", "basis"]].tolist() == ["Japan", "country"]
    assert table.loc["北九州市", ["side", "basis", "via"]].tolist() == ["Japan", "locatedIn", "日本"]
    assert table.loc["日立制作所", ["side", "basis", "via"]].tolist() == ["Japan", "name", "制作所"]
    assert table.loc["日立大连有限公司", ["side", "basis", "via"]].tolist() == ["China", "name", "有限公司"]
    assert pd.isna(table.loc["大连", "side"])  # nothing in the sample places 大连
    assert pd.isna(table.loc["李明", "side"])  # persons get no side from their posts
    graph_only = entity_sides(sample, name_cues=())
    assert graph_only[entity_iri(EntityKey("日立制作所", "Company"))].side is None


def test_sides_follow_located_in_transitively(sample_with_china: Graph) -> None:
    table = side_table(sample_with_china).set_index("label")
    assert table.loc["大连", ["side", "basis", "via"]].tolist() == ["China", "locatedIn", "中国"]
    # company → zone → 大连 → 中国: the graph beats the 有限公司 name cue
    assert table.loc["日立大连有限公司", ["side", "basis", "via"]].tolist() == ["China", "locatedIn", "中国"]


def test_investments_and_flows(sample: Graph) -> None:
    table = investments(sample)
    assert _rows(table, ["investor", "investor_side", "target", "target_side", "amount", "currency", "date",
                         "mentions", "source"]) == [
        ["日立制作所", "Japan", "日立大连有限公司", "China", 30_000_000.0, "USD", "2023", 1, "sample.txt"]]
    assert _rows(investment_flows(sample), ["from_side", "to_side", "currency", "amount", "investments"]) == [
        ["Japan", "China", "USD", 30_000_000.0, 1]]


def test_flows_sum_per_currency_and_never_mix(sample: Graph) -> None:
    graph = Graph()
    graph += sample
    hitachi, target = entity_iri(EntityKey("日立制作所", "Company")), entity_iri(EntityKey("日立大连有限公司", "Company"))
    kitakyushu = entity_iri(EntityKey("北九州市", "City"))
    for n, (amount, currency) in enumerate([("20000000", "USD"), ("5000000000", "JPY"), ("30000000.0", "USD")]):
        node = BNode(f"extra{n}")
        graph.add((node, RDF.type, CJ.RelationMention))
        graph.add((node, RDF.subject, hitachi))
        graph.add((node, RDF.predicate, CJ.investedIn))
        graph.add((node, RDF.object, target))
        graph.add((node, CJ.amount, Literal(Decimal(amount))))
        graph.add((node, CJ.currency, Literal(currency)))
    graph.add((hitachi, CJ.investedIn, kitakyushu))  # stated without an amount
    flows = investment_flows(graph)
    rows = _rows(flows, ["from_side", "to_side", "currency", "investments"])
    assert rows == [["Japan", "China", "JPY", 1], ["Japan", "China", "USD", 2], ["Japan", "Japan", None, 1]]
    amounts = flows["amount"].tolist()
    assert amounts[:2] == [5_000_000_000.0, 50_000_000.0]  # the repeated 3000万 counts once
    assert math.isnan(amounts[2])
    assert len(investment_flows(graph, cross_border=True)) == 2


def test_partners_of_chinese_cities(sample: Graph, sample_with_china: Graph) -> None:
    assert partners(sample).empty  # 大连's side is unknown in the sample itself
    table = partners(sample_with_china)
    assert _rows(table, ["city", "via", "relation", "direction", "partner", "partner_class"]) == [
        ["大连", "大连", "sisterCityOf", "↔", "北九州市", "City"],
        ["大连", "日立大连有限公司", "established", "←", "日立制作所", "Company"],
        ["大连", "日立大连有限公司", "investedIn", "←", "日立制作所", "Company"],
    ]


# --- SPARQL ----------------------------------------------------------------------------------

GAZETTEER_FACTS = """
    SELECT ?subject ?object WHERE {
        ?m a cj:RelationMention ; cj:method "gazetteer" ; rdf:subject ?s ; rdf:object ?o .
        ?s rdfs:label ?subject . ?o rdfs:label ?object .
    }"""

AMOUNTS = """
    SELECT ?amount ?currency ?start WHERE {
        ?m rdf:predicate cj:investedIn ; cj:amount ?amount ; cj:currency ?currency ; cj:charStart ?start .
    }"""


def test_sparql_on_rdflib_graph(sample: Graph) -> None:
    assert sparql(sample, GAZETTEER_FACTS).values.tolist() == [["北九州市", "日本"]]
    amounts = sparql(sample, AMOUNTS)
    assert amounts.values.tolist() == [[30_000_000.0, "USD", 17]]
    assert (amounts["amount"].dtype.kind, amounts["start"].dtype.kind) == ("f", "i")
    assert sparql(sample, "ASK { ?c cj:sisterCityOf ?d }") is True
    constructed = sparql(sample, "CONSTRUCT { ?s cj:locatedIn ?o } WHERE { ?s cj:locatedIn ?o }")
    assert isinstance(constructed, Graph) and len(constructed) == 3
    unbound = sparql(sample, "SELECT ?e ?alias WHERE { ?e a cj:City OPTIONAL { ?e skos:altLabel ?alias } }")
    assert unbound["alias"].isna().sum() == 1 and unbound["alias"].dropna().tolist() == ["大连市"]


def test_sparql_on_oxigraph(sample: Graph) -> None:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(SAMPLE.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    assert sparql(store, GAZETTEER_FACTS).values.tolist() == [["北九州市", "日本"]]
    assert sparql(store, AMOUNTS).iloc[0].tolist() == [30_000_000.0, "USD", 17]
    assert sparql(store, "ASK { ?c cj:sisterCityOf ?d }") is True
    assert len(sparql(store, "CONSTRUCT { ?s cj:locatedIn ?o } WHERE { ?s cj:locatedIn ?o }")) == 3


def test_sparql_on_the_project_store(sample: Graph, tmp_path: Path) -> None:
    store_module = importlib.import_module("kg.store")  # the Oxigraph store of issue 6
    doc = next(iter(sample.subjects(RDF.type, CJ.Document)))
    path = store_module.write_store({doc: sample}, tmp_path / "store", ontology=False)
    dataset = store_module.open_store(path)
    assert sparql(dataset, "SELECT DISTINCT" + GAZETTEER_FACTS.split("SELECT", 1)[1]).values.tolist() == [
        ["北九州市", "日本"]]


# --- charts ----------------------------------------------------------------------------------

def _glyph_warnings(figure: matplotlib.figure.Figure, path: Path) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(path, dpi=100)
    return [str(w.message) for w in caught if "missing from font" in str(w.message) or "Glyph" in str(w.message)]


def test_chinese_chart_renders_without_missing_glyphs(sample: Graph, artifacts: Path) -> None:
    figure = amount_chart(statistics(sample), label="label", title="大连对日贸易（示例）")
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["大连对日本贸易总额"]
    assert axes.get_xlabel() == "亿美元"
    assert axes.title.get_fontfamily()[0] == "Noto Sans CJK SC"
    used = font_manager.findfont(font_manager.FontProperties(family=axes.title.get_fontfamily()))
    assert "NotoSansCJK" in Path(used).name or "NotoSerifCJK" in Path(used).name
    png = artifacts / "analysis_chart_sample.png"
    assert _glyph_warnings(figure, png) == []
    assert png.stat().st_size > 5_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_glyph_check_does_catch_boxes(tmp_path: Path) -> None:
    """The check above is not vacuous: the default font does warn on Chinese text."""
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        figure = Figure()
        figure.subplots().set_title("大连")
    assert any("missing from font" in w for w in _glyph_warnings(figure, tmp_path / "boxes.png"))


def test_use_cjk_font_sets_matplotlib_and_names_the_fix() -> None:
    with matplotlib.rc_context():
        assert use_cjk_font() == "Noto Sans CJK SC"
        assert matplotlib.rcParams["font.family"][0] == "Noto Sans CJK SC"
        assert matplotlib.rcParams["axes.unicode_minus"] is False
    with pytest.raises(CjkFontNotFoundError, match=r"apt-get install fonts-noto-cjk"):
        use_cjk_font(["No Such Font CJK"])


def test_amount_chart_keeps_one_currency_and_sums_labels() -> None:
    frame = pd.DataFrame({"deal": ["甲", "甲", "乙", "丙"], "amount": [1e8, 2e8, 5e8, 9e9],
                          "currency": ["USD", "USD", "USD", "JPY"]})
    axes = amount_chart(frame, label="deal").axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["甲", "乙"]  # largest at the top
    assert [float(bar.get_width()) for bar in axes.patches] == [3.0, 5.0]
    with pytest.raises(AnalysisError, match="currency"):
        amount_chart(frame.drop(columns="currency"), label="deal")


# --- interactive view ------------------------------------------------------------------------

def test_interactive_view_embeds_the_page_safely(sample: Graph) -> None:
    view = interactive_view(sample, "大连市", depth=1)
    assert "北九州市" in view.html and "大连" in view.html
    frame = view._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame and "&lt;script" in frame  # the page is escaped into the attribute
    with pytest.raises(EntityNotFoundError):
        interactive_view(sample, "不存在的城市")


def test_public_names_are_exported() -> None:
    assert set(analysis.__all__) <= set(dir(analysis))
    assert "load_graph" in analysis.__all__ and "use_cjk_font" in analysis.__all__


# --- the notebooks' subject ------------------------------------------------------------------


def test_pick_subject_falls_back_to_any_class_and_refuses_unknown_classes(sample: Graph) -> None:
    from kg.analysis import Subject, pick_subject

    assert pick_subject(sample) == Subject("大连", "City", 4, 1)  # sisterCityOf, locatedIn ← zone, affiliatedWith, heldIn
    without_cities = Graph()
    without_cities += sample
    for city in list(without_cities.subjects(RDF.type, CJ.City)):
        without_cities.remove((city, RDF.type, CJ.City))
    # no entity typed City left: the most connected of any class (ties: most mentions, then the label)
    assert pick_subject(without_cities) == Subject("日立大连有限公司", "Company", 3, 1)
    with pytest.raises(AnalysisError, match="unknown class 'Town'"):
        pick_subject(sample, cls="Town")
