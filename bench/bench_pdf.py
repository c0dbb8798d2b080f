"""PDF text libraries on generated newspaper pages: reading order, furniture, speed.

Generates (with reportlab, tests/pdf_pages.py) a two-column page written in
reading order, the same page with a lead
article crossing the column break, a two-page issue, and a three-column page set
from a seed (several items on one page, like the seeds' PDF pages); each page's
strings are written in a shuffled order, so only a reader that follows the
layout gets the reading order (except on the first page). For each library it prints how many of the
expected paragraphs come out whole, how many consecutive ones come out in order,
how many furniture lines (running head, date line, footer, page number) are
kept, whether the text equals the expected text (white space ignored), and the
time per file.

    python bench/bench_pdf.py

cjkg depends on pdfminer.six only; the others are measured when installed
(``pip install pypdf==7.1.0 pdfplumber==0.11.10 pypdfium2==5.15.2``).
A repeated article (the two-page issue) or paragraph (the seed) counts as out of
order once, since the first copy is found first.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FURNITURE = ("中日经贸周刊", "2024年4月22日星期一", "本版编辑", "第1版")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pypdf_text(path: Path, mode: str = "plain") -> str:
    import pypdf

    return "\n".join(page.extract_text(extraction_mode=mode) for page in pypdf.PdfReader(path).pages)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pypdfium2_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def cjkg_text(path: Path) -> str:
    from kg.readers.pdf import read_pdf

    return read_pdf(path).text


READERS = {
    "kg.readers.pdf (pdfminer.six layout)": cjkg_text,
    "pdfminer.six extract_text": pdfminer_text,
    "pypdf extract_text": pypdf_text,
    "pypdf extract_text layout": lambda p: pypdf_text(p, "layout"),
    "pdfplumber extract_text": pdfplumber_text,
    "pypdfium2 get_text_range": pypdfium2_text,
}


def pages(folder: Path) -> dict[str, tuple[Path, str]]:
    from kg.textnorm import normalize
    from tests.pdf_pages import ARTICLES, LEAD, SECOND, Article, PageLayout, newspaper_pdf

    made = {}
    made["2 columns, in order"] = (folder / "ordered.pdf", newspaper_pdf(folder / "ordered.pdf", list(ARTICLES)))
    made["two columns"] = (folder / "page.pdf", newspaper_pdf(folder / "page.pdf", list(ARTICLES), shuffle=7))
    made["two pages"] = (folder / "pages.pdf",
                         newspaper_pdf(folder / "pages.pdf", [*ARTICLES, LEAD, SECOND], shuffle=3))
    seed = normalize((ROOT / "seeds" / "003_faecf9e441e1955b.txt").read_text(encoding="utf-8")).text.splitlines()
    made["seed, three columns"] = (folder / "seed.pdf", newspaper_pdf(
        folder / "seed.pdf", [Article(seed[0], tuple(seed[1:]))],
        layout=PageLayout(columns=3, body_size=10.0, leading=14.0), shuffle=5))
    return made


def score(text: str, expected: str) -> tuple[int, int, int, int, int, bool]:
    got = _squash(text)
    paragraphs = [_squash(p) for p in expected.splitlines()]
    positions = [got.find(p) for p in paragraphs]
    found = [p for p in positions if p >= 0]
    in_order = sum(1 for a, b in zip(found, found[1:]) if a < b)
    kept = sum(1 for f in FURNITURE if f in got)
    return len(found), len(paragraphs), in_order, max(len(found) - 1, 0), kept, got == _squash(expected)


def main() -> None:
    import warnings

    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        made = pages(Path(tmp))
        print(f"{'reader':38s} {'page':20s} {'whole':>7s} {'order':>7s} {'furn.':>5s} {'exact':>5s} {'ms':>6s}")
        for name, reader in READERS.items():
            try:
                reader(made["two columns"][0])  # warm up imports and caches
            except ImportError as exc:
                print(f"{name:38s} not installed ({exc.name})")
                continue
            for label, (path, expected) in made.items():
                start = time.perf_counter()
                text = reader(path)
                elapsed = (time.perf_counter() - start) * 1000
                whole, total, order, pairs, kept, exact = score(text, expected)
                print(f"{name:38s} {label:20s} {whole:3d}/{total:<3d} {order:3d}/{pairs:<3d} {kept:5d} {exact!s:>5s} {elapsed:6.0f}")


if __name__ == "__main__":
    main()
