"""The ``kg_containment`` component: runs the containment rules its config lists on every entity."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey, EntityRecord, Mention
from ..data import load_cues, load_tsv, load_words
from ...folding import fold
from ..rules import Rule, resolve_rules, stage_cues
from ..view import DocView
from .name import Lists, Name
from .rules import STAGE

__all__ = ["Containment", "DEFAULT_RULES"]

DEFAULT_RULES = [
    "containment.leading_place",
    "locatedIn.name_posted",
    "locatedIn.name_start",
    "locatedIn.name_body_branch",
    "locatedIn.name_zone",
    "locatedIn.name_brackets",
    "locatedIn.name_subsidiary",
    "locatedIn.legal_form",
    "locatedIn.home_prefix",
    "locatedIn.home_level_body",
    "locatedIn.region_member",
    "locatedIn.gazetteer_parent",
    "locatedIn.home_district",
    "locatedIn.home_zone",
    "locatedIn.listed_ancestors",
    "heldIn.listed_ancestors",
]


class Containment:
    """Adds ``locatedIn`` relations read off names and lists, and the places nested in names."""

    def __init__(self, nlp: Language, name: str, *, rules: Iterable[str], legal_forms: str, branch_words: str,
                 mobile_suffixes: str, max_depth: int, words: str, region_members: str) -> None:
        self.name = name
        self.rules: tuple[Rule, ...] = resolve_rules(rules, STAGE)
        cues = stage_cues(words, "containment", STAGE)
        entities = load_cues(words)["entities"]  # (kg_entities' words)
        self.lists = Lists(
            branch_words=tuple(fold(w) for w in load_words(branch_words)),
            mobile=tuple(fold(w) for w in load_words(mobile_suffixes)),
            legal_forms=tuple((fold(r["suffix"]), r["country"]) for r in load_tsv(legal_forms)),
            max_depth=max_depth,
            posted_marker=cues["posted_marker"],
            posted_short_forms=dict(cues["posted_short_forms"]),
            full_region_suffixes=tuple(cues["full_region_suffixes"]),
            home_prefixes=dict(entities["home_prefixes"]),
            home_country=entities["home_country"],
            place_abbreviations=frozenset(entities["place_abbreviations"]),
            place_stems=tuple(fold(w) for w in (*entities["city_stems"], *entities["district_stems"])),
            stem_blockers=frozenset(fold(w) for w in entities["district_stem_blockers"]),
            region_members=_members(region_members),
            mission_words=tuple(fold(w) for w in cues["mission_words"]),
            pair_links=tuple(fold(w) for w in cues["pair_links"]),
            city_zone_suffixes=tuple(fold(w) for w in cues["city_zone_suffixes"]),
            city_zone_blockers=tuple(fold(w) for w in cues["city_zone_blockers"]),
            bilateral_zone_openers=tuple(fold(w) for w in cues["bilateral_zone_openers"]),
            subsidiary_suffixes=tuple(fold(w) for w in cues["subsidiary_suffixes"]),
            whole_country_prefixes=tuple(fold(w) for w in cues["whole_country_prefixes"]),
            legal_person_prefixes=tuple(fold(w) for w in cues["legal_person_prefixes"]),
            subject_committees=tuple(fold(w) for w in cues["subject_committees"]),
            broad_region_ends=tuple(fold(w) for w in cues["broad_region_ends"]),
            level_prefixes={fold(w): frozenset(labels.split()) for w, labels in cues["level_prefixes"].items()},
        )
        labels = {label for found in self.rules for label in found.options["labels"]}
        self._by_label = {label: tuple(r for r in self.rules if label in r.options["labels"]) for label in labels}

    def __call__(self, doc: Doc) -> Doc:
        view: DocView = doc._.view
        gazetteer = doc._.gazetteer
        done: set[EntityKey] = set()
        keys = {m.key for m in view.mentions}
        full = _full_mentions(view)
        full.update(_with_country(view, doc._.entities))
        while keys:  # then the places first found nested in names (中国(山东)自由贸易试验区 in its 烟台片区)
            nested: list[Mention] = []
            for key in sorted(keys):
                rules = self._by_label.get(key.label)
                if not rules:
                    continue
                name = Name(view, gazetteer, self.lists, key, full.get(key) or view.first_mention(key))
                for found in rules:
                    for item in found.func(name):
                        if isinstance(item, Mention):
                            nested.append(item)
                        else:
                            view.add(*item, rule=found.id)
            done |= keys
            seen = {(m.key, m.start, m.end) for m in view.mentions}
            unique: list[Mention] = []
            for mention in nested:
                if (mention.key, mention.start, mention.end) not in seen:
                    seen.add((mention.key, mention.start, mention.end))
                    unique.append(mention)
            doc._.mentions.extend(unique)
            _nested_aliases(doc._.entities, unique)
            keys = {m.key for m in unique} - done
        return doc


def _full_mentions(view: DocView) -> dict[EntityKey, Mention]:
    """The first mention of an entity in its full name, where the end of it comes first (中日产业园 in a
    headline before 武汉中日产业园): the name that says where it is."""
    found: dict[EntityKey, Mention] = {}
    for mention in view.mentions:
        key = mention.key
        if key in found or fold("".join(mention.text.split())) != key.name:
            continue
        first = view.first_mention(key)
        short = fold("".join(first.text.split())) if first is not None else ""
        if short != key.name and key.name.endswith(short):
            found[key] = mention
    return found


def _with_country(view: DocView, records: dict[EntityKey, EntityRecord]) -> dict[EntityKey, Mention]:
    """A company or body written right after its country, the form ``entities.with_country`` makes an
    alias (日本瑞穗银行股份有限公司, 日本高周波株式会社 of 高周波株式会社): the country opens its name, so
    it reads as that whole form (→ 日本), wherever it is first named by a shorter one; not a name that
    opens with a place of its own (日本山梨县议会: 山梨县 says where it is)."""
    found: dict[EntityKey, Mention] = {}
    countries = {m.end: m for m in view.mentions if m.key.label == "Country"}
    for mention in view.mentions:
        key, record = mention.key, records.get(mention.key)
        if key in found or key.label not in ORGANIZATION_CLASSES or record is None:
            continue
        text = fold("".join(mention.text.split()))
        country = countries.get(mention.start)
        if country is not None and text == key.name and fold(country.text) + text in record.aliases:
            whole = mention._replace(start=country.start, text=country.text + mention.text)
        elif text != key.name and text.endswith(key.name) and text in record.aliases \
                and fold(text[:-len(key.name)]) in _countries_at(view, mention):
            whole = mention
        else:
            continue
        at = whole.end - len(key.name)
        if not any(c.start == at and c.end < whole.end and c.source in ("gazetteer", "shape")
                   for c in view.places_between(at, whole.end)):
            found[key] = whole
    return found


def _countries_at(view: DocView, mention: Mention) -> set[str]:
    """The countries named at the start of ``mention`` (日本 of 日本高周波株式会社)."""
    return {fold(view.text[c.start:c.end]) for c in view.places_between(mention.start, mention.end)
            if c.start == mention.start and c.label == "Country"}


def _members(path: str) -> dict[str, frozenset[EntityKey]]:
    """Region → the places in it (``region_members.tsv``; a member is a province or a city)."""
    found: dict[str, set[EntityKey]] = {}
    for row in load_tsv(path, columns=("region", "member", "label")):
        found.setdefault(row["region"], set()).add(EntityKey(row["member"], row["label"]))
    return {region: frozenset(members) for region, members in found.items()}


def _nested_aliases(records: dict[EntityKey, EntityRecord], nested: list[Mention]) -> None:
    """A place named inside a name in another form than its own (中國 in 中國(陝西)自由貿易試驗區,
    西鹹新區 of 陕西西咸新区, 青島 in 日本駐青島總領事館) has that form as an alias, as a mention found on
    its own would."""
    for mention in nested:
        record = records.get(mention.key)
        surface = "".join(mention.text.split())
        if record is not None and surface != mention.key.name and surface not in record.aliases:
            records[mention.key] = record._replace(aliases=(*record.aliases, surface))


@Language.factory(
    "kg_containment",
    default_config={"rules": DEFAULT_RULES, "legal_forms": "patterns/legal_forms.tsv",
                    "branch_words": "patterns/branch_words.txt", "mobile_suffixes": "patterns/mobile_suffixes.txt",
                    "max_depth": 4, "words": "patterns/name_cues.json",
                    "region_members": "patterns/region_members.tsv"},
    assigns=["doc._.relations", "doc._.mentions", "doc._.entities"],
    requires=["doc._.sentences", "doc._.mentions", "doc._.candidates", "doc._.parents", "doc._.gazetteer"],
)
def make_containment(nlp: Language, name: str, rules: list[str], legal_forms: str, branch_words: str,
                     mobile_suffixes: str, max_depth: int, words: str, region_members: str) -> Containment:
    return Containment(nlp, name, rules=rules, legal_forms=legal_forms, branch_words=branch_words,
                       mobile_suffixes=mobile_suffixes, max_depth=max_depth, words=words,
                       region_members=region_members)
