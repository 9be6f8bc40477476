import pytest

from transforms.listing import CardSelectors, parse_listing_page
from transforms.pages import PageParseError, parse_article_page

PAGE = b"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Headline | Paper</title>
<link rel="canonical" href="https://www.paper.example/news/headline.html">
<meta property="og:site_name" content="Paper">
<meta property="article:published_time" content="2026-11-27T09:00:00+00:00">
<meta property="article:section" content="World">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebPage","name":"ignored"},
 {"@type":"NewsArticle","headline":"Headline &amp; more","datePublished":"2026-11-27T12:00:00+03:00",
  "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
  "inLanguage":"en-GB","image":{"@type":"ImageObject","url":"https://img.example/a.jpg"}}]}
</script></head>
<body><header class="site-header"><nav>Home World Subscribe</nav></header>
<main><article><h1>Headline</h1><p class="byline">By Ann Lee</p>
<div class="article-body"><p>First paragraph of the story.</p><p>Second &amp; last.</p></div></article>
<aside class="related"><h2>Related Articles</h2><p>Other headline</p></aside>
<div class="newsletter"><p>DOWNLOAD THE APP</p></div></main><footer><p>(c) Paper</p></footer></body></html>"""


def test_article_page_metadata_from_json_ld_first():
    row = parse_article_page(PAGE, "http://127.0.0.1/a.html")
    assert row["canonical_url"] == "https://www.paper.example/news/headline.html"
    assert row["title"] == "Headline & more"
    assert row["authors"] == ["Ann Lee", "Bo Chen"]
    assert (row["published_text"], row["published_source"]) == ("2026-11-27T12:00:00+03:00", "jsonld")
    assert row["language"] == "en-GB"
    assert row["section"] == "World"
    assert row["image_url"] == "https://img.example/a.jpg"
    assert row["site_name"] == "Paper"


def test_article_body_is_the_main_text_without_boilerplate():
    body = parse_article_page(PAGE, "http://127.0.0.1/a.html")["body"]
    assert body == "First paragraph of the story.\n\nSecond & last."


def test_meta_date_when_there_is_no_json_ld():
    page = PAGE.replace(b"application/ld+json", b"text/plain")
    row = parse_article_page(page, "http://127.0.0.1/a.html")
    assert (row["published_text"], row["published_source"]) == ("2026-11-27T09:00:00+00:00", "meta")
    assert row["title"] == "Headline"  # from <h1>/og:title/<title> when JSON-LD is absent


def test_no_date_at_all():
    page = b"<html><body><article><p>Only text here.</p></article></body></html>"
    row = parse_article_page(page, "http://127.0.0.1/a.html")
    assert row["published_text"] is None and row["published_source"] is None
    assert row["canonical_url"] is None
    assert row["body"] == "Only text here."


def test_broken_json_ld_is_skipped():
    page = PAGE.replace(b'"@context"', b'"@context" oops')
    row = parse_article_page(page, "http://127.0.0.1/a.html")
    assert row["published_source"] == "meta"


def test_empty_page_is_an_error():
    with pytest.raises(PageParseError, match="empty page"):
        parse_article_page(b"   ", "http://127.0.0.1/a.html")


LISTING = b"""<html><body><div class="app-banner">logo DOWNLOAD THE APP</div><main>
<article class="story-card lead"><h1 class="card-title"><a href="https://www.paper.example/x.html?utm_source=d8">
Lead title</a></h1><div class="card-meta"><span class="card-outlet">Independent</span>
<span class="card-time">6 hours ago</span></div><div class="card-text"><p>One.</p><p>Two.</p></div></article>
<div class="promo">Try Our AI Features</div>
<section class="related"><h2>Related Articles</h2>
<article class="story-card"><h3 class="card-title"><a href="/local/y">Second</a></h3>
<span class="card-outlet">Telegraph</span>
<span class="card-time"><i class="icon">time</i>33 minutes ago</span>
<div class="card-text"><p>Text.</p></div></article></section>
<div class="app-footer">DOWNLOAD THE APP</div></main></body></html>"""


def test_listing_cards_keep_outlet_and_time_as_printed():
    cards = parse_listing_page(LISTING, "http://127.0.0.1/daily8/world.html")
    assert cards.to_dicts() == [
        {"item_url": "https://www.paper.example/x.html?utm_source=d8", "title": "Lead title",
         "outlet_name": "Independent", "time_text": "6 hours ago", "text": "One.\n\nTwo."},
        {"item_url": "http://127.0.0.1/local/y", "title": "Second", "outlet_name": "Telegraph",
         "time_text": "time33 minutes ago", "text": "Text."},
    ]


def test_listing_selectors_are_configurable():
    lead_only = CardSelectors(card="//article[contains(@class,'lead')]")
    cards = parse_listing_page(LISTING, "http://127.0.0.1/", lead_only)
    assert cards["title"].to_list() == ["Lead title"]


def test_bad_selector_is_a_clear_error():
    with pytest.raises(PageParseError, match="bad card selector"):
        parse_listing_page(LISTING, "http://127.0.0.1/", CardSelectors(card="//article["))
