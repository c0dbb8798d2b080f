"""The rule registry, the configs that list rules, the cue data they read, and honest pipe metadata."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from kg.errors import RuleConfigError
from kg.pipeline.rules import get_rule, registered, resolve_rules, rules_doc

PIPELINE_DIR = Path(__file__).resolve().parents[2] / "kg" / "pipeline"
_ID = re.compile(r"^(affiliatedWith|participatedIn|organizedBy|heldIn|visited|cooperatesWith|signedWith|sisterCityOf|"
                 r"investedIn|established|locatedIn|statistic|gazetteer|shape|people|entities|containment)\.[a-z_]+$")


def test_every_rule_has_a_family_id_and_a_docstring_with_a_chinese_example():
    rules = registered()
    assert len(rules) == len({r.id for r in rules}) >= 60
    for found in rules:
        assert _ID.match(found.id), found.id
        assert found.description and re.search("[\u4e00-\u9fff]", found.func.__doc__), found.id


def test_every_component_runs_all_its_rules_by_default(nlp):
    for name, component in nlp.pipeline:
        if hasattr(component, "rules"):
            assert sorted(r.id for r in component.rules) == sorted(r.id for r in registered(name)), name


def test_unknown_or_repeated_rules_in_a_config_are_refused():
    with pytest.raises(RuleConfigError, match="no rule of kg_relations is registered as 'investedIn.by_magic'"):
        resolve_rules(["investedIn.founders", "investedIn.by_magic"], "kg_relations")
    with pytest.raises(RuleConfigError, match="listed twice"):
        resolve_rules(["investedIn.founders", "investedIn.founders"], "kg_relations")
    with pytest.raises(RuleConfigError):
        get_rule("shape.suffix", "kg_relations")  # a rule of another component


def test_a_rule_switched_off_in_the_config_makes_nothing():
    from kg.nlp import build_nlp
    from kg.pipeline.relations import DEFAULT_RULES

    text = "2023年5月，大连华信计算机技术股份有限公司投资8489万美元设立北斗合同会社。"
    full = {(r.subject.name, r.predicate, r.object.name, r.rule) for r in build_nlp()(text)._.relations}
    assert ("大连华信计算机技术股份有限公司", "investedIn", "北斗合同会社", "investedIn.founders") in full
    rules = [r for r in DEFAULT_RULES if r != "investedIn.founders"]
    without = {(r.subject.name, r.predicate, r.object.name, r.rule)
               for r in build_nlp({"kg_relations": {"rules": rules}})(text)._.relations}
    assert without == {f for f in full if f[3] != "investedIn.founders"}


def _cue_file(tmp_path: Path, name: str, change) -> str:
    data = json.loads((PIPELINE_DIR.parent / "patterns" / "relation_cues.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.json"  # (data files are read once per path)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_cue_data_that_no_rule_reads_or_that_a_rule_misses_is_refused(nlp, tmp_path):
    unread = _cue_file(tmp_path, "unread", lambda d: d["words"].update({"opened": ["揭牌", "开业"]}))
    with pytest.raises(RuleConfigError, match=r"no rule of kg_relations reads the cue keys \['opened'\]"):
        nlp.create_pipe("kg_relations", config={"cues": unread})
    missing = _cue_file(tmp_path, "missing", lambda d: d["words"].pop("copula"))
    with pytest.raises(RuleConfigError, match=r"lacks the cue keys \['copula'\].*investedIn.is_investor_of"):
        nlp.create_pipe("kg_relations", config={"cues": missing})
    broken = _cue_file(tmp_path, "broken", lambda d: d["words"].update({"count_pattern": "(\\d+"}))
    with pytest.raises(Exception, match="count_pattern.*not a valid regular expression"):
        nlp.create_pipe("kg_relations", config={"cues": broken})


def test_every_mention_and_relation_of_the_seeds_names_its_rule(seeds_report):
    known = {r.id for r in registered()}
    for extraction in seeds_report.extractions:
        assert extraction.mentions and extraction.relations
        assert {m.rule for m in extraction.mentions} <= known
        assert {r.rule for r in extraction.relations} <= known
        assert {s.rule for s in extraction.statistics} <= known


def test_the_pipeline_metadata_is_honest(nlp):
    """Every stage declares what it reads and writes, so analyze_pipes finds no problem, and
    finds one when a stage another needs is missing."""
    from kg.nlp import build_nlp

    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())
    partial = build_nlp()
    partial.remove_pipe("kg_entities")
    problems = partial.analyze_pipes(pretty=False)["problems"]
    assert set(problems["kg_relations"]) >= {"doc._.mentions", "doc._.entities", "doc._.home"}
    assert "doc._.mentions" in problems["kg_containment"]
    partial.remove_pipe("kg_sentences")
    assert "doc._.sentences" in partial.analyze_pipes(pretty=False)["problems"]["kg_relations"]


def test_the_rule_table_in_the_docs_is_current():
    doc = (PIPELINE_DIR.parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == rules_doc(), "regenerate it: python -m kg.pipeline > docs/rules.md"


#: Ideographs a character class may name as its ends ([\u4e00-\u9fff]); no other may appear in code.
_RANGE_ENDS = set("\u3400\u4e00\u9fff\uf900\ufaff")


def test_no_word_lists_in_the_pipeline_code():
    """Words live in kg/patterns/: outside docstrings, pipeline code holds punctuation, no ideograph."""
    for path in sorted(PIPELINE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                words = set(re.findall("[\u3400-\u9fff\uf900-\ufaff]", node.value)) - _RANGE_ENDS
                assert not words, f"{path.relative_to(PIPELINE_DIR)}:{node.lineno}: {node.value!r}"
