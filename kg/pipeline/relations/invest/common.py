"""What the ``investedIn`` readings share: the gate, a cue, the investor and target a preposition
names (A对B投资), and the investors listed before one (A、B等企业均已在Z投资)."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention
from ..base import BODIES_AND_PLACES, Sentence
from ..lexicon import reads

_GATE = ("invest",)
_Cue = tuple[int, int, str]


reads("investedIn", "invest_preposition_pattern", "list_end_marker")


def _preposition(s: Sentence, cue: _Cue) -> tuple[Mention, Mention] | None:
    """A对B投资, A(将)在B投资: the investor and the target, when the target ends near the cue."""
    text, pattern = s.text, s.lex["invest_preposition_pattern"]
    c_start, _ = s.clause_of(cue[0])
    before = [m for m in s.mentions if c_start <= m.start and m.end <= cue[0]]
    for i, mention in enumerate(before[:-1]):
        if mention.key.label not in BODIES_AND_PLACES:
            continue
        for target in before[i + 1:]:  # a name between only inside 等…企业 (理光等日本企业均已在东莞投资)
            gap = text[mention.end:target.start]
            if pattern.match(gap) and (target is before[i + 1] or gap.startswith(s.lex["list_end_marker"])):
                last = listed_after(s, target, cue[0])[-1]  # 在武汉、长沙投资: the list ends near the cue
                return (mention, target) if cue[0] - last.end <= 4 else None
    topic = s.topic  # A宣布，(将)对B增资: the sentence's topic, for a later clause that opens with the preposition
    if len(before) == 1 and c_start > s.start and topic is not None and topic.label in BODIES_AND_PLACES \
            and before[0].key != topic and cue[0] - before[0].end <= 4 and pattern.match(text[c_start:before[0].start]) \
            and not any(s.start <= m.start < c_start and m.key != topic for m in s.mentions):
        return Mention(topic, s.start, s.start, ""), before[0]
    return None


def listed_after(s: Sentence, first: Mention, limit: int) -> list[Mention]:
    """``first`` and the places listed after it before ``limit``, joined by 、, 和, 及 (在武汉、长沙投资),
    each with the places right after it (天津滨海新区)."""
    if first.key.label not in PLACE_CLASSES:
        return [first]
    links = [w for w in s.lex["enumeration_links"] if w]
    out = [first]
    for mention in s.mentions:
        if mention.start < out[-1].end or mention.end > limit:
            continue
        gap = s.text[out[-1].end:mention.start]
        if mention.key.label in PLACE_CLASSES and (gap in links or (not gap and mention.start == out[-1].end)):
            out.append(mention)
        elif mention.start >= out[-1].end:
            break
    return out


reads("investedIn", "enumeration_links", "partner_markers")


def _joined(s: Sentence, last: Mention, c_start: int) -> list[EntityKey]:
    """``last`` and the bodies or places joined to it before it in the clause (A与B合资, A、B共同投资)."""
    text = s.text
    links = [w for w in (*s.lex["enumeration_links"], *s.lex["partner_markers"]) if w]  # 日本丰田: no pair
    found = [last]
    begin = last.start  # where the last one found begins, with the country that qualifies it (日本神户制钢公司)
    for mention in reversed([m for m in s.mentions if c_start <= m.start and m.end <= last.start]):
        if mention.key.label == "Country" and mention.end == begin and found[-1].key.label != "Country":
            begin = mention.start  # A与日本B合资: 日本 only says where B is from
            continue
        if text[mention.end:begin] not in links or mention.key.label not in BODIES_AND_PLACES:
            break
        found.append(mention)
        begin = mention.start
    return list(dict.fromkeys(m.key for m in reversed(found)))


reads("investedIn", "relative_invest_pattern", "relative_invest_kinds", "copula", "destination_markers", "place_marker")


def relative_investment(s: Sentence, cue_start: int) -> tuple[list[Mention], int] | None:
    """The places of 在Z投资的 / 来Z投资的 (a clause that describes who invests; each of a run: 在天津滨海新区),
    and where 的 ends."""
    text, lex = s.text, s.lex
    found = lex["relative_invest_pattern"].match(text, cue_start, s.end)
    if found is None:
        return None
    place = next((m for m in s.mentions if m.end == cue_start and m.key.label in PLACE_CLASSES), None)
    if place is None:
        return None
    run = [place]
    for m in reversed([m for m in s.mentions if m.end <= place.start and m.key.label in PLACE_CLASSES]):
        if m.end != run[0].start:
            break
        run.insert(0, m)  # 在天津滨海新区投资的: the run opens after 在
    markers = (lex["place_marker"], *lex["destination_markers"])
    return (run, found.end()) if text[run[0].start - 1:run[0].start] in markers else None
