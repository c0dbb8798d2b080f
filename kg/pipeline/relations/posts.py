"""The post before each person of a sentence (:func:`posts`): the body or mission before the title,
the company 该公司 stands for, where a diplomat is posted (中国驻日本大使). Read by the
``affiliatedWith`` rules (:mod:`.affiliation`)."""

from __future__ import annotations

from typing import NamedTuple

from ...ontology import ORGANIZATION_CLASSES, PLACE_CLASSES
from ...records import EntityKey, Mention
from ..marks import HARD_BOUNDARIES
from .base import Sentence
from .lexicon import reads

__all__ = ["Post", "body_before_places", "chain_link", "first_of_chain", "index_of", "mission_of", "posts"]


class Post(NamedTuple):
    """What stands before a person of the sentence: the mention and text before the name, the
    title, and what the title belongs to when it is plain."""

    index: int  # among the sentence's mentions
    person: Mention
    before: Mention | None
    gap: str
    title: str | None
    titled: bool  # a title that is not the tail of a longer profession (指挥家 is no 家)
    company: tuple[EntityKey, str] | None  # 该公司 + title: the company and the title
    direct: bool  # a body right before the title and the name (and no 该公司)
    posted: tuple[EntityKey | None, str] | None  # 中国驻日本大使: who sends the diplomat, and the post (驻日本)


reads("affiliatedWith", "department_ends", "admin_title_heads", "title_modifiers", "state_titles", "company_pronouns", "leader_prefixes", "place_body_words", "name_openers", "posting_marker", "home_country_words", "diplomat_missions",
      "place_abbreviations", "mission_short_forms")


def posts(s: Sentence) -> list[Post]:
    """The post before each person of the sentence (read once)."""
    return s.memo(posts, _posts)


def _posts(s: Sentence) -> list[Post]:
    text, lex, sentence = s.text, s.lex, s.mentions
    found = []
    for index, person in s.people:
        before = sentence[index - 1] if index else None
        gap = text[before.end:person.start] if before else ""
        opener = next((w for w in lex["name_openers"] if gap.endswith(w)), "")
        if opener:  # 会长由小川康吉担任
            gap = gap[:-len(opener)]
        # the longest title that fits between the body and the name (南沙区委 + 书记), titles
        # before head nouns; else the longest just before the name
        title = (lex.title_suffixes.longest_suffix(gap) or lex.head_suffixes.longest_suffix(gap)) if before else None
        at = person.start - len(opener)
        title = title or lex.title_suffixes.longest_suffix(text, at) or lex.head_suffixes.longest_suffix(text, at)
        profession = lex.profession_suffixes.longest_suffix(text, at)
        if title and before is not None and before.key.label == "Country" and index >= 2 \
                and not title.endswith(lex["state_titles"]):
            # 丸红株式会社执行役员、中国总代表井上隆之: the country only names the post's territory
            before = sentence[index - 2]
            gap = text[before.end:at]
        titled = bool(title) and not (profession and len(profession) >= len(title))
        if titled and before is not None and before.key.label in PLACE_CLASSES and gap.endswith(title) \
                and _unnamed_body(s, gap, title):
            body = body_before_places(s, index - 1)
            if body is not None:  # 日本青山省贸易局东亚课课长: the body the department is of
                before, gap = body, text[body.end:at]
        if titled and before is not None and before.key.label in PLACE_CLASSES and len(title) > len(gap) \
                and before.end - (at - len(title)) == 1 and title[:1] in lex["leader_prefixes"]:
            gap = title  # 天津市长梁景山: the place's 市 opens the title
        company = _company(s, person, title)
        posted = _posted(s, index, before, gap) if titled and company is None else None
        direct = titled and company is None and posted is None and before is not None \
            and before.key.label != "Person" and 0 < len(gap) <= 12 and gap.endswith(title) \
            and not any(ch in HARD_BOUNDARIES and ch != "、" for ch in gap) \
            and not (before.key.label in PLACE_CLASSES and _unnamed_body(s, gap, title)
                     and not (before.key.label == "Country" and title.endswith(lex["state_titles"])
                              and not text.endswith(lex["posting_marker"], 0, before.start)))
        found.append(Post(index, person, before, gap, title, titled, company, direct, posted))
    return found


def body_before_places(s: Sentence, k: int) -> Mention | None:
    """The body right before the places that end at mention ``k``, one after another (青山化工集团 +
    中国 + 华南 of 青山化工集团中国华南区负责人)."""
    sentence = s.mentions
    while k >= 1 and sentence[k].key.label in PLACE_CLASSES and sentence[k - 1].end == sentence[k].start:
        k -= 1
        if sentence[k].key.label in ORGANIZATION_CLASSES:
            return sentence[k]
    return None


def _unnamed_body(s: Sentence, gap: str, title: str) -> bool:
    """广州事务所所长, 成都伊藤营业副总经理: words between a place and the title name a body that
    is not the place (but 三条市议会议长, 大连市人民政府副市长 hold a post of the place)."""
    words = gap[:-len(title)].rstrip("、").rstrip(s.lex["title_modifiers"])  # 青山市原议长: a former post
    return bool(words) and words not in s.lex["place_body_words"] and s.lex.title_suffixes.longest_suffix(words) is None


def _posted(s: Sentence, index: int, before: Mention | None, gap: str) -> tuple[EntityKey | None, str] | None:
    """A diplomat's post: 驻 + place + 大使/总领事 before the name, and the country that sends them,
    named before 驻 (中国驻日本大使, 日本驻华大使), or 我国 or nobody: the country of the article's home
    city. Returns the sender and the text of the post (驻日本)."""
    lex, text, marker = s.lex, s.text, s.lex["posting_marker"]
    if before is None or not 0 < len(gap) <= 10 or not gap.endswith(tuple(lex["diplomat_missions"])):
        return None
    if before.key.label == "Country" and gap.startswith(marker):  # 日本驻华大使: the post no name stage found
        short = gap[len(marker):len(marker) + 1]  # (驻沪 is 驻上海 too)
        full = [marker + place for place in lex["place_abbreviations"].get(short, "").split("|") if place]
        return before.key, "|".join([marker + short, *full])
    if before.key.label not in PLACE_CLASSES or len(gap) > 8:
        return None
    first = index - 1  # 中国驻日本长崎总领事: the places after 驻, one after another
    while first >= 1 and not text.endswith(marker, 0, s.mentions[first].start) \
            and s.mentions[first - 1].end == s.mentions[first].start \
            and s.mentions[first - 1].key.label in PLACE_CLASSES:
        first -= 1
    if not text.endswith(marker, 0, s.mentions[first].start):
        return None
    post = "|".join(marker + form for m in s.mentions[first:index]
                    for form in (s.view.folded[m.start:m.end], m.key.name))  # 驻日本国, 驻日本
    at = s.mentions[first].start - len(marker)
    sender = s.mentions[first - 1] if first >= 1 else None
    if sender is not None and sender.end == at and sender.key.label == "Country":
        return sender.key, post
    if sender is not None and sender.end == at:
        return None  # 大连驻东京代表: no diplomat
    home = _home_country(s)
    return (home if home != before.key else None), post


def _home_country(s: Sentence) -> EntityKey | None:
    """The country of the article's home city, or the one 我国 names in an article without one."""
    place = s.view.home.get("City") or s.view.home.get("Region")
    while place is not None and place.label != "Country":
        place = s.view.parents.get(place)
    if place is None:
        place = EntityKey(next(iter(s.lex["home_country_words"].values())), "Country")
    return place


def mission_endings(s: Sentence, suffix: str) -> tuple[str, ...]:
    """How a mission's name may end: its full suffix and its short form (总领事馆, 总领馆)."""
    short = s.lex["mission_short_forms"].get(suffix)
    return (suffix, short) if short else (suffix,)


def mission_of(s: Sentence, sender: EntityKey | None, post: str, title: str) -> EntityKey | None:
    """The mission named in the article that the diplomat serves in (中国驻日本大使馆 for 中国驻日本大使);
    of two ranks joined by · the first names the post (总领事·大使: the consulate general, where it is named)."""
    missions = s.lex["diplomat_missions"]
    ranks = [rank for rank in title.split("·") if rank.endswith(tuple(missions))]
    for rank in ranks[:-1]:
        found = _mission(s, sender, post, missions[max((k for k in missions if rank.endswith(k)), key=len)])
        if found is not None:
            return found
    return _mission(s, sender, post, missions[max((k for k in missions if title.endswith(k)), key=len)])


def _mission(s: Sentence, sender: EntityKey | None, post: str, suffix: str) -> EntityKey | None:
    """The mission of the kind ``suffix`` names (大使馆, 总领事馆) the article names for the post."""
    endings = mission_endings(s, suffix)
    posts_ = post.split("|")
    found = [key for key in s.view.entities if key.label == "GovernmentBody" and key.name.endswith(endings)
             and any(p in key.name for p in posts_)]
    if not found and sender is not None:  # 日本驻华大使 … 日本大使馆: the sender's mission named without its post
        found = [key for key in s.view.entities if key.label == "GovernmentBody"
                 and any(key.name == sender.name + ending for ending in endings)]
    if sender is not None:
        found.sort(key=lambda key: not key.name.startswith(sender.name))
    return found[0] if found else None


def _company(s: Sentence, person: Mention, title: str | None) -> tuple[EntityKey, str] | None:
    """The company 该公司 (or the city 该市) stands for, and the title after it (该公司会长佐佐木正人,
    该市市长藤田翔)."""
    if not title:
        return None
    start = person.start
    pronoun = next((p for p in s.lex["company_pronouns"] if s.text.endswith(p + title, 0, start)), None)
    labels = {"Company"}
    if pronoun is None:
        pronoun = next((p for p in s.lex["place_pronouns"] if s.text.endswith(p + title, 0, start)), None)
        if pronoun is None:
            return None
        labels = set(s.lex["place_pronouns"][pronoun].split())
    company = s.view.last_before(start - len(pronoun) - len(title), labels)
    return (company.key, title) if company is not None else None


#: The rule of a level word that stands for the home place (市委 of 市委常委、…: the home city's rank).
HOME_BODY = "entities.home_body"
#: The longest gap between a body and a name a chain of two posts may fill (书记、某某区管委会主任).
_CHAIN_GAP = 16


def first_of_chain(s: Sentence, post: Post) -> str | None:
    """The title right after the body before the person, where a second post follows it after 、 with a
    body no mention covers (党工委副书记、国际港务区管委会主任甲): the first post is the body's, and a rank on
    the home place's committee is the place's (市委常委、宣传部部长甲 → the home city)."""
    before, gap, lex = post.before, post.gap, s.lex
    if before is None or not (before.key.label in ORGANIZATION_CLASSES or before.rule == HOME_BODY) or not post.titled \
            or not 0 < len(gap) <= _CHAIN_GAP or gap.count("、") != 1 \
            or any(ch in HARD_BOUNDARIES and ch != "、" for ch in gap):
        return None
    head, tail = gap.split("、")
    if head.lstrip(lex["title_modifiers"]) not in lex.titles and head not in lex.titles:
        return None
    rest = tail[:-len(post.title)] if post.title and tail.endswith(post.title) else None
    if not rest or len(rest) < 2:
        return None  # 书记、市长甲: no body before the second post (the direct rule's, or the home city's)
    return head


def index_of(sentence: list[Mention], mention: Mention | None, default: int) -> int:
    """Where ``mention`` stands among the sentence's mentions (the body before a post's territory)."""
    return next((i for i in range(default, -1, -1) if sentence[i] is mention), default)


def chain_link(s: Sentence, k: int) -> tuple[Mention, str]:
    """The body of the post before mention ``k`` of a chain and the text between: a place right after
    a body only names the post's territory (住友商事株式会社东亚区总代表、…; 日本电气中国总代表、…)."""
    sentence = s.mentions
    body = sentence[k - 1]
    if body.key.label in PLACE_CLASSES:
        body = body_before_places(s, k - 1) or body
    return body, s.text[body.end:sentence[k].start]

