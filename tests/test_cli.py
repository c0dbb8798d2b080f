"""The CLI through click's CliRunner: every command has help; build and eval end to end."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import to_isomorphic

from kg.cli import main
from kg.ontology import CJ, RDF

SEED = "003_faecf9e441e1955b.txt"


@pytest.fixture
def runner():
    return CliRunner()


def _commands():
    import click

    return main.list_commands(click.Context(main))  # imports every command's module (they load lazily)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) > 5


def test_commands_load_when_they_run():
    """``kg query`` imports neither the build (spaCy, the pipeline) nor the other commands' modules."""
    import subprocess
    import sys

    code = ("import sys; from kg.cli import main; main(['query', '--help'], standalone_mode=False); "
            "print(sorted(m for m in sys.modules if m.startswith(('kg.', 'spacy', 'pandas'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "['kg.cli', 'kg.cli._common', 'kg.cli.sparql_cmds', 'kg.errors']"


def test_main_help_lists_the_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "eval"):
        assert command in result.output


def test_build_writes_a_graph(runner, tmp_path, seeds_dir):
    result = runner.invoke(main, ["build", str(seeds_dir / SEED), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert any(graph.subjects(RDF.type, CJ.EntityMention)) and any(graph.subjects(RDF.type, CJ.RelationMention))
    assert not list((tmp_path / "out").glob(".*.tmp"))  # nothing half-written left behind


def test_gbk_copy_builds_the_same_graph(runner, tmp_path, seeds_dir):
    utf8, gbk = tmp_path / "utf8", tmp_path / "gbk"
    utf8.mkdir(), gbk.mkdir()
    shutil.copy(seeds_dir / SEED, utf8 / SEED)
    (gbk / SEED).write_bytes((seeds_dir / SEED).read_text(encoding="utf-8").encode("gbk"))
    for folder in (utf8, gbk):
        result = runner.invoke(main, ["build", str(folder), "--out", str(folder / "out")])
        assert result.exit_code == 0, result.output
    a = Graph().parse(utf8 / "out" / "graph.ttl", format="turtle")
    b = Graph().parse(gbk / "out" / "graph.ttl", format="turtle")
    assert to_isomorphic(a) == to_isomorphic(b)


def test_a_binary_file_is_reported_and_the_rest_is_built(runner, tmp_path, seeds_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(seeds_dir / SEED, inputs / SEED)
    (inputs / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(main, ["build", str(inputs), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "scan.txt" in line]
    assert len(errors) == 1 and "binary" in errors[0] and "UTF-8" in errors[0]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert SEED in {str(o) for o in graph.objects(None, CJ.fileName)}


def test_build_explains_a_missing_path(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_build_rejects_a_bad_date(runner, tmp_path, seeds_dir):
    result = runner.invoke(main, ["build", str(seeds_dir), "--out", str(tmp_path), "--date", "22/04/2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_eval_prints_the_scores(runner, gold_dir, seeds_dir):
    result = runner.invoke(main, ["eval", "--gold", str(gold_dir), "--texts", str(seeds_dir), "--errors"])
    assert result.exit_code == 0, result.output
    assert "typed entities" in result.output and "relations" in result.output
    assert "missed entities:" in result.output and "spurious relations:" in result.output


def test_eval_json(runner, gold_dir, seeds_dir):
    import json

    result = runner.invoke(main, ["eval", "--gold", str(gold_dir), "--texts", str(seeds_dir), "--json"])
    data = json.loads(result.output)
    assert set(data) >= {"entities", "typed_entities", "relations", "per_class", "per_predicate"}


def test_eval_needs_texts_or_a_graph(runner, gold_dir):
    result = runner.invoke(main, ["eval", "--gold", str(gold_dir)])
    assert result.exit_code == 2 and "--texts" in result.output
