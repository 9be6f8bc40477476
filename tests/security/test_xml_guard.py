"""The XML entity guard (transforms.feeds.refuse_entity_declarations and parse_news_sitemap's guard): an
entity declaration is refused wherever it stands in the prolog and in whatever encoding a parser would read
the document, and a feed or sitemap without one still parses. Each bypass the guard once had (only the
first 64 KiB of ASCII-compatible bytes were scanned) has a test here: the declaration after a 70 KB
comment, in UTF-16 LE/BE and UTF-32 (with and without a byte-order mark), in UTF-7 and EBCDIC named by the
XML declaration. Every body was first checked to be expanded by feedparser without the guard."""

from __future__ import annotations

import time

import feedparser
import pytest

from transforms.feeds import (
    FeedParseError,
    parse_feed,
    parse_news_sitemap,
    prolog,
    refuse_entity_declarations,
    sniffed_encoding,
)

FEED_URL = "https://feeds.example/rss.xml"
ENTITIES = '<!DOCTYPE rss [<!ENTITY planted "EXPANDED-ENTITY">]>'
ITEM = ('<rss version="2.0"><channel><title>t</title><item><title>&planted;</title>'
        "<link>https://feeds.example/a</link></item></channel></rss>")
SITEMAP = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
           "<loc>https://feeds.example/&planted;</loc></url></urlset>")


def document(encoding: str, *, declared: str | None = None, before: str = "", body: str = ITEM,
             entities: str = ENTITIES) -> bytes:
    """An XML document with an entity declaration in its prolog, encoded (and declared) as asked."""
    declaration = f'<?xml version="1.0" encoding="{declared}"?>' if declared else '<?xml version="1.0"?>'
    return (declaration + before + entities + body).encode(encoding)


def utf7_document() -> bytes:
    """UTF-7 with every "<", "[" and ">" of the DOCTYPE as base64 runs: no '<!ENTITY' byte sequence."""
    text = ('<?xml version="1.0" encoding="utf-7"?>+ADw-!DOCTYPE rss +AFsAPA-!ENTITY planted '
            '"EXPANDED-ENTITY"+AD4AXQA+-' + ITEM)
    body = text.encode("ascii")
    assert b"<!ENTITY" not in body and "<!ENTITY planted" in body.decode("utf-7")
    return body


BYPASSES = {
    "after a 70 KB comment": document("utf-8", before="<!--" + "x" * 70_000 + "-->"),
    "after 70 KB of processing instructions": document("utf-8", before='<?pi ' + "y" * 70_000 + "?>"),
    "UTF-16 LE with BOM": b"\xff\xfe" + document("utf-16-le", declared="UTF-16"),
    "UTF-16 BE with BOM": b"\xfe\xff" + document("utf-16-be", declared="UTF-16"),
    "UTF-16 (Python's BOM)": document("utf-16", declared="UTF-16"),
    "UTF-16 LE without BOM": document("utf-16-le", declared="UTF-16"),
    "UTF-16 BE without BOM": document("utf-16-be", declared="UTF-16"),
    "UTF-32 with BOM": document("utf-32", declared="UTF-32"),
    "UTF-32 BE without BOM": document("utf-32-be", declared="UTF-32"),
    "UTF-7 declared": utf7_document(),
    "EBCDIC (cp037) declared": document("cp037", declared="cp037"),
    "EBCDIC (cp500) declared": document("cp500", declared="cp500"),
    "UTF-8 BOM and a 40,000-character non-ASCII comment": b"\xef\xbb\xbf" + document(
        "utf-8", before="<!--" + "\u00e9" * 40_000 + "-->"),
    "a quoted '<' in the DOCTYPE's external id": document(
        "utf-8", entities='<!DOCTYPE rss SYSTEM "a<b" [<!ENTITY planted "EXPANDED-ENTITY">]>'),
    "a comment with a quote inside the internal subset": document(
        "utf-8", entities="<!DOCTYPE rss [<!-- don't --><!ENTITY planted \"EXPANDED-ENTITY\">]>"),
}


@pytest.mark.parametrize("name", [n for n in BYPASSES if "UTF-7" not in n and "EBCDIC" not in n
                                  and "quoted" not in n and "comment with" not in n])
def test_each_bypass_body_is_expanded_by_feedparser_without_the_guard(name):
    """The bodies are real attacks: feedparser on its own expands the planted entity."""
    parsed = feedparser.parse(BYPASSES[name])
    assert parsed.entries and parsed.entries[0].title == "EXPANDED-ENTITY"


def test_utf7_and_ebcdic_bodies_are_expanded_by_feedparser_without_the_guard():
    for name in ("UTF-7 declared", "EBCDIC (cp037) declared"):
        parsed = feedparser.parse(BYPASSES[name])
        assert parsed.entries[0].title == "EXPANDED-ENTITY", name


@pytest.mark.parametrize("name", list(BYPASSES))
def test_feed_with_an_entity_declaration_is_refused(name):
    with pytest.raises(FeedParseError, match="entity declarations"):
        parse_feed(BYPASSES[name], FEED_URL)


@pytest.mark.parametrize("name", list(BYPASSES))
def test_sitemap_with_an_entity_declaration_is_refused(name):
    body = BYPASSES[name]
    for encoding in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "cp037", "cp500",
                     "utf-7"):
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        if ITEM in text:
            body = body.decode(encoding).replace(ITEM, SITEMAP).encode(encoding)
            break
    with pytest.raises(FeedParseError, match="DTDs and entities are refused"):
        parse_news_sitemap(body, "https://feeds.example/sitemap.xml")


def test_a_huge_prolog_is_read_whole_and_quickly():
    body = document("utf-8", before="<!--" + "z" * 5_000_000 + "-->")
    started = time.perf_counter()
    with pytest.raises(FeedParseError):
        refuse_entity_declarations(body)
    assert time.perf_counter() - started < 2.0


def test_billion_laughs_in_utf16_is_refused_quickly():
    levels = "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10))
    lol = '<!DOCTYPE rss [<!ENTITY lol "lol">' + levels + "]>"
    body = document("utf-16", declared="UTF-16", entities=lol, body=ITEM.replace("&planted;", "&lol9;"))
    started = time.perf_counter()
    with pytest.raises(FeedParseError):
        parse_feed(body, FEED_URL)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp037", "iso-8859-1"])
def test_a_feed_without_entity_declarations_parses_in_any_encoding(encoding):
    body = (f'<?xml version="1.0" encoding="{encoding}"?><!-- a comment --><rss version="2.0"><channel>'
            "<title>t</title><item><title>Caf\u00e9 &amp; bar</title><link>https://feeds.example/a</link>"
            "</item></channel></rss>").encode(encoding)
    items = parse_feed(body, FEED_URL)
    assert items["title"].to_list() == ["Caf\u00e9 & bar"]


def test_an_entity_declaration_in_the_content_is_not_the_prolog():
    """An article about XML may quote '<!ENTITY' in its text (escaped or in CDATA): not refused."""
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            b"<title>Entities</title><link>https://feeds.example/a</link>"
            b"<description><![CDATA[Write <!ENTITY x \"y\"> in the DTD]]></description>"
            b"</item></channel></rss>")
    assert parse_feed(body, FEED_URL).height == 1


def test_rss_091_public_doctype_is_allowed():
    body = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
            b"<title>t</title><item><title>a</title><link>https://feeds.example/a</link></item>"
            b"</channel></rss>")
    assert parse_feed(body, FEED_URL).height == 1


@pytest.mark.parametrize(("body", "encoding"), [
    (b"\xff\xfe\x00\x00<", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xfe\xff\x00<", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b'<?xml version="1.0" encoding="Shift_JIS"?>', "shift_jis"),
    (b'<?xml version="1.0" encoding="no-such-codec"?>', "utf-8"),
    (b'<?xml version="1.0" encoding="base64"?>', "utf-8"),
    ('<?xml version="1.0" encoding="cp500"?>'.encode("cp500"), "cp500"),
])
def test_the_encoding_a_parser_would_read(body, encoding):
    assert sniffed_encoding(body) == encoding


def test_the_prolog_ends_at_the_root_element():
    text = '<?xml version="1.0"?><!-- <root> --><!DOCTYPE r [<!ATTLIST r a CDATA "<x>">]><r><!ENTITY></r>'
    assert prolog(text) == text[:text.index("<r>")]
    assert prolog("no root at all <!ENTITY") == "no root at all <!ENTITY"
