"""Investment between the Chinese and the Japanese side, with amounts per currency.

Amounts are never converted: they are summed per ISO 4217 currency only. An
``cj:investedIn`` relation stated several times with the same amount counts
once; different amounts on one relation (a first investment, a capital
increase) count each. Investments whose text gives no amount are listed with
``amount`` NaN and ``currency`` ``None``.
"""

from __future__ import annotations

import math

import pandas as pd
from ..graphread import RelationMention
from ._index import GraphLike, records_of
from .sides import entity_sides

__all__ = ["investment_flows", "investments"]

UNKNOWN = "unknown"


def investments(graph: GraphLike, **side_options: object) -> pd.DataFrame:
    """Every investment (``cj:investedIn``) with its amount, the two sides and the evidence.

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record (or its :func:`kg.graphread.graph_records`).
    **side_options
        Passed to :func:`kg.analysis.entity_sides` (``sides=``, ``name_cues=``).

    Returns
    -------
    pandas.DataFrame
        Columns ``investor``, ``investor_class``, ``investor_side``,
        ``target``, ``target_class``, ``target_side``, ``deal`` (``investor →
        target``), ``amount`` (float, in units of ``currency``), ``currency``,
        ``date``, ``mentions`` (how many relation mentions state it),
        ``evidence``, ``source``. Sides are ``"China"``, ``"Japan"`` or ``"unknown"``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = investments(example_graph())
    >>> table[["investor", "investor_side", "target_side", "amount", "currency"]].values.tolist()
    [['大连船舶重工有限公司', 'China', 'Japan', 2000000000.0, 'JPY'], ['日立制作所', 'Japan', 'China', 30000000.0, 'USD']]
    """
    records = records_of(graph)
    index = records.entities
    sides = entity_sides(records, **side_options)  # type: ignore[arg-type]
    rows = []
    for subject, relation, obj in records.triples:
        if relation != "investedIn":
            continue
        facts = records.mentions_by_triple.get((subject, relation, obj), ())
        amounts: dict[tuple[object, object], list[RelationMention]] = {}
        for fact in facts:
            if fact.amount is not None:
                amounts.setdefault((fact.amount, fact.currency), []).append(fact)
        groups = list(amounts.values()) or [list(facts)]
        for group in groups:
            first = group[0] if group else None
            investor, target = index[subject], index[obj]
            rows.append({
                "investor": investor.label, "investor_class": investor.cls,
                "investor_side": sides[subject].side or UNKNOWN,
                "target": target.label, "target_class": target.cls, "target_side": sides[obj].side or UNKNOWN,
                "deal": f"{investor.label} → {target.label}",
                "amount": float(first.amount) if first is not None and first.amount is not None else math.nan,
                "currency": first.currency if first is not None and first.amount is not None else None,
                "date": next((f.date for f in group if f.date), None),
                "mentions": len(group),
                "evidence": first.evidence if first is not None else None,
                "source": first.source if first is not None else None,
            })
    columns = ["investor", "investor_class", "investor_side", "target", "target_class", "target_side", "deal",
               "amount", "currency", "date", "mentions", "evidence", "source"]
    return pd.DataFrame(rows, columns=columns).sort_values(["investor", "target", "currency"], ignore_index=True)


def investment_flows(graph: GraphLike, *, cross_border: bool = False, **side_options: object) -> pd.DataFrame:
    """Investment summed per direction (investor's side → target's side) and currency.

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record.
    cross_border : bool
        Keep only China → Japan and Japan → China (and leave out flows with an unknown side).
    **side_options
        Passed to :func:`kg.analysis.entity_sides`.

    Returns
    -------
    pandas.DataFrame
        Columns ``from_side``, ``to_side``, ``currency`` (``None`` for
        investments stated without an amount), ``amount`` (the sum; NaN where
        no amount is known), ``investments`` (how many). Cross-border flows
        come first.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> investment_flows(example_graph()).values.tolist()
    [['China', 'Japan', 'JPY', 2000000000.0, 1], ['Japan', 'China', 'USD', 30000000.0, 1]]
    """
    table = investments(graph, **side_options)
    columns = ["from_side", "to_side", "currency", "amount", "investments"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    table = table.rename(columns={"investor_side": "from_side", "target_side": "to_side"})
    flows = (table.groupby(["from_side", "to_side", "currency"], dropna=False, sort=True)
             .agg(amount=("amount", lambda s: s.sum(min_count=1)), investments=("deal", "size"))
             .reset_index())
    flows["currency"] = flows["currency"].astype(object).where(flows["currency"].notna(), None)
    crossing = (flows["from_side"] != flows["to_side"]) & (flows["from_side"] != UNKNOWN) & (flows["to_side"] != UNKNOWN)
    if cross_border:
        flows = flows[crossing]
    flows = flows.assign(_order=~crossing).sort_values(["_order", "from_side", "to_side", "currency"],
                                                       na_position="last", kind="stable")
    return flows.drop(columns="_order").reset_index(drop=True)[columns]
