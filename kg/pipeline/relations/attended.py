"""Which event the people of a sentence attend (出席E, 在E上, 会上 …), and which one it reports on.

Read by the ``participatedIn`` rules (:mod:`.participation`).
"""

from __future__ import annotations

from ...records import EntityKey, Mention
from ..marks import CLAUSE_BREAKS
from .base import Sentence, current_event, events_of, spoken_of
from .lexicon import reads
from .reported import ELSEWHERE as _ELSEWHERE
from .reported import REPORTED as _REPORTED
from .reported import REPORTING_CUES as _REPORTING_CUES
from .reported import reported_context
from .unnamed import ITEM_ENDS, unnamed_meeting
from .visit.visitors import is_delegation

__all__ = ["ITEM_ENDS", "RECENT", "attended_event", "context_event", "last_reported", "meeting_only", "met_before_cue",
           "quoted_speech", "relative_guests", "report_event", "reported_before", "told_before",
           "unnamed_meeting"]

#: How far after a cue the event it names may start (出席了“…”开幕式).
_EVENT_REACH = 6
#: How many of the latest relations to look through for the affiliations of this sentence.
RECENT = 64
#: Quotes around an event's name (在“第二届日中未来论坛”上).
_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"

reads("attended_event", "event_context_pattern", "place_marker", "generic_events")


def context_event(s: Sentence) -> Mention | None:
    """An event the sentence is set at: 在E上, E期间, E现场 (会上 inside 说明会上 is part of the name)."""
    text, context, place_word = s.text, s.lex["event_context_pattern"], s.lex["place_marker"]
    for m in events_of(s):
        end = m.end + (text[m.end:m.end + 1] in _CLOSE_QUOTES)
        start = m.start - (text[m.start - 1:m.start] in _OPEN_QUOTES)
        found = context.match(text, end)
        if found and (text.endswith(place_word, 0, start) or found.end() >= s.end or text[found.end()] in CLAUSE_BREAKS):
            return m
    return None


reads("meeting_only", "meeting", "attending_particles", "meeting_word")


def meeting_only(s: Sentence, cue_end: int) -> bool:
    """The cue of attending is followed by a meeting (副市长甲参加会见, 出席了会谈): what is attended is
    that meeting, not an event (but 出席座谈会: the meeting's word opens an event's name)."""
    text = s.text
    ats = {cue_end} | {cue_end + len(p) for p in s.lex["attending_particles"] if text.startswith(p, cue_end)}
    word = s.lex["meeting_word"]
    return any(start in ats and not text.startswith(word, end) for start, end, _ in s.find("meeting"))


reads("quoted_speech", "quoted_speech_followers")


def quoted_speech(s: Sentence, cue_end: int) -> bool:
    """The cue names a speech only as a guideline followed (贯彻…在E上的重要讲话精神): nobody attends."""
    return s.text.startswith(s.lex["quoted_speech_followers"], cue_end)


def attended_event(s: Sentence) -> tuple[EntityKey | None, bool]:
    """The event people of the sentence attend, and whether the sentence is set at it (会上, 在E上:
    everyone named attends)."""
    return s.memo(attended_event, _attended_event)


def _attended_event(s: Sentence) -> tuple[EntityKey | None, bool]:
    text = s.text
    if any(quoted_speech(s, c[1]) for c in s.find("participation")):
        return None, False  # 贯彻…在E上的重要讲话精神: a guideline quoted, no scene at the event
    context = context_event(s)
    if context is not None:
        return context.key, True
    events = events_of(s)
    settings = s.find("participation_context")
    everyone = bool(settings)
    cues = [c for c in s.find("participation") if not meeting_only(s, c[1])]
    # 甲致辞表示，…参加“某某展”: what is said after the speech verb is no event attended here
    said = min((c[0] for c in s.find("speech") if cues and c[0] >= cues[0][1]), default=s.end)
    for cue_start, cue_end, _ in [c for c in cues if c[0] < said]:
        if any(text.startswith(w, cue_end + i) for w in s.lex["generic_events"] for i in (0, 1)):
            return None, False  # 参加相关活动: no event of the text
        named = [m for m in events if cue_end <= m.start <= cue_end + _EVENT_REACH
                 and not any(ch in ITEM_ENDS for ch in text[cue_end:m.start])]
        if named:
            return named[0].key, everyone
        if unnamed_meeting(s, cue_end, s.clause_of(cue_end)[1]) is not None:
            return None, False  # 参加了以…为主题的人大议会对话: a meeting the text names by its kind, no event of its own
    if any(m.start < said for m in events) or not events:
        event = current_event(s) if events else reported_context(s)
    else:
        event = s.memo(reported_before, reported_before)
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


def told_before(s: Sentence) -> EntityKey | None:
    """The event the sentence before was set at, or says was held or attended."""
    view = s.view
    if not s.index:
        return None
    start, end = view.sentences[s.index - 1]
    for r in reversed(view.relations[-RECENT:]):
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
    return events[0].key if events else reported_before(s)


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


def last_reported(s: Sentence) -> EntityKey | None:
    """The last event named before the sentence that the text says was held, hosted or attended,
    whatever was told since (峰会期间举行的对接会: the summit)."""
    return s.memo(_last_reported, _last_reported)


def reported_before(s: Sentence) -> EntityKey | None:
    view = s.view
    last = _last_reported_mention(s)
    if last is None or any(s.cues.find(family, last.end, s.start) for family in s.lex["frame_breaks"]):
        return None
    if _only_ahead(s, last):
        return None  # 访问团将参加E。甲表示…: the event is still to come, nobody speaks there yet
    if _met_guests_of(s, last):
        return None  # 市长甲会见了前来参加E的乙。甲表示…: they speak at the meeting, not at the event
    if any(last.end <= begin < s.start for begin, _ in _unnamed_meetings(s)):
        return None  # 见面会上…: another meeting told since
    if any(r.method == "pattern" and r.predicate in _ELSEWHERE and last.end <= r.start < s.start
           and not _in_speech(s, r.start) for r in view.relations):
        return None  # an investment, a founding, a signing or a visit told since
    return last.key


def _in_speech(s: Sentence, at: int) -> bool:
    """``at`` lies in what someone says at the event, after a speech verb of its paragraph (省长甲致辞表示，
    …。目前，日本在川投资设立企业逾550家…): a fact quoted there happened elsewhere but tells no new scene."""
    start = s.view.folded.rfind("\n", 0, at) + 1
    return bool(s.cues.find("speech", start, at))


reads("reported_before", "future_markers")
reads("_met_guests_of", "frame_breaks")


def _met_guests_of(s: Sentence, last: Mention) -> bool:
    """The event is named only to say who the guests met are (市长甲会见了前来参加E的乙): a meeting cue before it
    in its sentence, and 的 right after it."""
    start, _ = s.view.sentence(last.start)
    return relative_end(s, last) is not None \
        and any(s.cues.find(family, start, last.start) for family in s.lex["frame_breaks"])


def _only_ahead(s: Sentence, last: Mention) -> bool:
    """Every cue of attending or holding in the sentence that names ``last`` is said of the future
    (将参加, 拟举办, 将于5月在大阪举行)."""
    view = s.view
    start, end = view.sentence(last.start)
    cues = [c for family in _REPORTING_CUES for c in s.cues.find(family, start, end)]
    text, ahead = view.folded, s.lex["future_markers"]

    def said_ahead(at: int) -> bool:  # a marker in the clause before the cue (将于5月在大阪举行)
        clause = max([start] + [text.rfind(ch, start, at) + 1 for ch in CLAUSE_BREAKS])
        return any(text.find(word, clause, at) >= 0 for word in ahead)
    return bool(cues) and all(said_ahead(c[0]) for c in cues)


reads("relative_end", "relative_guest_pattern")


def relative_end(s: Sentence, event: Mention) -> int | None:
    """Where the guests start after an event a relative clause names (参加E的乙: after 的; 出席E(大连)的乙: a
    place in brackets goes with the name; a headline drops 的: 会见来榕参加E嘉宾), else None."""
    found = s.lex["relative_guest_pattern"].match(s.text, event.end)
    return found.end() if found else None


def relative_guests(s: Sentence, cues: list[tuple[int, int, str]]) -> tuple[set[int], list[Mention]]:
    """Cues of a relative clause before the people or delegations it describes (会见了前来参加E的日本外务大臣甲;
    会见来P参加E的乙代表团团长丙一行): where each starts, and the guests after 的 in its clause, who attend
    (not who receives them); after a verb of meeting, a clause that names no guest is one too (会见来榕参加E嘉宾)."""
    starts: set[int] = set()
    guests: list[Mention] = []
    events = [m for m in s.mentions if m.key.label == "Event"]
    for cue_start, cue_end, _ in cues:
        event = next((m for m in events if cue_end <= m.start <= cue_end + 1), None)
        end = relative_end(s, event) if event is not None else None
        if end is None:
            continue
        c_start, c_end = s.clause_of(cue_start)
        found = [m for m in s.mentions if end <= m.start and m.end <= c_end
                 and (m.key.label == "Person" or is_delegation(s, m.key))]
        if not found:
            if s.find("meeting", c_start, cue_start):
                starts.add(cue_start)
            continue
        if any(s.find(f, event.end, found[-1].start) for f in ("participation", "speech", "meeting")):
            continue
        starts.add(cue_start)
        guests.extend(found)
    return starts, guests


reads("met_before_cue", "time_clause_ends")


def met_before_cue(s: Sentence, mention: Mention, cues: list[tuple[int, int, str]]) -> bool:
    """The person is met (拜会了甲、乙，并出席E): a verb of meeting stands before them in their clause and the
    cue of attending after them is in a later clause: who meets attends, not who is met; but a clause of time
    (会见乙后，二人出席E) tells what both did next."""
    first = next((c for c in cues if c[0] >= mention.end), None)
    if first is None:
        return False
    clause_start, clause_end = s.clause_of(mention.start)
    clause = s.text[clause_start:clause_end].rstrip(CLAUSE_BREAKS)
    return first[0] > clause_end and bool(s.find("meeting", clause_start, mention.start)) \
        and not clause.endswith(s.lex["time_clause_ends"])
