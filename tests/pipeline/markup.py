"""Hand-built documents for rule tests: names marked in the text, no gazetteer needed.

``[大连华信:Company]投资8489万美元设立[北斗合同会社:Company]`` is the text
大连华信投资8489万美元设立北斗合同会社 with two names a recognizer found. Brackets nest:
``[[沈阳:City]市经贸代表团:Organization]`` is one name with a place found inside it (the
inner name is a candidate, not a mention). A name is listed (it has a gazetteer entry
under its own name, ``[无锡:City>江苏省]`` in a region) unless its label ends in ``~``
(found by shape: ``[苏州高新区:Zone~]``) or ``?`` (a back-reference: ``[示范区:Zone?]``). ``[代表团:Organization=沈阳市经贸代表团]`` is a mention of the
entity 沈阳市经贸代表团 by another form of its name (a back-reference). ``@rule`` at the end names
the rule that found the name (``[新华网:Organization@people.byline_outlet]``; else ``test``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.pipeline.candidates import Candidate, GazetteerEntry
from kg.records import EntityKey, EntityRecord, Mention

__all__ = ["Marked", "parse", "build_doc"]

_CLOSE = re.compile(r":([A-Za-z]+)(?:=([^\]~?>@]+))?(?:>([^\]~?@]+))?([~?]?)(?:@([a-z]+\.[a-z_]+))?\]")


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    label: str
    listed: bool
    depth: int
    name: str | None = None  # the entity's name when the text is another form of it
    parent: str = ""  # the region a listed name lies in
    backref: bool = False
    rule: str = "test"  # the rule that found the name


def parse(markup: str) -> tuple[str, list[Marked]]:
    """The plain text and the marked names, outermost first at each start.

    >>> text, marked = parse("[[沈阳:City]市代表团:Organization]访日")
    >>> text, [(m.start, m.end, m.label, m.depth) for m in marked]
    ('沈阳市代表团访日', [(0, 6, 'Organization', 0), (0, 2, 'City', 1)])
    """
    text: list[str] = []
    stack: list[int] = []
    found: list[Marked] = []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "[":
            stack.append(len(text))
            i += 1
            continue
        close = _CLOSE.match(markup, i) if stack else None
        if close is not None:
            start = stack.pop()
            mark = close.group(4)
            found.append(Marked(start, len(text), close.group(1), not mark, len(stack), close.group(2),
                                close.group(3) or "", mark == "?", close.group(5) or "test"))
            i = close.end()
            continue
        text.append(ch)
        i += 1
    if stack:
        raise ValueError(f"unclosed [ in {markup!r}")
    return "".join(text), sorted(found, key=lambda m: (m.start, m.depth))


def build_doc(nlp: Language, markup: str, *, date: str | None = None, home: str | None = None,
              province: str | None = None) -> Doc:
    """A Doc of ``markup``'s text with its sentences, money and dates, and the marked names as
    candidates (and, for the outermost, mentions), as the recognition stages would leave it."""
    text, marked = parse(markup)
    doc = nlp.make_doc(text)
    doc._.document_date = date
    nlp.get_pipe("kg_sentences")(doc)
    nlp.get_pipe("kg_values")(doc)
    for m in marked:
        name = text[m.start:m.end]
        entry = GazetteerEntry(name, m.label, name, m.parent, "Region" if m.parent else "") if m.listed else None
        source = "gazetteer" if m.listed else "backref" if m.backref else "shape"
        doc._.candidates.append(Candidate(m.start, m.end, m.label, name, source, 1 if m.backref else 30,
                                          canonical=name if m.listed else None, entry=entry, rule=m.rule))
        if m.depth == 0:
            key = EntityKey(m.name or name, m.label)
            doc._.mentions.append(Mention(key, m.start, m.end, name, m.rule))
            doc._.entities[key] = EntityRecord(key)
    if home is not None:
        doc._.home["City"] = EntityKey(home, "City")
    if province is not None:
        doc._.home["Region"] = EntityKey(province, "Region")
    return doc
