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


# ---------------------------------------------------------------- the guard: memory ceiling and time limit

CHAR_STARTS = "SELECT (COUNT(*) AS ?n) WHERE { ?s cj:charStart ?o FILTER(?o > 1) }"
CROSS_JOIN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _children(parent: int | None = None) -> dict[int, str]:
    """Living children of ``parent`` (this process by default), by process id, with their command lines."""
    import os
    from pathlib import Path

    parent = os.getpid() if parent is None else parent
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(fields[1]) == parent and fields[0] != "Z":
            found[int(stat.parent.name)] = command
    return found


def _query_processes() -> list[int]:
    """Query processes still alive: the children of this process's multiprocessing fork server (which
    itself waits, idle, for the next query) or of any other multiprocessing helper."""
    left = []
    for pid, command in _children().items():
        if "multiprocessing" in command and "resource_tracker" not in command:
            left += list(_children(pid))
    return left


def test_guarded_answer_is_the_plain_answer(sample):
    from kg.query import QueryLimits, answer

    path, _ = sample
    limits = QueryLimits(memory_bytes=2**30, timeout_s=30)
    assert answer(path, CHAR_STARTS, fmt="csv", limits=limits) == answer(path, CHAR_STARTS, fmt="csv") == "n\r\n24\r\n"
    with pytest.raises(QueryError, match="syntax error at line 1, column 21") as caught:
        answer(path, "SELECT ?x WHERE { ?x", limits=limits)
    assert (caught.value.line, caught.value.column) == (1, 21)  # the error's fields come back from the child


def test_a_query_past_its_memory_ceiling_stops_with_a_clear_error(sample):
    """A sort over a cross join needs gigabytes; under a 600 MB ceiling it stops at once, the machine unharmed."""
    import time

    from kg.errors import QueryMemoryError
    from kg.query import QueryLimits, answer

    path, _ = sample
    started = time.monotonic()
    with pytest.raises(QueryMemoryError) as caught:
        answer(path, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
               limits=QueryLimits(memory_bytes=600 * 2**20, timeout_s=60))
    assert str(caught.value) == (
        "the query needed more than 600 MB of memory and was stopped; narrow it (more specific patterns, LIMIT, "
        "fewer joins) or raise --memory-limit. A damaged store can do this too: 'kg build' remakes it")
    assert time.monotonic() - started < 30
    assert not _query_processes()


def test_a_zeroed_block_in_a_table_file_cannot_take_the_machine_down(sample, tmp_path):
    """Issue 16: 4 KB zeroed inside an .sst file made one query grow to 18–22 GB until the kernel killed it.

    Zero 4 KB in each table file in turn (its second and its third 4 KB, one at a time): under a 1 GB ceiling every query ends, with the answer (the
    block is not read), with "the store is damaged" (the engine noticed the bad block), or with the
    memory error (it grew until the ceiling: the runaway of the issue; which of the two happens
    varies from run to run), and never leaves a process behind.
    """
    import shutil
    import time

    from kg.errors import QueryMemoryError, StoreDamagedError
    from kg.query import QueryLimits, answer

    path, _ = sample
    outcomes = {}
    # the second and third 4 KB of each file: which blocks the query reads depends on the store's layout
    for table, start in ((t, s) for t in sorted(path.glob("*.sst")) for s in (4096, 8192) if t.stat().st_size > s):
        copy = shutil.copytree(path, tmp_path / f"{table.stem}-{start}")
        data = bytearray((copy / table.name).read_bytes())
        data[start:start + 4096] = bytes(len(data[start:start + 4096]))
        (copy / table.name).write_bytes(bytes(data))
        started = time.monotonic()
        try:
            outcome = answer(copy, CHAR_STARTS, fmt="csv", limits=QueryLimits(memory_bytes=2**30, timeout_s=60))
        except StoreDamagedError as exc:
            assert str(exc).startswith(f"the store {copy} is damaged (") and "'kg build" in str(exc)
            outcome = "damaged"
        except QueryMemoryError as exc:
            assert str(exc).startswith("the query needed more than 1 GB of memory and was stopped")
            outcome = "memory"
        assert time.monotonic() - started < 30
        outcomes[table.name, table.stat().st_size, start] = outcome
    assert set(outcomes.values()) - {"n\r\n24\r\n"} in ({"damaged"}, {"memory"}, {"damaged", "memory"}), outcomes
    assert not _query_processes()


def test_a_query_past_its_time_limit_is_killed(sample):
    import time

    from kg.errors import QueryTimeoutError
    from kg.query import QueryLimits, answer

    path, _ = sample
    started = time.monotonic()
    expected = r"^the query ran longer than 1\.5 s and was stopped; .* raise --timeout$"
    with pytest.raises(QueryTimeoutError, match=expected):
        answer(path, CROSS_JOIN_COUNT, limits=QueryLimits(memory_bytes=2**30, timeout_s=1.5))
    assert 1.5 <= time.monotonic() - started < 5
    assert not _query_processes()  # no process left computing the join


def test_cli_query_memory_limit_and_timeout(sample):
    path, _ = sample
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--store", str(path), "--timeout", "1", CROSS_JOIN_COUNT])
    assert result.exit_code == 1
    assert result.output == ("Error: the query ran longer than 1 s and was stopped; narrow it (more specific "
                             "patterns, LIMIT, fewer joins) or raise --timeout\n")
    result = runner.invoke(main, ["query", "--store", str(path), "--memory-limit", "500M",
                                  "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"])
    assert result.exit_code == 1 and result.output.startswith("Error: the query needed more than 500 MB of memory")
    result = runner.invoke(main, ["query", "--store", str(path), "--memory-limit", "lots", CHAR_STARTS])
    assert result.exit_code == 1
    assert result.output == "Error: 'lots' is not a size: write it like 4G, 512M or 1.5G (0 for no limit)\n"
    result = runner.invoke(main, ["query", "--store", str(path), "--memory-limit", "0", "--format", "csv", CHAR_STARTS])
    assert result.exit_code == 0 and result.output.split() == ["n", "24"]


def test_guarded_relative_paths_mean_the_callers_folder(sample, tmp_path, monkeypatch):
    """The query process resolves a relative store path in the caller's current folder, as the caller would."""
    import shutil

    from kg.errors import StoreNotFoundError
    from kg.query import QueryLimits, answer

    path, _ = sample
    shutil.copytree(path, tmp_path / "out" / "store")
    monkeypatch.chdir(tmp_path)
    limits = QueryLimits(memory_bytes=2**30, timeout_s=30)
    assert answer("out/store", CHAR_STARTS, fmt="csv", limits=limits) == "n\r\n24\r\n"
    monkeypatch.chdir(tmp_path / "out")
    with pytest.raises(StoreNotFoundError, match=r"^no store at out/store: run 'kg build"):
        answer("out/store", CHAR_STARTS, limits=limits)


def test_a_lean_process_forks_its_guarded_query_and_a_large_one_uses_the_fork_server(sample):
    """``kg query`` (one thread, ~70 MB) forks its query process; once it holds a store's threads it does not."""
    import subprocess
    import sys

    path, _ = sample
    code = ("import sys; from kg.query import _context, run_query; before = _context().get_start_method(); "
            "run_query(sys.argv[1], 'ASK { ?s ?p ?o }'); print(before, _context().get_start_method())")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["fork", "forkserver"]


def test_cli_query_in_its_own_process_keeps_the_memory_ceiling_and_the_time_limit(sample):
    """What the analyst runs: ``kg query`` in a process of its own, whose query child is a fork of it."""
    import subprocess
    import sys
    import time

    path, _ = sample
    kg = [sys.executable, "-m", "kg", "query", "--store", str(path)]
    started = time.monotonic()
    done = subprocess.run(kg + ["--timeout", "1", CROSS_JOIN_COUNT], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("Error: the query ran longer than 1 s and was stopped; narrow it (more specific "
                           "patterns, LIMIT, fewer joins) or raise --timeout\n")
    assert time.monotonic() - started < 10
    done = subprocess.run(kg + ["--memory-limit", "500M", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } "
                                "ORDER BY ?c ?f ?i"], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.startswith("Error: the query needed more than 500 MB of memory")
    done = subprocess.run(kg + ["--format", "csv", CHAR_STARTS], capture_output=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"n\r\n24\r\n\n", b"")
