"""The words the relation rules read, loaded once per pipeline, and where cue words occur in a text.

``patterns/relation_cues.json`` has two sections: ``families``, cue words found in
the text by one matcher (投资, 设立, 与 …), and ``words``, words and patterns the
rules compare the text against (由, 在, the links of an enumeration …). A rule
declares the keys it reads (``@relation_rule(..., cues=(...))``), a shared helper
with :func:`reads`; loading fails on a key nobody reads or a key that is missing.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

from ...errors import RuleConfigError
from ...records import Mention
from .. import rules
from ..affixes import Affixes
from ..data import load_alias_notes, load_cues, load_words, resolve
from ...folding import fold
from ..matcher import WordMatcher

__all__ = ["CueWords", "Occurrences", "RelationLexicon", "longest_first", "reads"]

def reads(owner: str, *keys: str) -> None:
    """Declare that the helper ``owner`` of the relation rules reads the cue ``keys``."""
    rules.reads("kg_relations", owner, *keys)


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The words folded, once each, longest first (then in the order given)."""
    return tuple(sorted(dict.fromkeys(fold(w) for w in words), key=len, reverse=True))


_Match = tuple[int, int, str]
_NONE: tuple[list[int], list[_Match]] = ([], [])


class CueWords:
    """The cue words of every family in one matcher (a word may serve several families)."""

    def __init__(self, families: dict[str, Iterable[str]]) -> None:
        self.family_of: dict[str, tuple[str, ...]] = {}
        for family, words in families.items():
            for word in words:
                self.family_of[word] = (*self.family_of.get(word, ()), family)
        self.matcher = WordMatcher(self.family_of)

    def occurrences(self, text: str, names: list[Mention]) -> dict[str, list[_Match]]:
        """Family → occurrences ``(start, end, word)`` of its words in ``text``, by start.

        Occurrences that overlap one of ``names`` (sorted by start) are left out (合作 in
        经贸合作交流会); of a family's overlapping occurrences the longest (then the first) is kept.
        """
        starts = [name.start for name in names]
        reach = list(accumulate((name.end for name in names), max))  # the furthest end so far
        found: dict[str, list[_Match]] = {}
        family_of = self.family_of
        for match in self.matcher.find(text):
            i = bisect.bisect_left(starts, match[1]) - 1  # the names that start before the match ends
            if i >= 0 and reach[i] > match[0]:
                continue
            for family in family_of[match[2]]:
                bucket = found.get(family)
                if bucket is None:
                    found[family] = [match]
                else:
                    bucket.append(match)
        return {family: _longest_apart(matches, len(text)) for family, matches in found.items()}


def _longest_apart(matches: list[_Match], size: int) -> list[_Match]:
    """Non-overlapping matches, longest first then leftmost, in text order (``matches`` by start)."""
    reach = -1
    for start, end, _ in matches:
        if start < reach:
            break
        reach = end
    else:
        return matches  # nothing overlaps: the common case
    kept = []
    taken = bytearray(size)
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        start, end = match[0], match[1]
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\1" * (end - start)
            kept.append(match)
    kept.sort()
    return kept


class Occurrences:
    """Where each family's cue words occur in one text, longest match first, computed once."""

    def __init__(self, cues: CueWords, text: str, names: list[Mention]) -> None:
        self._by_family: dict[str, tuple[list[int], list[_Match]]] = {}
        pairs: list[tuple[int, str]] = []
        for family, found in cues.occurrences(text, names).items():  # names: sorted by start
            self._by_family[family] = ([m[0] for m in found], found)
            pairs.extend((m[0], family) for m in found)
        pairs.sort()
        self._family_starts = ([p[0] for p in pairs], [p[1] for p in pairs])

    def families_in(self, start: int, end: int) -> set[str]:
        """The families with at least one cue word inside ``[start, end)``."""
        starts, families = self._family_starts
        return set(families[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])

    def find(self, family: str, start: int, end: int) -> list[_Match]:
        """Occurrences of ``family``'s words that lie inside ``[start, end)``."""
        starts, found = self._by_family.get(family, _NONE)
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [m for m in found[lo:hi] if m[1] <= end]


class RelationLexicon(dict):
    """Cue families and words by key (``lex["invest"]``), and titles, heads, professions, alias notes."""

    def __init__(self, *, cues: str, titles: str, professions: str, heads: str, alias_patterns: str,
                 surnames: dict[str, str] | None = None) -> None:
        self.path = cues
        #: a list's key (cn, jp; their countries are the words' surname_countries) → its surnames by rank,
        #: commonest first (cn → 王, 欧阳…; jp → 田中…): what a name says of where a person is from
        self.surnames: dict[str, dict[str, int]] = {}
        for country, path in (surnames or {}).items():
            ranks = self.surnames[country] = {}
            for rank, word in enumerate(load_words(path)):
                ranks.setdefault(fold(word), rank)
        sections = load_cues(cues)
        unknown = set(sections) - {"families", "words"}
        if unknown:
            raise RuleConfigError(f"{resolve(cues)}: unknown sections {sorted(unknown)}; use 'families' and 'words'")
        self._values = self  # (a dict: rules look words up often)
        family_words: dict[str, tuple[str, ...]] = {}
        for key, value in sections.get("families", {}).items():
            if isinstance(value, dict):  # word → value (实际使用日资 → 日本)
                self._values[key] = {fold(word): target for word, target in value.items()}
            elif isinstance(value, tuple):
                self._values[key] = longest_first(value)
            else:
                raise RuleConfigError(f"{resolve(cues)}: family {key!r} should be a list or an object of words")
            family_words[key] = longest_first(self._values[key])
        for key, value in sections.get("words", {}).items():  # folded, as the text they are compared with
            self._values[key] = longest_first(value) if isinstance(value, tuple) else \
                fold(value) if isinstance(value, str) else value
        self.cue_words = CueWords(family_words)
        self.titles = longest_first(load_words(titles))
        self.title_suffixes = Affixes(self.titles)
        self.head_suffixes = Affixes(longest_first(load_words(heads)))
        self.profession_suffixes = Affixes(longest_first(load_words(professions)))
        self.alias_notes = load_alias_notes(alias_patterns)

    def check(self) -> None:
        """Every key a rule or helper reads is in the file, and every key of the file is read."""
        rules.check_cues("kg_relations", str(resolve(self.path)), self)
