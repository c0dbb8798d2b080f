"""Pages copied from the web often carry ASCII punctuation where the printed article has
full-width marks (今年,苏州… for 今年，苏州…): the graph must not depend on which."""

from __future__ import annotations

import re

import pytest

from kg.extract import extract_text

_ASCII = {"，": ",", "；": ";", "：": ":", "！": "!", "？": "?"}


def ascii_punctuation(text: str) -> str:
    """The text with its full-width commas, semicolons, colons and marks written in ASCII (same length)."""
    return re.sub("[，；：！？]", lambda m: _ASCII[m.group()], text)


def facts(nlp, text: str) -> tuple[set, set]:
    result = extract_text(nlp, text)
    entities = {(e.key.name, e.key.label) for e in result.entities}
    relations = {(r.subject.name, r.predicate, r.object.name) for r in result.relations}
    return entities, relations


def test_ascii_punctuation_keeps_length():
    assert ascii_punctuation("今年，苏州：好！") == "今年,苏州:好!"


@pytest.mark.parametrize("name", ["000_2f9bf5cb93da7add.txt", "003_faecf9e441e1955b.txt"])
def test_seed_articles_give_the_same_graph_with_ascii_punctuation(nlp, seeds_dir, name):
    text = (seeds_dir / name).read_text(encoding="utf-8")
    assert "，" in text  # the seeds are printed with full-width marks
    full_width = facts(nlp, text)
    assert full_width[1]  # the article states relations
    assert facts(nlp, ascii_punctuation(text)) == full_width
