"""What the graph says: entities, counts, entity cards, timelines and statistics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

import pandas as pd
from rdflib import URIRef

from ..graphread import Entity, RelationMention
from ..ontology import ENTITY_CLASSES, RELATION_PROPERTIES, SYMMETRIC_PROPERTIES
from ._index import GraphLike, find_entity, records_of, title_of
from .sides import entity_sides

__all__ = [
    "CardRelation",
    "CardStatistic",
    "EntityCard",
    "Evidence",
    "counts_by_class",
    "counts_by_relation",
    "entity_card",
    "entity_table",
    "statistics",
    "timeline",
]


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def entity_table(graph: GraphLike, *, cls: str | None = None) -> pd.DataFrame:
    """Every entity: columns ``label``, ``class``, ``aliases``, ``title``, ``mentions``, sorted by class and label.

    ``aliases`` joins the alternative labels with ``、``; ``mentions`` counts
    the entity's ``cj:EntityMention`` nodes. Pass ``cls`` (``"City"``, …) to
    keep one class.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = entity_table(example_graph(), cls="City")
    >>> table[["label", "aliases", "mentions"]].values.tolist()
    [['北九州市', '', 1], ['大连', '大连市', 1]]
    """
    order = {name: i for i, name in enumerate(ENTITY_CLASSES)}
    rows = [
        {"label": info.label, "class": info.cls, "aliases": "、".join(info.aliases), "title": title_of(info),
         "mentions": info.mentions}
        for info in records_of(graph).entities.values() if cls is None or info.cls == cls
    ]
    rows.sort(key=lambda row: (order.get(row["class"], len(order)), row["label"]))
    return pd.DataFrame(rows, columns=["label", "class", "aliases", "title", "mentions"])


def counts_by_class(graph: GraphLike) -> pd.DataFrame:
    """How many entities of each class (all ten, in SCHEMA.md order): columns ``class``, ``entities``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> counts = counts_by_class(example_graph())
    >>> dict(zip(counts["class"], counts["entities"]))["Company"]
    4
    >>> int(counts["entities"].sum())
    11
    """
    entities = records_of(graph).entities
    return pd.DataFrame(
        [{"class": name, "entities": sum(1 for info in entities.values() if info.cls == name)} for name in ENTITY_CLASSES],
        columns=["class", "entities"],
    )


def counts_by_relation(graph: GraphLike) -> pd.DataFrame:
    """How often each of the 11 relations occurs: columns ``relation``, ``triples``, ``mentions``, ``symmetric``.

    ``triples`` counts the plain ``S cj:p O`` triples, ``mentions`` the
    ``cj:RelationMention`` nodes carrying their evidence.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> counts = counts_by_relation(example_graph()).set_index("relation")
    >>> counts.loc["locatedIn", ["triples", "mentions"]].tolist()
    [5, 5]
    >>> bool(counts.loc["sisterCityOf", "symmetric"])
    True
    """
    records = records_of(graph)
    return pd.DataFrame(
        [{"relation": name,
          "triples": sum(1 for _, rel, _ in records.triples if rel == name),
          "mentions": sum(1 for mention in records.relation_mentions if mention.relation == name),
          "symmetric": name in SYMMETRIC_PROPERTIES} for name in RELATION_PROPERTIES],
        columns=["relation", "triples", "mentions", "symmetric"],
    )


class Evidence(NamedTuple):
    """One sentence supporting a relation, the file it comes from, how it was found, and what it states.

    ``amount``/``currency`` and ``date`` are those this mention carries (an
    investment's sum, when it happened), ``None`` where the sentence gives none.
    """

    text: str
    source: str | None
    method: str | None
    amount: float | None = None
    currency: str | None = None
    date: str | None = None


class CardRelation(NamedTuple):
    """A relation on an entity card, seen from the card's entity.

    ``direction`` is ``"out"`` (the entity is the subject), ``"in"`` (it is the
    object) or ``"both"`` for the symmetric relations.
    """

    direction: str
    relation: str
    other: str
    other_class: str | None
    evidence: tuple[Evidence, ...]


class CardStatistic(NamedTuple):
    """A figure about the entity (``cj:Statistic``)."""

    measure: str
    value: float | None
    unit: str | None
    counterpart: str | None
    date: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EntityCard:
    """All the graph says about one entity, with the evidence for each relation."""

    iri: str
    label: str
    cls: str | None
    aliases: tuple[str, ...]
    title: str | None
    side: str | None
    relations: tuple[CardRelation, ...]
    statistics: tuple[CardStatistic, ...]
    mentions: int
    sources: tuple[str, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per relation and piece of evidence, with the amount and date that sentence states."""
        columns = ["direction", "relation", "other", "other_class", "amount", "currency", "date",
                   "evidence", "source", "method"]
        rows = [
            {"direction": rel.direction, "relation": rel.relation, "other": rel.other, "other_class": rel.other_class,
             "amount": ev.amount, "currency": ev.currency, "date": ev.date,
             "evidence": ev.text, "source": ev.source, "method": ev.method}
            for rel in self.relations for ev in (rel.evidence or (Evidence("", None, None),))
        ]
        return pd.DataFrame(rows, columns=columns)

    def statistics_frame(self) -> pd.DataFrame:
        """One row per statistic about the entity."""
        columns = ["measure", "value", "unit", "counterpart", "date", "evidence", "source"]
        rows = [{**stat._asdict(), "evidence": stat.evidence.text, "source": stat.evidence.source}
                for stat in self.statistics]
        return pd.DataFrame(rows, columns=columns)

    def _repr_markdown_(self) -> str:
        lines = [f"**{escape(self.label)}** ({self.cls or 'untyped'}; side: {self.side or 'unknown'})"]
        if self.aliases:
            lines.append(f"- aliases: {escape('、'.join(self.aliases))}")
        if self.title:
            lines.append(f"- title: {escape(self.title)}")
        lines.append(f"- {self.mentions} mention(s) in {', '.join(map(escape, self.sources)) or 'no document'}; "
                     f"{len(self.relations)} relation(s), {len(self.statistics)} statistic(s)")
        return "\n".join(lines)


def _evidence(mentions: Sequence[RelationMention]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(
        Evidence(m.evidence, m.source, m.method, _float(m.amount), m.currency if m.amount is not None else None, m.date)
        for m in mentions))


def entity_card(graph: GraphLike, name: str, *, cls: str | None = None) -> EntityCard:
    """The card of the entity labelled ``name`` (label or alias; ``cls`` disambiguates).

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record (or its :func:`kg.graphread.graph_records`).
    name : str
        A label or alias, compared without white space and with half-width brackets.
    cls : str, optional
        The entity class (``"City"``, ``"Company"``, …) when a name is shared.

    Returns
    -------
    EntityCard
        Label, aliases, class, title, side, relations with their evidence
        (sentence, source file, method, amount and date stated), statistics;
        ``card.to_frame()`` tabulates the relations.

    Raises
    ------
    kg.errors.EntityNotFoundError
        No entity has this label or alias.
    kg.errors.AmbiguousEntityError
        Several do; pass ``cls``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> card = entity_card(example_graph(), "大连市")
    >>> card.label, card.cls, card.aliases, card.side
    ('大连', 'City', ('大连市',), 'China')
    >>> [(r.direction, r.relation, r.other) for r in card.relations]  # doctest: +NORMALIZE_WHITESPACE
    [('out', 'locatedIn', '中国'), ('both', 'sisterCityOf', '北九州市'), ('in', 'locatedIn', '大连经济技术开发区'),
     ('in', 'affiliatedWith', '李明'), ('in', 'heldIn', '2023中日经贸洽谈会')]
    >>> card.relations[1].evidence
    (Evidence(text='大连市与日本北九州市缔结友好城市。', source='example.txt', method='pattern', amount=None, currency=None, date=None),)
    >>> card.statistics[0].measure, card.statistics[0].value, card.statistics[0].counterpart
    ('贸易总额', 1250000000.0, '日本')
    >>> entity_card(example_graph(), "李明").title
    '市长'
    """
    records = records_of(graph)
    index = records.entities
    iri = find_entity(records, name, cls=cls)
    info = index[iri]
    by_triple = records.mentions_by_triple
    relations = []
    for subject, relation, obj in records.triples:
        if iri not in (subject, obj):
            continue
        other = obj if subject == iri else subject
        direction = "both" if relation in SYMMETRIC_PROPERTIES else ("out" if subject == iri else "in")
        relations.append(CardRelation(
            direction=direction,
            relation=relation,
            other=index[other].label,
            other_class=index[other].cls,
            evidence=_evidence(by_triple.get((subject, relation, obj), [])),
        ))
    order = {"out": 0, "both": 1, "in": 2}
    relations.sort(key=lambda r: (order[r.direction], list(RELATION_PROPERTIES).index(r.relation), r.other))
    stats = tuple(
        CardStatistic(f.measure, _float(f.value), f.unit, _label(index, f.counterpart), f.date,
                      Evidence(f.evidence, f.source, None))
        for f in records.statistics if f.subject == iri
    )
    sources = {source for m in records.entity_mentions if m.entity == iri
               for source in (records.documents.get(doc) for doc in m.documents) if source}
    sources |= {ev.source for rel in relations for ev in rel.evidence if ev.source}
    return EntityCard(
        iri=str(iri),
        label=info.label,
        cls=info.cls,
        aliases=info.aliases,
        title=title_of(info),
        side=entity_sides(records)[iri].side,
        relations=tuple(relations),
        statistics=stats,
        mentions=info.mentions,
        sources=tuple(sorted(sources)),
    )


def _label(index: Mapping[URIRef, Entity], node: URIRef | None) -> str | None:
    return None if node is None else index[node].label if node in index else str(node)


def timeline(graph: GraphLike) -> pd.DataFrame:
    """Dated facts in order: relation mentions and statistics that carry ``cj:date``.

    Columns: ``date`` (as precise as the text: ``2021``, ``2021-06`` or
    ``2021-06-18``; these sort correctly as strings), ``kind``
    (``relation``/``statistic``), ``subject``, ``what`` (relation or measure),
    ``object`` (object or counterpart), ``amount``, ``currency``, ``evidence``,
    ``source``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> timeline(example_graph())[["date", "kind", "subject", "what", "object"]].values.tolist()
    [['2023', 'relation', '日立制作所', 'investedIn', '日立大连有限公司'], ['2023', 'statistic', '大连', '贸易总额', '日本'], ['2024-05', 'relation', '大连船舶重工有限公司', 'investedIn', '大船北九州株式会社']]
    """
    records = records_of(graph)
    index = records.entities
    facts = [("relation", m.subject, m.relation, m.object, m) for m in records.relation_mentions]
    facts += [("statistic", s.subject, s.measure, s.counterpart, s) for s in records.statistics]
    rows = [
        {"date": f.date, "kind": kind, "subject": _label(index, subject), "what": what,
         "object": _label(index, obj), "amount": _float(f.amount), "currency": f.currency,
         "evidence": f.evidence, "source": f.source}
        for kind, subject, what, obj, f in facts if f.date
    ]
    columns = ["date", "kind", "subject", "what", "object", "amount", "currency", "evidence", "source"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["date", "kind", "source", "subject"], kind="stable", ignore_index=True)


def statistics(graph: GraphLike, **side_options: object) -> pd.DataFrame:
    """Every figure that is not a relation (``cj:Statistic``), such as trade totals.

    Columns: ``label`` (a readable caption: subject, 对 counterpart, measure),
    ``subject``, ``measure``, ``value``, ``unit``, ``amount``, ``currency``
    (money only), ``counterpart``, ``date``, ``subject_side``,
    ``counterpart_side``, ``evidence``, ``source``. Keyword options go to
    :func:`kg.analysis.entity_sides`.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> row = statistics(example_graph()).iloc[0]
    >>> row["label"], float(row["amount"]), row["currency"], row["subject_side"], row["counterpart_side"]
    ('大连对日本贸易总额', 1250000000.0, 'USD', 'China', 'Japan')
    """
    records = records_of(graph)
    index = records.entities
    sides = entity_sides(records, **side_options)  # type: ignore[arg-type]
    rows = []
    for f in records.statistics:
        subject, counterpart = _label(index, f.subject), _label(index, f.counterpart)
        rows.append({
            "label": f"{subject}{'对' + counterpart if counterpart else ''}{f.measure}",
            "subject": subject, "measure": f.measure, "value": _float(f.value), "unit": f.unit,
            "amount": _float(f.amount), "currency": f.currency, "counterpart": counterpart, "date": f.date,
            "subject_side": sides[f.subject].side if f.subject in sides else None,
            "counterpart_side": sides[f.counterpart].side if f.counterpart in sides else None,
            "evidence": f.evidence, "source": f.source,
        })
    columns = ["label", "subject", "measure", "value", "unit", "amount", "currency", "counterpart", "date",
               "subject_side", "counterpart_side", "evidence", "source"]
    return pd.DataFrame(rows, columns=columns)
