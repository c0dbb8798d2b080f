"""Cooperation over time: the articles' dates, dated facts, facts per year and a chart of them.

A fact is placed in time by its sentence's own date (``cj:date``) or, failing
that, by its article's publication date (``dcterms:issued``), as
:func:`kg.dating.dated_mentions` does; the ``dated`` column says which.

Examples
--------
>>> graph = example_timeline_graph()
>>> document_table(graph)[["document", "date", "date_source", "url"]].values.tolist()
[['2023-05-02_dalian.txt', '2023-05-02', 'fileName', None], ['export.jsonl', '2024-06-01', 'metadata', 'https://news.example.cn/2.html']]
>>> facts_per_year(graph, relations=("investedIn", "established")).reset_index().values.tolist()
[[2023, 1, 2], [2024, 2, 2]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import pandas as pd
from rdflib import Graph, Literal, URIRef

from ..dating import dated_mentions
from ..errors import AnalysisError
from ..ontology import CJ, DCTERMS, RDF, RDFS, RELATION_PROPERTIES, SCHEMA, load_ontology

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["COOPERATION", "cooperation_chart", "dated_facts", "document_table", "example_timeline_graph", "facts_per_year"]

#: The relations that count as cooperation in :func:`facts_per_year` and :func:`cooperation_chart`.
COOPERATION: Final = ("investedIn", "established", "signedWith", "cooperatesWith", "sisterCityOf")
_COLORS: Final = {"investedIn": "#c0392b", "established": "#e67e22", "signedWith": "#2e86de",
                  "cooperatesWith": "#16a085", "sisterCityOf": "#8e44ad"}


def _text(value: object) -> str | None:
    return str(value) if isinstance(value, Literal) else None


def document_table(graph: Graph) -> pd.DataFrame:
    """Every document with its date and where the date came from, title, address and outlet.

    Columns: ``document`` (file name), ``line`` (the record's line in a crawler
    export, else ``None``), ``date`` (``dcterms:issued``), ``date_source``
    (``metadata``, ``dateline``, ``fileName`` or ``default``), ``title``,
    ``url``, ``publisher``; sorted by date (undated last), then file name and line.
    """
    rows = []
    for doc in set(graph.subjects(RDF.type, CJ.Document)):
        line = graph.value(doc, CJ.sourceLine)
        url = graph.value(doc, SCHEMA.url)
        rows.append({
            "document": _text(graph.value(doc, CJ.fileName)) or str(doc),
            "line": int(line) if isinstance(line, Literal) else None,
            "date": _text(graph.value(doc, DCTERMS.issued)),
            "date_source": _text(graph.value(doc, CJ.dateSource)),
            "title": _text(graph.value(doc, DCTERMS.title)),
            "url": str(url) if isinstance(url, URIRef) else None,
            "publisher": _text(graph.value(doc, DCTERMS.publisher)),
        })
    columns = ["document", "line", "date", "date_source", "title", "url", "publisher"]
    frame = pd.DataFrame(rows, columns=columns).astype(object)
    frame = frame.sort_values(["date", "document", "line"], na_position="last", kind="stable", ignore_index=True)
    return frame.where(frame.notna(), None)


def dated_facts(graph: Graph, *, relations: Sequence[str] | None = COOPERATION) -> pd.DataFrame:
    """Every relation mention placed in time, oldest first.

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record.
    relations : sequence of str, optional
        The relations to keep (local names, see SCHEMA.md); ``None`` keeps all.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (as precise as known: ``2021``, ``2021-06``,
        ``2021-06-18``), ``year``, ``dated`` (``text`` when the sentence gives
        the date, ``article`` when it is the article's), ``relation``,
        ``subject``, ``object``, ``amount``, ``currency``, ``document``,
        ``url``, ``evidence``. Mentions with no date at all are left out.

    Examples
    --------
    >>> table = dated_facts(example_timeline_graph(), relations=["investedIn"])
    >>> table[["date", "dated", "subject", "object", "document"]].values.tolist()
    [['2023', 'text', '日立制作所', '日立大连有限公司', '2023-05-02_dalian.txt'], ['2024-05', 'text', '大连船舶重工有限公司', '大船北九州株式会社', '2023-05-02_dalian.txt'], ['2024-06-01', 'article', '日立制作所', '日立大连有限公司', 'export.jsonl']]
    """
    unknown = sorted(set(relations or ()) - set(RELATION_PROPERTIES))
    if unknown:
        raise AnalysisError(f"unknown relation(s) {', '.join(unknown)}; use names from SCHEMA.md "
                            f"such as {', '.join(COOPERATION)}")
    wanted = set(relations) if relations is not None else None
    labels: dict[URIRef, str] = {}

    def label(node: URIRef) -> str:
        if node not in labels:
            value = graph.value(node, RDFS.label)
            labels[node] = str(value) if value is not None else str(node).rsplit("/", 1)[-1]
        return labels[node]

    rows = []
    for fact in dated_mentions(graph):
        if fact.date is None or (wanted is not None and fact.relation not in wanted):
            continue
        amount = graph.value(fact.mention, CJ.amount)
        url = graph.value(fact.document, SCHEMA.url) if fact.document is not None else None
        rows.append({
            "date": fact.date, "year": fact.year, "dated": fact.dated, "relation": fact.relation,
            "subject": label(fact.subject), "object": label(fact.object),
            "amount": float(amount) if isinstance(amount, Literal) else math.nan,
            "currency": _text(graph.value(fact.mention, CJ.currency)),
            "document": _text(graph.value(fact.document, CJ.fileName)) if fact.document is not None else None,
            "url": str(url) if isinstance(url, URIRef) else None,
            "evidence": _text(graph.value(fact.mention, CJ.evidence)),
        })
    columns = ["date", "year", "dated", "relation", "subject", "object", "amount", "currency", "document", "url",
               "evidence"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["date", "relation", "subject", "object", "document"], kind="stable", ignore_index=True)


def facts_per_year(graph: Graph, *, relations: Sequence[str] = COOPERATION) -> pd.DataFrame:
    """How many cooperation facts each year holds, per relation.

    A fact (subject, relation, object) counts once a year however many
    sentences state it that year. Every year from the first to the last is a
    row (zero where nothing happened); the columns are ``relations`` in order.

    Examples
    --------
    >>> facts_per_year(example_timeline_graph()).loc[2024].to_dict()
    {'investedIn': 2, 'established': 2, 'signedWith': 0, 'cooperatesWith': 0, 'sisterCityOf': 1}
    """
    facts = dated_facts(graph, relations=list(relations))
    years = facts.drop_duplicates(["year", "relation", "subject", "object"])
    counts = pd.crosstab(years["year"], years["relation"]) if not years.empty else pd.DataFrame()
    index = range(int(years["year"].min()), int(years["year"].max()) + 1) if not years.empty else []
    table = counts.reindex(index=index, columns=list(relations), fill_value=0).astype(int)
    table.index.name, table.columns.name = "year", None
    return table


@lru_cache(maxsize=1)
def _relation_labels() -> dict[str, str]:
    onto = load_ontology()
    labels = {}
    for name, iri in RELATION_PROPERTIES.items():
        zh = [str(v) for v in onto.objects(iri, RDFS.label) if isinstance(v, Literal) and v.language == "zh"]
        labels[name] = zh[0] if zh else name
    return labels


def cooperation_chart(graph: Graph, *, relations: Sequence[str] = COOPERATION, title: str | None = None) -> Figure:
    """A stacked bar chart of :func:`facts_per_year`, labelled in Chinese.

    Drawn in the font of :func:`kg.analysis.find_cjk_font` without touching
    matplotlib's global settings. A graph without dated facts gives an empty
    chart that says so.

    Examples
    --------
    >>> figure = cooperation_chart(example_timeline_graph(), title="中日合作")
    >>> axes = figure.axes[0]
    >>> [tick.get_text() for tick in axes.get_xticklabels()], axes.get_legend().get_texts()[0].get_text()
    (['2023', '2024'], '投资')
    >>> [int(bar.get_height()) for bar in axes.containers[0]]
    [1, 2]
    """
    import matplotlib
    from matplotlib.figure import Figure

    from .charts import find_cjk_font

    table = facts_per_year(graph, relations=relations)
    table = table.loc[:, [name for name in table.columns if table[name].sum() > 0]]
    labels = _relation_labels()
    font = find_cjk_font()
    with matplotlib.rc_context({"font.family": [font, "sans-serif"], "axes.unicode_minus": False}):
        figure = Figure(figsize=(min(14.0, max(5.0, 0.3 * len(table) + 3)), 4), layout="constrained")
        axes = figure.subplots()
        bottom = [0] * len(table)
        positions = list(range(len(table)))
        for name in table.columns:
            values = table[name].tolist()
            axes.bar(positions, values, bottom=bottom, label=labels.get(name, name), color=_COLORS.get(name))
            bottom = [b + v for b, v in zip(bottom, values)]
        step = max(1, math.ceil(len(table) / 20))  # at most about 20 year labels
        axes.set_xticks(positions, [str(year) if i % step == 0 else ""
                                    for i, year in enumerate(table.index)])
        axes.set_ylabel("事实数")
        axes.yaxis.get_major_locator().set_params(integer=True)
        if len(table.columns):
            axes.legend(frameon=False)
        else:
            axes.text(0.5, 0.5, "没有带日期的合作事实", ha="center", va="center", transform=axes.transAxes)
        if title:
            axes.set_title(title)
    return figure


def example_timeline_graph() -> Graph:
    """The example article (:func:`kg.analysis.examples.example_extraction`) as two dated documents.

    One is a text file dated by its name (2023-05-02), whose two investments'
    sentences give their own dates (2023, 2024-05). The other is the same text as a
    crawler record dated 2024-06-01 by its metadata, without the shipyard's
    investment and without any date in its sentences.
    """
    from ..rdf import build_graph
    from ..records import DateValue, DocumentMetadata
    from .examples import example_extraction

    first = example_extraction()
    first = replace(first, file_name="2023-05-02_dalian.txt",
                    metadata=DocumentMetadata(date=DateValue("2023-05-02", "date"), date_source="fileName"))
    second = replace(
        first, file_name="export.jsonl", content_hash="f" * 64,
        relations=tuple(r._replace(date=None) for r in first.relations if r.predicate != "investedIn"
                        or r.subject.name == "日立制作所"),
        metadata=DocumentMetadata(date=DateValue("2024-06-01", "date"), date_source="metadata",
                                  url="https://news.example.cn/2.html", record=2, media_type="application/jsonl"),
    )
    return build_graph([first, second])
