"""A company named right after a noun phrase that says what kind of firm it is (an appositive):
瑞典轴承大企业白河孚(BHF), 日本旅行社ABC, 第一家外商独资企业青山青波落户高新区."""

from __future__ import annotations

from ..candidates import Candidate
from ..common_words import common_words
from ..marks import HARD_BOUNDARIES, OPEN
from ..rules import reads
from .lexicon import STAGE
from .scan import ShapeScan
from .shape_rule import shape_rule

__all__ = ["kind_apposition"]

reads(STAGE, "shape.kind_apposition", "firm_kind_nouns", "apposition_latin_pattern", "apposition_not_first",
      "apposition_latin_not_names", "apposition_cjk_pattern",
      "apposition_not_opening_tags", "apposition_name_tags", "apposition_followers",
      "apposition_not_closing_tags")


def _latin_name(scan: ShapeScan, at: int) -> tuple[int, tuple[str, ...]] | None:
    """A run of Latin letters right at ``at``, not a common abbreviation (CEO, IT): its end."""
    words = scan.lex.words
    match = words["apposition_latin_pattern"].match(scan.text, at)
    if match is None or match.group().upper() in words["apposition_latin_not_names"]:
        return None
    return match.end(), ()


def _common(scan: ShapeScan, words: str) -> bool:
    """Words that open with a common word of the language other than a name (纷纷, 负责人纷纷, 项目达),
    or with a one-character adverb or preposition (对华投资, 最愿意), or that close with a verb or adverb (来渝发展):
    no name."""
    common, cues = common_words(), scan.lex.words
    closing = next((words[i:] for i in range(max(0, len(words) - 4), len(words) - 1) if words[i:] in common.tags), None)
    if closing is not None and common.tags[closing] in cues["apposition_not_closing_tags"]:
        return True
    opening = common.opening(words, 0)
    if opening is not None:
        return opening == words or common.tags[opening] not in cues["apposition_name_tags"]
    tag = common.tags.get(words[0])
    return tag is not None and tag[:1] in cues["apposition_not_opening_tags"]


def _bracket_note(scan: ShapeScan, at: int) -> tuple[str, ...]:
    """The Latin form in brackets right at ``at`` (白河孚(BHF)): an alias of the name."""
    text = scan.text
    if at >= len(text) or text[at] not in OPEN:
        return ()
    match = scan.lex.words["apposition_latin_pattern"].match(text, at + 1)
    if match is None or match.end() >= len(text) or text[match.end()] not in ")）":
        return ()
    return (scan.raw[at + 1:match.end()],)


def _ideographic_name(scan: ShapeScan, at: int) -> tuple[int, tuple[str, ...]] | None:
    """Two to five ideographs right at ``at``, ended by a bracket or a word that follows names (a cue
    verb, a function word, a title: 丸井酱油(兵库县), 青山青波落户): its end and its Latin alias."""
    text, lex = scan.text, scan.lex
    match = lex.words["apposition_cjk_pattern"].match(text, at)
    if match is None:
        return None
    followers = lex.words["apposition_followers"]
    for end in range(at + 2, match.end() + 1):
        after = text[end] if end < len(text) else "。"
        if after in OPEN or after in HARD_BOUNDARIES or text.startswith(followers, end):
            words = text[at:end]
            if lex.stops.search(text, at, end) or any(at < e < end for e in scan.suffix_stops) \
                    or lex.generic.covers(words) or lex.descriptive.covers(words) or _common(scan, words) \
                    or any(c.start == at and c.end == end and c.label != "Company" for c in scan.listed):
                return None  # (企业纷纷…, a place or person alone: 企业上海…)
            return end, _bracket_note(scan, end)
    return None


@shape_rule("shape.kind_apposition")
def kind_apposition(scan: ShapeScan) -> list[Candidate]:
    """A company named right after the words that say what kind of firm it is, ended by a word,
    a bracket or a mark: a run of Latin letters (日本旅行社ABC曾发布, 机械零部件厂商ABC将), or two
    to five ideographs a cue word, function word, title, bracket or mark ends (生产酱油的企业丸井酱油
    (兵库县明石市), 瑞典轴承大企业白河孚(BHF) with its Latin alias, 第一家外商独资企业日本青波落户高新区);
    not a kind noun opening its clause (企业将…), nor generic words (日资企业纷纷落户, 企业代表), nor a
    name the lists hold there."""
    text, raw, words = scan.text, scan.raw, scan.lex.words
    kinds = sorted(words["firm_kind_nouns"], key=len, reverse=True)
    found = []
    for kind in kinds:
        at = text.find(kind)
        while at >= 0:
            name_at = at + len(kind)
            start_ok = at > 0 and text[at - 1] not in HARD_BOUNDARIES
            if start_ok and name_at < len(text) and text[name_at] not in words["apposition_not_first"] \
                    and not scan.inside_listed[name_at] and not any(
                        c.start == name_at and c.label == "Company" for c in scan.listed):
                named = _latin_name(scan, name_at) or _ideographic_name(scan, name_at)
                if named is not None:
                    end, aliases = named
                    found.append(Candidate(name_at, end, "Company", raw[name_at:end], "shape", priority=10,
                                           extra_aliases=aliases, rule="shape.kind_apposition"))
            at = text.find(kind, at + 1)
    return found
