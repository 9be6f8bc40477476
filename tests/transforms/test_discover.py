import pytest

from transforms.discover import (
    COMMON_FEED_PATHS,
    candidate_urls,
    feed_links,
    feed_title,
    page_site_name,
    page_title,
    sniff_kind,
    source_name,
    unique_name,
)

PAGE = b"""<!doctype html><html><head><meta charset="utf-8">
<title>  Home |
  Paper </title>
<meta property="og:site_name" content="The Paper">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Paper - World" href="/world/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://feeds.paper.example/all.atom">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="ALTERNATE feed" type="application/feed+json; charset=utf-8" title="JSON" href="feed.json#top">
<link rel="alternate" type="application/rss+xml" title="again" href="https://www.paper.example/world/rss.xml">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="text/html" href="/amp/">
</head><body><link rel="alternate" type="application/rss+xml" href="/late.xml"></body></html>"""


def test_feed_links_in_document_order_absolute_and_deduplicated():
    assert feed_links(PAGE, "https://www.paper.example/news/index.html") == [
        ("https://www.paper.example/world/rss.xml", "Paper - World", "rss"),
        ("https://feeds.paper.example/all.atom", None, "atom"),
        ("https://www.paper.example/news/feed.json", "JSON", "jsonfeed"),
        ("https://www.paper.example/wp-json/wp/v2/pages/12", None, "jsonfeed"),
        ("https://www.paper.example/late.xml", None, "rss"),
    ]


def test_feed_links_honour_base_href_and_survive_junk():
    page = b'<html><head><base href="https://cdn.example/site/"><link rel="alternate" ' \
           b'type="application/atom+xml" href="atom.xml"></head></html>'
    expected = [("https://cdn.example/site/atom.xml", None, "atom")]
    assert feed_links(page, "https://www.example.com/") == expected
    assert feed_links(b"", "https://x.example/") == []
    assert feed_links(b"   \n", "https://x.example/") == []
    assert feed_links(b"<html><body><p>no feeds</p></body></html>", "https://x.example/") == []
    assert feed_links(b"\x00\xff\xfe garbage <link", "https://x.example/") == []


def test_candidate_urls_from_the_page_directory_then_the_root():
    assert "/feed" in COMMON_FEED_PATHS and "/rss.xml" in COMMON_FEED_PATHS
    root = candidate_urls("https://Www.Example.com")
    assert root[:3] == ["https://www.example.com/feed", "https://www.example.com/rss",
                        "https://www.example.com/feed/"]
    assert len(root) == len(COMMON_FEED_PATHS) == len(set(root))
    assert "https://www.example.com/feeds/all.atom.xml" in root
    nested = candidate_urls("https://example.com/news/today.html?x=1#top")
    assert nested[0] == "https://example.com/news/feed"
    assert nested[len(COMMON_FEED_PATHS)] == "https://example.com/feed"
    assert candidate_urls("https://example.com/index.html") == candidate_urls("https://example.com/")
    assert candidate_urls("ftp://example.com/") == []


@pytest.mark.parametrize(("body", "kind"), [
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel></channel></rss>', "rss"),
    (b"\xef\xbb\xbf  <rss version='0.91'>", "rss"),
    (b'<?xml version="1.0"?><!-- <html> in a comment --><?xml-stylesheet href="a.xsl"?>\n'
     b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>', "atom"),
    (b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', "atom"),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
     b'xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', "rss"),
    ('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"/>'.encode("utf-16"), "rss"),
    (b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91"/>',
     "rss"),
    (b'\n {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}', "jsonfeed"),
    (b'<!doctype html><html><head><title>rss</title></head></html>', None),
    (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', None),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', None),
    (b'{"id": 12, "title": {"rendered": "a WordPress page"}}', None),
    (b'{"version": "https://jsonfeed.org/version/1.1", broken', None),
    (b"[1, 2]", None),
    (b"plain text about rss and feeds", None),
    (b"", None),
    (None, None),
])
def test_sniff_kind(body, kind):
    assert sniff_kind(body) == kind


def test_titles():
    assert page_site_name(PAGE) == "The Paper"
    assert page_title(PAGE) == "Home | Paper"
    assert page_site_name(b"<html><head><title>T</title></head></html>") is None
    assert page_title(b"") is None
    rss = b'<?xml version="1.0"?><rss><channel><title> BBC News -\n World </title></channel></rss>'
    assert feed_title(rss) == "BBC News - World"
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Harbour &amp; Times</title></feed>'
    assert feed_title(atom) == "Harbour & Times"
    rdf = (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
           b"<channel><title>DW</title></channel></rdf:RDF>")
    assert feed_title(rdf) == "DW"
    assert feed_title(b'{"version": "https://jsonfeed.org/version/1", "title": "Json News"}') == "Json News"
    assert feed_title(b"<rss><channel></channel></rss>") is None
    assert feed_title(b"<html></html>") is None


def test_entity_declarations_are_not_expanded():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b"<rss><channel><title>&b;</title></channel></rss>")
    assert sniff_kind(bomb) == "rss"
    assert "aaaa" not in (feed_title(bomb) or "")


def test_source_names():
    assert source_name("https://www.bbc.co.uk/news") == "bbc-co-uk"
    assert source_name("https://feeds.bbci.co.uk/news/world/rss.xml") == "bbci-co-uk"
    assert source_name("http://127.0.0.1:8080/feed") == "127-0-0-1"
    assert source_name("https://www.example/") == "www-example"  # too short to drop the www.
    assert source_name("https://Rss.DW.com/xml/rss-en-all") == "dw-com"
    assert unique_name("bbc-co-uk", set()) == "bbc-co-uk"
    assert unique_name("bbc-co-uk", {"bbc-co-uk"}) == "bbc-co-uk-2"
    assert unique_name("bbc-co-uk", {"bbc-co-uk", "bbc-co-uk-2", "bbc-co-uk-4"}) == "bbc-co-uk-3"
