"""Where a visitor is at home: the places a place lies in, the places of the document, where a body's name
places it, and the places a person holds a post in (none of which they visit)."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ....records import EntityKey
from ..base import Sentence
from ..lexicon import reads

def _places_of(s: Sentence) -> list[EntityKey]:
    """The places of the document but countries (a post is in a city or a region)."""
    view = s.view
    return view.memo(_places_of, lambda: [k for k in view.entities if k.label in PLACE_CLASSES - {"Country"}])


def _named_at(s: Sentence, body: str, place: str) -> bool:
    """The body's name places it at ``place``: the place opens it (after a country: 日本大连…), stands in
    brackets (日本电产(大连)有限公司) or comes before a branch (日本贸易振兴机构大连代表处), not only in it
    (富山县辽宁联谊会 sits in 富山县)."""
    lex = s.lex
    if body.startswith(place) or any(body.startswith(c + place) for c in lex["post_country_prefixes"]):
        return True
    if any(o + place in body for o in lex["name_brackets"]):
        return True
    at = body.find(place)
    return at > 0 and body.startswith(lex["branch_place_suffixes"], at + len(place))


def place_chain(s: Sentence, key: EntityKey | None) -> list[EntityKey]:
    """A place and the places it lies in, as the lists or the text (locatedIn so far: 日本东京) have it."""
    out: list[EntityKey] = []
    while key is not None and len(out) < 7:
        out.append(key)
        if key.label == "Country":
            break
        parent = s.view.parents.get(key) or (s.view.gazetteer.parent(key) if s.view.gazetteer is not None else None)
        if parent is None:
            parent = next((r.object for r in s.view.relations if r.subject == key and r.predicate == "locatedIn"
                           and r.object.label in PLACE_CLASSES), None)
        key = parent
    return out


reads("holds_post_in", "post_country_prefixes", "name_brackets", "branch_place_suffixes")


def holds_post_in(s: Sentence, person: EntityKey, place: EntityKey) -> bool:
    """A person does not visit where they hold a post: the place of the post (台山市长甲 and 台山), the
    place a body of theirs is named after or lies in (营口市商务局副局长甲 and 营口; 日本青山日中友好协会会长甲
    and 青山市), nor a place that holds it (岳阳市长甲 and 中国)."""
    if person.label != "Person" or place.label not in PLACE_CLASSES:
        return False
    view = s.view
    homes: list[EntityKey] = []
    for post in [r.object for r in view.relations if r.subject == person and r.predicate == "affiliatedWith"]:
        if post.label in PLACE_CLASSES:
            homes.append(post)
            continue
        homes += [k for k in _places_of(s) if any(_named_at(s, post.name, name)
                                                 for name in (k.name, *view.entities[k].aliases) if len(name) > 1)]
        homes += [r.object for r in view.relations if r.subject == post and r.predicate == "locatedIn"
                  and r.object.label in PLACE_CLASSES]
    return any(place in place_chain(s, home) for home in homes)
