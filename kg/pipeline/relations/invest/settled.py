"""The ``investedIn`` rule that reads a list of companies settling or investing where the text is about:
A、B、C等(一大批…)(企业/项目)(纷纷)落户/投资 (the place after 在 in their clause, else the zone the paragraph
opens with, else the article's zone or home city)."""

from __future__ import annotations

from collections.abc import Iterator

from ....ontology import PLACE_CLASSES
from ....records import EntityKey
from ...marks import CLAUSE_BREAKS
from ..base import Fact, Sentence, date_near, relation_rule
from ..lexicon import reads
from .signed import _home_place

__all__ = ["listed_settled"]

reads("investedIn", "settled_list_ends", "settled_list_verbs", "invest_hope_words", "listed_firm_place_markers",
      "settled_list_blockers", "signed_project_heads")

#: How many characters may stand between a list's close (等, ……) and the verb of its clause
#: (等一大批投资过百亿元的重大产业项目纷纷落户).
_VERB_GAP = 30
#: How long a last item of a list may be that the reading did not name (…、积水……).
_TAIL = 6
_MARKS = set(CLAUSE_BREAKS) | set("、。！？“”《》()（）\n")
_ENDS = "。！？\n"


@relation_rule("investedIn.listed_settled", gate=("invest", "settle"), cues=("invest", "settle"))
def listed_settled(s: Sentence) -> Iterator[Fact]:
    """A、B、C等…落户/投资 in one clause: each company of a list of two or more closed by 等 or …… invests in
    the place after 在/来 before the verb (A、B……一大批跨国公司先后在苏州高新区投资: a list closed by …… may stand
    in the sentence before, the splitter ends one there) or right after it (…等重大项目已相继落户株洲), else in
    the zone the paragraph names first before the sentence (徐圩基地项目位于…。目前，A、B、C等一大批重大产业项目
    纷纷落户; 全区的日资企业…其中A、B等世界500强投资企业12家), else in the article's zone (named three times or
    more) or home city; not a hope (希望A、B等企业投资), nor a list that works with someone (A、B等企业与…合作),
    nor an item named as a project (甲南方基地)."""
    text, lex = s.text, s.lex
    verbs, heads = tuple(lex["settled_list_verbs"]), tuple(lex["signed_project_heads"])
    start = _scope_start(s)
    mentions = [m for m in s.view.mentions_between(start, s.end) if m.key.label == "Company"]
    for last_end, close_end in _closes(s, start, mentions):
        listed = _listed(text, mentions, last_end)
        if len(listed) < 2:
            continue
        verb = _verb_after(text, close_end, min(s.end, close_end + _VERB_GAP), verbs)
        if verb is None or verb < s.start:
            continue
        c_start = max(text.rfind(ch, start, listed[0].start) for ch in CLAUSE_BREAKS) + 1
        if any(w in text[max(c_start, start):listed[0].start] for w in lex["invest_hope_words"]) \
                or any(w in text[listed[-1].end:verb] for w in lex["settled_list_blockers"]):
            continue
        place = _place_between(s, close_end, verb) or _place_after(s, verb, verbs) or _paragraph_zone(s, start) \
            or _home_place(s)
        if place is None:
            continue
        for m in listed:
            if m.key != place and not m.key.name.endswith(heads):  # (甲南方基地: a project, no investor)
                yield Fact(m.key, "investedIn", place, verb, date=date_near(s, verb))


def _scope_start(s: Sentence) -> int:
    """Where the sentence's lists may begin: its start, or the start of the sentence before where that one
    ends with …… (the splitter ends a sentence there: A、B、C……一大批公司先后在Z投资)."""
    text = s.text
    if not text.endswith("…", 0, s.start):
        return s.start
    return max(text.rfind(ch, 0, s.start) for ch in _ENDS) + 1


def _closes(s: Sentence, start: int, companies: list) -> list[tuple[int, int]]:
    """Where the lists of companies close (等, ……) and where their last named company ends: right before the
    close, or before a last item of a few characters the reading did not name (A、B、积水……)."""
    text, ends = s.text, tuple(s.lex["settled_list_ends"])
    company_ends = {m.end for m in companies}
    found = []
    for at in range(start, s.end):
        end = next((w for w in ends if text.startswith(w, at)), None)
        if end is None or (at > start and text.startswith(end, at - 1)):
            continue
        if at in company_ends:
            found.append((at, at + len(end)))
            continue
        comma = text.rfind("、", max(start, at - _TAIL), at)
        if comma in company_ends and not any(ch in _MARKS for ch in text[comma + 1:at]):
            found.append((comma, at + len(end)))  # (A、B、积水……: the tail item no name)
    return found


def _listed(text: str, companies: list, end: int) -> list:
    """The companies joined by 、 that end right at ``end``."""
    listed: list = []
    at = end
    for m in reversed([m for m in companies if m.end <= end]):
        if m.end != at:
            break
        listed.insert(0, m)
        if text[m.start - 1:m.start] != "、":
            break
        at = m.start - 1
    return listed


def _verb_after(text: str, start: int, end: int, verbs: tuple[str, ...]) -> int | None:
    """Where the first settling or investing verb begins in ``[start, end)``, no clause break before it."""
    for at in range(start, end):
        if text[at] in CLAUSE_BREAKS or text[at] in _ENDS:
            return None
        if text.startswith(verbs, at):
            return at
    return None


def _place_between(s: Sentence, start: int, end: int) -> EntityKey | None:
    """The last place after 在/来 between the list and its verb (…先后在苏州高新区投资)."""
    markers = tuple(s.lex["listed_firm_place_markers"])
    places = [m for m in s.view.mentions_between(start, end) if m.key.label in PLACE_CLASSES
              and s.text.endswith(markers, 0, m.start)]
    return places[-1].key if places else None


def _place_after(s: Sentence, verb: int, verbs: tuple[str, ...]) -> EntityKey | None:
    """The place right after the verb (…等重大项目已相继落户株洲)."""
    end = verb + len(next(v for v in verbs if s.text.startswith(v, verb)))
    return next((m.key for m in s.mentions if m.start == end and m.key.label in PLACE_CLASSES), None)


def _paragraph_zone(s: Sentence, start: int) -> EntityKey | None:
    """The first zone the paragraph names before the list's sentence (徐圩石化产业基地项目位于…。目前，…纷纷落户)."""
    begin = s.text.rfind("\n", 0, start) + 1
    return next((m.key for m in s.view.mentions_between(begin, start) if m.key.label == "Zone"), None)
