"""``signedWith``: the parties of an agreement (A与B签署…协议, A与B签约, 双方签署…, 甲、乙签署《…》)."""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import PLACE_CLASSES
from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS, CLOSE, OPEN
from .base import BODIES_AND_PLACES, Fact, Sentence, enumeration, relation_rule
from .lexicon import reads
from .pairs import pairs
from .visit import governed_place

__all__ = ["agreement_title", "bilateral", "pair", "pair_pronoun", "pronoun_sides", "signatories"]


@relation_rule("signedWith.pair", gate=("sign",))
def pair(s: Sentence) -> Iterator[Fact]:
    """A与B签约, A与B签署…协议: A signs with each partner (大连港集团与商船三井签署战略合作协议); not a
    signing named before (以此次签署备忘录为契机)."""
    for found in pairs(s):
        if found.sign and not found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "signedWith", partner, found.at)


@relation_rule("signedWith.pair_pronoun", gate=("sign",))
def pair_pronoun(s: Sentence) -> Iterator[Fact]:
    """两市/双方签署…备忘录, where the sentence names no pair: the pair named before (两市签署了合作备忘录)."""
    for found in pairs(s):
        if found.sign and found.pronoun:
            for partner in found.partners:
                yield Fact(found.subject, "signedWith", partner, found.at)


reads("signedWith.pronoun_sides", "sign_side_pronouns", "bilateral_pairs", "sign_objects", "sign_verbs_alone",
      "party_suffixes", "place_marker")


@relation_rule("signedWith.pronoun_sides", gate=("sign",), cues=("sign_side_pronouns",))
def pronoun_sides(s: Sentence) -> Iterator[Fact]:
    """双方/两市(…)签署…协议 where no pair is named or carried: the two sides written before the pronoun in
    the sentence (else in the one before it; not a place after 在, where they meet), a person standing for the
    place or body of their post and a body for the place its name opens with (市长甲率青山市代表团访问白河市…，两市领导共同签署了备忘录 → 青山市 and
    白河市; 甲会见了乙。会谈后，双方签署了《意向书》 → 甲's city and 乙's company); none when there are more
    than two sides."""
    if any(p.sign and p.partners for p in pairs(s)):
        return  # the pair rules'
    text, lex = s.text, s.lex
    for p_start, p_end, _ in s.find("sign_side_pronouns"):
        if text.endswith(tuple(lex["bilateral_pairs"]), s.start, p_start):
            continue  # 中日双方: the countries (signedWith.bilateral)
        cue = next(((c, w) for c, _, w in s.find("sign") if c >= p_end), None)
        if cue is None or not (cue[1] in lex["sign_verbs_alone"]
                               and any(w in text[cue[0]:s.end] for w in lex["sign_objects"])):
            return
        sides = _written_sides(s, s.start, p_start)
        if not sides and s.start > 0:
            sides = _written_sides(s, *s.view.sentence(s.start - 1))
        if len(sides) == 2:
            yield Fact(sides[0], "signedWith", sides[1], cue[0])
        return


def _written_sides(s: Sentence, start: int, end: int) -> list[EntityKey]:
    """The sides written in ``[start, end)``: bodies and places (no country, no event), the place or body of a
    person's first post; a body whose name opens with another side's name is that side (青山市代表团: 青山市)."""
    sides: list[EntityKey] = []
    for m in s.view.mentions_between(start, end):
        if m.key.label == "Person":
            held = _posts(s, m.key)[:1]
            found = [governed_place(s, b) or b for b in held]
        elif m.key.label in PLACE_CLASSES and m.key.label != "Country":
            found = [] if s.preceded_by(m, s.lex["place_marker"]) else [m.key]  # (在首尔市会见: where they meet)
        elif m.key.label in BODIES_AND_PLACES:
            found = [_opening_place(s, m.key) or m.key]
        else:
            continue
        for key in found:
            same = next((k for k in sides if key.name.startswith(k.name) or k.name.startswith(key.name)), None)
            if same is None:
                sides.append(key)
            elif len(key.name) < len(same.name):
                sides[sides.index(same)] = key
    return sides


def _opening_place(s: Sentence, body: EntityKey) -> EntityKey | None:
    """The place (no country) whose name or short name a body's name opens with, the longest (青山市代表团 → 青山市)."""
    best: tuple[int, EntityKey] | None = None
    for key, record in s.view.entities.items():
        if key.label in PLACE_CLASSES and key.label != "Country":
            for name in (key.name, *record.aliases):
                if len(name) >= 2 and body.name.startswith(name) and (best is None or len(name) > best[0]):
                    best = (len(name), key)
    return best[1] if best else None


reads("signatories", "represent_words", "joint_represent_words", "sign_verbs_signatory", "enumeration_links",
      "witness_words", "party_suffixes", "joint_sign_words")


def _represented(s: Sentence, person: Mention, limit: int) -> list[EntityKey] | None:
    """The body a signatory signs for: 代表X right after the person (方国栋代表江西省人民政府与…)."""
    text = s.text
    for word in s.lex["represent_words"]:
        if text.startswith(word, person.end):
            first = s.first_after(person.end + len(word))
            if first is not None and s.mentions[first].start == person.end + len(word) \
                    and s.mentions[first].end <= limit:
                return [s.mentions[first].key]
    return None


def _posts(s: Sentence, person: EntityKey) -> list[EntityKey]:
    """The bodies and places a person holds posts in (no country, no party committee: 市委副书记、市长
    X signs for the city), from the affiliations stated so far."""
    return list(dict.fromkeys(r.object for r in s.view.relations if r.subject == person
                              and r.predicate == "affiliatedWith" and r.object.label != "Country"
                              and not r.object.name.endswith(s.lex["party_suffixes"])))


def _sides(s: Sentence, person: Mention, limit: int) -> list[EntityKey]:
    """What a signatory signs for: the body after 代表 (and the place a government governs), else the
    bodies and places of their posts."""
    bodies = _represented(s, person, limit) or _posts(s, person.key)
    places = [governed_place(s, b) for b in bodies]
    return list(dict.fromkeys(bodies + [p for p in places if p is not None]))


@relation_rule("signedWith.signatories", gate=("sign",), cues=("sign",))
def signatories(s: Sentence) -> Iterator[Fact]:
    """甲、乙(共同)签署《…》 / 甲代表X与乙签署: the people who sign sign with each other (the last named
    with each one before), and so do the bodies and places they sign for (大连市常务副市长卢林、大阪市副市长
    石田正刚签署《大连—大阪合作备忘录》 → 卢林 and 石田正刚, 大连 and 大阪); 共同签署 in a clause of its
    own, the sentence's two people (省长甲会见乙，并共同续签了…)."""
    text = s.text
    for cue_start, _, word in s.find("sign"):
        if word not in s.lex["sign_verbs_signatory"]:
            continue
        c_start, _ = s.clause_of(cue_start)
        people = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label == "Person"]
        if len(people) < 2:
            people = _joint_pair(s, cue_start)  # 甲会见乙，并共同签署: the two of the sentence
        elif any(ch in CLAUSE_BREAKS + "、" for ch in text[people[-1].end:cue_start]):
            continue  # …袁晨阳、日中友好协会关西分区代表吉田昭典共同签署: someone after the last is not known
        if len(people) < 2:
            continue
        if any(w in text[people[0].start:cue_start] for w in s.lex["witness_words"]):
            continue  # 甲、乙共同见证签约: they watch others sign
        parties = [(people[0], people[1])] if len(people) == 2 else [(p, people[-1]) for p in people[:-1]]
        for a, b in parties:
            yield Fact(a.key, "signedWith", b.key, cue_start)
            for x in _sides(s, a, cue_start):
                for y in _sides(s, b, cue_start):
                    if x != y and x.label != "Person" and y.label != "Person":
                        yield Fact(x, "signedWith", y, cue_start)
        for found in _jointly(s, people[-1].end, cue_start):
            yield found


def _joint_pair(s: Sentence, cue_start: int) -> list[Mention]:
    """共同签署 whose clause names fewer than two people: the two people the sentence names before it,
    if it names exactly two (省长甲会见乙理事长，并共同续签了…; 省长甲，知事乙在活动上共同签署《…》)."""
    if not s.text.endswith(tuple(s.lex["joint_sign_words"]), s.start, cue_start):
        return []
    people = [m for m in s.mentions if m.end <= cue_start and m.key.label == "Person"
              and not _bracketed(s.text, s.start, m.start)]  # not a byline's reporter: (记者甲)
    return people if len(people) == 2 and people[0].key != people[1].key else []


def _bracketed(text: str, start: int, at: int) -> bool:
    """``at`` stands inside brackets opened after ``start``."""
    depth = 0
    for ch in text[start:at]:
        depth += 1 if ch in OPEN else -1 if ch in CLOSE and depth else 0
    return depth > 0


def _jointly(s: Sentence, start: int, cue_start: int) -> Iterator[Fact]:
    """甲与乙分别代表X和Y签署: X signs with Y."""
    for word in s.lex["joint_represent_words"]:
        at = s.text.find(word, start, cue_start)
        if at < 0:
            continue
        first = s.first_after(at + len(word))
        if first is None or s.mentions[first].start - (at + len(word)) > 0:
            continue
        bodies = [m.key for m in enumeration(s, first, BODIES_AND_PLACES, cue_start)]
        if len(bodies) == 2:
            yield Fact(bodies[0], "signedWith", bodies[1], cue_start)
        return


reads("signedWith", "agreement_title_marks", "sign_objects", "partner_markers", "pair_dashes")


@relation_rule("signedWith.agreement_title", gate=("sign",),
               cues=("agreement_title_marks", "sign_objects", "partner_markers", "pair_dashes"))
def agreement_title(s: Sentence) -> Iterator[Fact]:
    """签署《A与B…协议》: the two sides an agreement's title names sign with each other, whoever signs it
    (省旅游局与白河县观光局签署《中华人民共和国青松省与日本白河县旅游合作协议》 → 青松省 and 白河县;
    《大连—大阪合作备忘录》 → 大连 and 大阪)."""
    text, (opener, closer) = s.text, s.lex["agreement_title_marks"]
    signed = [c for c, _, _ in s.find("sign")]
    at = text.find(opener, s.start, s.end)
    while at >= 0:
        end = text.find(closer, at, s.end)
        if end < 0:
            return
        if any(c < at for c in signed) and any(w in text[at:end] for w in s.lex["sign_objects"]):
            sides = _title_sides(s, at + len(opener), end)
            if sides is not None:
                yield Fact(sides[0].key, "signedWith", sides[1].key, at)
        at = text.find(opener, end, s.end)


def _title_sides(s: Sentence, start: int, end: int) -> tuple[Mention, Mention] | None:
    """The first two bodies or places of a title joined by 与, 和 or a dash; the one after the link
    past the country that qualifies it (与日本白河县: 白河县)."""
    inside = [m for m in s.mentions if start <= m.start and m.end <= end and m.key.label in BODIES_AND_PLACES]
    links = (*s.lex["partner_markers"], *s.lex["pair_dashes"])
    for n, (left, right) in enumerate(zip(inside, inside[1:])):
        if s.text[left.end:right.start] not in links:
            continue
        following = inside[n + 2] if n + 2 < len(inside) else None
        if right.key.label == "Country" and following is not None and following.start == right.end:
            right = following
        return (left, right) if left.key != right.key else None
    return None


reads("signedWith.bilateral", "bilateral_pairs", "bilateral_sides")


@relation_rule("signedWith.bilateral", gate=("sign",), cues=("bilateral_pairs", "bilateral_sides"))
def bilateral(s: Sentence) -> Iterator[Fact]:
    """中日双方签订…, 中日两国政府…签署 (not inside a name): the two countries sign with each other, named
    in full or not (1962年中日双方签订了长期贸易备忘录 → 中国 and 日本)."""
    text, view, sides = s.text, s.view, tuple(s.lex["bilateral_sides"])
    for cue_start, _, _ in s.find("sign"):
        c_start, _ = s.clause_of(cue_start)
        for short, names in s.lex["bilateral_pairs"].items():
            at = text.find(short, c_start, cue_start)
            if at < 0 or not text.startswith(sides, at + len(short)) \
                    or any(m.start <= at < m.end for m in s.mentions):
                continue
            first, second = (next((k for k in view.entities if k.label == "Country" and k.name == name),
                                  EntityKey(name, "Country")) for name in names.split(","))
            yield Fact(first, "signedWith", second, cue_start)
            return
