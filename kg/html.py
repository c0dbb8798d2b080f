"""The interactive HTML view of the graph: one self-contained page that works offline.

The rdflib graph stays the graph of record. :func:`graph_to_view` derives a
typed, JSON-ready :class:`ViewData` from it (a pure function: entities become
nodes, the plain ``S cj:p O`` relation triples become edges, and the
``cj:RelationMention`` nodes supply each edge's evidence: sentence, source,
method, rule, amount, date). It reads the graph through
:func:`kg.graphread.graph_records`, as ``kg.analysis`` and ``kg eval`` do, so
all three agree on each entity's label (``@zh`` first), class (the most
specific) and aliases.
:func:`render_html` puts that data into the page template under
``kg/assets/``, together with the vis-network script that ships inside the
pyvis package, so the page loads nothing from the network. The page's own
script builds every tooltip and panel from the data with ``textContent``:
article text is never parsed as markup.

>>> from rdflib import Graph, Literal
>>> from kg.ontology import CJ, RDF, RDFS
>>> from kg.rdf import entity_iri
>>> from kg.records import EntityKey
>>> g = Graph()
>>> a, b = (entity_iri(EntityKey(name, "City")) for name in ("大连", "北九州市"))
>>> for node, name in ((a, "大连"), (b, "北九州市")):
...     _ = g.add((node, RDF.type, CJ.City)).add((node, RDFS.label, Literal(name, lang="zh")))
>>> _ = g.add((a, CJ.sisterCityOf, b))
>>> view = graph_to_view(g)
>>> [(n.label, n.cls, n.degree) for n in view.nodes]
[('北九州市', 'City', 1), ('大连', 'City', 1)]
>>> [(e.relation, e.directed) for e in view.edges]
[('sisterCityOf', False)]
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import logging
import math
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from rdflib import Graph, Literal, URIRef

from .errors import EntityNotFoundError, MissingAssetError
from .graphread import Entity, GraphRecords, Triple, graph_records
from .ontology import ENTITY_CLASSES, RDFS, RELATION_PROPERTIES, SYMMETRIC_PROPERTIES, load_ontology
from .outputs import atomic_write
from .rdf import normalize_name, read_graph

__all__ = [
    "CLASS_COLORS",
    "ClassStyle",
    "Evidence",
    "FLUID_NODES",
    "RelationStyle",
    "SEED_POSITIONS_ABOVE",
    "ViewData",
    "ViewEdge",
    "ViewNode",
    "graph_to_view",
    "layout_options",
    "load_graph",
    "node_size",
    "render_html",
    "edge_years",
    "seed_positions",
    "time_payload",
    "view_payload",
    "write_html",
]

log = logging.getLogger(__name__)

#: Fill colour of each entity class: warm hues for places, blues for bodies.
CLASS_COLORS: Final[Mapping[str, str]] = {
    "Country": "#c0392b",
    "Region": "#e67e22",
    "City": "#d4a017",
    "District": "#8d6e63",
    "Zone": "#16a085",
    "Company": "#2e86de",
    "GovernmentBody": "#1f3a93",
    "Organization": "#48b1d8",
    "Person": "#8e44ad",
    "Event": "#e84393",
}

#: vis-network build shipped inside the pyvis package (pinned in setup.cfg).
_VIS_JS: Final = ("lib", "vis-9.1.2", "vis-network.min.js")
_TEMPLATE: Final = "graph_template.html"
_SCRIPT: Final = "graph_view.js"
_STYLE: Final = "graph_view.css"
#: Views with more nodes than this start from :func:`seed_positions` instead of vis-network's own layout.
SEED_POSITIONS_ABOVE: Final = 1000
#: About the largest view that pans smoothly (measured: ~50 ms a frame at 3,000 nodes in software rendering).
FLUID_NODES: Final = 5000
_GOLDEN_ANGLE: Final = math.pi * (3 - math.sqrt(5))
_RELATION_ORDER: Final = {name: i for i, name in enumerate(RELATION_PROPERTIES)}


# ----------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why the graph holds an edge: one ``cj:RelationMention``."""

    sentence: str
    documents: tuple[str, ...] = ()
    method: str | None = None
    rule: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    date: str | None = None
    job_title: str | None = None


@dataclass(frozen=True, slots=True)
class ViewNode:
    """An entity drawn as a node; ``degree`` counts its relation edges in the whole graph.

    ``x`` and ``y`` are a starting position, set in views of more than
    :data:`SEED_POSITIONS_ABOVE` nodes (see :func:`seed_positions`).
    """

    id: int
    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...]
    job_titles: tuple[str, ...]
    degree: int
    size: float
    color: str
    distance: int | None = None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, slots=True)
class ViewEdge:
    """One relation triple ``source cj:relation target`` (one edge for both directions of a symmetric one)."""

    id: int
    source: int
    target: int
    relation: str
    directed: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """A legend entry: an entity class with its labels, colour and number of nodes shown."""

    name: str
    label_zh: str
    label_en: str
    color: str
    count: int


@dataclass(frozen=True, slots=True)
class RelationStyle:
    """A relation filter entry: labels from ``ontology.ttl``, direction and number of edges shown."""

    name: str
    label_zh: str
    label_en: str
    directed: bool
    count: int


@dataclass(frozen=True, slots=True)
class ViewData:
    """What the page shows: nodes and edges plus legend data and how much was left out."""

    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    classes: tuple[ClassStyle, ...]
    relations: tuple[RelationStyle, ...]
    total_entities: int
    total_edges: int
    focus: tuple[int, ...] = ()
    depth: int | None = None
    max_nodes: int | None = None

    @property
    def truncated(self) -> bool:
        """Whether entities of the graph are missing from the view."""
        return len(self.nodes) < self.total_entities


# ------------------------------------------------------------------ graph → view


def node_size(degree: int) -> float:
    """Radius of a node with ``degree`` relations: grows with the square root, capped.

    >>> node_size(0), node_size(4), node_size(10_000)
    (10.0, 20.0, 46.0)
    """
    return round(min(10.0 + 5.0 * math.sqrt(degree), 46.0), 2)


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, tuple[str, str]]:
    """``{local name: (zh label, en label)}`` for every class and relation in ``ontology.ttl``."""
    onto = load_ontology()
    labels: dict[str, tuple[str, str]] = {}
    for name, iri in (*ENTITY_CLASSES.items(), *RELATION_PROPERTIES.items()):
        zh = en = name
        for label in onto.objects(iri, RDFS.label):
            if isinstance(label, Literal) and label.language == "zh":
                zh = str(label)
            elif isinstance(label, Literal) and label.language == "en":
                en = str(label)
        labels[name] = (zh, en)
    return labels


def _edge_key(subject: URIRef, relation: str, obj: URIRef) -> Triple:
    """The same key for both directions of a symmetric relation."""
    if relation in SYMMETRIC_PROPERTIES and str(obj) < str(subject):
        return obj, relation, subject
    return subject, relation, obj


def _evidence_index(records: GraphRecords) -> dict[Triple, list[Evidence]]:
    index: dict[Triple, list[Evidence]] = defaultdict(list)
    for mention in records.relation_mentions:
        index[_edge_key(*mention.triple)].append(Evidence(
            sentence=mention.evidence,
            documents=tuple(sorted(mention.sources)),
            method=mention.method,
            rule=mention.rule,
            amount=mention.amount,
            currency=mention.currency,
            date=mention.date,
            job_title=mention.job_title,
        ))
    return index


def _evidence_sort_key(ev: Evidence) -> tuple[str, ...]:
    return (ev.documents[0] if ev.documents else "", ev.sentence, ev.method or "", ev.rule or "", str(ev.amount or ""),
            ev.currency or "")


def _relation_triples(records: GraphRecords, entities: Mapping[URIRef, Entity]) -> list[Triple]:
    """The relation triples between typed entities, a symmetric one once (as stated, or the first of both ways)."""
    triples: dict[Triple, Triple] = {}
    for subject, relation, obj in records.triples:  # sorted: of both ways, the smaller subject first
        if subject in entities and obj in entities:
            triples.setdefault(_edge_key(subject, relation, obj), (subject, relation, obj))
        else:
            log.debug("skipping %s %s %s: an end is not a typed entity", subject, relation, obj)
    return sorted(triples.values(), key=lambda t: (str(t[0]), _RELATION_ORDER[t[1]], str(t[2])))


def _match_focus(entities: Mapping[URIRef, Entity], name: str) -> list[URIRef]:
    wanted = normalize_name(name)
    hits = [iri for iri, ent in entities.items()
            if str(iri) == name or wanted in {normalize_name(n) for n in (ent.label, *ent.aliases)}]
    if not hits:
        close = sorted({ent.label for ent in entities.values()
                        if wanted and any(wanted in normalize_name(n) for n in (ent.label, *ent.aliases))})
        raise EntityNotFoundError(name, suggestions=tuple(close[:5]))
    return sorted(hits, key=str)


def _distances(starts: Iterable[URIRef], adjacency: Mapping[URIRef, set[URIRef]], depth: int) -> dict[URIRef, int]:
    dist = {start: 0 for start in starts}
    queue = deque(dist)
    while queue:
        node = queue.popleft()
        if dist[node] >= depth:
            continue
        for other in sorted(adjacency.get(node, ()), key=str):
            if other not in dist:
                dist[other] = dist[node] + 1
                queue.append(other)
    return dist


def graph_to_view(
    graph: Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
) -> ViewData:
    """Derive the data of the interactive view from ``graph`` (pure: ``graph`` is not changed).

    Parameters
    ----------
    graph
        The graph of record. Nodes are the subjects typed with one of the
        ``cj:`` entity classes; edges are the plain triples of the 11 relation
        properties between two such entities, one edge per direction (one per
        pair for the symmetric ``signedWith``, ``cooperatesWith``, ``sisterCityOf``).
    focus
        A label, alias or IRI: keep only the entities within ``depth`` relations
        of the entities it names (all of them, if several share the name).
    depth
        How many relations away from ``focus`` to go (0 keeps the focus alone).
    max_nodes
        Keep at most this many entities: the focus and the nearest first, then
        the most connected (degree in the whole graph), then by label.

    Returns
    -------
    ViewData
        Nodes ordered by degree (most connected first), then label; node ids
        are their positions. Each edge carries the evidence of the
        ``cj:RelationMention`` nodes that reify it.

    Raises
    ------
    EntityNotFoundError
        If no entity has ``focus`` as label or alias.
    ValueError
        If ``depth`` is negative or ``max_nodes`` is smaller than 1.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, got {depth}")
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, got {max_nodes}")
    records = graph_records(graph)
    entities = {iri: entity for iri, entity in records.entities.items() if entity.cls is not None}
    triples = _relation_triples(records, entities)
    degree: dict[URIRef, int] = defaultdict(int)
    adjacency: dict[URIRef, set[URIRef]] = defaultdict(set)
    for subject, _, obj in triples:
        degree[subject] += 1
        if obj != subject:
            degree[obj] += 1
        adjacency[subject].add(obj)
        adjacency[obj].add(subject)

    distance: dict[URIRef, int] = {}
    keep = list(entities)
    if focus is not None:
        distance = _distances(_match_focus(entities, focus), adjacency, depth)
        keep = list(distance)
    if max_nodes is not None and len(keep) > max_nodes:
        keep.sort(key=lambda iri: (distance.get(iri, 0), -degree[iri], entities[iri].label, str(iri)))
        keep = keep[:max_nodes]
        log.info("showing %d of %d entities (the most connected)", max_nodes, len(entities))
    keep.sort(key=lambda iri: (-degree[iri], entities[iri].label, str(iri)))
    ids = {iri: i for i, iri in enumerate(keep)}

    shown = [t for t in triples if t[0] in ids and t[2] in ids]
    shown.sort(key=lambda t: (ids[t[0]], _RELATION_ORDER[t[1]], ids[t[2]]))
    positions: dict[int, tuple[float, float]] = {}
    if len(keep) > SEED_POSITIONS_ABOVE:
        positions = seed_positions(len(keep), [(ids[s], ids[o]) for s, _, o in shown])
    nodes = tuple(
        ViewNode(
            id=ids[iri], iri=str(iri), label=entities[iri].label, cls=entities[iri].cls,
            aliases=entities[iri].aliases, job_titles=entities[iri].job_titles, degree=degree[iri],
            size=node_size(degree[iri]), color=CLASS_COLORS[entities[iri].cls], distance=distance.get(iri),
            x=positions[ids[iri]][0] if positions else None, y=positions[ids[iri]][1] if positions else None,
        )
        for iri in keep
    )
    evidence = _evidence_index(records)
    edges = tuple(
        ViewEdge(
            id=i, source=ids[s], target=ids[o], relation=rel, directed=rel not in SYMMETRIC_PROPERTIES,
            evidence=tuple(sorted(set(evidence.get(_edge_key(s, rel, o), ())), key=_evidence_sort_key)),
        )
        for i, (s, rel, o) in enumerate(shown)
    )

    labels = _ontology_labels()
    class_counts = _count(n.cls for n in nodes)
    relation_counts = _count(e.relation for e in edges)
    classes = tuple(
        ClassStyle(name, *labels[name], CLASS_COLORS[name], class_counts[name])
        for name in ENTITY_CLASSES if class_counts.get(name)
    )
    relations = tuple(
        RelationStyle(name, *labels[name], name not in SYMMETRIC_PROPERTIES, relation_counts[name])
        for name in RELATION_PROPERTIES if relation_counts.get(name)
    )
    return ViewData(
        nodes=nodes, edges=edges, classes=classes, relations=relations,
        total_entities=len(entities), total_edges=len(triples),
        focus=tuple(sorted(ids[iri] for iri, d in distance.items() if d == 0 and iri in ids)),
        depth=depth if focus is not None else None, max_nodes=max_nodes,
    )


def _count(names: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for name in names:
        counts[name] += 1
    return counts


# ------------------------------------------------------------------ view → page


def seed_positions(node_count: int, edges: Iterable[tuple[int, int]], *,
                   spacing: float = 40.0) -> dict[int, tuple[float, float]]:
    """Starting positions that keep neighbours together, in time linear in the graph's size.

    vis-network starts a big graph from a circle of radius about the node
    count and needs hundreds of slow iterations to gather it; this starts it
    close to a finished layout. Nodes are ``0 .. node_count - 1``, most
    connected first. Each connected component becomes a breadth-first tree
    from its most connected node; every node's subtrees sit around it on a
    sunflower spiral (largest nearest), each at a distance that grows with the
    square root of the nodes placed so far, so a subtree of ``k`` nodes takes
    an area of about ``k * spacing**2``. Components are arranged the same way
    around the origin, the largest in the middle.

    >>> pos = seed_positions(5, [(0, 1), (0, 2), (0, 3)])
    >>> len(set(pos.values())), max(abs(c) for xy in pos.values() for c in xy) < 200
    (5, True)
    """
    adjacency: list[list[int]] = [[] for _ in range(node_count)]
    for a, b in edges:
        if a != b:
            adjacency[a].append(b)
            adjacency[b].append(a)
    top = node_count  # a virtual root whose children are the components
    children: list[list[int]] = [[] for _ in range(node_count + 1)]
    seen = [False] * node_count
    order: list[int] = []
    for root in range(node_count):
        if seen[root]:
            continue
        seen[root] = True
        children[top].append(root)
        queue = deque([root])
        while queue:
            node = queue.popleft()
            order.append(node)
            for other in adjacency[node]:
                if not seen[other]:
                    seen[other] = True
                    children[node].append(other)
                    queue.append(other)
    size = [1] * (node_count + 1)
    for node in reversed(order):
        for child in children[node]:
            size[node] += size[child]
    positions = {top: (0.0, 0.0)}
    stack = [top]
    while stack:
        node = stack.pop()
        px, py = positions[node]
        placed = 0 if node == top else 1
        phase = (node * 2.4) % (2 * math.pi)  # turn each node's spiral differently
        for k, child in enumerate(sorted(children[node], key=lambda c: (-size[c], c))):
            inner, placed = placed, placed + size[child]
            r = spacing * (math.sqrt(placed) + math.sqrt(inner)) / 2  # the middle of the child's ring
            angle = phase + k * _GOLDEN_ANGLE
            positions[child] = (px + r * math.cos(angle), py + r * math.sin(angle))
            stack.append(child)
    del positions[top]
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}


def layout_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network physics and interaction settings that keep a graph of this size fluid.

    Up to 150 nodes: vis-network's ``improvedLayout`` and 600 iterations.
    Up to :data:`SEED_POSITIONS_ABOVE` nodes: no ``improvedLayout`` (its
    Kamada–Kawai pass is quadratic), a coarser Barnes–Hut approximation
    (``theta``) and 200 iterations. Beyond: the nodes come with
    :func:`seed_positions`, and physics only relaxes them gently for 25
    iterations (none above 5,000 nodes, where each iteration costs too much);
    edges are hidden while dragging or zooming, and arrowheads are drawn only
    once zoomed in far enough to see them. The page turns physics off
    once the layout is stable, so panning and dragging stay smooth.

    >>> [layout_options(n, n)["physics"]["stabilization"]["iterations"] for n in (10, 300, 3000, 20000)]
    [600, 200, 25, 0]
    """
    small, big = node_count <= 150, node_count > SEED_POSITIONS_ABOVE
    iterations = 600 if small else 25 if big and node_count <= 5000 else 0 if big else 200
    return {
        "layout": {"improvedLayout": small, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "theta": 0.5 if small else 0.9,
                "gravitationalConstant": -90 if small else -30 if big else -80,
                "centralGravity": 0.0 if big else 0.01,
                "springLength": 140 if small else 80 if big else 110,
                "springConstant": 0.08,
                "damping": 0.5 if small else 0.6,
                "avoidOverlap": 0.6 if small else 0.0 if big else 0.3,
            },
            "maxVelocity": 8 if big else 60,  # seeded nodes only need to shift a little
            "minVelocity": 0.75 if small else 2.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 10, "fit": True},
        },
        "interaction": {"hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "edgeLabels": edge_count <= 2000,
        # Zoomed out on a big graph, arrowheads are specks that cost most of each frame.
        "arrowsMinScale": 0.4 if big else 0.0,
    }


def _json_for_script(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it sits in, nor break a JS string.

    >>> _json_for_script({"a": "</script><b>&\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _inline_script(source: str) -> str:
    """A third-party script made safe to inline: ``</script`` and ``<!--`` cannot occur in it.

    Both only appear inside string literals, where ``<\\/`` and ``\\x3C`` mean the same.
    """
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE)
    return source.replace("<!--", "\\x3C!--")


def view_payload(view: ViewData, *, title: str) -> dict[str, Any]:
    """The JSON object the page script reads: ``view`` with sentences and file names pooled.

    Evidence sentences are shared by many edges (one sentence often states
    several relations), so they are stored once and referred to by index.
    """
    sentences: dict[str, int] = {}
    documents: dict[str, int] = {}

    def pool(table: dict[str, int], text: str) -> int:
        return table.setdefault(text, len(table))

    def evidence(ev: Evidence) -> dict[str, Any]:
        item: dict[str, Any] = {"s": pool(sentences, ev.sentence), "d": [pool(documents, d) for d in ev.documents]}
        for key, value in (("m", ev.method), ("r", ev.rule), ("c", ev.currency), ("t", ev.date), ("j", ev.job_title)):
            if value:
                item[key] = value
        if ev.amount is not None:
            item["a"] = format(ev.amount.normalize(), "f")
        return item

    nodes = [
        {"id": n.id, "label": n.label, "cls": n.cls, "iri": n.iri, "deg": n.degree, "size": n.size,
         **({"x": n.x, "y": n.y} if n.x is not None else {}),
         **({"alias": list(n.aliases)} if n.aliases else {}),
         **({"job": list(n.job_titles)} if n.job_titles else {})}
        for n in view.nodes
    ]
    edges = [
        {"id": e.id, "from": e.source, "to": e.target, "rel": e.relation, "ev": [evidence(ev) for ev in e.evidence]}
        for e in view.edges
    ]
    return {
        "meta": {
            "title": title,
            "totalEntities": view.total_entities,
            "totalEdges": view.total_edges,
            "focus": list(view.focus),
            "depth": view.depth,
            "maxNodes": view.max_nodes,
            "truncated": view.truncated,
        },
        "classes": [{"name": c.name, "zh": c.label_zh, "en": c.label_en, "color": c.color, "count": c.count}
                    for c in view.classes],
        "relations": [{"name": r.name, "zh": r.label_zh, "en": r.label_en, "directed": r.directed, "count": r.count}
                      for r in view.relations],
        "nodes": nodes,
        "edges": edges,
        "sentences": list(sentences),
        "documents": list(documents),
        "layout": layout_options(len(view.nodes), len(view.edges)),
    }


# ------------------------------------------------------------------ the year filter


def edge_years(graph: Graph, view: ViewData) -> dict[int, tuple[int, ...]]:
    """The years each edge of ``view`` is placed in, by edge id (edges placed in none are left out).

    A relation mention is placed in the year of its own ``cj:date``, else of its
    article's ``dcterms:issued`` (:func:`kg.dating.dated_mentions`); an edge is
    placed in the years of all its mentions.

    >>> from kg.analysis.chronology import example_timeline_graph
    >>> graph = example_timeline_graph()
    >>> view = graph_to_view(graph)
    >>> years = edge_years(graph, view)
    >>> sorted((view.nodes[e.source].label, e.relation, years[e.id]) for e in view.edges if e.relation == "investedIn")
    [('大连船舶重工有限公司', 'investedIn', (2024,)), ('日立制作所', 'investedIn', (2023, 2024))]
    """
    from .dating import dated_mentions

    ids = {URIRef(node.iri): node.id for node in view.nodes}
    edges = {(view.nodes[e.source].iri, e.relation, view.nodes[e.target].iri): e.id for e in view.edges}
    years: dict[int, set[int]] = defaultdict(set)
    for fact in dated_mentions(graph):
        if fact.year is None or fact.subject not in ids or fact.object not in ids:
            continue
        subject, relation, obj = _edge_key(fact.subject, fact.relation, fact.object)
        edge = edges.get((str(subject), relation, str(obj)), edges.get((str(obj), relation, str(subject))))
        if edge is not None:
            years[edge].add(fact.year)
    return {edge: tuple(sorted(found)) for edge, found in sorted(years.items())}


def time_payload(graph: Graph, view: ViewData) -> dict[str, Any]:
    """The data of the page's year filter: ``{"range": [first, last] or None, "edges": {id: [years]}}``.

    Kept apart from :func:`view_payload`: the page reads it from the ``time`` key.
    """
    years = edge_years(graph, view)
    every = [year for found in years.values() for year in found]
    return {"range": [min(every), max(every)] if every else None,
            "edges": {str(edge): list(found) for edge, found in years.items()}}


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    spec = importlib.util.find_spec("pyvis")  # locate without importing (pyvis imports IPython)
    if spec is None or not spec.submodule_search_locations:
        raise MissingAssetError("the pyvis package is not installed; install it with `pip install pyvis==0.3.2`")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_JS)
    if not path.is_file():
        raise MissingAssetError(f"expected vis-network at {path} (shipped with pyvis 0.3.2); "
                                "reinstall it with `pip install --force-reinstall pyvis==0.3.2`")
    return path.read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return resources.files("kg").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(
    graph: Graph,
    *,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int | None = None,
    title: str = "中日合作知识图谱",
    totals: tuple[int, int] | None = None,
) -> str:
    """The interactive page for ``graph`` as one self-contained HTML string.

    Options are those of :func:`graph_to_view`; ``title`` heads the page. ``totals``
    (entities, relations) are those of the whole graph when ``graph`` is only the part
    to show (:func:`kg.store.view_graph`), so that the page says what it leaves out.
    Everything the page uses is inlined (vis-network from pyvis, the page's
    own script and style) and a Content-Security-Policy allows only those
    exact scripts, no network access and no fonts but the installed ones.
    """
    view = graph_to_view(graph, focus=focus, depth=depth, max_nodes=max_nodes)
    if totals is not None:
        import dataclasses

        view = dataclasses.replace(view, total_entities=max(totals[0], view.total_entities),
                                   total_edges=max(totals[1], view.total_edges))
    if len(view.nodes) > FLUID_NODES:
        log.warning("the page shows %d entities; beyond about %d panning gets sluggish: "
                    "`kg html GRAPH.ttl --max-nodes %d` keeps the most connected, --focus NAME one neighbourhood",
                    len(view.nodes), FLUID_NODES, FLUID_NODES)
    payload = view_payload(view, title=title)
    payload["time"] = time_payload(graph, view)  # the year filter's data (see time_payload)
    data = _json_for_script(payload)
    vis_js = _inline_script(_vis_network_js())
    page_js = _inline_script(_asset(_SCRIPT))
    parts = {
        "title": html.escape(title),
        "style": _asset(_STYLE).replace("</", "<\\/"),
        "vis_js": vis_js,
        "page_js": page_js,
        "data": data,
        "csp": f"default-src 'none'; script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; "
               "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
               "connect-src 'none'; base-uri 'none'; form-action 'none'",
    }
    # One pass over the template only, so text inside the inlined parts is never rescanned.
    return re.sub(r"\{\{ *(\w+) *\}\}", lambda m: parts[m.group(1)], _asset(_TEMPLATE))


def write_html(graph: Graph, path: str | Path, **opts: Any) -> Path:
    """Write :func:`render_html` of ``graph`` to ``path`` atomically and return the path."""
    path = Path(path)
    page = render_html(graph, **opts)
    with atomic_write(path) as handle:
        handle.write(page)
    log.info("wrote %s (%d KiB)", path, len(page.encode("utf-8")) // 1024)
    return path


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file (Turtle, or any format rdflib guesses from the suffix).

    Raises
    ------
    InputError
        If the file is missing or is not valid RDF (see :func:`kg.rdf.read_graph`).
    """
    return read_graph(path)
