"""``investedIn``: who puts money where (投资, 增资, 注资, 实际使用日资 …).

Each 投资 cue is read once (:func:`investments`): a preposition names the target
(A对B投资), else the investors before the cue (由A与B共同投资, A将投资, 后者投资,
双方投资, the sentence's topic) and the first kind of target found, in this order:
what they set up with the money (A投资M设立B), the name right after the cue, their
own subsidiary (增资…扩建其位于X的B), the place after 在, the places of the pair
named in the sentence. The amounts after the cue go to the targets in order.

Modules: :mod:`.patterns` (the rules read off one pattern each), :mod:`.described` (a company read
as an investor from how the text describes it), :mod:`.investments` (the
reading of each 投资 cue), :mod:`.rules` (the rules stated from it), :mod:`.common`.
"""

from __future__ import annotations

from . import described, opened, patterns, presence, rules, settled, settles, signed, venture  # noqa: F401  (each module registers its rules)
from .investments import Investment, investments

__all__ = ["Investment", "investments"]
