"""A zone's bodies named by the zone's short form (国际港务区管委会 of 西安国际港务区)."""

from __future__ import annotations

from ...folding import fold
from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ..candidates import candidate_key
from ..rules import reads
from .lexicon import STAGE, entity_rule
from .resolution import Resolution, Span

__all__ = ["zone_body", "zones_without_place"]


reads(STAGE, "entities.zone_body", "zone_bodies")


@entity_rule("entities.zone_body", phase="named")
def zone_body(res: Resolution) -> None:
    """A zone's body named by the zone's name without its place (青松国际港务区 … 国际港务区管委会): a
    government body of that zone, which lies in it; only where one zone of the text has that short form."""
    for short, owners in _short_forms(res).items():
        if len(owners) == 1:
            for suffix in res.lex.words["zone_bodies"]:
                _name_bodies(res, short, short + suffix, next(iter(owners)))


def _short_forms(res: Resolution) -> dict[str, set[EntityKey]]:
    """The zones' names without the place that opens them (西安国际港务区 → 国际港务区), three characters
    at least, with the zones of each."""
    text = res.text
    zones = [(sp.start, sp.end, sp.key) for sp in res.spans if sp.key.label == "Zone"]
    zones += [(c.start, c.end, candidate_key(c, text)) for c in res.candidates  # (a zone inside a body's name)
              if c.label == "Zone" and c.source in ("gazetteer", "shape")]
    place_ends: dict[int, int] = {}
    for c in res.candidates:
        if c.label in PLACE_CLASSES and c.label != "Zone" and c.source in ("gazetteer", "shape"):
            place_ends[c.start] = max(place_ends.get(c.start, 0), c.end)
    shorts: dict[str, set[EntityKey]] = {}
    for start, end, key in zones:
        opener = place_ends.get(start, 0)
        if start < opener and end - opener >= 3:
            shorts.setdefault(text[opener:end], set()).add(key)
    return shorts


def _name_bodies(res: Resolution, short: str, word: str, zone: EntityKey) -> None:
    """Each free occurrence of ``word`` (a short form and a body suffix): a body of ``zone``."""
    text = res.text
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        inside = [sp for sp in res.spans if sp.start < end and at < sp.end]
        if all(at <= sp.start and sp.end <= end and (sp.start, sp.end) != (at, end) for sp in inside) \
                and _starts_name(res, at) and not _listed_zone(res, at, at + len(short)):
            for sp in inside:
                res.spans.remove(sp)
            res.candidates[:] = [c for c in res.candidates if not (  # (国际港务区 in it is the zone's)
                c.label == "Zone" and at <= c.start and c.end <= end)]
            key = EntityKey(res.raw[at:end], "GovernmentBody")
            res.entity(key, parent=zone).add_surface(res.raw[at:end], "entities.zone_body")
            res.spans.append(Span(at, end, key, "entities.zone_body"))
        at = text.find(word, end)


def _listed_zone(res: Resolution, start: int, end: int) -> bool:
    """Whether the lists know the short form as a zone of its own (两江新区): the body's name says so."""
    return any(c.start == start and c.end == end and c.label == "Zone" and c.source == "gazetteer"
               for c in res.candidates)


def _starts_name(res: Resolution, at: int) -> bool:
    """Whether a name may start at ``at``: after punctuation, a name or a boundary word (…副书记、
    国际港务区管委会; 由化工园区管委会), not inside a longer word (西安国际港务区管委会 unread)."""
    before = res.text[at - 1:at]
    if not before or not "\u4e00" <= before <= "\u9fff":
        return True
    return any(sp.end == at for sp in res.spans) or any(
        m.end() == at for m in res.lex.stops.finditer(res.text, max(0, at - 6), at))


#: The places whose name may open a zone's (a country's opens a company's or body's: entities.without_country).
_LOCAL_PLACES = frozenset({"City", "District"})
#: The fewest characters of a zone's name after its place for that name to stand alone (桃花工业园).
_OWN_ZONE_NAME = 5


def zones_without_place(res: Resolution) -> None:
    """A zone with a name of its own after its city or county is known without the place too (肥西县桃花工业园
    → 桃花工业园); not where the place makes the name (大连经济技术开发区): entities.zone_without_place."""
    places: dict[int, int] = {}  # where a listed city or county starts → where its longest name ends
    starts = set()
    for c in res.candidates:
        if c.entry is not None and c.label in PLACE_CLASSES:
            starts.add(c.start)
            if c.label in _LOCAL_PLACES:
                places[c.start] = max(places.get(c.start, c.end), c.end)
    described = res.lex.list_description
    for span in res.spans:
        end = places.get(span.start)
        if span.key.label != "Zone" or end is None or end >= span.end or end in starts:
            continue
        rest = res.raw[end:span.end]
        ending = res.lex.same_endings.longest_suffix(fold(rest)) or ""  # (经济技术开发区: an ending only)
        own = rest[:len(rest) - len(ending)]
        if len(rest) >= _OWN_ZONE_NAME and len(own) >= 2 and not described.covers(fold(own[:2])):
            res.entity(span.key).add_surface(rest, "entities.zone_without_place")
