"""The networkx view of the graph: centrality, communities, neighbourhoods and partners.

:func:`to_networkx` wraps rdflib's ``rdflib_to_networkx_multidigraph``: nodes
are entities (attributes ``label``, ``class``, ``aliases``, ``title``), edges
are the 11 relation properties only (attributes ``relation`` and ``methods``,
keyed by the relation's name). Everything else derives from that view; the
undirected analyses (centrality, communities) count each pair of entities once.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from typing import Final

import networkx as nx
import pandas as pd
from rdflib import Graph, URIRef
from rdflib.extras.external_graph_libs import rdflib_to_networkx_multidigraph

from ..errors import AnalysisError
from ..graphread import GraphRecords, RELATION_NAMES
from ..ontology import ENTITY_CLASSES, RELATION_PROPERTIES, SYMMETRIC_PROPERTIES
from ._index import find_entity, records_of, title_of
from .sides import entity_sides

__all__ = [
    "CENTRALITY_MEASURES",
    "centrality_by_class",
    "communities",
    "neighbourhood",
    "neighbourhood_graph",
    "partners",
    "to_networkx",
]

#: The centrality measures :func:`centrality_by_class` knows (all on the undirected view).
CENTRALITY_MEASURES: Final = ("degree", "betweenness", "closeness", "eigenvector")

GraphLike = Graph | GraphRecords | nx.MultiDiGraph


def to_networkx(graph: Graph | GraphRecords) -> nx.MultiDiGraph:
    """The entities and their relations as a :class:`networkx.MultiDiGraph`.

    Nodes are the entities' IRIs with attributes ``label``, ``class``,
    ``aliases`` (tuple) and ``title``; every entity is a node, related or not.
    Edges are the plain relation triples, keyed by the relation's local name,
    with attributes ``relation`` and ``methods`` (how its mentions were found).
    Provenance nodes, literals and ``rdf:type`` edges are left out.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> view = to_networkx(example_graph())
    >>> view.number_of_nodes(), view.number_of_edges()
    (11, 13)
    >>> labels = {node: data["label"] for node, data in view.nodes(data=True)}
    >>> sorted((labels[u], rel, labels[v]) for u, v, rel in view.edges(data="relation") if rel == "investedIn")
    [('大连船舶重工有限公司', 'investedIn', '大船北九州株式会社'), ('日立制作所', 'investedIn', '日立大连有限公司')]
    >>> view.nodes[next(n for n in view if labels[n] == "大连")]["aliases"]
    ('大连市',)
    """
    records = records_of(graph)
    index = records.entities
    methods = {triple: {m.method or "" for m in mentions} for triple, mentions in records.mentions_by_triple.items()}
    relations_only = Graph()
    for subject, relation, obj in records.triples:
        relations_only.add((subject, RELATION_PROPERTIES[relation], obj))

    def edge_attrs(s: URIRef, p: URIRef, o: URIRef) -> dict[str, object]:
        name = RELATION_NAMES[p]
        return {"key": name, "relation": name, "methods": tuple(sorted(methods.get((s, name, o), ())))}

    view = nx.MultiDiGraph()
    for iri in sorted(index):
        info = index[iri]
        view.add_node(iri, label=info.label, aliases=info.aliases, title=title_of(info), **{"class": info.cls})
    view.add_edges_from(rdflib_to_networkx_multidigraph(relations_only, edge_attrs=edge_attrs).edges(keys=True, data=True))
    return view


def _as_view(graph: GraphLike) -> nx.MultiDiGraph:
    return graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph)


def _undirected(view: nx.MultiDiGraph) -> nx.Graph:
    """Simple undirected graph, nodes in a stable order; ``weight`` counts the relations of a pair."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(view.nodes(data=True), key=lambda item: str(item[0])))
    for u, v in sorted(view.edges(), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def _centrality(simple: nx.Graph, measure: str) -> dict[URIRef, float]:
    if measure == "degree":
        return nx.degree_centrality(simple)
    if measure == "betweenness":
        return nx.betweenness_centrality(simple)
    if measure == "closeness":
        return nx.closeness_centrality(simple)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(simple, max_iter=1000)
    raise AnalysisError(f"unknown centrality measure {measure!r}: expected one of {', '.join(CENTRALITY_MEASURES)}")


def centrality_by_class(graph: GraphLike, *, classes: Iterable[str] | None = None, measure: str = "degree",
                        top: int = 5) -> pd.DataFrame:
    """The most central entities of each class.

    Centrality is computed once on the whole undirected view, then ranked
    within each class; ties go to the alphabetically first label.

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        The graph of record, or its :func:`to_networkx` view.
    classes : iterable of str, optional
        Classes to rank (``"Company"``, ``"Zone"``, ``"City"``, …); all ten by default.
    measure : {"degree", "betweenness", "closeness", "eigenvector"}
        The networkx centrality to use.
    top : int
        How many entities per class.

    Returns
    -------
    pandas.DataFrame
        Columns ``class``, ``rank`` (1 = most central), ``label``, ``score``,
        ``neighbours`` (distinct related entities).

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = centrality_by_class(example_graph(), classes=["City", "Company"], top=2)
    >>> table[["class", "rank", "label", "neighbours"]].values.tolist()
    [['City', 1, '大连', 5], ['City', 2, '北九州市', 3], ['Company', 1, '大船北九州株式会社', 2], ['Company', 2, '日立大连有限公司', 2]]
    """
    view = _as_view(graph)
    simple = _undirected(view)
    scores = _centrality(simple, measure) if simple.number_of_nodes() else {}
    wanted = list(ENTITY_CLASSES) if classes is None else list(classes)
    unknown = [name for name in wanted if name not in ENTITY_CLASSES]
    if unknown:
        raise AnalysisError(f"unknown class(es) {', '.join(unknown)}: expected some of {', '.join(ENTITY_CLASSES)}")
    rows = []
    for cls in wanted:
        members = [n for n, data in simple.nodes(data=True) if data.get("class") == cls]
        members.sort(key=lambda n: (-scores.get(n, 0.0), simple.nodes[n]["label"]))
        for rank, node in enumerate(members[:top], start=1):
            rows.append({"class": cls, "rank": rank, "label": simple.nodes[node]["label"],
                         "score": round(float(scores.get(node, 0.0)), 6), "neighbours": simple.degree(node)})
    return pd.DataFrame(rows, columns=["class", "rank", "label", "score", "neighbours"])


def communities(graph: GraphLike, *, method: str = "greedy", min_size: int = 2, seed: int = 0) -> pd.DataFrame:
    """Communities of the undirected view, largest first.

    Parameters
    ----------
    graph : rdflib.Graph or networkx.MultiDiGraph
        The graph of record, or its :func:`to_networkx` view.
    method : {"greedy", "louvain"}
        networkx's greedy modularity maximisation, or Louvain (seeded, so repeatable).
    min_size : int
        Leave out communities smaller than this (isolated entities are communities of one).
    seed : int
        Louvain's random seed.

    Returns
    -------
    pandas.DataFrame
        Columns ``community`` (1, 2, …), ``size``, ``hub`` (the member with most
        neighbours), ``classes`` (``"City 2, Company 1"``), ``members`` (labels
        joined with ``、``, hub first).

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = communities(example_graph())
    >>> int(table["size"].sum())
    11
    >>> table.loc[table.members.str.contains("日立制作所"), "members"].tolist()
    ['大连经济技术开发区、日立大连有限公司、日立制作所']
    """
    simple = _undirected(_as_view(graph))
    if simple.number_of_edges() == 0:
        found: list[set[URIRef]] = [{n} for n in simple]
    elif method == "greedy":
        found = [set(c) for c in nx.community.greedy_modularity_communities(simple, weight="weight")]
    elif method == "louvain":
        found = [set(c) for c in nx.community.louvain_communities(simple, weight="weight", seed=seed)]
    else:
        raise AnalysisError(f"unknown community method {method!r}: expected 'greedy' or 'louvain'")
    label = lambda n: simple.nodes[n]["label"]  # noqa: E731
    ordered = []
    for members in found:
        if len(members) < min_size:
            continue
        ranked = sorted(members, key=lambda n: (-simple.degree(n), label(n)))
        classes = Counter(simple.nodes[n].get("class") or "untyped" for n in members)
        ordered.append({"size": len(members), "hub": label(ranked[0]),
                        "classes": ", ".join(f"{c} {k}" for c, k in sorted(classes.items(), key=lambda i: (-i[1], i[0]))),
                        "members": "、".join(label(n) for n in ranked)})
    ordered.sort(key=lambda row: (-row["size"], row["hub"]))
    for number, row in enumerate(ordered, start=1):
        row["community"] = number
    return pd.DataFrame(ordered, columns=["community", "size", "hub", "classes", "members"])


def _distances(view: nx.MultiDiGraph, focus: URIRef, depth: int) -> dict[URIRef, int]:
    undirected = view.to_undirected(as_view=True)
    return dict(nx.single_source_shortest_path_length(undirected, focus, cutoff=depth))


def neighbourhood_graph(graph: Graph | GraphRecords, name: str, *, depth: int = 1,
                        cls: str | None = None) -> nx.MultiDiGraph:
    """What is reached from the entity named ``name`` by following at most ``depth`` relations.

    Nodes are the entities within ``depth`` steps (either direction), with the
    attributes of :func:`to_networkx` plus ``hops`` (their distance) and
    ``focus`` (``True`` for the entity itself); edges are the relations
    followed, those with an end fewer than ``depth`` steps away. A relation
    between two entities that are both ``depth`` steps away is not included.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> sub = neighbourhood_graph(example_graph(), "北九州市")
    >>> sorted(data["label"] for _, data in sub.nodes(data=True))
    ['北九州市', '大船北九州株式会社', '大连', '日本']
    >>> sub.number_of_edges()
    3
    """
    if depth < 0:
        raise AnalysisError(f"depth must be 0 or more, got {depth}")
    records = records_of(graph)
    view = to_networkx(records)
    focus = find_entity(records, name, cls=cls)
    distances = _distances(view, focus, depth)
    sub = nx.MultiDiGraph()
    for node, hops in sorted(distances.items(), key=lambda item: (item[1], str(item[0]))):
        sub.add_node(node, **view.nodes[node], hops=hops, focus=node == focus)
    sub.add_edges_from((u, v, key, data) for u, v, key, data in view.edges(distances, keys=True, data=True)
                       if v in distances and min(distances[u], distances[v]) < depth)
    return sub


def neighbourhood(graph: Graph | GraphRecords, name: str, *, depth: int = 1, cls: str | None = None) -> pd.DataFrame:
    """The relations around the entity named ``name`` (label or alias), up to ``depth`` steps away.

    The relations are those :func:`neighbourhood_graph` follows: at depth 1,
    the entity's own relations; at depth 2, also those of its neighbours.

    Returns
    -------
    pandas.DataFrame
        Columns ``hops`` (1 for the entity's own relations, 2 for its
        neighbours' …), ``subject``, ``relation``, ``object``,
        ``subject_class``, ``object_class``; nearest first.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> neighbourhood(example_graph(), "日立制作所")[["hops", "subject", "relation", "object"]].values.tolist()
    [[1, '日立制作所', 'established', '日立大连有限公司'], [1, '日立制作所', 'investedIn', '日立大连有限公司']]
    >>> neighbourhood(example_graph(), "日立制作所", depth=2)[["hops", "relation", "object"]].values.tolist()
    [[1, 'established', '日立大连有限公司'], [1, 'investedIn', '日立大连有限公司'], [2, 'locatedIn', '大连经济技术开发区']]
    """
    sub = neighbourhood_graph(graph, name, depth=depth, cls=cls)
    rows = [
        {"hops": min(sub.nodes[u]["hops"], sub.nodes[v]["hops"]) + 1,
         "subject": sub.nodes[u]["label"], "relation": rel, "object": sub.nodes[v]["label"],
         "subject_class": sub.nodes[u]["class"], "object_class": sub.nodes[v]["class"]}
        for u, v, rel in sub.edges(keys=True)
    ]
    frame = pd.DataFrame(rows, columns=["hops", "subject", "relation", "object", "subject_class", "object_class"])
    return frame.sort_values(["hops", "subject", "relation", "object"], ignore_index=True)


def partners(graph: Graph | GraphRecords, *, cls: str = "City", home: str = "China", away: str = "Japan",
             **side_options: object) -> pd.DataFrame:
    """Each ``home``-side entity of class ``cls`` and its ``away``-side partners.

    A partner is an ``away``-side entity related (in either direction, by any
    relation but ``locatedIn``) to the city itself or to anything located in
    it, transitively (its zones, districts, companies …), named in ``via``.
    Sides come from :func:`kg.analysis.entity_sides` (keyword options go there).

    Returns
    -------
    pandas.DataFrame
        Columns ``city`` (the ``cls`` entity), ``via``, ``relation``,
        ``direction`` (``→`` from the city's side, ``←`` towards it, ``↔``
        symmetric), ``partner``, ``partner_class``; sorted by city.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = partners(example_graph())
    >>> table[["city", "via", "relation", "direction", "partner"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['大连', '大连', 'sisterCityOf', '↔', '北九州市'], ['大连', '日立大连有限公司', 'established', '←', '日立制作所'],
     ['大连', '日立大连有限公司', 'investedIn', '←', '日立制作所']]
    """
    records = records_of(graph)
    view = to_networkx(records)
    sides = entity_sides(records, **side_options)  # type: ignore[arg-type]
    children: dict[URIRef, list[URIRef]] = {}
    for u, v, rel in view.edges(keys=True):
        if rel == "locatedIn":
            children.setdefault(v, []).append(u)
    rows = []
    for city, data in view.nodes(data=True):
        if data["class"] != cls or sides[city].side != home:
            continue
        members, queue = {city}, deque([city])
        while queue:
            for child in children.get(queue.popleft(), ()):
                if child not in members:
                    members.add(child)
                    queue.append(child)
        for member in members:
            edges = [(u, v, rel, v, "→") for u, v, rel in view.out_edges(member, keys=True)]
            edges += [(u, v, rel, u, "←") for u, v, rel in view.in_edges(member, keys=True)]
            for _, _, rel, other, arrow in edges:
                if rel == "locatedIn" or sides[other].side != away:
                    continue
                rows.append({"city": data["label"], "via": view.nodes[member]["label"], "relation": rel,
                             "direction": "↔" if rel in SYMMETRIC_PROPERTIES else arrow,
                             "partner": view.nodes[other]["label"], "partner_class": view.nodes[other]["class"]})
    frame = pd.DataFrame(rows, columns=["city", "via", "relation", "direction", "partner", "partner_class"])
    frame = frame.drop_duplicates(ignore_index=True)
    frame["_direct"] = frame["via"] != frame["city"]
    return frame.sort_values(["city", "_direct", "via", "relation", "partner"], ignore_index=True).drop(columns="_direct")
