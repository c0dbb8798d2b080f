"""Charts whose Chinese labels render: a CJK font for matplotlib, and amount bar charts.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs and draws boxes.
Debian's ``fonts-noto-cjk`` package provides "Noto Sans CJK SC" (simplified
Chinese forms) and "Noto Sans CJK JP"; :func:`find_cjk_font` finds one through
``matplotlib.font_manager`` and raises :class:`~kg.errors.CjkFontNotFoundError`
(naming ``apt-get install fonts-noto-cjk``) when neither is installed.
matplotlib is imported only when these functions are called.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import pandas as pd

from ..errors import AnalysisError, CjkFontNotFoundError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CJK_FONTS", "CURRENCY_NAMES", "amount_chart", "find_cjk_font", "use_cjk_font"]

log = logging.getLogger(__name__)

#: Fonts tried in order; all come with Debian's fonts-noto-cjk.
CJK_FONTS: Final = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Noto Serif CJK JP")

#: How amounts in each currency are captioned (亿美元, 亿日元 …).
CURRENCY_NAMES: Final = {"USD": "美元", "CNY": "元", "JPY": "日元", "EUR": "欧元"}


def find_cjk_font(preferred: Sequence[str] = CJK_FONTS) -> str:
    """The name of the first installed font of ``preferred``, as matplotlib knows it.

    If matplotlib's font cache predates the font's installation, the system's
    font folders are scanned for the missing fonts and added to it.

    Raises
    ------
    kg.errors.CjkFontNotFoundError
        None is installed; the message says ``apt-get install fonts-noto-cjk``.

    Examples
    --------
    >>> find_cjk_font()
    'Noto Sans CJK SC'
    >>> find_cjk_font(["No Such Font"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.CjkFontNotFoundError: none of the fonts No Such Font is installed, ... `apt-get install fonts-noto-cjk` ...
    """
    from matplotlib import font_manager

    def installed() -> set[str]:
        return {entry.name for entry in font_manager.fontManager.ttflist}

    found = installed()
    if not any(name in found for name in preferred):
        for path in font_manager.findSystemFonts():
            if "cjk" in path.lower():
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError) as exc:
                    log.debug("cannot read font %s: %s", path, exc)
        found = installed()
    for name in preferred:
        if name in found:
            return name
    raise CjkFontNotFoundError(tuple(preferred))


def use_cjk_font(preferred: Sequence[str] = CJK_FONTS) -> str:
    """Make matplotlib (and pandas' plots) draw text in a CJK font; returns the font's name.

    Changes matplotlib's global ``rcParams``: the font goes first in
    ``font.family`` (other text falls back to the default sans-serif), and the
    minus sign is drawn as an ASCII hyphen, which CJK fonts have.

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context():
    ...     name = use_cjk_font()
    ...     matplotlib.rcParams["font.family"][0] == name
    True
    """
    import matplotlib

    name = find_cjk_font(preferred)
    matplotlib.rcParams["font.family"] = [name, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    log.info("matplotlib now draws text in %s", name)
    return name


def amount_chart(frame: pd.DataFrame, *, label: str, value: str = "amount", currency: str = "USD",
                 title: str | None = None, scale: float = 1e8, scale_name: str = "亿", top: int = 15) -> Figure:
    """A horizontal bar chart of money amounts in one currency, largest first, labelled in Chinese.

    Rows of ``frame`` whose ``currency`` column differs from ``currency`` are
    left out (amounts are never converted); rows sharing a ``label`` are summed.
    The figure is drawn in the font of :func:`find_cjk_font` without touching
    matplotlib's global settings.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table such as :func:`kg.analysis.investments` or :func:`kg.analysis.statistics`.
    label, value : str
        The columns holding the bar labels and the amounts.
    currency : str
        The ISO 4217 code to chart.
    title : str, optional
        The chart's title.
    scale, scale_name : float, str
        Amounts are divided by ``scale`` and the axis says ``scale_name`` + currency (亿美元).
    top : int
        At most this many bars.

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot: show it in a notebook by leaving it as a cell's
        value, or save it with ``figure.savefig(path)``.

    Examples
    --------
    >>> from kg.analysis.examples import example_graph
    >>> from kg.analysis import statistics
    >>> figure = amount_chart(statistics(example_graph()), label="label", title="对日贸易")
    >>> axes = figure.axes[0]
    >>> [tick.get_text() for tick in axes.get_yticklabels()], axes.get_xlabel()
    (['大连对日本贸易总额'], '亿美元')
    >>> [float(bar.get_width()) for bar in axes.patches]
    [12.5]
    """
    import matplotlib
    from matplotlib.figure import Figure

    if "currency" not in frame.columns or label not in frame.columns or value not in frame.columns:
        raise AnalysisError(f"amount_chart needs the columns {label!r}, {value!r} and 'currency'; "
                            f"got {', '.join(map(str, frame.columns))}")
    chosen = frame[(frame["currency"] == currency) & frame[value].notna()]
    totals = chosen.groupby(label, sort=False)[value].sum().sort_values(ascending=False).head(top)
    font = find_cjk_font()
    unit = f"{scale_name}{CURRENCY_NAMES.get(currency, ' ' + currency)}"
    with matplotlib.rc_context({"font.family": [font, "sans-serif"], "axes.unicode_minus": False}):
        figure = Figure(figsize=(8, 0.5 * max(len(totals), 1) + 1.5), layout="constrained")
        axes = figure.subplots()
        scaled = totals.iloc[::-1] / scale
        bars = axes.barh([str(name) for name in scaled.index], scaled.to_numpy(), color="#c0392b")
        axes.bar_label(bars, labels=[f"{amount:,.2f}" for amount in scaled.to_numpy()], padding=3)
        axes.set_xlabel(unit)
        axes.margins(x=0.15)
        if title:
            axes.set_title(title)
        if totals.empty:
            axes.text(0.5, 0.5, f"没有以{CURRENCY_NAMES.get(currency, currency)}计的金额", ha="center",
                      va="center", transform=axes.transAxes)
    return figure
