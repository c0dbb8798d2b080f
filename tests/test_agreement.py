"""Two annotators' files scored against each other with kg eval's own matching."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.agreement import RULE, agreement_paths, annotation_records
from kg.cli import main
from kg.errors import GoldFormatError
from kg.evaluate import parse_gold

FIRST = {
    "document": "a.txt",
    "entities": [
        {"name": "无锡", "type": "City", "aliases": ["无锡市"]},
        {"name": "明石市", "type": "City"},
        {"name": "无锡市政府", "type": "GovernmentBody"},
        {"name": "日本贸易振兴机构", "type": "Organization", "alt_types": ["GovernmentBody"], "aliases": ["JETRO"]},
    ],
    "relations": [
        {"subject": "无锡", "predicate": "sisterCityOf", "object": "明石市"},
        {"subject": "无锡市政府", "predicate": "locatedIn", "object": "无锡"},
        {"subject": "日本贸易振兴机构", "predicate": "cooperatesWith", "object": "无锡市政府"},
    ],
}
# The second annotator: the suffix-less city names, JETRO under its short name typed by the alternative
# class, the friendship the other way round (symmetric), no locatedIn, one relation of their own and
# an entity the first left out.
SECOND = {
    "document": "a.txt",
    "entities": [
        {"name": "无锡市", "type": "City"},
        {"name": "明石", "type": "City"},
        {"name": "无锡市政府", "type": "Organization"},
        {"name": "JETRO", "type": "GovernmentBody"},
        {"name": "日本", "type": "Country"},
    ],
    "relations": [
        {"subject": "明石", "predicate": "sisterCityOf", "object": "无锡市"},
        {"subject": "JETRO", "predicate": "cooperatesWith", "object": "无锡市政府"},
        {"subject": "JETRO", "predicate": "locatedIn", "object": "日本"},
    ],
}


def write(folder, name, data):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_records_hold_one_node_and_mention_per_entity_and_one_mention_per_relation():
    records = annotation_records([parse_gold(SECOND)])
    assert [e.label for e in records.entities.values()] == ["无锡市", "明石", "无锡市政府", "JETRO", "日本"]
    assert len(records.entity_mentions) == 5 and {m.rule for m in records.entity_mentions} == {RULE}
    assert [(records.entities[s].label, p, records.entities[o].label) for s, p, o in records.triples] == [
        ("明石", "sisterCityOf", "无锡市"), ("JETRO", "cooperatesWith", "无锡市政府"), ("JETRO", "locatedIn", "日本")]
    assert list(records.documents_by_file) == ["a.txt"]


def test_second_annotator_scored_against_the_first(tmp_path):
    write(tmp_path / "one", "a.json", FIRST)
    write(tmp_path / "two", "a.json", SECOND)
    report = agreement_paths(tmp_path / "one", tmp_path / "two")
    # entities: 4 of 5 predicted match (日本 is extra); 无锡市政府 has the wrong class.
    assert (report.entities.predicted, report.entities.gold, report.entities.tp_gold) == (5, 4, 4)
    assert (report.typed_entities.predicted, report.typed_entities.gold, report.typed_entities.tp_gold) == (5, 4, 3)
    # relations: the friendship (either way) and the cooperation match; locatedIn 日本 is extra, the first's
    # locatedIn is missed.
    assert (report.relations.predicted, report.relations.gold, report.relations.tp_gold) == (3, 3, 2)
    assert report.documents == ["a.txt"]


def test_identical_folders_agree_fully(tmp_path):
    write(tmp_path / "one", "a.json", FIRST)
    report = agreement_paths(tmp_path / "one", tmp_path / "one")
    assert (report.typed_entities.f1, report.relations.f1) == (1.0, 1.0)


def test_files_in_one_folder_only_are_left_out_and_logged(tmp_path, caplog):
    write(tmp_path / "one", "a.json", FIRST)
    write(tmp_path / "one", "b.json", {**FIRST, "document": "b.txt"})
    write(tmp_path / "two", "a.json", FIRST)
    write(tmp_path / "two", "c.json", {**FIRST, "document": "c.txt"})
    report = agreement_paths(tmp_path / "one", tmp_path / "two")
    assert report.documents == ["a.txt"]
    assert [r.getMessage() for r in caplog.records] == [
        f"b.json: only in {tmp_path / 'one'}, not scored", f"c.json: only in {tmp_path / 'two'}, not scored"]


@pytest.mark.parametrize("second, message", [
    ({"b.json": FIRST}, "no annotation file has the same name as one in"),
    ({"a.json": {**FIRST, "document": "z.txt"}}, "annotates 'z.txt' but"),
    ({"a.json": {"document": "a.txt", "entities": []}}, "missing field 'relations'"),
])
def test_bad_second_folders_say_what_to_do(tmp_path, second, message):
    write(tmp_path / "one", "a.json", FIRST)
    for name, data in second.items():
        write(tmp_path / "two", name, data)
    with pytest.raises(GoldFormatError, match=message):
        agreement_paths(tmp_path / "one", tmp_path / "two")


def test_eval_annotations_on_the_command_line(tmp_path):
    write(tmp_path / "one", "a.json", FIRST)
    write(tmp_path / "two", "a.json", SECOND)
    result = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path / "one"), "--annotations", str(tmp_path / "two"),
                                       "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {k: data["relations"][k] for k in ("tp_pred", "predicted", "tp_gold", "gold")} == {
        "tp_pred": 2, "predicted": 3, "tp_gold": 2, "gold": 3}
    assert (data["typed_entities"]["recall"], data["typed_entities"]["precision"]) == (0.75, 0.6)


def test_eval_takes_one_source_of_predictions(tmp_path):
    write(tmp_path / "one", "a.json", FIRST)
    result = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path / "one"), "--annotations", str(tmp_path / "one"),
                                       "--graph", str(tmp_path / "one" / "a.json")])
    assert result.exit_code == 2
    assert "give one of --texts" in result.output and "got --graph and --annotations" in result.output
