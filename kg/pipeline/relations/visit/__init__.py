"""``visited``: who goes where (赴, 来到, 拜访, 考察; 来访, 访华; 会见 a guest …).

A visit is read as a *frame*: where the cue is, what is visited, and who visits, each
visitor tagged with where it came from. Each source of a visitor is a rule:

* ``named_visitor``: named before the cue in its clause (沈阳市经贸代表团赴日本); a party
  committee or a government stands for the place it governs (盐城市委书记X率团 → 盐城);
* ``delegation_origin``: the body or place a delegation is named after (大连市贸促会代表团 →
  大连市贸促会; 日本冲绳县友好代表团 → 冲绳县; 市政府代表团 → the home city); a bare 代表团
  referring back is the delegation and who sent it (SCHEMA convention 3), and 代表团一行 (the
  travelling group) its leader too;
* ``leader``: who leads a delegation (X率D, 由X率领的D, 以X为团长的D) visits with it, and it
  with them (not the place of their post: 三条市市长X率团来我市 is X's visit, 三条市 is no visitor);
* ``pronoun``, ``carried_visitor``: 他; the visitors of the clause or sentence before (in the
  paragraph, else the trip so far). (No visitor at all is no visit by the article's home city:
  先后拜访了… on real news is said of guests or of someone named far before; 0 of 3 right.)

Besides the cues followed by what is visited (VISITOR 赴/访问/拜访 X、Y, 访日, 来我市),
``incoming`` reads visits with no object (X一行来访, 对X的到来表示欢迎, 会见了来访的X):
the guests visited where they are received (在P, the host's place, the home city), or the
bodies of a host who stands for a company or an organization (``host_body``);
``received`` reads HOST 会见 GUEST (the guest visited the host's place, unless the host is
on a trip himself); ``during`` reads what a trip's visitors do on the way (出席在P举行的…,
代表团在P举办…, 结束对X的访问后).

Modules: :mod:`.visitors` (who leads, sent or stands for a visitor), :mod:`.named` (who is named
before a cue), :mod:`.objects` (what is visited), :mod:`.frames` (the visits of a sentence),
:mod:`.rules` (the ``visited.*`` rules, in registry order).
"""

from __future__ import annotations

from .visitors import FAMILIES, expand, governed_place, is_delegation, leaders, place_of_body, posts
from .named import named_before
from .frames import Visit, frames
from .welcome import thanked
from .rules import (carried_visitor, delegation_origin, during, event_abroad, host_body, incoming, leader,
                    members, named_visitor, place_chain, pronoun, received)
from .abroad import signed_abroad
from .bound import bound_for


__all__ = ["FAMILIES", "Visit", "bound_for", "carried_visitor", "delegation_origin", "during", "expand", "frames",
           "governed_place", "host_body", "incoming", "is_delegation", "leader", "leaders", "members",
           "event_abroad", "named_before", "named_visitor", "place_chain", "place_of_body", "posts", "pronoun", "received", "signed_abroad",
           "thanked"]
