"""PDF pages: reading order across columns, furniture dropped, offsets back to pages, same facts as text."""

from __future__ import annotations

import pytest

from kg.errors import UnreadablePdfError
from kg.extract import extract_source
from kg.readers.pdf import read_pdf, read_pdf_source
from kg.reading import SourceFile, iter_sources, read_source
from kg.textnorm import normalize
from tests.pdf_pages import ARTICLES, LEAD, SECOND, THIRD, Article, PageLayout, newspaper_pdf


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """One two-column page, its strings written in a shuffled order: three articles, the lead across the break."""
    path = tmp_path_factory.mktemp("pdf") / "page.pdf"
    return path, newspaper_pdf(path, list(ARTICLES), shuffle=7)


def test_two_columns_are_read_in_order_without_running_head_footer_and_page_number(page):
    path, expected = page
    pdf = read_pdf(path)
    assert pdf.text == expected
    assert sorted(line.text for line in pdf.dropped) == sorted(
        ["中日经贸周刊", "2024年4月22日 星期一", "本版编辑：张伟　美编：李娜　校对：王芳", "第 1 版"])


def test_the_lead_article_crosses_the_column_break(page):
    path, _ = page
    pdf = read_pdf(path)
    starts = [pdf.text.index(p) for p in LEAD.paragraphs]
    crossing = [(pdf.locate(s).x0 < 297, pdf.locate(s + len(p) - 1).x0 > 297) for s, p in zip(starts, LEAD.paragraphs)]
    assert crossing.count((True, True)) == 1  # one paragraph starts in the left column and ends in the right one


@pytest.mark.parametrize("shuffle", [None, 1, 2])
def test_several_pages_give_page_offsets_and_positions(tmp_path, shuffle):
    path = tmp_path / "pages.pdf"
    expected = newspaper_pdf(path, [LEAD, SECOND, THIRD, LEAD, SECOND], shuffle=shuffle, first_page=5)
    pdf = read_pdf(path)
    assert pdf.text == expected
    assert len(pdf.pages) == 2 and pdf.pages[0] == 0
    assert {line.text for line in pdf.dropped} >= {"第 5 版", "第 6 版"}
    second = pdf.pages[1]
    assert pdf.page_of(second - 1) == 1 and pdf.page_of(second) == 2
    position = pdf.locate(second)
    assert position.page == 2 and position.y1 > 700  # the first line of page 2 is at its top
    line = next(ln for ln in pdf.lines if (ln.page, ln.x0, ln.y1) == (2, position.x0, position.y1))
    assert pdf.text[second:second + len(line.text)] == line.text


def test_a_record_carries_its_pages_and_media_type(page):
    path, _ = page
    source = read_pdf_source(path)
    assert (source.metadata.media_type, source.metadata.pages, source.name) == ("application/pdf", (0,), "page.pdf")


def _facts(extraction):
    return ({(e.key.name, e.key.label) for e in extraction.entities},
            {(r.subject.name, r.predicate, r.object.name, r.evidence, r.money, r.date) for r in extraction.relations})


def test_a_pdf_page_gives_the_same_facts_as_the_same_text_as_txt(nlp, page, tmp_path):
    path, expected = page
    text_file = tmp_path / "page.txt"
    text_file.write_text(expected, encoding="utf-8")
    from_pdf = extract_source(nlp, read_pdf_source(path), document_date="2024-04-22")
    from_txt = extract_source(nlp, read_source(text_file), document_date="2024-04-22")
    entities, relations = _facts(from_pdf)
    assert (entities, relations) == _facts(from_txt)
    assert ("松下", "investedIn", "松下新能源（苏州）有限公司") in {r[:3] for r in relations}
    assert from_pdf.content_hash == from_txt.content_hash  # the same text is the same document


@pytest.mark.slow
def test_a_page_built_like_the_seeds_gives_the_seeds_facts(nlp, seeds_dir, tmp_path):
    """A seed (several items on one newspaper page) set in two columns: the facts of the seed's text file."""
    seed = seeds_dir / "003_faecf9e441e1955b.txt"
    paragraphs = normalize(seed.read_text(encoding="utf-8")).text.splitlines()
    path = tmp_path / "seed.pdf"
    newspaper_pdf(path, [Article(paragraphs[0], tuple(paragraphs[1:]))], layout=PageLayout(columns=3, body_size=10.0,
                                                                                          leading=14.0), shuffle=5)
    from_pdf = extract_source(nlp, read_pdf_source(path))
    from_txt = extract_source(nlp, read_source(seed))
    assert _facts(from_pdf) == _facts(from_txt)
    assert len(from_txt.relations) > 50


def test_an_unreadable_pdf_is_one_error_and_the_rest_is_built(tmp_path, page):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    good, _ = page
    items = list(iter_sources([broken, good]))
    assert isinstance(items[0], UnreadablePdfError) and isinstance(items[1], SourceFile)
    message = str(items[0])
    assert message.startswith(f"{broken}: is not a PDF that can be read (") and "\n" not in message
    assert message.endswith("(a scanned page needs OCR first), or leave it out of the input")


def test_a_pdf_without_text_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.save()
    with pytest.raises(UnreadablePdfError, match=r"scan.pdf: has 1 page\(s\) but no text \(scanned images only\?\)"):
        read_pdf(path)
