"""Running single rules on hand-built documents (see :mod:`tests.pipeline.markup`)."""

from __future__ import annotations

import pytest

from .markup import build_doc


@pytest.fixture(scope="session")
def component(nlp):
    """``component(name, rules)``: a new pipeline component of ``name`` running only ``rules`` (cached)."""
    made = {}

    def make(name: str, rules: tuple[str, ...]):
        if (name, rules) not in made:
            made[(name, rules)] = nlp.create_pipe(name, config={"rules": list(rules)})
        return made[(name, rules)]

    return make


def fact(record) -> tuple:
    """(subject, predicate, object) by name, then what the record carries of job title, money
    (amount as text, currency) and date."""
    extra: tuple = ()
    if record.job_title:
        extra += (record.job_title,)
    if record.money is not None:
        extra += (str(record.money.amount), record.money.currency)
    if record.date is not None:
        extra += (record.date.value,)
    return (record.subject.name, record.predicate, record.object.name, *extra)


@pytest.fixture(scope="session")
def relations(nlp, component):
    """``relations(markup, *rules, only=..., home=..., province=..., date=...)``: the facts (see
    :func:`fact`) the last of ``rules`` (or ``only``) states when ``rules`` run in order."""

    def run(markup: str, *rules: str, only: str | None = None, **context) -> set[tuple]:
        doc = build_doc(nlp, markup, **context)
        component("kg_relations", rules)(doc)
        wanted = only or rules[-1]
        return {fact(r) for r in doc._.relations if r.rule == wanted}

    return run
