"""``kg_containment``: where things are, without a verb.

* **name**: a place at the start of a name (苏州市商务局 → 苏州, 苏州高新区 → 苏州),
  in brackets (松下新能源(苏州)有限公司 → 苏州), after 驻 (中国驻日本大使馆 → 日本),
  or a Japanese legal form (…株式会社 → 日本). The place also gets a mention
  there, nested in the name.
* **gazetteer**: what the lists know: a district in its city, a city in its
  province and country, a listed company in its home country (every ancestor).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import EntityKey, Mention
from ..ontology import PLACE_CLASSES as PLACE_LABELS
from .gazetteer import GazetteerIndex
from .view import DocView
from .data import load_tsv, load_words
from .fold import fold

__all__ = ["Containment"]

_RANK = {"Country": 0, "Region": 1, "City": 2, "District": 3, "Zone": 4}
ORG_LABELS = frozenset({"Company", "Organization", "GovernmentBody"})
_CONTAINED = ORG_LABELS | {"Region", "City", "District", "Zone"}


class Containment:
    """Adds ``locatedIn`` relations read off names (method ``name``) and lists (``gazetteer``)."""

    def __init__(self, nlp: Language, name: str, *, legal_forms: str, branch_words: str, mobile_suffixes: str,
                 max_depth: int) -> None:
        self.name = name
        self.branch_words = tuple(fold(w) for w in load_words(branch_words))
        self.mobile = tuple(fold(w) for w in load_words(mobile_suffixes))
        self.legal_forms = tuple((fold(r["suffix"]), r["country"]) for r in load_tsv(legal_forms))
        self.max_depth = max_depth

    @staticmethod
    def _places_in(view: DocView, mention: Mention) -> list[tuple[int, int, EntityKey]]:
        # (a zone's name holds no shorter zone: 大连高新技术产业园 inside …产业园区 is not a place)
        """Places the recognisers found inside ``mention`` (listed or by shape), longest at each
        position, in offsets relative to the mention."""
        found: dict[int, tuple[int, int, EntityKey]] = {}
        for cand in view.places_between(mention.start, mention.end):
            if cand.source not in ("gazetteer", "shape") or cand.end > mention.end \
                    or cand.length == mention.end - mention.start or cand.label == mention.key.label:
                continue
            start, end = cand.start - mention.start, cand.end - mention.start
            key = EntityKey(cand.canonical or "".join(fold(cand.text).split()), cand.label)
            if start not in found or found[start][1] < end:
                found[start] = (start, end, key)
        return sorted(found.values())

    def _from_name(self, view: DocView, gazetteer: GazetteerIndex | None, key: EntityKey, nested: list[Mention]) -> None:
        mention = view.first_mention(key)
        if mention is None:
            return
        surface = fold(mention.text)
        mobile = surface.endswith(self.mobile)  # 苏州经贸团 comes from 苏州; it is not located there
        places = self._places_in(view, mention)
        orgs = gazetteer.opening(surface, ORG_LABELS) if gazetteer is not None else set()
        targets: list[tuple[int, int, EntityKey]] = []
        leading = [(s, e, p) for s, e, p in places if s == 0 and p != key]
        for start, end, place in places:
            if place == key:
                continue
            if (start > 0 and surface[start - 1] == "驻") or surface.startswith(self.branch_words, end):
                targets = [(start, end, place)]  # 中国驻日本大使馆 lies in 日本, 新华社东京分社 in 东京
                break
            if start == 0 and (key.label not in PLACE_LABELS or _RANK.get(place.label, 9) < _RANK.get(key.label, 9)):
                targets.append((start, end, place))
            elif start in orgs and key.label in ORG_LABELS:
                targets.append((start, end, place))  # 清华苏州环境创新院: a body's branch in 苏州
            elif start > 0 and surface[start - 1] in "(（" and end < len(surface) and surface[end] in ")）":
                targets.append((start, end, place))
        for suffix, country in self.legal_forms:
            if surface.endswith(suffix) or surface.startswith(suffix):
                targets.append((-1, -1, EntityKey(country, "Country")))
        for start, end, place in leading:
            if (start, end, place) not in targets:  # 中国 in 中国国际贸易促进委员会浙江省分会 is still a mention
                nested.append(Mention(place, mention.start + start, mention.start + end, mention.text[start:end]))
                view.ensure_entity(place)
        for start, end, place in targets:
            if start >= 0:
                nested.append(Mention(place, mention.start + start, mention.start + end, mention.text[start:end]))
                view.ensure_entity(place)
            if not mobile:
                view.add(key, "locatedIn", place, mention.start, method="name")

    def _from_gazetteer(self, view: DocView, gazetteer: GazetteerIndex | None, key: EntityKey) -> None:
        parent_of = gazetteer.parent if gazetteer is not None else (lambda key: None)
        mention = view.first_mention(key)
        at = mention.start if mention else 0
        parent = view.parents.get(key) or parent_of(key)
        depth = 0
        while parent is not None and depth < self.max_depth and parent != key:
            view.add(key, "locatedIn", parent, at, method="gazetteer")
            parent = parent_of(parent)
            depth += 1

    def __call__(self, doc: Doc) -> Doc:
        view = doc._.view
        gazetteer = doc._.gazetteer
        nested: list[Mention] = []
        keys = {m.key for m in view.mentions}
        for key in sorted(keys):
            if key.label in ORG_LABELS or key.label == "Zone":  # a district's name holds no other place
                self._from_name(view, gazetteer, key, nested)
            if key.label in _CONTAINED:
                self._from_gazetteer(view, gazetteer, key)
        doc._.mentions.extend(nested)
        return doc


@Language.factory(
    "kg_containment",
    default_config={"legal_forms": "patterns/legal_forms.tsv", "branch_words": "patterns/branch_words.txt",
                    "mobile_suffixes": "patterns/mobile_suffixes.txt", "max_depth": 4},
    assigns=["doc._.relations", "doc._.mentions"],
    requires=["doc._.mentions", "doc._.candidates", "doc._.parents", "doc._.gazetteer", "doc._.sentences"],
)
def make_containment(nlp: Language, name: str, legal_forms: str, branch_words: str, mobile_suffixes: str,
                     max_depth: int) -> Containment:
    return Containment(nlp, name, legal_forms=legal_forms, branch_words=branch_words,
                       mobile_suffixes=mobile_suffixes, max_depth=max_depth)
