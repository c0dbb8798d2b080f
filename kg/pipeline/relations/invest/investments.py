"""Each 投资 cue read once: its investors and what they put money into (:func:`investments`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ....ontology import PLACE_CLASSES
from ....records import EntityKey, Mention, Money
from ..base import BODIES_AND_PLACES, ORGS_AND_ZONES, Sentence, enumeration, money_after, place_run, skip_relative
from ..lexicon import reads
from ..pairs import named_here, pair_of, without_qualifiers
from .common import _Cue, _joined, _preposition, relative_investment


class Investment(NamedTuple):
    """One 投资 cue with its investors and targets, and which reading found the targets."""

    at: int
    found_by: str  # founders, direct_object, subsidiary, in_place, pair_places
    investors: list[EntityKey]
    targets: list[Mention]
    establish: _Cue | None  # the 设立 cue of what was set up with the money (founders)
    amounts: list[Money]
    place: Mention | None = None  # 在Z设立B / 在Z建设: where the money goes besides the targets



reads("investedIn", "agent_marker", "invest_gap_pattern", "latter", "former", "pair_pronouns", "destination_markers")


def _investors(s: Sentence, cue: _Cue) -> list[EntityKey]:
    """Who invests: 由A与B共同投资, A(将/已)投资, 后者/双方投资, or the sentence's topic; a country right
    before a company only says where it is from (由A与“日本B”合资成立: A and B)."""
    text, lex, cue_start = s.text, s.lex, cue[0]
    c_start, _ = s.clause_of(cue_start)
    by = text.rfind(lex["agent_marker"], c_start, cue_start)
    if by >= 0:
        found = [m.key for m in without_qualifiers(s, [m for m in s.mentions if by < m.start and m.end <= cue_start
                                                       and m.key.label in BODIES_AND_PLACES])]
        if found:
            return found
    close = [m for m in s.mentions if c_start <= m.start and m.end <= cue_start and m.key.label in BODIES_AND_PLACES
             and lex["invest_gap_pattern"].match(text, m.end, cue_start)
             and not any(s.preceded_by(m, w) for w in (lex["place_marker"], *lex["destination_markers"]))]
    # (在Z投资, 到Z投资: Z is where the money goes)
    if close:
        return _joined(s, close[-1], c_start)
    clause = text[c_start:cue_start]
    earlier = [m for m in s.mentions if m.end <= c_start and m.key.label in BODIES_AND_PLACES]
    if any(w in clause for w in lex["latter"]) and earlier:
        return [earlier[-1].key]
    if any(w in clause for w in lex["former"]) and earlier:
        return [earlier[0].key]
    pair = pair_of(s)
    if any(w in clause for w in lex["pair_pronouns"]) and pair:
        return [pair[0], *pair[1]]
    if c_start > s.start and not any(c_start <= m.start < cue_start and not s.preceded_by(m, lex["place_marker"])
                                     for m in s.mentions):  # (并在泾县合资创办…: still the topic's)
        found_topic = s.topic  # A与B签约，投资…: the sentence's subject
        if found_topic is not None:
            return [found_topic]
    return []


reads("investedIn", "object_links", "subsidiary_markers", "place_marker")


def _establish(s: Sentence, cue: _Cue) -> _Cue | None:
    """The first 设立 within 32 characters after the cue (alias notes not counted)."""
    notes = s.lex.alias_notes
    found = [e for e in s.find("establish", cue[0], s.end) if len(notes.sub("", s.text[cue[1]:e[0]])) <= 32]
    return found[0] if found else None


def _founded(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资M设立B、C: what the 设立 after the cue names; 由A与B共同投资建设: the sentence's topic,
    or the company 该公司/该项目 stands for."""
    establish = _establish(s, cue)
    if establish is None:
        return []
    text, e_end = s.text, establish[1]
    first = s.first_after(e_end)
    if first is not None and text[e_end:s.mentions[first].start] in s.lex["object_links"]:
        targets = enumeration(s, first, ORGS_AND_ZONES, s.end)
        if targets:
            return targets
    c_start, _ = s.clause_of(cue[0])
    by = text.rfind(s.lex["agent_marker"], c_start, cue[0])
    if by < 0:
        return []
    referent = _referent(s)
    if referent is not None:
        return [Mention(referent, s.start, s.start, "")]  # 该公司由A与B共同投资设立
    found_topic = s.topic
    if found_topic is not None and found_topic.label in ORGS_AND_ZONES and s.mentions and s.mentions[0].end <= by:
        return [Mention(found_topic, s.start, s.start, "")]  # 产业园…由A与B共同投资建设
    opening = [m for m in s.mentions if m.start == c_start and m.end <= by and m.key.label in ORGS_AND_ZONES]
    return opening[:1]  # 作为中日合资企业，广汽本田由A与B各出资50%设立: the clause's subject


reads("investedIn", "company_pronouns", "project_pronouns")


def _referent(s: Sentence) -> EntityKey | None:
    """The company a sentence opening with 该公司 (the last one named) or 该项目 (the last company of the
    sentence before) stands for."""
    text, lex = s.text, s.lex
    if text.startswith(lex["company_pronouns"], s.start):
        return s.topic if s.topic is not None and s.topic.label == "Company" else None
    if text.startswith(lex["project_pronouns"], s.start) and s.index > 0:
        before = s.view.sentences[s.index - 1]
        companies = [m for m in s.view.mentions_between(*before) if m.key.label == "Company"]
        return companies[-1].key if companies else None
    return None


def _direct_object(s: Sentence, cue: _Cue) -> list[Mention]:
    """A投资B, A收购了B: the body or place right after the cue."""
    first = s.first_after(cue[1])
    if relative_investment(s, cue[0]) is not None:
        return []  # 在长投资的青松株式会社: the name after 的 is who invests (investedIn.relative_clause)
    if first is None or s.text[cue[1]:s.mentions[first].start] not in s.lex["object_links"] \
            or s.mentions[first].key.label not in BODIES_AND_PLACES:
        return []
    return [s.mentions[first]]


reads("investedIn", "own_markers", "place_marker")


def _own(s: Sentence, cue: _Cue) -> Investment | None:
    """A将对其在Z设立的B增资M: A invests in its own company B, set up in Z (the target ends at the cue)."""
    text, lex = s.text, s.lex
    c_start, c_end = s.clause_of(cue[0])
    marker = next(((at, word) for word in lex["own_markers"]
                   for at in [text.rfind(word, c_start, cue[0])] if at >= 0), None)
    if marker is None:
        return None
    at, word = marker
    targets = [m for m in s.mentions if at + len(word) <= m.start and m.end == cue[0] and m.key.label in ORGS_AND_ZONES]
    investors = [m for m in s.mentions if c_start <= m.start and m.end <= at and m.key.label in BODIES_AND_PLACES
                 and lex["invest_gap_pattern"].match(text, m.end, at)]
    if not targets:
        return None
    investor_keys = [investors[-1].key] if investors else ([s.topic] if s.topic is not None else [])
    if not investor_keys:
        return None
    inside = s.find("establish", at, targets[0].start)
    place_at = text.find(lex["place_marker"], at, targets[0].start)
    place = next((m for m in s.mentions if m.start == place_at + len(lex["place_marker"])
                  and m.key.label in PLACE_CLASSES), None) if place_at >= 0 else None
    place = place_run(s, place)[-1] if place is not None else None  # 在东莞市长安镇: 长安镇
    return Investment(cue[0], "subsidiary", investor_keys, targets[:1], inside[0] if inside else None,
                      money_after(s, cue[1], c_end), place)


def _subsidiary(s: Sentence, cue: _Cue) -> list[Mention]:
    """增资…扩建其位于X的B: the investor's own company after 其/旗下 (past a clause of place)."""
    for marker in s.lex["subsidiary_markers"]:
        at = s.text.find(marker, cue[1], min(s.end, cue[1] + 24))
        if at >= 0:
            begin = skip_relative(s, at + len(marker), s.end)
            targets = [m for m in s.mentions if m.start == begin and m.key.label in ("Company", "Organization")][:1]
            if targets:
                return targets
    return []


reads("investedIn", "build_gap_pattern")


def _in_place(s: Sentence, cue: _Cue) -> list[Mention]:
    """A将投资M，在Z建设…: the place right after 在, where something is set up or built (not 在中国的第3家)."""
    place_word, text = s.lex["place_marker"], s.text
    at = text.find(place_word, cue[1], min(s.end, cue[1] + 24))
    if at < 0:
        return []
    places = [m for m in s.mentions if m.start == at + len(place_word) and m.key.label in PLACE_CLASSES][:1]
    if not places:
        return []
    places = place_run(s, places[0])[-1:]  # 在青岛市即墨区设立: 即墨区
    gap = s.lex["build_gap_pattern"].match(text, places[0].end, s.end)
    after = gap.end() if gap else places[0].end
    if any(start == after for start, _, _ in (*s.find("establish", after, s.end), *s.find("invest", after, s.end))):
        return places
    return []


#: The one class that invests in a partner place of a pair (investedIn.pair_places).
_INVESTOR = "Company"


def _pair_places(s: Sentence, cue: _Cue, investors: list[EntityKey]) -> list[Mention]:
    """A与B… in this sentence, A投资: the partners that are places (青木株式会社与白河市签约，投资…); B投资: A, if
    it is a place (郑州经开区与优尼集团签约：优尼集团投资5亿元建设工厂). Only a company invests so: two
    places or a body and a place that trade and invest (辽宁与日本…扩大投资, 经贸投资往来) name no investor."""
    pair = pair_of(s) if named_here(s) else None
    if pair is None:
        return []
    if pair[0] in investors and pair[0].label == _INVESTOR:
        return [Mention(p, cue[0], cue[0], "") for p in pair[1] if p.label in PLACE_CLASSES]
    if pair[0].label in PLACE_CLASSES and any(p in investors and p.label == _INVESTOR for p in pair[1]):
        return [Mention(pair[0], cue[0], cue[0], "")]
    return []


#: The kinds of target, tried in order; the first that finds one names the investment's targets.
_TARGETS: tuple[tuple[str, Callable[[Sentence, _Cue], list[Mention]]], ...] = (
    ("founders", _founded),
    ("direct_object", _direct_object),
    ("subsidiary", _subsidiary),
    ("in_place", _in_place),
)


def investments(s: Sentence) -> list[Investment]:
    """The investments of the sentence's 投资 cues that no preposition names (read once)."""
    return s.memo(investments, _investments)


def _investments(s: Sentence) -> list[Investment]:
    found: list[Investment] = []
    for cue in s.find("invest"):
        own = _own(s, cue)
        if own is not None:
            found.append(own)
            continue
        preposition = _preposition(s, cue)
        if preposition is not None:
            targets = _founded(s, cue)  # A在Z投资设立B: the preposition's investor founds B
            if not targets:
                continue
            kind, investors = "founders", [preposition[0].key]
        else:
            investors = _investors(s, cue)
            if not investors:
                continue
            kind, targets = "", []
            for kind, finder in _TARGETS:
                targets = finder(s, cue)
                if targets:
                    break
            if not targets:
                kind, targets = "pair_places", _pair_places(s, cue, investors)
        # 由A与“B”合资成立的“C”: a partner of the investment is none of its targets
        targets = [t for t in targets if t.key not in investors]
        establish = _establish(s, cue)
        _, c_end = s.clause_of(cue[0])
        amounts = money_after(s, cue[1], establish[0] if establish else c_end)
        places = _in_place(s, cue) if kind != "in_place" else []
        found.append(Investment(cue[0], kind, investors, targets, establish if kind == "founders" else None, amounts,
                                places[0] if places else None))
    return found
