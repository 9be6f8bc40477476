"""Extraction is a pure function of the page's bytes: no state kept across calls, so what a page yields
does not depend on what the process parsed before it (issue 12)."""

from __future__ import annotations

import itertools

from samples.corpus.wire import WIRE_BODY
from tests.conftest import SAMPLE_SITE
from transforms.pages import main_text, parse_article_page

PAGES = sorted(SAMPLE_SITE.glob("*/articles/*.html"))
WIRE_PARAGRAPHS = [p.strip() for p in WIRE_BODY.strip().split("\n\n")]


WIRE_PAGE = next(SAMPLE_SITE.glob("harbourtimes/articles/*freight-rates-*.html")).read_bytes()


def syndicated_copy(n: int) -> bytes:
    """Copy `n` of the wire story as another outlet runs it: its own headline, the same paragraphs and one
    paragraph of its own."""
    own = (f"<p>Copy {n}: this outlet's own closing note on what the fall in freight rates means for "
           "importers in its region, written by its business desk this week. Retailers in the port city "
           "said cheaper containers would reach their shelves by the spring, while hauliers warned that "
           "road costs had not fallen at all and would eat into any saving for shoppers.</p>")
    return (WIRE_PAGE.replace(b"<title>", f"<title>Copy {n}: ".encode())
            .replace(b'<div class="article-body">', f'<div class="article-body">{own}'.encode()))


def test_the_same_page_gives_one_body_ten_times_and_after_500_other_pages():
    target = next(p for p in PAGES if "freight" in p.name)  # the wire story: its paragraphs recur
    first = parse_article_page(target.read_bytes(), target.as_uri())["body"]
    assert first and len(first.split()) > 150
    text = main_text(target.read_bytes())
    assert text
    bodies = {parse_article_page(target.read_bytes(), target.as_uri())["body"] for _ in range(10)}
    texts = {main_text(target.read_bytes()) for _ in range(10)}
    for page in itertools.islice(itertools.cycle(p for p in PAGES if p != target), 500):
        parse_article_page(page.read_bytes(), page.as_uri())
    bodies |= {parse_article_page(target.read_bytes(), target.as_uri())["body"] for _ in range(10)}
    texts |= {main_text(target.read_bytes()) for _ in range(10)}
    assert bodies == {first}
    assert texts == {text}  # trafilatura's own reading, not only the fallback behind it


def test_every_sample_page_reads_the_same_in_a_fresh_order():
    forward = {p: parse_article_page(p.read_bytes(), p.as_uri())["body"] for p in PAGES}
    backward = {p: parse_article_page(p.read_bytes(), p.as_uri())["body"] for p in reversed(PAGES)}
    assert forward == backward


def test_six_syndicated_copies_parsed_in_a_row_all_keep_their_full_text():
    words = len(" ".join(WIRE_PARAGRAPHS).split())
    bodies = [parse_article_page(syndicated_copy(n), f"https://outlet{n}.example/freight")["body"]
              for n in range(1, 7)]
    for n, body in enumerate(bodies, start=1):
        assert all(p in body for p in WIRE_PARAGRAPHS), f"copy {n} lost wire paragraphs"
        assert len(body.split()) > words, f"copy {n}: {len(body.split())} words"
    # the same story under six headlines: trafilatura reads each in full (a process-wide cache dropped
    # every copy after the third whole)
    retitled = [WIRE_PAGE.replace(b"<title>", f"<title>Copy {n}: ".encode()) for n in range(1, 7)]
    full = len(main_text(WIRE_PAGE).split())
    assert [len((main_text(page) or "").split()) for page in retitled] == [full] * 6
