"""One event, many forms: the fullest name of an event is its name, the shorter forms its aliases.

An article names an event in full once (株洲市2011汽车零部件企业(日资)招商洽谈会) and shorter
elsewhere: in the headline (株洲2011汽车零部件企业招商洽谈会), without its place or year
(投资环境说明会), or one part of an X暨Y name (智能制造产业推介会). A name found by its
suffix may also reach too far left, over words that are no part of it
(青木一郎对郑州投资环境说明会 where 郑州投资环境说明会 is named on its own).
"""

from __future__ import annotations

from ...ontology import PLACE_CLASSES
from ...records import EntityKey
from ...folding import fold
from ..rules import reads
from .lexicon import STAGE, entity_rule
from .resolution import Resolution, Span

__all__ = ["edition_digits", "ends_with", "event_sessions", "event_short_form", "merge_event"]

reads(STAGE, "entities.event_short_form", "event_marker_any_pattern", "event_cut_pattern",
      "event_form_noise_pattern", "event_dashed_pattern", "event_session_after_pattern",
      "event_session_list_pattern", "event_edition_any_pattern", "event_first_edition", "event_form_determiners",
      "event_form_joiners", "event_form_abbreviations", "event_edition_numeral_pattern", "event_edition_numerals")


def _marked(res: Resolution, start: int, end: int) -> bool:
    """``[start, end)`` holds a year, an edition, a listed place or a quote: words of a name."""
    if res.lex.words["event_marker_any_pattern"].search(res.text, start, end):
        return True
    return any(c.source == "gazetteer" and c.label in PLACE_CLASSES and start <= c.start and c.end <= end
               for c in res.candidates)


def ends_with(res: Resolution, key: EntityKey, ending: str) -> bool:
    """``key``'s name ends with ``ending``; an event's also before the place a dash adds to it
    (第二届日中未来论坛-粤港澳大湾区 ends with 论坛), or one of its forms does (“对话四川”交流活动 named
    对话四川 ends with 活动)."""
    if key.name.endswith(ending):
        return True
    if key.label != "Event":
        return False
    dashed = res.lex.words["event_dashed_pattern"].search(key.name)
    if dashed and key.name[:dashed.start()].endswith(ending):
        return True
    entity = res.entities.get(key)  # (“纪念…40周年”交流会: the quoted title is the name, the form ends in 交流会)
    return entity is not None and any(surface.endswith(ending) for surface in entity.surfaces)


def _listed_inside(res: Resolution) -> None:
    """A listed event that ends a longer event's name is that event (第二十三届中国国际投资贸易洽谈会
    holds 中国国际投资贸易洽谈会, listed as 投洽会): the listed one's name is an alias of it; one
    that another event's word follows names another event (进博会推介会)."""
    listed = [c for c in res.candidates if c.source == "gazetteer" and c.label == "Event" and c.canonical]
    if not listed:
        return
    dashed = res.lex.words["event_dashed_pattern"]
    for span in [sp for sp in res.spans if sp.key.label == "Event"]:
        if span.key not in res.entities:
            continue
        for c in listed:
            rest = res.text[c.end:span.end]
            if rest and not dashed.fullmatch(rest) and not (rest[0] in "(（" and rest[-1] in ")）"):
                continue  # (…博览会推介会: the promotion of the fair, not the fair)
            if span.start <= c.start and c.end <= span.end and c.end - c.start < span.end - span.start:
                key = EntityKey(c.canonical, "Event")
                if key != span.key and key in res.entities:
                    merge_event(res, key, span.key)
                elif key not in res.entities:
                    res.entities[span.key].add_surface(c.canonical, "entities.event_short_form")


def _cut_before(res: Resolution, at: int) -> bool:
    """A word that introduces a name ends at ``at`` (青木一郎对 | 郑州投资环境说明会)."""
    if res.lex.words["event_cut_pattern"].search(res.text, max(0, at - 4), at):
        return True
    return any(m.end() == at for m in res.lex.stops.finditer(res.text, max(0, at - 6), at))


def merge_event(res: Resolution, source: EntityKey, target: EntityKey, cut: int = 0,
           rule: str = "entities.event_short_form") -> None:
    """The spans and forms of ``source`` become ``target``'s; each span loses its first ``cut`` characters."""
    entity, into = res.entities.pop(source), res.entities[target]
    if not cut:
        into.add_surface(source.name, rule)
        for surface in entity.surfaces:
            into.add_surface(surface, rule)
    for i, span in enumerate(res.spans):
        if span.key == source:
            trim = cut if cut and span.end - span.start > cut else 0
            res.spans[i] = Span(span.start + trim, span.end, target, rule)
    for alias, key in list(res.defined.items()):
        if key == source:
            res.defined[alias] = target


def _numeral(word: str, numerals: dict[str, str]) -> int:
    """一百零二 → 102, 二十三 → 23, 十五 → 15 (the values of the numerals from the data)."""
    total, digit = 0, 0
    for ch in word:
        value = int(numerals[ch])
        if value >= 10:
            total, digit = total + (digit or 1) * value, 0
        else:
            digit = value
    return total + digit


def edition_digits(res: Resolution, core: str) -> str:
    """An edition written in Chinese numerals, in digits (第十五届 → 第15届)."""
    numerals = res.lex.words["event_edition_numerals"]
    return res.lex.words["event_edition_numeral_pattern"].sub(
        lambda m: m.group(0).replace(m.group(1), str(_numeral(m.group(1), numerals))), core)


def _same_core(res: Resolution, cores: dict[EntityKey, str], first: dict[EntityKey, Span]) -> None:
    """Two names of one event as long as each other that differ only in how they write the edition
    (第十五届 and 第15届) or in their marks: the one written first is the name (of two lengths, the
    fuller is, below)."""
    by_core: dict[tuple[str, int], list[EntityKey]] = {}
    for key, core in cores.items():
        if key in first:
            by_core.setdefault((core, len(key.name)), []).append(key)
    for keys in by_core.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: first[k].start)
        for other in keys[1:]:
            if other in res.entities and keys[0] in res.entities:
                merge_event(res, other, keys[0])


@entity_rule("entities.event_short_form", phase="named")
def event_short_form(res: Resolution) -> None:
    """An event's name inside a fuller one of the same article is an alias of it (说明会 named
    绵阳投资环境说明会 and 投资环境说明会; 首届进口博览会 and 第一届中国国际进口博览会, but not 首届东博会
    and 第十九届中国—东盟博览会; of two fuller ones, the one it ends); words before a name found on its own that hold no year,
    edition, place or quote are no part of it (对绵阳投资环境说明会 → 绵阳投资环境说明会). A shorter name
    written first, below the headline, without the edition of the fuller one, names the series before one
    edition of it: no alias."""
    _listed_inside(res)
    for alias, key in list(res.defined.items()):  # “X”(简称“Y”): an event named Y is X
        named = EntityKey(alias, "Event")
        if key.label == "Event" and named != key and named in res.entities and key in res.entities:
            merge_event(res, named, key)
    # what two forms of one name may differ by: brackets, quotes, dashes, the 市 of a place; and
    # the edition or year, which one form may leave out but no two may differ in
    noise, edition = res.lex.words["event_form_noise_pattern"], res.lex.words["event_edition_any_pattern"]
    first_edition = [edition_digits(res, w) for w in res.lex.words["event_first_edition"]]  # (首届, 第1届)
    short_words = res.lex.words["event_form_abbreviations"]  # 经济贸易 and 经贸 alike

    def core_of(name: str) -> str:
        core = edition_digits(res, noise.sub("", fold(name)))
        for long, short in short_words.items():
            core = core.replace(long, short)
        return core

    cores = {k: core_of(k.name) for k in res.entities if k.label == "Event"}
    size = {k: (len(core), len(k.name)) for k, core in cores.items()}
    events = sorted(cores, key=lambda k: (size[k], k.name), reverse=True)
    editions = {k: {first_edition[-1] if e in first_edition else e for e in edition.findall(core)}
                for k, core in cores.items()}
    bare = {k: edition.sub("", core) for k, core in cores.items()}

    joiners = tuple(res.lex.words["event_form_joiners"])

    def inside(small: EntityKey, large: EntityKey) -> bool:
        """``small`` ends ``large``'s name, or a part of it before 暨 (茶博会 is no form of 茶博会推介会)."""
        return size[large] > size[small] and editions[small] <= editions[large] and (
            bare[large].endswith(bare[small]) or any(bare[small] + j in bare[large] for j in joiners))

    first = {}
    for span in sorted(res.spans):
        first.setdefault(span.key, span)
    _same_core(res, cores, first)
    text, determiners = res.text, tuple(res.lex.words["event_form_determiners"])
    lead = len(text) - len(text.lstrip())
    headline = text.find("\n", lead) % (len(text) + 1)  # (a headline names the event of the text below it)
    for short in reversed(events):  # the shortest first
        core = cores[short]
        if len(core) < 3 or short not in res.entities:
            continue
        fuller = [k for k in events if k in res.entities and inside(short, k)]
        if not fuller:
            continue
        longest = [k for k in fuller if not any(inside(k, other) for other in fuller)]
        if len(longest) > 1:  # (进口博览会 in 第一届中国国际进口博览会, not in …进口博览会推介会)
            longest = [k for k in longest if bare[k].endswith(bare[short])]
        if len(longest) != 1:
            continue  # inside two different events: which one is unclear
        full = longest[0]
        span = first.get(full)
        if span is not None and short in first and headline < first[short].start < span.start \
                and editions[full] - editions[short] and not text.endswith(determiners, 0, first[short].start):
            continue  # 中日节能环保论坛 … 第十四届中日节能环保论坛: the series named before one edition (but
            # 此次进口博览会 … 第一届…进口博览会 is this one)
        if span is not None and full.name.endswith(short.name) and len(full.name) > len(short.name):
            lead = span.end - span.start - len(short.name)
            if lead > 0 and _cut_before(res, span.start + lead) and not _marked(res, span.start, span.start + lead):
                merge_event(res, full, short, cut=lead)  # 对绵阳投资环境说明会: the words before are not the name's
                continue
        merge_event(res, short, full)
    _headline_form(res, bare, headline)


def _headline_form(res: Resolution, bare: dict[EntityKey, str], headline: int) -> None:
    """An event the headline alone names, written with fewer words than one event of the text below
    (中国甲省—日本乙县交流会 above, 第五次中国甲省—日本乙县交流促进会 below): the headline's is a short
    form of it, where the text names only one such event; or, where none spells it, the one event below
    with a longer name one of whose forms ends in the headline's event word (双40周年交流会 above,
    “纪念…40周年”交流会 below)."""
    spans = [sp for sp in res.spans if sp.key.label == "Event"]
    for head in dict.fromkeys(sp.key for sp in sorted(spans) if sp.end <= headline):  # (in the text's order)
        if head not in res.entities or any(sp.key == head and sp.start > headline for sp in spans):
            continue
        below = list(dict.fromkeys(
            sp.key for sp in sorted(spans) if sp.start > headline and sp.key != head and sp.key in res.entities
            and sp.key in bare and len(bare[sp.key]) > len(bare[head])
            and bare[sp.key][-1:] == bare[head][-1:] and _spelled_in(bare[head], bare[sp.key])))
        if not below:  # (双40周年交流会 above, “纪念…40周年”座谈会及交流会 below: a form of it ends alike)
            ending = head.name[-3:]
            below = list(dict.fromkeys(
                sp.key for sp in sorted(spans) if sp.start > headline and sp.key != head and sp.key in res.entities
                and len(sp.key.name) > len(head.name)
                and any(form.endswith(ending) for form in res.entities[sp.key].surfaces)))
        if len(below) == 1:
            merge_event(res, head, below[0])


def _spelled_in(word: str, name: str) -> bool:
    """The characters of ``word`` occur in ``name`` in order (交流会 in …交流促进会)."""
    rest = iter(name)
    return all(ch in rest for ch in word)


@entity_rule("entities.event_sessions", phase="named")
def event_sessions(res: Resolution) -> None:
    """A session of an event is the event: one named before 环节 or 分会场, or listed as one of its
    themes (交流活动设定四个主题，分别为地方政府对话、友好团体交流会: both are the 交流活动)."""
    text, words = res.text, res.lex.words
    spans = sorted(sp for sp in res.spans if sp.key.label == "Event")
    if len(spans) < 2:
        return
    sessions: set[EntityKey] = set()
    for span in spans:
        if words["event_session_after_pattern"].match(text, span.end):
            sessions.add(span.key)
    for found in words["event_session_list_pattern"].finditer(text):
        stop = text.find("。", found.end())
        stop = len(text) if stop < 0 else stop
        sessions.update(sp.key for sp in spans if found.end() <= sp.start < stop)
    for session in sessions:
        first = min(sp.start for sp in spans if sp.key == session)
        main = [sp.key for sp in spans if sp.start < first and sp.key not in sessions]
        if main and session in res.entities and main[-1] in res.entities:
            merge_event(res, session, main[-1], rule="entities.event_sessions")
