"""Every ready query in queries/ runs on a two-article store and returns what the articles say."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.ontology import CJ
from kg.query import declared_params, parse_params, read_query, run_query
from kg.store import load_ontology
from kg.summary import summary_triples
from tests.test_store import SECOND_TEXT, make_store, merged_graph

QUERIES = Path(__file__).resolve().parent.parent / "queries"

#: (file, params, expected rows as Python values); one case per behaviour worth checking.
CASES = [
    ("investments.rq", [], [
        ("三井物产", "大连经济技术开发区", Decimal("5000000000"), "JPY", 1, "2023-06", "second.txt", 2),
        ("日立制作所", "日立大连有限公司", Decimal("30000000"), "USD", 1, "2023", "sample.txt", 2),
    ]),
    ("investment_totals.rq", [], [
        ("JPY", 1, Decimal("5000000000")),
        ("USD", 1, Decimal("30000000")),
    ]),
    ("zone_companies.rq", [], [
        ("大连经济技术开发区", "大连", "三井物产", "investedIn", 1, 3),
        ("大连经济技术开发区", "大连", "三井物产(大连)有限公司", "locatedIn", 1, 3),
        ("大连经济技术开发区", "大连", "日立大连有限公司", "locatedIn", 1, 3),
    ]),
    ("sister_cities.rq", [], [
        ("北九州市", "日本", "大连", None, 1, 1),
    ]),
    ("officials.rq", [], [
        ("大连", "李明", "市长", "大连", 2, 1),  # two articles state the post: one row
    ]),
    ("events.rq", [], [
        ("2023中日经贸洽谈会", "大连", "大连市人民政府", None, 1),
    ]),
    ("entity_types.rq", [], [
        ("Company", 4), ("City", 2), ("Country", 1), ("Event", 1), ("GovernmentBody", 1), ("Person", 1), ("Zone", 1),
    ]),
    ("timeline.rq", [], [  # no article here has a date: only sentences that give their own
        ("2023", "text", "investedIn", "日立制作所", "日立大连有限公司", 1, Decimal("30000000"), "USD", "sample.txt", None, 2),
        ("2023-06", "text", "investedIn", "三井物产", "大连经济技术开发区", 1, Decimal("5000000000"), "JPY", "second.txt",
         None, 2),
    ]),
    ("entity.rq", ["name=大连市"], [  # an alias finds the entity too; each fact once, with its number of documents
        ("大连市", "City", "=", "贸易总额", Decimal("1250000000"), 1, "据统计，大连对日本贸易总额12.5亿美元。", "statistic",
         "sample.txt", 5),
        # two articles state it: the sentence of the first relation mention by IRI (doc/0000… is sample.txt)
        ("大连市", "City", "←", "affiliatedWith", "李明", 2, "大连市长李明出席2023中日经贸洽谈会并致辞，洽谈会在大连举行。",
         "pattern", "sample.txt", 5),
        ("大连市", "City", "←", "heldIn", "2023中日经贸洽谈会", 1,
         "大连市长李明出席2023中日经贸洽谈会并致辞，洽谈会在大连举行。", "pattern", "sample.txt", 5),
        ("大连市", "City", "←", "locatedIn", "大连经济技术开发区", 1,
         "日立制作所投资3000万美元在大连经济技术开发区设立日立大连有限公司。", "name", "sample.txt", 5),
        ("大连市", "City", "→", "sisterCityOf", "北九州市", 1, "大连市与日本北九州市缔结友好城市。", "pattern", "sample.txt", 5),
    ]),
    ("fact_sources.rq", ["subject=李明", "predicate=affiliatedWith", "object=大连"], [  # predicate: an IRI
        ("李明", str(CJ.affiliatedWith), "大连", "sample.txt", "大连市长李明出席2023中日经贸洽谈会并致辞，洽谈会在大连举行。",
         52, 84, "pattern"),
        ("李明", str(CJ.affiliatedWith), "大连", "second.txt", "大连市长李明会见客人。",
         SECOND_TEXT.index("大连市长李明会见"), len(SECOND_TEXT), "pattern"),
    ]),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("queries"))


@pytest.fixture(scope="module")
def in_memory(sample):
    _, graphs = sample
    graph = merged_graph(graphs)
    graph += summary_triples(graph)  # what kg build and write_store put in the store's summary graph
    graph += load_ontology()
    return graph


def _values(result):
    return [tuple(value for value in record.values()) for record in result.records()]


def _python(rows):
    # Dates and other typed literals come back as Python objects; compare them as text.
    return [tuple(v if v is None or isinstance(v, (int, Decimal)) else str(v) for v in row) for row in rows]


def test_every_ready_query_is_tested():
    assert sorted(p.name for p in QUERIES.glob("*.rq")) == sorted(name for name, _, _ in CASES)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_query_starts_with_a_comment_saying_what_it_answers(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=[c[0] for c in CASES])
def test_ready_query_on_the_store(sample, name, params, expected):
    path, _ = sample
    text = read_query(QUERIES / name)
    result = run_query(path, text, params=parse_params(params), name=name)
    rows = _python(_values(result))
    assert rows == expected


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=[c[0] for c in CASES])
def test_ready_query_gives_the_same_answer_on_rdflibs_engine(sample, in_memory, name, params, expected):
    path, _ = sample
    text = read_query(QUERIES / name)
    on_store = run_query(path, text, params=parse_params(params))
    on_rdflib = run_query(in_memory, text, params=parse_params(params))
    assert sorted(_python(_values(on_store)), key=str) == sorted(_python(_values(on_rdflib)), key=str)


def test_symmetric_facts_are_found_in_either_direction_and_others_are_not(sample):
    path, _ = sample
    text = read_query(QUERIES / "fact_sources.rq")
    reverse_sister = parse_params(["subject=北九州市", "predicate=sisterCityOf", "object=大连"])
    assert [r["document"] for r in run_query(path, text, params=reverse_sister).records()] == ["sample.txt"]
    reverse_post = parse_params(["subject=大连", "predicate=affiliatedWith", "object=李明"])
    assert run_query(path, text, params=reverse_post).rows == ()


def test_parameterized_queries_document_their_parameters():
    assert set(declared_params(read_query(QUERIES / "entity.rq"))) == {"name"}
    assert set(declared_params(read_query(QUERIES / "fact_sources.rq"))) == {"subject", "predicate", "object"}
    for name in ("entity.rq", "fact_sources.rq"):
        text = read_query(QUERIES / name)
        assert "--param" in text and "# VALUES" in text


def test_kg_query_lists_investments_with_amounts_as_numbers(sample):
    path, _ = sample
    result = CliRunner().invoke(main, ["query", "-f", str(QUERIES / "investments.rq"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["investor", "target", "amount", "currency", "documents", "date", "document", "total"]
    assert lines[2].split()[:4] == ["三井物产", "大连经济技术开发区", "5000000000", "JPY"]
    assert lines[3].split()[:4] == ["日立制作所", "日立大连有限公司", "30000000", "USD"]


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=[c[0] for c in CASES])
def test_no_row_comes_back_twice(sample, name, params, expected):
    path, _ = sample
    result = run_query(path, read_query(QUERIES / name), params=parse_params(params), name=name)
    assert len(set(result.rows)) == len(result.rows)


@pytest.mark.parametrize("name", ["entity.rq", "fact_sources.rq"])
def test_the_values_lines_set_the_parameters_in_other_clients(sample, name):
    # Another SPARQL client (pyoxigraph here, with none of kg's prefixes or parameter handling):
    # uncomment the VALUES lines, fill them in, and the answer is kg query's.
    import pyoxigraph as ox

    path, _ = sample
    params = dict(p.split("=", 1) for p in next(c[1] for c in CASES if c[0] == name))
    text = read_query(QUERIES / name)
    filled = []
    for line in text.splitlines():
        if line.strip().startswith("# VALUES"):
            line = line.replace("# VALUES", "VALUES", 1)
            if name == "entity.rq":
                line = line.replace('"苏州"@zh', f'"{params["name"]}"@zh')
            else:
                line = (line.replace('"日立制作所"@zh', f'"{params["subject"]}"@zh')
                        .replace("cj:investedIn", f"cj:{params['predicate']}")
                        .replace('"日立大连有限公司"@zh', f'"{params["object"]}"@zh'))
        filled.append(line)
    store = ox.Store.read_only(str(path))
    rows = [tuple(None if t is None else t.value for t in solution)
            for solution in store.query("\n".join(filled), use_default_graph_as_union=True)]
    expected = [tuple(None if t is None else str(t) for t in row)
                for row in run_query(path, text, params=parse_params([f"{k}={v}" for k, v in params.items()])).rows]
    assert sorted(rows, key=str) == sorted(expected, key=str) and rows


README = QUERIES.parent / "README.md"


def _readme_queries() -> list[str]:
    import re

    return re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_examples_run_on_the_store_without_repeated_rows(sample):
    path, _ = sample
    queries = _readme_queries()
    assert len(queries) >= 2
    answers = [run_query(path, text, name="README example") for text in queries]
    for result in answers:
        assert result.rows and len(set(result.rows)) == len(result.rows)
    investments = sorted((str(r[0]), str(r[1]), r[2] and r[2].toPython(), r[3] and str(r[3])) for r in answers[0].rows)
    assert investments == [("三井物产", "大连经济技术开发区", Decimal("5000000000"), "JPY"),
                           ("日立制作所", "日立大连有限公司", Decimal("30000000"), "USD")]


def test_kg_query_pages_an_answer_with_limit_and_offset(sample):
    path, _ = sample
    args = ["query", "-f", str(QUERIES / "entity.rq"), "--store", str(path), "--param", "name=大连市", "--format", "csv"]
    whole = CliRunner().invoke(main, args)
    paged = CliRunner().invoke(main, [*args, "--limit", "2", "--offset", "1"])
    assert whole.exit_code == 0 and paged.exit_code == 0, paged.output
    rows = [line for line in whole.output.splitlines() if line]
    assert len(rows) == 1 + 5 and [line for line in paged.output.splitlines() if line] == rows[:1] + rows[2:4]
    assert {row.rsplit(",", 1)[1] for row in rows[1:]} == {"5"}  # ?total: the rows of all pages


# ---------------------------------------------------------------- facts that several articles repeat


@pytest.fixture(scope="module")
def repeated(tmp_path_factory):
    """The two articles and two more that repeat the second one's facts: one word for word, one with
    another amount for 三井物产's investment (a later round, or another report of it)."""
    import dataclasses

    from kg.rdf import add_document
    from kg.ontology import bind_prefixes
    from kg.records import Money
    from kg.store import write_store
    from rdflib import Graph
    from tests.test_store import document_graphs, second_extraction

    graphs = document_graphs()
    second = second_extraction()
    third = dataclasses.replace(second, file_name="third.txt", content_hash="2" * 64)
    other = tuple(r._replace(money=Money(Decimal("3000000000"), "JPY", "30亿日元")) if r.money else r
                  for r in second.relations)
    fourth = dataclasses.replace(second, file_name="fourth.txt", content_hash="3" * 64, relations=other)
    for extraction in (third, fourth):
        graph = bind_prefixes(Graph())
        graphs[add_document(graph, extraction)] = graph
    return write_store(graphs, tmp_path_factory.mktemp("repeated") / "store")


REPEATED = [
    ("investments.rq", [], [  # three articles, two amounts: one row, the largest amount, most stated first
        ("三井物产", "大连经济技术开发区", Decimal("5000000000"), "JPY", 3, "2023-06", "second.txt", 2),
        ("日立制作所", "日立大连有限公司", Decimal("30000000"), "USD", 1, "2023", "sample.txt", 2),
    ]),
    ("investments.rq", ["name=日立大连有限公司"], [
        ("日立制作所", "日立大连有限公司", Decimal("30000000"), "USD", 1, "2023", "sample.txt", 1),
    ]),
    ("investment_totals.rq", [], [("JPY", 1, Decimal("5000000000")), ("USD", 1, Decimal("30000000"))]),
    ("officials.rq", [], [("大连", "李明", "市长", "大连", 4, 1)]),
    ("officials.rq", ["name=北九州市"], []),
    ("officials.rq", ["name=李明"], [("大连", "李明", "市长", "大连", 4, 1)]),
    ("zone_companies.rq", ["name=大连经济技术开发区"], [
        ("大连经济技术开发区", "大连", "三井物产", "investedIn", 3, 3),
        ("大连经济技术开发区", "大连", "三井物产(大连)有限公司", "locatedIn", 3, 3),
        ("大连经济技术开发区", "大连", "日立大连有限公司", "locatedIn", 1, 3),
    ]),
    ("zone_companies.rq", ["name=北九州市"], []),
    ("timeline.rq", ["year=2023", "name=大连经济技术开发区"], [
        # the amount, file and address of one article (its sample mention: the first by IRI)
        ("2023-06", "text", "investedIn", "三井物产", "大连经济技术开发区", 3, Decimal("5000000000"), "JPY", "second.txt",
         None, 1),
    ]),
    ("timeline.rq", ["year=2022"], []),
    ("sister_cities.rq", ["name=大连市"], [("北九州市", "日本", "大连", None, 1, 1)]),
    ("events.rq", ["name=大连市人民政府"], [("2023中日经贸洽谈会", "大连", "大连市人民政府", None, 1)]),
    ("events.rq", ["name=北九州市"], []),
]


@pytest.mark.parametrize(("name", "params", "expected"), REPEATED, ids=[f"{c[0]} {' '.join(c[1])}" for c in REPEATED])
def test_a_fact_many_articles_state_is_one_row_and_optional_params_filter(repeated, name, params, expected):
    result = run_query(repeated, read_query(QUERIES / name), params=parse_params(params), name=name)
    assert _python(_values(result)) == expected


def test_optional_params_are_declared_as_such_and_required_ones_stay_required(repeated):
    from kg.errors import QueryParameterError
    from kg.query import param_specs

    assert {n: s.optional for n, s in param_specs(read_query(QUERIES / "timeline.rq")).items()} == {
        "year": True, "name": True}
    with pytest.raises(QueryParameterError, match="--param name="):
        run_query(repeated, read_query(QUERIES / "entity.rq"))


def test_kg_query_pages_the_timeline(repeated):
    args = ["query", "-f", str(QUERIES / "timeline.rq"), "--store", str(repeated), "--format", "csv"]
    whole = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, [*args, "--limit", "1", "--offset", "1"])
    assert whole.exit_code == 0 and second.exit_code == 0, second.output
    rows = [line for line in whole.output.splitlines() if line]
    assert len(rows) == 1 + 2 and [line for line in second.output.splitlines() if line] == [rows[0], rows[2]]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_parameter_is_written_into_the_query_as_a_constant(path):
    # Oxigraph must parse the query with its parameters inlined: the fallback (bindings) does not reach
    # into subqueries, where the ready queries filter.
    import pyoxigraph as ox

    from kg.query import enable_lines, inline_params, param_specs
    from kg.store import prefixes
    from rdflib import Literal

    text = read_query(path)
    values = {name: spec.coerce(Literal("2021" if name == "year" else "大连")) for name, spec in param_specs(text).items()}
    ox.Store().query(inline_params(enable_lines(text, values), values), prefixes=prefixes())
