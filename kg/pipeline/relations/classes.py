"""The sets of entity classes the relation rules read (who acts, what is visited …)."""

from __future__ import annotations

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES, PLACE_RANK

__all__ = ["AGENTS", "BODIES_AND_PLACES", "ORGS_AND_ZONES", "PLACES_BUT_ZONES", "RANK", "VISITED", "VISITORS"]

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
