"""The containment rules of the article's home: a body or zone named without a place lies in the
article's home province, city or district (省花卉协会 → the home province, 白石经济技术开发区 → the home
city, 白石产业基地 → the district the article is about)."""

from __future__ import annotations

from collections import Counter

from ...folding import fold
from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey, Mention
from ..relations.base import Fact
from ..rules import reads
from ..view import DocView
from .name import Name
from .rules import STAGE, containment_rule

reads(STAGE, "locatedIn.home_zone", "city_zone_suffixes", "city_zone_blockers", "bilateral_zone_openers")
reads(STAGE, "locatedIn.home_district", "bilateral_zone_openers", "city_zone_blockers")
reads(STAGE, "locatedIn.home_level_body", "level_prefixes")

#: How often the article must name a place of a level for it to be the home of the bodies named by that level.
_HOME_LEVEL_MENTIONS = 3


@containment_rule("locatedIn.home_prefix", labels=ORGANIZATION_CLASSES)
def home_prefix(name: Name) -> list[Fact | Mention]:
    """A body whose name opens with 省 or 市 and holds no place is the home province's or city's
    (省花卉协会 → the article's province, 市工商联 → its city)."""
    surface, view = name.surface, name.view
    label = name.lists.home_prefixes.get(surface[:1])
    if label is None or label not in view.home or name.places() or name.key in view.parents \
            or name.gazetteer_parent() is not None or name.mobile \
            or name.posted() is not None:  # (市政府代表团 travels; 市驻京办事处 lies where posted)
        return []
    if name.gazetteer is not None and name.gazetteer.opening(surface, PLACE_CLASSES):
        return []  # 市中区, 省庄: a place's own name
    return [name.located(view.home[label])]


@containment_rule("locatedIn.home_level_body", labels=ORGANIZATION_CLASSES)
def home_level_body(name: Name) -> list[Fact | Mention]:
    """A body whose name opens with a level (区, 县) and holds no place is the body of the place of that level
    the article is about: of the zones or districts (区), the prefectures or counties (县) whose names end so,
    the one it names most often, three times or more (区党工委, 区委 in an article on 青山高新区 → 青山高新区;
    县观光联盟 in one on 白石县 → 白石县); not where the text names the body with that place in full
    (县议会 where 白石县议会 is named: a short form of that body)."""
    surface, view = name.surface, name.view
    labels = (name.lists.level_prefixes or {}).get(surface[:1])
    if labels is None or name.places() or name.key in view.parents or name.gazetteer_parent() is not None \
            or name.mobile or name.posted() is not None or name.placed():
        return []
    home = _home_level(view, surface[:1], labels)
    if home is None or any(fold(a) == fold(home.name) + surface[1:] for e in view.entities.values()
                           for a in (e.key.name, *e.aliases)):
        return []
    return [name.located(home)]


def _home_level(view: DocView, level: str, labels: frozenset[str]) -> EntityKey | None:
    """The place of ``labels`` whose name ends with ``level`` that the article names most often, at least
    ``_HOME_LEVEL_MENTIONS`` times and more often than any other (``None`` otherwise)."""
    def compute() -> EntityKey | None:
        counts = Counter(m.key for m in view.mentions
                         if m.key.label in labels and fold(m.key.name).endswith(level)).most_common(2)
        if not counts or counts[0][1] < _HOME_LEVEL_MENTIONS or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return counts[0][0]
    return view.memo(("containment.home_level", level), compute)


@containment_rule("locatedIn.home_zone", labels=frozenset({"Zone"}))
def home_zone(name: Name) -> list[Fact | Mention]:
    """An administrative zone (开发区, 新区, 示范区: a city sets it up) named without a place, that
    neither the text nor the lists place, lies in the article's home city (an article about 青山:
    白石经济技术开发区 → 青山, 白石商务区 → 青山; not a park, which lies as often in a zone: 科创园, nor a
    platform named after two countries: 中日…合作示范区, nor one of several provinces: 粤桂…合作试验区)."""
    home = name.view.home.get("City")
    if home is None or not name.surface.endswith(name.lists.city_zone_suffixes) or not _unplaced(name):
        return []
    return [name.located(home, "pattern")]


def _unplaced(name: Name) -> bool:
    """A zone the text names that neither its name, the text nor the lists place, and that a home may hold:
    not a platform named after two countries (中日…合作示范区), one opened by two provinces' one-character
    forms (粤桂…试验区), nor a park inside a zone (…创新区)."""
    surface, lists = name.surface, name.lists
    return name.mention is not None and not surface.startswith(lists.bilateral_zone_openers) \
        and not _provinces_open(name) and not surface.endswith(lists.city_zone_blockers) \
        and not name.places() and not name.mobile and name.key not in name.view.parents \
        and name.gazetteer_parent() is None and not name.placed()


def _provinces_open(name: Name) -> bool:
    """Whether two provinces' one-character forms open the name (粤桂黔…合作试验区): a zone of several."""
    return name.surface[:1] in name.lists.place_abbreviations and name.surface[1:2] in name.lists.place_abbreviations


#: How often the article must name a district for it to be the home of the zones it names without a place.
_HOME_DISTRICT_MENTIONS = 3


def _home_district(view: DocView) -> EntityKey | None:
    """The district (a county, city district or town) the article names most often, at least
    ``_HOME_DISTRICT_MENTIONS`` times and more often than any other district (``None`` otherwise)."""
    def compute() -> EntityKey | None:
        counts = Counter(m.key for m in view.mentions if m.key.label == "District").most_common(2)
        if not counts or counts[0][1] < _HOME_DISTRICT_MENTIONS or (len(counts) > 1 and counts[1][1] == counts[0][1]):
            return None
        return counts[0][0]
    return view.memo("containment.home_district", compute)


@containment_rule("locatedIn.home_district", labels=frozenset({"Zone"}))
def home_district(name: Name) -> list[Fact | Mention]:
    """A zone or park named without a place, that neither the text nor the lists place, lies in the
    district the article is about, the one it names most often (an article on 青松区 that names it
    again and again: 白石产业基地 → 青松区; the lists climb on to its city); not a platform named after
    two countries (中日…合作示范区), one opened by two provinces' one-character forms (粤桂…试验区), nor a
    park inside a zone (…创新区, as for locatedIn.home_zone)."""
    home = _home_district(name.view)
    if home is None or not _unplaced(name):
        return []
    return [name.located(home, "pattern")]
