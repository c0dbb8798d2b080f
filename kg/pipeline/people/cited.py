"""Outlets cited in the text: a newspaper or site named in title marks as the source of a report,
a reporter's role or an interview (据《河北日报》报道, 《青山侨报》记者), outside any byline."""

from __future__ import annotations

from ..candidates import Candidate
from ..rules import rule
from .lexicon import STAGE, PeopleScan


@rule("people.cited_outlet", stage=STAGE)
def cited_outlet(scan: PeopleScan) -> list[Candidate]:
    """An outlet cited in title marks before 报道/消息, a reporter's role or an interview, maybe with
    other cited outlets between (据日本《四国新闻》消息, 据《河北日报》报道, 《青山侨报》记者, 接受了《甲时报》、
    《乙新报》的专访): an organization no list knows, but not the article's own outlet."""
    text, words = scan.text, scan.lex.byline_words
    listed = {c.start for c in scan.candidates if c.label == "Organization"}
    found = []
    for match in scan.lex.cited_outlet.finditer(text):
        start, end = match.span(1)
        if start not in listed and words["outlet_suffixes"].longest_suffix(text, end, start=start, min_rest=1):
            found.append(Candidate(start, end, "Organization", scan.raw[start:end], "shape", priority=20,
                                   rule="people.cited_outlet"))
    return found
