"""``participatedIn``: who attends, speaks, presents or signs at an event.

The event is the one a cue names (出席E, 在E上), else the sentence's first event, else
the latest one of the paragraph, or the latest one named before where the sentence
refers back to it (此次活动, 会上, 与会).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...ontology import ORGANIZATION_CLASSES
from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS
from ..people.bylines import BYLINE_PEOPLE
from .base import Fact, Sentence, current_event, events_of, relation_rule, spoken_of
from .lexicon import reads

__all__ = ["attendee_bodies", "attendees", "deal_makers", "report_event", "signers", "speakers"]

_GATE = ("participation", "participation_context", "event_references", "@Event")
#: Who may attend besides people: bodies, and zones (their administrations present them).
_ATTENDING_BODIES = ORGANIZATION_CLASSES | {"Zone"}
#: Marks that end an item of a list of attendees (甲、乙及丙公司代表).
_ITEM_ENDS = CLAUSE_BREAKS + "、。"
#: How far after a cue the event it names may start (出席了“…”开幕式).
_EVENT_REACH = 6
#: How many of the latest relations to look through for the affiliations of this sentence.
_RECENT = 64
#: Quotes around an event's name (在“第二届日中未来论坛”上).
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"

reads("attended_event", "event_context_pattern", "place_marker", "generic_events")


def _context_event(s: Sentence) -> Mention | None:
    """An event the sentence is set at: 在E上, E期间, E现场 (会上 inside 说明会上 is part of the name)."""
    text, context, place_word = s.text, s.lex["event_context_pattern"], s.lex["place_marker"]
    for m in events_of(s):
        end = m.end + (text[m.end:m.end + 1] in _CLOSE_QUOTES)
        start = m.start - (text[m.start - 1:m.start] in _OPEN_QUOTES)
        found = context.match(text, end)
        if found and (text.endswith(place_word, 0, start) or found.end() >= s.end or text[found.end()] in CLAUSE_BREAKS):
            return m
    return None


def attended_event(s: Sentence) -> tuple[EntityKey | None, bool]:
    """The event people of the sentence attend, and whether the sentence is set at it (会上, 在E上:
    everyone named attends)."""
    return s.memo(attended_event, _attended_event)


def _attended_event(s: Sentence) -> tuple[EntityKey | None, bool]:
    text = s.text
    context = _context_event(s)
    if context is not None:
        return context.key, True
    events = events_of(s)
    settings = s.find("participation_context")
    everyone = bool(settings)
    cues = s.find("participation")
    # 甲致辞表示，…参加“某某展”: what is said after the speech verb is no event attended here
    said = min((c[0] for c in s.find("speech") if cues and c[0] >= cues[0][1]), default=s.end)
    for cue_start, cue_end, _ in [c for c in cues if c[0] < said]:
        if any(text.startswith(w, cue_end + i) for w in s.lex["generic_events"] for i in (0, 1)):
            return None, False  # 参加相关活动: no event of the text
        named = [m for m in events if cue_end <= m.start <= cue_end + _EVENT_REACH
                 and not any(ch in _ITEM_ENDS for ch in text[cue_end:m.start])]
        if named:
            return named[0].key, everyone
    if any(m.start < said for m in events) or not events:
        event = current_event(s)
    else:
        event = s.memo(_reported_before, _reported_before)
    if event is None:  # 在签约现场表示: at the event the text reports on, whatever was told since
        event = report_event(s) if not everyone else s.memo(_last_reported, _last_reported)
    if event is not None and any(_other_meeting(s, start, event) for start, _, _ in settings):
        return None, False
    return event, everyone


reads("attended_event", "meeting_word")

#: How long a meeting's kind is, at least, to name another meeting (见面会, not 大会).
_KIND = 3


def _other_meeting(s: Sentence, start: int, event: EntityKey) -> bool:
    """见面会上 where no event of the text is a 见面会: the sentence is set at a meeting the text
    names only by its kind, another one (会上 alone, 交流会上 after a 交流会, refer back)."""
    at = s.text.find(s.lex["meeting_word"], start, start + 2)
    return at >= 0 and any(begin < at < end for begin, end in _unnamed_meetings(s))


def _unnamed_meetings(s: Sentence) -> list[tuple[int, int]]:
    """Where the text names a meeting by its kind alone (a bare 见面会) that no event of the text is
    (交流会 may be the …交流大会…)."""
    view = s.view

    word = s.lex["meeting_word"]

    def find() -> list[tuple[int, int]]:
        text = view.folded
        resolved = {m.start for m in view.mentions if m.key.name != text[m.start:m.end]}
        events = [k.name for k in view.entities if k.label == "Event"]
        return sorted((c.start, c.end) for c in view.candidates
                      if c.label == "Event" and c.source == "backref" and c.end - c.start >= _KIND
                      and c.start not in resolved and text.endswith(word, c.start, c.end)
                      and not any(_spelled_in(text[c.start:c.end], e) for e in events if e != text[c.start:c.end]))
    return view.memo(_unnamed_meetings, find)


def _spelled_in(word: str, name: str) -> bool:
    """The characters of ``word`` occur in ``name`` in order (交流会 in …交流大会…)."""
    rest = iter(name)
    return all(ch in rest for ch in word)


reads("list_opening", "attendee_list_pattern", "invitation_words", "meeting")


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
    return [c for c in s.find("participation") if not _invited(s, c[0])]


@relation_rule("participatedIn.attendees", gate=_GATE)
def attendees(s: Sentence) -> Iterator[Fact]:
    """People before a cue (致辞, 出席…), after one that opens a list (出席活动的嘉宾有甲、乙), or
    anywhere in a sentence set at the event (会上, 在E上): they attend it
    (大连市副市长李强、日本贸易振兴机构理事田中一郎分别致辞)."""
    event, everyone = attended_event(s)
    if event is None:
        return
    cues = _cues(s)
    last_cue = cues[-1][0] if cues else None
    opens = _list_after(s)
    if last_cue is None and not everyone:
        return
    met = min((c[1] for c in s.find("meeting")), default=s.end)  # 会上，甲会见了乙: 乙 was met
    for mention in s.mentions:
        if mention.rule in BYLINE_PEOPLE:
            continue  # the reporters of a dateline attend nothing
        if mention.key.label == "Person" and ((everyone and mention.start < met)
                                              or (last_cue is not None and mention.start < last_cue)
                                              or (opens is not None and mention.start >= opens)):
            yield Fact(mention.key, "participatedIn", event, mention.start)


def _affiliation(s: Sentence, mention: Mention) -> bool:
    """A body a person's title follows (日中经济协会理事长清川佑二): the person attends, not the body."""
    text = s.text
    if any(r.predicate == "affiliatedWith" and r.object == mention.key and r.start == s.start
           for r in s.view.relations[-_RECENT:]):
        return True
    for other in s.mentions:
        if other.start >= mention.end and other.key.label == "Person":
            return not any(ch in _ITEM_ENDS for ch in text[mention.end:other.start]) \
                and not text.startswith(s.lex["organizer_roles"], mention.end)
    return False


reads("attendee_bodies", "organizer_roles", "subject_breaks", "object_markers", "leader_markers")


@relation_rule("participatedIn.attendee_bodies", gate=_GATE)
def attendee_bodies(s: Sentence) -> Iterator[Fact]:
    """The bodies and zones before a cue, back to the start of the sentence or a clause with a
    verb of its own (but a delegation someone leads: 甲率某某代表团访日，出席…), that are not a
    person's employer nor a host (丰田、松下等企业参展; A、B等企业代表，C相关负责人参加会议)."""
    event, _ = attended_event(s)
    if event is None:
        return
    cues = _cues(s)
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


@relation_rule("participatedIn.deal_makers", gate=("deal",), cues=("place_marker", "object_markers"))
def deal_makers(s: Sentence) -> Iterator[Fact]:
    """At an event, the companies and bodies that hold talks or reach deals there attend it
    (丰田通商、三菱商事等日资企业与相关园区达成合作意向; A、B等企业与日本企业进行了对接洽谈), where the
    sentence names the event, is set at it, or follows one that was (会上…。A、B等企业…对接)."""
    context = _context_event(s)
    events = events_of(s)
    event = context.key if context is not None else events[0].key if events else _told_before(s)
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


@relation_rule("participatedIn.signers", gate=("sign",))
def signers(s: Sentence) -> Iterator[Fact]:
    """At an event, the people who sign there attend it: those before a cue of signing in its
    clause (大连市常务副市长卢林、大阪市副市长田中清刚签署《合作备忘录》), where the sentence names the
    event, is set at it, or follows its report with nothing else told since."""
    context = _context_event(s)
    event = context.key if context is not None else report_event(s)
    if event is None:
        return
    for cue_start, _, _ in s.find("sign"):
        clause_start, _ = s.clause_of(cue_start)
        for m in s.mentions:
            if clause_start <= m.start and m.end <= cue_start and m.key.label == "Person" \
                    and m.rule not in BYLINE_PEOPLE:
                yield Fact(m.key, "participatedIn", event, m.start)


reads("speakers", "frame_breaks", "meeting", "attribution_markers")


@relation_rule("participatedIn.speakers", gate=("speech",))
def speakers(s: Sentence) -> Iterator[Fact]:
    """In the report of an event, the people who speak (表示, 说, 指出) are its speakers: the last
    person before the speech verb (日本驻青岛总领事井川原贤称…), at the event named before the verb
    or the last one the text reports as held, while no meeting, visit, investment or signing has
    been told since."""
    text = s.text
    for cue_start, _, _ in s.find("speech"):
        named = [m for m in events_of(s) if m.end <= cue_start]
        # an event named after the verb is what the speaker talks about: 表示，通过太湖论坛…
        event = named[-1].key if named else s.memo(_reported_before, _reported_before)
        if event is None:
            continue
        clause_start, _ = s.clause_of(cue_start)
        if text.startswith(s.lex["attribution_markers"], clause_start):
            continue  # 据某副区长介绍: a source of the facts told, not a speech at the event
        people = [m for m in s.mentions if m.key.label == "Person" and m.end <= cue_start and m.start >= clause_start
                  and m.rule not in BYLINE_PEOPLE]
        if people and not any(ch in CLAUSE_BREAKS for ch in text[people[-1].end:cue_start]):
            yield Fact(people[-1].key, "participatedIn", event, people[-1].start)


def _told_before(s: Sentence) -> EntityKey | None:
    """The event the sentence before was set at, or says was held or attended."""
    view = s.view
    if not s.index:
        return None
    start, end = view.sentences[s.index - 1]
    for r in reversed(view.relations[-_RECENT:]):
        if r.start == start and r.method == "pattern" and (
                r.predicate == "participatedIn" or (r.predicate in _REPORTED and r.subject.label == "Event")):
            return r.object if r.predicate == "participatedIn" else r.subject
    events = [m for m in view.mentions_between(start, end) if m.key.label == "Event"]
    for m in events:
        if s.lex["event_context_pattern"].match(s.text, m.end):
            return m.key
    return None


def report_event(s: Sentence) -> EntityKey | None:
    """The event a sentence reports on: named in it, or the last one named before it that the text
    says was held, hosted or attended, with no meeting, visit, investment or signing told since."""
    return s.memo(report_event, _report_event)


def _report_event(s: Sentence) -> EntityKey | None:
    events = events_of(s)
    return events[0].key if events else _reported_before(s)


def _last_reported_mention(s: Sentence) -> Mention | None:
    """The last event named before the sentence that the text says was held, hosted or attended
    (a fact says so, or a cue of holding, hosting or attending is in the sentence that names it)."""
    view = s.view
    reported = {r.subject for r in view.relations if r.method == "pattern" and r.predicate in _REPORTED}
    reported |= {r.object for r in view.relations if r.method == "pattern" and r.predicate == "participatedIn"}
    last = view.last_before(s.start, {"Event"})
    while last is not None and spoken_of(s, last):
        last = view.last_before(last.start, {"Event"})  # 甲表示，相信进口博览会…: talked about
    while last is not None and last.key not in reported:
        start, end = view.sentence(last.start)
        if not s.cues.families_in(start, end).isdisjoint(_REPORTING_CUES):
            # of the events that sentence names, one it states facts of (E在P举行，这是X系列活动的首场)
            stated = [m for m in view.mentions_between(start, end) if m.key.label == "Event" and m.key in reported]
            return stated[0] if stated else last
        last = view.last_before(last.start, {"Event"})
    return last


def _last_reported(s: Sentence) -> EntityKey | None:
    last = _last_reported_mention(s)
    return last.key if last is not None else None


def _reported_before(s: Sentence) -> EntityKey | None:
    view = s.view
    last = _last_reported_mention(s)
    if last is None or any(s.cues.find(family, last.end, s.start) for family in s.lex["frame_breaks"]):
        return None
    if any(last.end <= begin < s.start for begin, _ in _unnamed_meetings(s)):
        return None  # 见面会上…: another meeting told since
    if any(r.method == "pattern" and r.predicate in _ELSEWHERE and last.end <= r.start < s.start
           for r in view.relations):
        return None  # an investment, a founding, a signing or a visit told since
    return last.key


#: What says an event was reported on; what, told after it, tells of something else.
_REPORTED = frozenset({"heldIn", "organizedBy"})
_REPORTING_CUES = frozenset({"hold", "organize", "participation"})
_ELSEWHERE = frozenset({"investedIn", "established", "signedWith", "visited"})
