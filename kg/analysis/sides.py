"""Which side of China–Japan cooperation an entity is on.

The side of an entity is read from the graph first:

1. a ``cj:Country`` whose label or alias is one of a side's country names
   (:data:`DEFAULT_SIDES`) is on that side (basis ``"country"``);
2. anything else is on the side of the nearest such country it is
   ``cj:locatedIn``, transitively (basis ``"locatedIn"``).

Only where the graph says nothing do name cues decide (basis ``"name"``), in
this order: the earliest label of a sided place or country inside the entity's
name (苏州港华燃气有限公司 → 苏州 → China), then the legal-form suffixes of
:data:`DEFAULT_NAME_CUES` (株式会社 → Japan, 有限公司 → China). They are tried
first on entities that are not ``cj:locatedIn`` anything; what is located in
an entity sided by name gets that side (basis ``"locatedIn"``, ``via`` naming
the place); only then are name cues tried on what is still unknown. Persons and events get no side from
the places they are affiliated with or held in: a side is a location.
Everything else stays unknown (``side`` is ``None``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Final, NamedTuple

import pandas as pd
from rdflib import URIRef

from ..graphread import Entity
from ..rdf import normalize_name
from ._index import GraphLike, records_of

__all__ = [
    "DEFAULT_NAME_CUES",
    "DEFAULT_SIDES",
    "SideInfo",
    "entity_sides",
    "side_table",
]

log = logging.getLogger(__name__)

#: The two sides and the names of their country entity.
DEFAULT_SIDES: Final[Mapping[str, tuple[str, ...]]] = {
    "China": ("中国", "中华人民共和国"),
    "Japan": ("日本",),
}

#: Legal-form cues in a name, tried in order, for entities the graph does not place.
DEFAULT_NAME_CUES: Final[tuple[tuple[str, str], ...]] = (
    ("株式会社", "Japan"),
    ("合同会社", "Japan"),
    ("制作所", "Japan"),
    ("有限公司", "China"),
)


class SideInfo(NamedTuple):
    """The side of one entity, what decided it (``basis``) and through what (``via``)."""

    side: str | None
    basis: str | None = None
    via: str | None = None


def entity_sides(
    graph: GraphLike,
    *,
    sides: Mapping[str, Sequence[str]] = DEFAULT_SIDES,
    name_cues: Sequence[tuple[str, str]] = DEFAULT_NAME_CUES,
) -> dict[URIRef, SideInfo]:
    """The side of every entity of ``graph`` (see the module's docstring for the rules).

    Parameters
    ----------
    graph : rdflib.Graph
        The graph of record (or its :func:`kg.graphread.graph_records`).
    sides : mapping of str to sequence of str, optional
        Side name → labels of its country entity.
    name_cues : sequence of (str, str), optional
        ``(substring, side)`` pairs tried in order on names the graph does not place;
        pass ``()`` to rely on the graph alone.

    Returns
    -------
    dict of rdflib.URIRef to SideInfo
        One entry per entity; unknown sides are ``SideInfo(None)``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> from kg.analysis import find_entity
    >>> graph = example_graph()
    >>> found = entity_sides(graph)
    >>> found[find_entity(graph, "北九州市")]
    SideInfo(side='Japan', basis='locatedIn', via='日本')
    >>> found[find_entity(graph, "日立制作所")]
    SideInfo(side='Japan', basis='name', via='制作所')
    >>> found[find_entity(graph, "李明")]
    SideInfo(side=None, basis=None, via=None)
    """
    records = records_of(graph)
    index = records.entities
    parents: dict[URIRef, list[URIRef]] = {}
    for subject, relation, obj in records.triples:
        if relation == "locatedIn":
            parents.setdefault(subject, []).append(obj)
    wanted = {normalize_name(name): side for side, names in sides.items() for name in names}
    result: dict[URIRef, SideInfo] = {}
    for info in index.values():
        if info.cls == "Country":
            side = next((wanted[n] for n in map(normalize_name, (info.label, *info.aliases)) if n in wanted), None)
            if side is not None:
                result[info.iri] = SideInfo(side, "country", info.label)
    _propagate(index, parents, result)
    # Name cues first for what the graph does not place at all, so that things located in
    # those places inherit their side; then for whatever is still unknown.
    for roots_only in (True, False):
        named = {iri: _side_by_name(info, index, result, name_cues) for iri, info in index.items()
                 if iri not in result and not (roots_only and parents.get(iri))}
        result.update({iri: side for iri, side in named.items() if side.side is not None})
        _propagate(index, parents, result)
    return {iri: result.get(iri, SideInfo(None)) for iri in index}


def _propagate(index: Mapping[URIRef, Entity], parents: Mapping[URIRef, list[URIRef]],
               result: dict[URIRef, SideInfo]) -> None:
    """Give every unsided entity the side of the nearest sided place it is located in.

    Only entities sided before this pass are anchors, so ``via`` does not depend on order.
    """
    anchors = dict(result)
    for iri in sorted(index):
        if iri in anchors:
            continue
        seen, queue, found = {iri}, deque([(iri, 0)]), {}
        depth_found = None
        while queue:
            node, depth = queue.popleft()
            if depth_found is not None and depth > depth_found:
                break
            if node != iri and node in anchors:
                found.setdefault(anchors[node].side, node)
                depth_found = depth
                continue
            for parent in parents.get(node, ()):
                if parent not in seen:
                    seen.add(parent)
                    queue.append((parent, depth + 1))
        if len(found) == 1:
            side, via = next(iter(found.items()))
            result[iri] = SideInfo(side, "locatedIn", index[via].label)
        elif len(found) > 1:
            log.info("%s is located in places of both sides (%s); side left unknown", index[iri].label, found)


def _side_by_name(info: Entity, index: Mapping[URIRef, Entity], sided: Mapping[URIRef, SideInfo],
                  name_cues: Sequence[tuple[str, str]]) -> SideInfo:
    if info.cls == "Person" or info.cls == "Event":
        return SideInfo(None)
    name = normalize_name(info.label)
    best: tuple[int, int, str, str] | None = None  # (position, -length, label, side)
    for iri, side in sided.items():
        place = index[iri]
        if place.cls not in {"Country", "Region", "City", "District"}:
            continue
        for label in (place.label, *place.aliases):
            norm = normalize_name(label)
            position = name.find(norm) if len(norm) >= 2 else -1
            if position >= 0:
                candidate = (position, -len(norm), place.label, side.side)
                best = candidate if best is None or candidate < best else best
    if best is not None:
        return SideInfo(best[3], "name", best[2])
    for cue, side in name_cues:
        if cue in name:
            return SideInfo(side, "name", cue)
    return SideInfo(None)


def side_table(graph: GraphLike, **options: object) -> pd.DataFrame:
    """Every entity with its side: columns ``label``, ``class``, ``side``, ``basis``, ``via``.

    Keyword options are passed to :func:`entity_sides`.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> table = side_table(example_graph())
    >>> table.loc[table.label.isin(["日立大连有限公司", "大连船舶重工有限公司"]), ["label", "side", "basis", "via"]].values.tolist()
    [['大连船舶重工有限公司', 'China', 'name', '大连'], ['日立大连有限公司', 'China', 'locatedIn', '中国']]
    """
    records = records_of(graph)
    index = records.entities
    rows = [
        {"label": index[iri].label, "class": index[iri].cls, "side": info.side, "basis": info.basis, "via": info.via}
        for iri, info in entity_sides(records, **options).items()  # type: ignore[arg-type]
    ]
    return pd.DataFrame(rows, columns=["label", "class", "side", "basis", "via"]).sort_values(
        ["side", "class", "label"], na_position="last", ignore_index=True)
