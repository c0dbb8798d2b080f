"""``participatedIn``: who attends, speaks, presents or signs at an event.

The event is the one a cue names (出席E, 在E上), else the sentence's first event, else
the latest one of the paragraph, or the latest one named before where the sentence
refers back to it (此次活动, 会上, 与会): see :mod:`.attended`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS
from ..people.bylines import BYLINE_PEOPLE
from .attended import (ITEM_ENDS, RECENT, attended_event, context_event, meeting_only, met_before_cue, quoted_speech,
                       relative_guests, report_event, reported_before, told_before)
from .base import Fact, Sentence, events_of, relation_rule
from .lexicon import reads

__all__ = ["attendee_bodies", "attendees", "deal_makers", "report_event", "speakers", "subject_bodies", "viewers"]

_GATE = ("participation", "participation_context", "event_references", "@Event")
#: Who may attend besides people: bodies (not zones: a zone listed before 推介/参加 is what is presented,
#: or its administration, named as a body when it attends: 0 of 11 right on real news).
_ATTENDING_BODIES = ORGANIZATION_CLASSES

reads("list_opening", "attendee_list_pattern", "invitation_words", "meeting")
reads("participatedIn.attendees", "speech")

#: What ends a speech verb that opens what is said (说，表示：).
SPEECH_BREAKS = "，,：:"
reads("_cues", "object_markers", "cue_containers")


def _list_after(s: Sentence) -> int | None:
    """Where a list of attendees opens after its cue (出席活动的嘉宾有甲、乙: after 有)."""
    pattern = s.lex["attendee_list_pattern"]
    for _, cue_end, _ in s.find("participation"):
        found = pattern.match(s.text, cue_end)
        if found:
            return found.end()
    return None


def _invited(s: Sentence, cue_start: int) -> bool:
    """The cue follows an invitation or a wish in its clause (邀请大家参加…): nobody attended yet."""
    clause_start, _ = s.clause_of(cue_start)
    return any(s.text.find(w, clause_start, cue_start) >= 0 for w in s.lex["invitation_words"])


def _cues(s: Sentence) -> list[tuple[int, int, str]]:
    objects = s.lex["object_markers"]
    # (向参会嘉宾表示欢迎, 对参加此次交流会的企业家们表示欢迎: who is welcomed, no act of the subject's)
    return [c for c in s.find("participation") if not _invited(s, c[0]) and not meeting_only(s, c[1])
            and not quoted_speech(s, c[1]) and not s.text.endswith(objects, 0, c[0]) and not _contained(s, c)]


def _contained(s: Sentence, cue: tuple[int, int, str]) -> bool:
    """The cue is part of a longer word that is no cue (得到会员的支持, 受到会见: no 到会)."""
    start, end, _ = cue
    return any(s.text.find(w, max(s.start, end - len(w)), min(s.end, start + len(w))) >= 0
               for w in s.lex["cue_containers"])


@relation_rule("participatedIn.attendees", gate=_GATE)
def attendees(s: Sentence) -> Iterator[Fact]:
    """People before a cue (致辞, 出席…; a verb of gathering: 甲、乙等济济一堂), after one that opens a list (出席活动的嘉宾有甲、乙), or
    anywhere in a sentence set at the event (会上, 在E上): they attend it
    (大连市副市长李强、日本贸易振兴机构理事田中一郎分别致辞); after a cue of a relative clause, the people it
    describes (市长甲会见了前来参加E的日本外务大臣乙: 乙, not 甲); not who is met in a clause before the cue
    (代表团拜会了甲、乙，并出席E)."""
    event, everyone = attended_event(s)
    if event is None:
        return
    cues = _cues(s)
    relative, guests = relative_guests(s, cues)
    for guest in guests:
        if guest.key.label == "Person":
            yield Fact(guest.key, "participatedIn", event, guest.start)
    if relative:
        cues = [c for c in cues if c[0] not in relative]
        if not cues and not everyone:
            return
    last_cue = cues[-1][0] if cues else None
    opens = _list_after(s)
    if last_cue is None and not everyone:
        return
    met = min((c[1] for c in s.find("meeting")), default=s.end)  # 会上，甲会见了乙: 乙 was met
    for mention in s.mentions:
        if mention.rule in BYLINE_PEOPLE:
            continue  # the reporters of a dateline attend nothing
        if mention.key.label == "Person" and ((everyone and mention.start < met)
                                              or (last_cue is not None and mention.start < last_cue
                                                  and not _says_before_cue(s, mention, cues)
                                                  and not met_before_cue(s, mention, cues))
                                              or (opens is not None and mention.start >= opens)):
            yield Fact(mention.key, "participatedIn", event, mention.start)


def _says_before_cue(s: Sentence, mention: Mention, cues: list[tuple[int, int, str]]) -> bool:
    """The person speaks (说，表示：) before the first cue after them: the cue is in what they say, not
    their act (甲说，明年博览会将在武汉举行，届时会有更多企业参加)."""
    first = next((c for c in cues if c[0] >= mention.end), None)
    if first is None:
        return False
    return any(s.text[end:end + 1] in SPEECH_BREAKS for _, end, _ in s.find("speech", mention.end, first[0]))


def _affiliation(s: Sentence, mention: Mention) -> bool:
    """A body a person's title follows (日中经济协会理事长笹川雅二): the person attends, not the body;
    but one its delegates stand for here attends (协会会长甲出席，协会代表、企业代表参加了活动)."""
    text = s.text
    delegate = next((w for w in s.lex["delegate_words"] if text.startswith(w, mention.end)), None)
    after = mention.end + len(delegate or "")
    mark = text[after:after + 1]
    if delegate is not None and ((mark and mark in ITEM_ENDS) or text.startswith(s.lex["delegate_followers"], after)):
        return False  # (but 协会代表张三, 株式会社甲代表取缔役会长乙: a title of a person's)
    if any(r.predicate == "affiliatedWith" and r.object == mention.key and r.start == s.start
           for r in s.view.relations[-RECENT:]):
        return True
    for other in s.mentions:
        if other.start >= mention.end and other.key.label == "Person":
            if text.startswith(s.lex.titles, mention.end):
                return True  # 青山省委常委、市委书记甲致辞: a title right after the body is a post of a person's
            return not any(ch in ITEM_ENDS for ch in text[mention.end:other.start]) \
                and not text.startswith(s.lex["organizer_roles"], mention.end)
    return False


reads("attendee_bodies", "organizer_roles", "subject_breaks", "object_markers", "leader_markers", "delegate_words",
      "delegate_followers")


@relation_rule("participatedIn.attendee_bodies", gate=_GATE)
def attendee_bodies(s: Sentence) -> Iterator[Fact]:
    """The bodies before a cue, back to the start of the sentence or a clause with a
    verb of its own (but a delegation someone leads: 甲率某某代表团访日，出席…), that are not a
    person's employer nor a host (丰田、松下等企业参展; A、B等企业代表，C相关负责人参加会议); after a cue of a
    relative clause, the delegation it describes (会见来P参加E的乙代表团)."""
    event, _ = attended_event(s)
    if event is None:
        return
    cues = _cues(s)
    relative, guests = relative_guests(s, cues)
    for guest in guests:
        if guest.key.label != "Person":  # 会见来P参加E的乙代表团: the delegation
            yield Fact(guest.key, "participatedIn", event, guest.start)
    cues = [c for c in cues if c[0] not in relative]
    if not cues:
        return
    text, roles, place_word, objects = s.text, s.lex["organizer_roles"], s.lex["place_marker"], s.lex["object_markers"]
    cue_start = cues[-1][0]
    begin = s.start
    for c_start, c_end in s.clauses:
        if c_end >= cue_start:
            break
        if any(s.find(family, c_start, c_end) for family in s.lex["subject_breaks"]):
            begin = c_end  # 由A主办，B参加: a clause with a verb of its own
    leaders = s.lex["leader_markers"]
    for mention in s.mentions:
        led = text.endswith(leaders, 0, mention.start)  # 甲率某某代表团…出席: the delegation attends too
        if mention.key.label in _ATTENDING_BODIES and (begin <= mention.start or led) and mention.end <= cue_start \
                and not text.startswith(roles, mention.end) and not s.preceded_by(mention, place_word) \
                and not text.endswith(objects, 0, mention.start) and not _affiliation(s, mention):
            yield Fact(mention.key, "participatedIn", event, mention.start)


reads("participatedIn.subject_bodies", "participation_context", "place_marker", "enumeration_links", "list_end_marker",
      "organizer_roles", "event_determiners", "event_context_pattern")
#: Quotes around an event's name (在“第二届日中未来论坛”上).
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"


def _enumeration(s: Sentence, start: int) -> list[Mention]:
    """The names listed one after another from ``start`` (A、B及C), the names inside a name left out."""
    links = tuple(w for w in s.lex["enumeration_links"] if not any(ch in CLAUSE_BREAKS for ch in w))
    found: list[Mention] = []
    at = start
    for m in s.mentions:
        if found and m.start < found[-1].end:
            continue  # 日本 of 日本贸易振兴机构
        if m.start < at:
            continue
        if s.text[at:m.start] not in (links if found else ("",)):
            break
        found.append(m)
        at = m.end
    return found


@relation_rule("participatedIn.subject_bodies", gate=_GATE)
def subject_bodies(s: Sentence) -> Iterator[Fact]:
    """In a sentence set at an event, the bodies listed at the head of the clause that does so (会上，A及B等
    7家日资企业提出了建议; A、B等十余家企业在本次座谈会上进行了交流) attend it; not a body a title of a
    person's follows (会上，青山商会会长甲致辞: the person attends), nor a host (A主办)."""
    text, place_word = s.text, s.lex["place_marker"]
    heads: list[tuple[int, int | None, EntityKey]] = []
    event, everyone = attended_event(s)
    if event is not None and everyone:
        for start, end, _ in s.find("participation_context"):
            if s.clause_of(start)[0] == start and text[end:end + 1] in CLAUSE_BREAKS:
                heads.append((end + 1, None, event))  # 会上，A、B…
    for m in events_of(s):  # A、B等企业在(本次)“E”上…
        if not s.lex["event_context_pattern"].match(text, m.end + (text[m.end:m.end + 1] in _CLOSE_QUOTES)):
            continue
        begin = m.start - (text[m.start - 1:m.start] in _OPEN_QUOTES)
        begin -= next((len(w) for w in s.lex["event_determiners"] if text.endswith(w, 0, begin)), 0)
        marker = begin - len(place_word)
        if text.startswith(place_word, marker):
            clause_start, clause_end = s.clause_of(marker)
            # 在E上，A、B等企业…: the list opens the next clause
            heads.append((clause_start, marker, m.key) if clause_start < marker else (clause_end + 1, None, m.key))
    closers, roles = s.lex["list_end_marker"], s.lex["organizer_roles"]
    for head, marker, attended in heads:
        listed = _enumeration(s, head)
        if not listed:
            continue
        after = listed[-1].end
        if marker is not None and not (after == marker or text.startswith(closers, after)
                                       and not any(ch in CLAUSE_BREAKS for ch in text[after:marker])):
            continue  # the list must be who is there: right before 在E上, or closed by 等
        if marker is None and not text.startswith(closers, after):
            continue
        for m in listed:
            if m.key.label in _ATTENDING_BODIES and not text.startswith(roles, m.end) and not _affiliation(s, m):
                yield Fact(m.key, "participatedIn", attended, m.start)


@relation_rule("participatedIn.deal_makers", gate=("deal",), cues=("place_marker", "object_markers"))
def deal_makers(s: Sentence) -> Iterator[Fact]:
    """At an event, the companies and bodies that hold talks or reach deals there attend it
    (丰田通商、三菱商事等日资企业与相关园区达成合作意向; A、B等企业与日本企业进行了对接洽谈), where the
    sentence names the event, is set at it, or follows one that was (会上…。A、B等企业…对接)."""
    context = context_event(s)
    events = events_of(s)
    event = context.key if context is not None else events[0].key if events else told_before(s)
    if event is None:
        return
    text, place_word, objects = s.text, s.lex["place_marker"], s.lex["object_markers"]
    for cue_start, _, _ in s.find("deal"):
        if _invited(s, cue_start):
            continue
        clause_start, _ = s.clause_of(cue_start)
        for m in s.mentions:
            if clause_start <= m.start and m.end <= cue_start and m.key.label in ORGANIZATION_CLASSES \
                    and not s.preceded_by(m, place_word) and not text.endswith(objects, 0, m.start) \
                    and not _affiliation(s, m):
                yield Fact(m.key, "participatedIn", event, m.start)


reads("participatedIn.viewers", "list_continuations", "exhibition_ends")


@relation_rule("participatedIn.viewers", gate=("viewing",), cues=("object_markers",))
def viewers(s: Sentence) -> Iterator[Fact]:
    """Who views an exhibition named after 参观/观看 in the clause: the people and bodies before the cue
    in its clause attend it (甲陪同知事乙参观“青山图片展”, 甲一行参观了A、B和C展览)."""
    text, objects = s.text, s.lex["object_markers"]
    for cue_start, cue_end, _ in s.find("viewing"):
        clause_start, clause_end = s.clause_of(cue_start)
        while clause_end < s.end and text.startswith(s.lex["list_continuations"], clause_end + 1):
            clause_end = s.clause_of(clause_end + 1)[1]  # 参观了A，以及B和C展览: the list goes on
        events = [m for m in events_of(s) if cue_end <= m.start and m.end <= clause_end
                  and m.key.name.endswith(s.lex["exhibition_ends"])]
        if not events:
            continue
        for m in s.mentions:
            if clause_start <= m.start and m.end <= cue_start and m.rule not in BYLINE_PEOPLE \
                    and (m.key.label == "Person" or m.key.label in ORGANIZATION_CLASSES and not _affiliation(s, m)) \
                    and not text.endswith(objects, 0, m.start):
                for event in events:
                    yield Fact(m.key, "participatedIn", event.key, m.start)


reads("speakers", "frame_breaks", "meeting", "attribution_markers")


@relation_rule("participatedIn.speakers", gate=("speech",))
def speakers(s: Sentence) -> Iterator[Fact]:
    """In the report of an event, the people who speak (表示, 说, 指出) are its speakers: the last
    person before the speech verb (日本驻青岛总领事江川原健称…), at the event named before the verb
    or the last one the text reports as held, while no meeting, visit, investment or signing has
    been told since; not one named only to say who the guests met are (市长甲会见了前来参加E的乙。甲表示…)."""
    text = s.text
    for cue_start, _, _ in s.find("speech"):
        named = [m for m in events_of(s) if m.end <= cue_start]
        # an event named after the verb is what the speaker talks about: 表示，通过太湖论坛…
        event = named[-1].key if named else s.memo(reported_before, reported_before)
        if event is None:
            continue
        clause_start, _ = s.clause_of(cue_start)
        if text.startswith(s.lex["attribution_markers"], clause_start):
            continue  # 据某副区长介绍: a source of the facts told, not a speech at the event
        people = [m for m in s.mentions if m.key.label == "Person" and m.end <= cue_start and m.start >= clause_start
                  and m.rule not in BYLINE_PEOPLE]
        if people and not any(ch in CLAUSE_BREAKS for ch in text[people[-1].end:cue_start]):
            yield Fact(people[-1].key, "participatedIn", event, people[-1].start)
