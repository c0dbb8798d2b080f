"""The sets of entity classes the relation rules read (who acts, what is visited …)."""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK

__all__ = ["AGENTS", "BODIES_AND_PLACES", "DOMAINS", "ORGS_AND_ZONES", "PLACES_BUT_ZONES", "RANK", "VISITED", "VISITORS",
           "in_domain"]

#: Who acts: bodies, places and people.
AGENTS = ORGANIZATION_CLASSES | PLACE_CLASSES | {"Person"}
#: Who acts, but no person.
BODIES_AND_PLACES = ORGANIZATION_CLASSES | PLACE_CLASSES
#: What is visited: places and bodies.
VISITED = ORGANIZATION_CLASSES | PLACE_CLASSES
#: Who visits: people, bodies and places that send delegations (no country).
VISITORS = (ORGANIZATION_CLASSES | PLACE_CLASSES | {"Person"}) - {"Country"}
#: What is set up: bodies and zones.
ORGS_AND_ZONES = ORGANIZATION_CLASSES | {"Zone"}
PLACES_BUT_ZONES = PLACE_CLASSES - {"Zone"}
RANK = PLACE_RANK
#: The classes of subject and object SCHEMA.md allows each predicate (absent: any): an event is
#: heldIn a place, never locatedIn one (华东地区日商俱乐部恳谈会是扎根上海…的交流机制).
DOMAINS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "locatedIn": (ORGANIZATION_CLASSES | PLACE_CLASSES - {"Country"}, PLACE_CLASSES),
    "heldIn": (frozenset({"Event"}), PLACE_CLASSES),
    "organizedBy": (frozenset({"Event"}), ORGANIZATION_CLASSES | PLACE_CLASSES),
    "affiliatedWith": (frozenset({"Person"}), ORGANIZATION_CLASSES | PLACE_CLASSES),
    "participatedIn": (AGENTS, frozenset({"Event"})),
}


def in_domain(predicate: str, subject_label: str, object_label: str) -> bool:
    """``subject_label predicate object_label`` is a fact SCHEMA.md allows.

    >>> in_domain("locatedIn", "Event", "City"), in_domain("heldIn", "Event", "City")
    (False, True)
    >>> in_domain("visited", "City", "Company")
    True
    """
    allowed = DOMAINS.get(predicate)
    return allowed is None or subject_label in allowed[0] and object_label in allowed[1]
