"""A guest who thanks a host for their reception visited the host (感谢青山的热情接待): read as an incoming visit."""

from __future__ import annotations

from ....ontology import PLACE_CLASSES
from ..base import Sentence
from ..lexicon import reads
from .frames import Visit
from .named import named_before
from .visitors import _SUBORDINATE_PLACES, _unique, expand, governed_place


reads("thanked", "visit_hosted", "thanks_markers", "hospitality_gap_pattern")


def thanked(s: Sentence) -> list[Visit]:
    """GUEST感谢HOST(给予)的热情接待, GUEST对HOST的周到款待表示感谢: the guests named before the thanks, in the
    clause, visited the host (a place, or the place a government governs, else the body); not a reception
    told of a host (青山市热情接待了代表团: 的 must stand between), nor one the host thanks for."""
    text, lex = s.text, s.lex
    out = []
    for cue_start, _, _ in s.find("visit_hosted"):
        c_start, _ = s.clause_of(cue_start)
        host = next((m for m in reversed(s.mentions) if c_start <= m.start and m.end <= cue_start
                     and lex["hospitality_gap_pattern"].fullmatch(text, m.end, cue_start)), None)
        if host is None or host.key.label in ("Person", "Country", "Event"):
            continue
        marker = next((w for w in lex["thanks_markers"] if text.endswith(w, c_start, host.start)), None)
        if marker is None:
            continue
        guests = [m for m in named_before(s, c_start, host.start - len(marker))
                  if m.key.label not in PLACE_CLASSES]
        place = host.key if host.key.label in _SUBORDINATE_PLACES else governed_place(s, host.key) or host.key
        subjects = _unique([pair for m in guests for pair in expand(s, m)])
        if subjects:
            out.append(Visit(cue_start, [place], subjects, "incoming"))
    return out
