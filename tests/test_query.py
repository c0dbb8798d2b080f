"""Running queries and formatting answers: tables aligned for Chinese, SPARQL CSV/TSV/JSON, errors, parameters."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli import main
from kg.errors import QueryError, QueryParameterError
from kg.ontology import CJ, XSD
from kg.query import declared_params, display_width, format_result, inline_params, param_specs, parse_params, run_query
from tests.test_store import make_store, merged_graph

INVESTMENTS = """
SELECT ?investor ?amount ?currency WHERE {
  ?m rdf:predicate cj:investedIn ; rdf:subject ?s ; cj:amount ?amount ; cj:currency ?currency .
  ?s rdfs:label ?investor .
} ORDER BY ?currency
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path, graphs = make_store(tmp_path_factory.mktemp("query"))
    return path, graphs


@pytest.mark.parametrize(("text", "width"), [
    ("", 0),
    ("abc", 3),
    ("大连", 4),
    ("ＡＢ", 4),            # full-width Latin letters
    ("大连 Dalian", 11),
    ("e\u0301", 1),         # a combining accent takes no column
    ("中日（苏州）", 12),     # full-width brackets
])
def test_display_width(text, width):
    assert display_width(text) == width


def test_query_on_the_store_gives_numbers_and_currencies(sample):
    path, _ = sample
    result = run_query(path, INVESTMENTS)
    assert result.variables == ("investor", "amount", "currency")
    assert [(str(i), a.toPython(), str(c)) for i, a, c in result.rows] == [
        ("三井物产", Decimal("5000000000"), "JPY"),
        ("日立制作所", Decimal("30000000"), "USD"),
    ]
    assert all(row[1].datatype == XSD.decimal for row in result.rows)
    assert result.records()[1] == {"investor": "日立制作所", "amount": Decimal("30000000"), "currency": "USD"}


def test_the_store_and_rdflibs_own_engine_agree(sample):
    path, graphs = sample
    on_store = run_query(path, INVESTMENTS)
    in_memory = run_query(merged_graph(graphs), INVESTMENTS)
    assert on_store == in_memory


def test_table_aligns_chinese_columns_and_right_aligns_numbers(sample):
    path, _ = sample
    table = format_result(run_query(path, INVESTMENTS)).splitlines()
    header, rule, *rows, footer = table
    assert header.split() == ["investor", "amount", "currency"]
    assert footer == "(2 rows)"
    # The currency column starts at the same display column on every line.
    starts = {display_width(line[: line.rindex(code)]) for line, code in zip(rows, ["JPY", "USD"])}
    assert len(starts) == 1
    assert display_width(header[: header.index("currency")]) in starts
    # Amounts are plain numbers, right-aligned: their last digits line up.
    ends = {display_width(line[: line.index(amount) + len(amount)])
            for line, amount in zip(rows, ["5000000000", "30000000"])}
    assert len(ends) == 1


def test_table_shortens_long_cells_and_compacts_iris(sample):
    path, _ = sample
    result = run_query(path, "SELECT ?m ?evidence WHERE { ?m cj:evidence ?evidence } ORDER BY ?m LIMIT 1")
    table = format_result(result, max_width=10)
    row = table.splitlines()[2]
    assert row.startswith("cjr:doc/")
    assert "…" in row and all(display_width(cell) <= 10 for cell in row.split()[1:])
    assert "…" not in format_result(result, max_width=0).splitlines()[2]


def test_csv_tsv_and_json_are_the_sparql_result_formats(sample):
    path, _ = sample
    result = run_query(path, INVESTMENTS)
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["investor", "amount", "currency"], ["三井物产", "5000000000", "JPY"],
                    ["日立制作所", "30000000", "USD"]]
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?investor\t?amount\t?currency"
    assert tsv[1].split("\t")[0] == '"三井物产"@zh'
    document = json.loads(format_result(result, "json"))
    assert document["head"]["vars"] == ["investor", "amount", "currency"]
    first = document["results"]["bindings"][0]
    assert first["investor"] == {"type": "literal", "value": "三井物产", "xml:lang": "zh"}
    assert first["amount"]["datatype"] == str(XSD.decimal)
    assert first["currency"] == {"type": "literal", "value": "JPY"}


def test_ask_and_construct(sample):
    path, _ = sample
    ask = run_query(path, "ASK { ?x cj:sisterCityOf ?y }")
    assert ask.boolean is True and format_result(ask) == "yes"
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    construct = run_query(path, "CONSTRUCT { ?x cj:sisterCityOf ?y } WHERE { ?x cj:sisterCityOf ?y }")
    assert construct.kind == "CONSTRUCT" and len(construct.graph) == 1
    assert "cj:sisterCityOf" in format_result(construct, "turtle")
    with pytest.raises(QueryError, match="turtle or ntriples"):
        format_result(construct, "csv")


@pytest.mark.parametrize("engine", ["store", "rdflib"])
def test_syntax_errors_give_line_and_column(sample, engine):
    path, graphs = sample
    source = path if engine == "store" else merged_graph(graphs)
    bad = "SELECT ?x WHERE {\n  ?x a cj:City ;\n     rdfs:label }"
    with pytest.raises(QueryError) as caught:
        run_query(source, bad, name="bad.rq")
    error = caught.value
    assert error.line == 3
    assert error.column is not None and 1 <= error.column <= len("     rdfs:label }") + 1
    message = str(error)
    assert message.startswith("bad.rq has a SPARQL syntax error at line 3")
    assert "   3 |      rdfs:label }" in message and "^" in message


def test_params_bind_variables(sample):
    path, _ = sample
    query = "# @param name  a city\nSELECT ?name ?c WHERE { ?c rdfs:label ?l FILTER(STR(?l) = ?name) }"
    assert declared_params(query) == {"name": "a city"}
    result = run_query(path, query, params=parse_params(["name=大连"]))
    assert {row[1] for row in result.rows} == {URIRef("https://w3id.org/cjkg/resource/City/大连")}
    with pytest.raises(QueryParameterError, match="needs --param name="):
        run_query(path, query)
    with pytest.raises(QueryParameterError, match="has no variable \\?city"):
        run_query(path, query, params=parse_params(["name=大连", "city=x"]))


@pytest.mark.parametrize(("item", "value"), [
    ("name=苏州", Literal("苏州")),
    ("name=<https://example.org/x>", URIRef("https://example.org/x")),
    ('name="苏州"@zh', Literal("苏州", lang="zh")),
    ("p=cj:investedIn", CJ.investedIn),
    ("url=http://example.org/a=b", Literal("http://example.org/a=b")),
])
def test_parse_params(item, value):
    name = item.split("=", 1)[0]
    assert parse_params([item]) == {name: value}


@pytest.mark.parametrize("item", ["苏州", "=x", "1a=b"])
def test_malformed_params_say_what_to_write(item):
    with pytest.raises(QueryParameterError, match="NAME=VALUE"):
        parse_params([item])


# ---------------------------------------------------------------- CLI


def test_cli_query_file_prints_a_table(sample, tmp_path):
    path, _ = sample
    query_file = tmp_path / "q.rq"
    query_file.write_text(INVESTMENTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "-f", str(query_file), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "日立制作所" in result.output and "30000000" in result.output and "(2 rows)" in result.output


def test_cli_query_from_argument_and_stdin(sample):
    path, _ = sample
    text = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cj:City }"
    by_arg = CliRunner().invoke(main, ["query", text, "--store", str(path), "--format", "csv"])
    by_stdin = CliRunner().invoke(main, ["query", "-", "--store", str(path), "--format", "csv"], input=text)
    assert by_arg.exit_code == by_stdin.exit_code == 0
    assert by_arg.output.split() == by_stdin.output.split() == ["n", "2"]


def test_cli_query_reports_errors_without_a_traceback(sample, tmp_path):
    path, _ = sample
    result = CliRunner().invoke(main, ["query", "SELECT ?x WHERE {\n ?x ?y }", "--store", str(path)])
    assert result.exit_code == 1
    assert "line 2, column" in result.output and "Traceback" not in result.output
    missing = CliRunner().invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "kg build" in missing.output
    neither = CliRunner().invoke(main, ["query", "--store", str(path)])
    assert neither.exit_code == 2 and "QUERY or -f FILE" in neither.output


@pytest.mark.parametrize("command", ["query", "serve", "export", "validate"])
def test_every_sparql_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?x WHERE { ?x <https://example.org/?name> ?name } # ?name",
     'SELECT ?x WHERE { ?x <https://example.org/?name> "大连"@zh } # ?name'),
    ('SELECT ?x WHERE { ?x ?p "?name" ; ?q \'?name\' ; ?r """?name""" }',
     'SELECT ?x WHERE { ?x ?p "?name" ; ?q \'?name\' ; ?r """?name""" }'),
    ("SELECT DISTINCT ?name (COUNT(?name) AS ?n) WHERE { ?x ?p $name } GROUP BY ?name HAVING (COUNT(?name) > 1)",
     'SELECT DISTINCT ("大连"@zh AS ?name) (COUNT("大连"@zh) AS ?n) WHERE { ?x ?p "大连"@zh } '
     'GROUP BY ("大连"@zh) HAVING (COUNT(("大连"@zh)) > 1)'),
    ("SELECT ?y WHERE { BIND(1 AS ?name) }", "SELECT ?y WHERE { BIND(1 AS ?name) }"),
    ("SELECT ?a WHERE { { SELECT ?name WHERE { ?a ?b ?name } } }",
     'SELECT ?a WHERE { { SELECT ("大连"@zh AS ?name) WHERE { ?a ?b "大连"@zh } } }'),
    ("SELECT ?names WHERE { ?x ?p ?names }", "SELECT ?names WHERE { ?x ?p ?names }"),
])
def test_inline_params_replaces_only_the_variable(query, expected):
    assert inline_params(query, {"name": Literal("大连", lang="zh")}) == expected


def test_declared_kinds_turn_plain_text_into_labels_and_iris():
    specs = param_specs("# @param name @zh  a name\n# @param p cj:  a relation\n# @param free  anything\n")
    assert specs["name"].coerce(Literal("大连")) == Literal("大连", lang="zh")
    assert specs["p"].coerce(Literal("investedIn")) == CJ.investedIn
    assert specs["free"].coerce(Literal("x")) == Literal("x")
    assert specs["name"].coerce(URIRef("https://example.org/x")) == URIRef("https://example.org/x")


def test_params_fall_back_to_bindings_when_inlining_does_not_parse(sample):
    path, _ = sample
    # Inlined, "VALUES ?name" would become "VALUES "大连"", which is not SPARQL: the query
    # runs with ?name bound instead (and, as the ready queries say, VALUES plus a
    # parameter with another value match nothing).
    query = 'SELECT ?name WHERE { VALUES ?name { "北九州市" } ?c rdfs:label ?l FILTER(STR(?l) = ?name) }'
    assert run_query(path, query, params={"name": Literal("大连")}).rows == ()
