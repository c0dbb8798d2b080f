"""Rules: small functions registered under a stable id, run in the order a component's config lists them.

Every fact the pipeline makes comes from one rule, and its id travels with the fact
(``Candidate.rule`` → ``Mention.rule``, ``RelationRecord.rule``, written as ``cj:rule``).
An id is ``family.name``: the family is the relation the rule states (``investedIn``,
``locatedIn``, …), ``statistic`` for figures, or the stage that proposes or resolves
names (``gazetteer``, ``shape``, ``people``, ``entities``, ``containment``).

>>> from kg.pipeline import rules
>>> rule = rules.get_rule("investedIn.preposition")
>>> rule.stage, rule.description
('kg_relations', 'A对B投资 / A在B投资: the investor before 对/在/向/于, the target right before the cue.')

A component's config lists the ids of its rules in order; dropping one from the list
switches the rule off. Adding a rule is one function with :func:`rule`, its data and
its tests; no component needs to change, only its list of ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import RuleConfigError

__all__ = ["Rule", "check_cues", "rules_doc", "stage_cues", "get_rule", "reads", "registered", "resolve_rules", "rule", "rule_table"]

_ID = re.compile(r"^[a-z][A-Za-z]*\.[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, the component that runs it, the function, and what it reads."""

    id: str
    stage: str
    func: Callable[..., Any]
    cues: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def description(self) -> str:
        """The first paragraph of the rule's docstring, on one line."""
        doc = (self.func.__doc__ or "").strip().split("\n\n", 1)[0]
        return " ".join(line.strip() for line in doc.splitlines())

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)


_RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, stage: str, cues: Iterable[str] = (), **options: Any) -> Callable[[Callable], Callable]:
    """Register the decorated function as the rule ``rule_id`` of the component ``stage``.

    ``cues`` names the keys of the stage's cue data the rule reads (checked when the
    data is loaded); ``options`` are stage-specific (for relation rules: ``gate``, the cue
    families one of which must occur in the sentence, and ``scope``).
    """
    if not _ID.match(rule_id):
        raise RuleConfigError(f"rule id {rule_id!r} is not of the form family.name (investedIn.founders)")

    def register(func: Callable) -> Callable:
        known = _RULES.get(rule_id)
        if known is not None and (known.func.__module__, known.func.__qualname__) != (func.__module__, func.__qualname__):
            raise RuleConfigError(f"rule id {rule_id!r} is registered twice ({known.func.__module__} and "
                                  f"{func.__module__}); give the new rule an id of its own")
        if not (func.__doc__ or "").strip():
            raise RuleConfigError(f"rule {rule_id!r} has no docstring; say what it finds, with one Chinese example")
        _RULES[rule_id] = Rule(rule_id, stage, func, tuple(cues), dict(options))
        return func

    return register


def get_rule(rule_id: str, stage: str | None = None) -> Rule:
    """The rule registered as ``rule_id`` (of ``stage``, when given)."""
    found = _RULES.get(rule_id)
    if found is None or (stage is not None and found.stage != stage):
        known = ", ".join(sorted(r.id for r in _RULES.values() if stage is None or r.stage == stage))
        where = f" of {stage}" if stage else ""
        raise RuleConfigError(f"no rule{where} is registered as {rule_id!r}; known: {known}")
    return found


def registered(stage: str | None = None) -> list[Rule]:
    """Every registered rule (of ``stage``), in the order of registration."""
    return [r for r in _RULES.values() if stage is None or r.stage == stage]


def resolve_rules(ids: Iterable[str], stage: str) -> tuple[Rule, ...]:
    """The rules a component's config lists, in order; unknown or repeated ids raise."""
    ids = list(ids)
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleConfigError(f"{stage}: rule {rule_id!r} is listed twice in the config; list each rule once")
        seen.add(rule_id)
    return tuple(get_rule(rule_id, stage) for rule_id in ids)


#: stage → cue key → the helper that reads it (rules declare their own keys).
_READERS: dict[str, dict[str, str]] = {}


def reads(stage: str, owner: str, *keys: str) -> None:
    """Declare that the helper ``owner`` of ``stage`` reads the cue ``keys``."""
    readers = _READERS.setdefault(stage, {})
    for key in keys:
        readers.setdefault(key, owner)


def check_cues(stage: str, path: str, keys: Iterable[str]) -> None:
    """Every cue key the rules and helpers of ``stage`` read is among ``keys`` (from ``path``),
    and every one of ``keys`` is read by one of them."""
    readers: dict[str, set[str]] = {key: {owner} for key, owner in _READERS.get(stage, {}).items()}
    for found in registered(stage):
        for key in found.cues:
            readers.setdefault(key, set()).add(found.id)
    keys = set(keys)
    missing = sorted(key for key in readers if key not in keys)
    if missing:
        raise RuleConfigError(f"{path} lacks the cue keys {missing} (read by "
                              f"{sorted(set().union(*(readers[k] for k in missing)))}); add them to the file")
    unread = sorted(keys - set(readers))
    if unread:
        raise RuleConfigError(f"{path}: no rule of {stage} reads the cue keys {unread}; remove them, "
                              "or declare them in the rule that reads them")


def stage_cues(path: str, section: str, stage: str) -> dict[str, Any]:
    """The ``section`` of the cue file ``path`` (see :func:`~kg.pipeline.data.load_cues`), checked
    against the keys the rules and helpers of ``stage`` read."""
    from .data import load_cues, resolve

    sections = load_cues(path)
    if section not in sections:
        raise RuleConfigError(f"{resolve(path)} has no section {section!r} (for {stage}); add it")
    check_cues(stage, str(resolve(path)), sections[section])
    return sections[section]


def rule_table(stages: Iterable[str] | None = None) -> str:
    """A Markdown table of the rules of the default pipeline (id, component, description), by
    component, then in config order."""
    from ..nlp import build_nlp

    nlp = build_nlp()
    lines = ["| rule | component | what it finds |", "|---|---|---|"]
    for name, component in nlp.pipeline:
        if stages is not None and name not in stages:
            continue
        for found in getattr(component, "rules", ()):
            lines.append(f"| `{found.id}` | {name} | {found.description.replace('|', '/')} |")
    return "\n".join(lines) + "\n"



def rules_doc() -> str:
    """``docs/rules.md``: what a rule is, and the table of every rule (``python -m kg.pipeline``)."""
    return _DOC_HEADER + rule_table()


_DOC_HEADER = """# Extraction rules

Every mention and relation the pipeline makes names the rule that made it (`Mention.rule`,
`RelationRecord.rule`, written as `cj:rule` in the graph). A component runs the rules its
config lists, in order (`kg.nlp.build_nlp({"kg_relations": {"rules": [...]}})` runs others);
where two rules state the same relation in one sentence, the first one listed names it.
How to add one: a function registered with its id in the family's module of
`kg/pipeline/`, its words in `kg/patterns/`, its cases in `tests/pipeline/`.

Generated by `python -m kg.pipeline > docs/rules.md` (a test checks it is current).

"""
