"""The bodies a host who welcomes guests stands for (陈坚代表江南大学对…的来访表示欢迎; 促进会会长甲…对…的到来表示欢迎)."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ..base import Sentence
from ..lexicon import reads

#: The bodies a host may receive guests in on their own (a government or a place receives for its place).
_HOST_BODIES = frozenset({"Organization", "Company"})

reads("host_bodies", "welcome_markers")


def host_bodies(s: Sentence, hosts: list[Mention], guests: list[Mention]) -> list[EntityKey]:
    """Where guests welcomed by a host are received when the host stands for a company or an organization:
    the bodies of the posts of the hosts (those who 会见; else the person named last before the 对/向 that
    opens the guests, in the sentence), when none of them holds a post in a government or a place (a
    mayor receives for the city); not a body a guest holds a post in."""
    view = s.view
    if not hosts and guests:
        at = max(s.text.rfind(w, s.start, guests[0].start) for w in s.lex["welcome_markers"])
        host = next((m for m in reversed(s.mentions) if m.end <= at and m.key.label == "Person"), None)
        hosts = [host] if at >= 0 and host is not None and host not in guests else []
    posts = [r.object for h in hosts for r in view.relations
             if r.subject == h.key and r.predicate == "affiliatedWith"]
    if not posts or any(p.label not in _HOST_BODIES for p in posts):
        return []
    theirs = {r.object for g in guests for r in view.relations
              if r.subject == g.key and r.predicate == "affiliatedWith"}
    return [p for p in dict.fromkeys(posts) if p not in theirs and p.label not in PLACE_CLASSES]
