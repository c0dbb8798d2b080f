"""Names the suffix rules do not find: quoted titles, legal forms written first, bare suffixes."""

from __future__ import annotations

import re

from ..candidates import Candidate
from ..marks import HARD_BOUNDARIES
from ..rules import reads
from .event import led_event
from .lexicon import STAGE
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["bare_suffix", "brand_line", "legal_form_first", "local_brand", "quoted_title", "titled_exhibition"]

#: A quoted title, in “” or in the corner brackets 「」 that Taiwanese and Hong Kong pages quote with
#: (本次「日本关西周」活动); the title is the group ``title``.
_QUOTED = re.compile(r"(?:“|(?P<corner>「))(?P<title>(?(corner)[^「」\n]|[^“”\n]){2,30})(?(corner)」|”)")
#: How far after a quoted title its event suffix may end (“对话江苏”鲁日城市合作交流系列活动).
_TAIL = 20
#: A dash after an event's suffix adds the place of this edition (“第二届日中未来论坛-粤港澳大湾区”).
_DASHED = re.compile(r"^(.{2,28}?)[-—–]+([^-—–]{2,10})$")
_TITLE_BREAKS = frozenset("，。！？、,!?")
#: What may follow a quoted title's suffix, besides the words of ``after_title``: a mark, full-width or
#: ASCII (most pages write …活动,积极 with an ASCII comma), or a date (…推介会14日举行).
_AFTER_TITLE_MARKS = frozenset("，。、；：！？）)」”\n0123456789,;:!?")


def _quoted_name(scan: ShapeScan, match: re.Match[str]) -> Candidate | None:
    """“X”活动, “X”城市视觉展: the event a quoted title names, when an event suffix follows it."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    inner_start, inner_end = match.span("title")
    content = text[inner_start:inner_end]
    after = match.end()
    note = lex.alias_notes.match(text, after)
    tail_start = note.end() if note else after
    window = text[tail_start: tail_start + _TAIL]
    # each event suffix in the window (its first occurrence), longest first
    first_at: dict[str, int] = {}
    for at, _, sfx in lex.title_suffix_matcher.find(window):
        if len(sfx) == 1 and tail_start + at not in scan.longest:
            continue  # 发展, 一周, 环节: a common word, no event's end
        first_at.setdefault(sfx, at)
    follows = _AFTER_TITLE_MARKS | set(lex.words["after_title"])
    for sfx in sorted(first_at, key=lex.title_suffix_rank.__getitem__):
        at = first_at[sfx]
        follow = tail_start + at + len(sfx)
        if follow < len(text) and text[follow] not in follows:
            continue
        chunk = window[:at]
        if len(sfx) == 1 and follow < len(text) and text[follow] not in _AFTER_TITLE_MARKS \
                and not text.startswith(lex.words["possessive"], follow) \
                and not (chunk and not lex.generic.covers(chunk)
                         and text.startswith(tuple(lex.words["quoted_short_suffix_followers"]), follow)):
            continue  # only a mark or 的 after 展, 周 (…体验周的, …绘画展。; not “…”主题展开研讨); after words
            # of its own, 于 or 在 too (“…”纪念图片展于11日举办)
        if any(ch in HARD_BOUNDARIES for ch in chunk) or lex.stops.search(chunk):
            continue
        if chunk and not lex.generic.covers(chunk) and not note:
            # “在东京遇见无锡”城市视觉展: the name runs on after the quote; after a theme, a name
            # with its year or edition is the name (“携手同行”2024中日产业交流会)
            end = tail_start + at + len(sfx)
            if lex.words["event_marker_start_pattern"].match(chunk):
                return Candidate(tail_start, end, "Event", raw[tail_start:end], "quoted", priority=11,
                                 rule="shape.quoted_title")
            return Candidate(inner_start, end, "Event", raw[inner_start:end], "quoted", priority=11,
                             canonical=content + text[tail_start:end],
                             extra_aliases=(raw[match.start():end], raw[inner_start:inner_end]), rule="shape.quoted_title")
        end = tail_start + at + len(sfx)
        ceremony = lex.words["ceremony_suffix"]
        if not note and not chunk and len(sfx) > len(ceremony) and sfx.endswith(ceremony):
            # “青山交流之窗”揭牌仪式: the title names what the ceremony unveils or starts, no event;
            # the ceremony's name holds it
            return Candidate(inner_start, end, "Event", raw[inner_start:end], "quoted", priority=11,
                             canonical=content + text[tail_start:end],
                             extra_aliases=(raw[match.start():end],), rule="shape.quoted_title")
        if not note:
            # “对话四川”交流活动: the quoted title is the name, with the words after it an alias
            return Candidate(inner_start, end, "Event", raw[inner_start:end], "quoted", priority=11,
                             canonical=content, extra_aliases=(raw[match.start():end], raw[inner_start:inner_end]),
                             rule="shape.quoted_title")
        return Candidate(inner_start, inner_end, "Event", raw[inner_start:inner_end], "quoted", priority=11,
                         rule="shape.quoted_title")
    return None


def _titled(content: str, suffixes: tuple[str, ...]) -> bool:
    """A quoted event title: it ends in an event suffix, or in one and a dashed place (…论坛-长三角)."""
    if content.endswith(suffixes):
        return True
    dashed = _DASHED.match(content)
    return bool(dashed) and dashed.group(1).endswith(suffixes)


@shape_rule("shape.quoted_title")
def quoted_title(scan: ShapeScan) -> list[Candidate]:
    """A quoted title of an event: “X论坛”, or “X” before an event suffix (“在东京遇见无锡”城市视觉展)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    found = []
    for match in _QUOTED.finditer(text):
        inner_start, inner_end = match.span("title")
        content = text[inner_start:inner_end]
        if _titled(content, lex.event_suffixes) and not any(ch in content for ch in _TITLE_BREAKS):
            found.append(Candidate(inner_start, inner_end, "Event", raw[inner_start:inner_end], "quoted", priority=11,
                                   rule="shape.quoted_title"))
            continue
        cand = _quoted_name(scan, match) or led_event(scan, match, _AFTER_TITLE_MARKS)
        if cand is not None:
            found.append(cand)
    return found



_TITLED = re.compile(r"《([^《》\n]{2,30})》")
#: How far before 《 the words that open an exhibition's name may start (举办世界文化遗产《…》摄影展).
_EXHIBITION_PREFIX = 8

reads(STAGE, "shape.quoted_title", "quoted_short_suffix_followers", "ceremony_suffix")
reads(STAGE, "shape.titled_exhibition", "exhibition_suffixes", "exhibition_openers", "exhibition_short_followers")


@shape_rule("shape.titled_exhibition")
def titled_exhibition(scan: ShapeScan) -> list[Candidate]:
    """A work's title in 《》 before an exhibition's suffix names the exhibition, with the words after
    the opening verb or link before it (举办了《汉水的故事》博物馆特展和…; 举办世界文化遗产《古隆中》摄影展);
    not a title alone (签署《合作备忘录》), nor one a clause follows (《X》展开研讨)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    suffixes = tuple(sorted(lex.words["exhibition_suffixes"], key=len, reverse=True))
    openers = tuple(lex.words["exhibition_openers"])
    follows = _AFTER_TITLE_MARKS | set(lex.words["after_title"])
    # after a one-character suffix (…》展): a mark, 的 or a word that joins a list
    short_follows = _AFTER_TITLE_MARKS | set(lex.words["exhibition_short_followers"])
    found = []
    for match in _TITLED.finditer(text):
        tail = match.end()
        end = None
        for at in range(tail, min(len(text), tail + _TAIL)):
            if text[at] in HARD_BOUNDARIES:
                break
            sfx = next((x for x in suffixes if text.startswith(x, at)), None)
            if sfx is None or (len(sfx) == 1 and at not in scan.longest):
                continue  # (发展, 开展: a word, no exhibition's end)
            follow = at + len(sfx)
            after = text[follow] if follow < len(text) else "。"
            if after in (short_follows if len(sfx) == 1 else follows):
                end, own = follow, follow - len(sfx) > tail  # own: words of its own between 》 and the suffix
                break
        if end is None or lex.stops.search(text, tail, end):
            continue
        start = match.start()
        reach = start
        while reach > 0 and start - reach < _EXHIBITION_PREFIX and text[reach - 1] not in HARD_BOUNDARIES:
            reach -= 1
        window = text[reach:start]
        cut = max((window.rfind(w) + len(w) for w in openers if w in window), default=len(window))
        prefix = window[cut:]
        if prefix and not lex.generic.covers(prefix):
            start -= len(prefix)
        found.append(Candidate(start, end, "Event", raw[start:end], "quoted", priority=11,
                               extra_aliases=(raw[match.end():end],) if own else (),
                               rule="shape.titled_exhibition"))
    return found


def _country_before(scan: ShapeScan, at: int) -> int:
    """Where a listed country right before ``at`` starts (日本 | 株式会社罗森), else ``at``."""
    return next((c.start for c in scan.listed if c.end == at and c.label == "Country"), at)


@shape_rule("shape.legal_form_first")
def legal_form_first(scan: ShapeScan) -> list[Candidate]:
    """A legal form written first, maybe after its country: the name runs right to a boundary word
    (株式会社电通, 日本株式会社大和)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    tails = tuple(lex.words["legal_first_tails"])  # 株式会社岛津制作所总部: the company's head office
    class_nouns = tuple(lex.words["class_nouns"])
    found = []
    for rule in lex.rules:
        for prefix in rule.prefixes:
            at = text.find(prefix)
            while at >= 0:
                start = _country_before(scan, at)
                if start and text[start - 1] not in HARD_BOUNDARIES and not any(
                        m.end() == start for m in lex.stops.finditer(text, max(0, start - 4), start)) \
                        and not text.endswith(class_nouns, 0, start):  # (500强企业日本株式会社…)
                    at = text.find(prefix, at + 1)  # …合同会社 ends a name here, it opens none
                    continue
                limit = min(len(text), at + rule.max_length)
                end = at + len(prefix)
                # (a conjunction among the first characters is part of the name: 株式会社丸和精工)
                while end < limit and text[end] not in HARD_BOUNDARIES and not text.startswith(tails, end) and (
                        not lex.ends_name(text, end)
                        or (text[end] in lex.conjunctions and end - at - len(prefix) < rule.min_prefix)):
                    end += 1
                if end - at - len(prefix) >= rule.min_prefix:
                    found.append(Candidate(start, end, rule.label, raw[start:end], "shape", priority=rule.priority - 1,
                                           extra_aliases=(raw[at:end],) if start < at else (),
                                           rule="shape.legal_form_first"))
                at = text.find(prefix, at + 1)
    return found


@shape_rule("shape.bare_suffix")
def bare_suffix(scan: ShapeScan) -> list[Candidate]:
    """A zone's or event's suffix standing alone refers back to one named before (示范区, 交流会;
    a two-character one after a determiner: 该论坛, 本次活动)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    openers = lex.backref_openers
    found = []
    for end_index, sfx in scan.longest.items():
        start = end_index + 1 - len(sfx)
        rules = [r for r in lex.by_suffix[sfx] if r.backref]
        if not rules:
            continue
        before = text[start - 1] if start else "\n"
        if len(sfx) < 3 and not (rules[0].label == "Event" and text.endswith(lex.event_determiners, 0, start)):
            continue  # 论坛 alone is no back-reference; 该论坛, 本次活动 are
        if before in HARD_BOUNDARIES or before in openers or len(sfx) < 3:
            found.append(Candidate(start, end_index + 1, rules[0].label, raw[start:end_index + 1], "backref",
                                   priority=1, rule="shape.bare_suffix"))
    return found


reads(STAGE, "shape.local_brand", "local_brand_openers", "local_brand_joiners", "local_brand_followers",
      "local_brand_home")


@shape_rule("shape.local_brand")
def local_brand(scan: ShapeScan) -> list[Candidate]:
    """A listed foreign company's name right after a two-character word, the whole standing as one
    item of a list or clause: a local company or joint venture named after its place or partner
    (、青松电装、, 如白河铃木、, 白河-本田, 建设·雅马哈; not 日本电装, nor 包括电装)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    words = lex.words
    openers, joiners, followers = words["local_brand_openers"], words["local_brand_joiners"], words["local_brand_followers"]
    home = words["local_brand_home"]
    found = []
    for brand in scan.listed:
        entry = brand.entry
        if brand.label != "Company" or entry is None or not entry.parent or entry.parent == home \
                or (brand.end < len(text) and text[brand.end] not in followers):
            continue
        joined = bool(brand.start) and text[brand.start - 1] in joiners
        at = brand.start - 1 if joined else brand.start
        start = at - 2
        word = text[start:at] if start >= 0 else ""
        # (a word joined by a mark is the partner's name even where it is also a verb: 建设·雅马哈)
        if len(word) != 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in word) or lex.generic.covers(word) \
                or (lex.stops.search(word) and not joined) or any(c.start < at and c.end > start and c.label in ("Country", "Person")
                                                 for c in scan.listed):
            continue
        if start and text[start - 1] not in openers \
                and not any(m.end() == start for m in lex.stops.finditer(text, max(0, start - 4), start)):
            continue
        found.append(Candidate(start, brand.end, "Company", raw[start:brand.end], "shape", priority=10,
                               rule="shape.local_brand"))
    return found



@shape_rule("shape.brand_line")
def brand_line(scan: ShapeScan) -> list[Candidate]:
    """A listed company's short name, then a business-line word, where the name ends (a mark or a word
    that follows names after it): a company of the group named so (日立金属在苏州投资, 丸红商社与…签约,
    百度智能云、); not a longer name the lists hold, nor one that runs on (丰田汽车城, 日立的)."""
    text, raw, lex = scan.text, scan.raw, scan.lex
    lines, followers = lex.brand_lines, lex.brand_line_followers
    found = []
    for brand in scan.listed:
        if brand.label != "Company":
            continue
        line = lines.longest_prefix(text, brand.end)
        if not line:
            continue
        end = brand.end + len(line)
        if end < len(text) and not text.startswith(followers, end):
            continue
        if any(c.start <= brand.start and end <= c.end and c.end - c.start > end - brand.start for c in scan.listed):
            continue  # a longer listed name holds it
        found.append(Candidate(brand.start, end, "Company", raw[brand.start:end], "shape", priority=10,
                               rule="shape.brand_line"))
    return found
