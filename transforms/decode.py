"""HTML bytes -> text, decoded as a browser would: a byte-order mark, else the charset of the HTTP
Content-Type, else a `<meta charset>` or `http-equiv` declaration anywhere in the first bytes (after a
`<title>`, IE conditional comments or kilobytes of inline scripts), else detection (UTF-8 when the bytes
are valid UTF-8, else charset-normalizer). Labels are read as the WHATWG Encoding Standard reads them:
"iso-8859-1", "latin1" and "us-ascii" mean windows-1252.

One correction on top: a page declared as a single-byte Western code page whose bytes are valid UTF-8 with
non-ASCII characters in them is UTF-8 (a template that kept an old declaration); real windows-1252 text
almost never forms valid multi-byte UTF-8 sequences.

Also here: `has_mojibake`, what a wrong decoding leaves in a text ("Ã©", "â€”", U+FFFD), used to prefer a
clean feed title over a garbled page title (the warehouse's flag, articles.has_mojibake, is set by the load
with the same pattern: sql/load/articles_has_mojibake.sql; the check articles_without_mojibake counts it).

Pure: bytes and a header value in, text out.
"""

from __future__ import annotations

import codecs
import re

PRESCAN_BYTES = 32 * 1024  # browsers look at 1 KB; real pages put the declaration after far more markup
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
# WHATWG: these labels mean windows-1252; a declared UTF-16 in a meta tag means UTF-8 (the bytes were read
# as ASCII to find it).
_ALIASES = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}
_SINGLE_BYTE_WESTERN = frozenset({"cp1252", "cp1250", "cp1254", "iso8859-15", "iso8859-2"})


def codec_of(label: str | None) -> str | None:
    """Python's codec for a charset label, as a browser maps it; None for a label no codec matches."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def http_charset(content_type: str | None) -> str | None:
    """The codec named by an HTTP Content-Type's charset parameter."""
    match = _CHARSET_PARAM.search(content_type or "")
    return codec_of(match[1]) if match else None


def meta_charset(body: bytes) -> str | None:
    """The codec a `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` in the
    first PRESCAN_BYTES names (comments skipped, wherever the tag stands)."""
    head = _COMMENT.sub(b"", body[:PRESCAN_BYTES])
    for tag in _META.finditer(head):
        found = _META_CHARSET.search(tag.group())
        if found and (codec := codec_of(found[1].decode("ascii", "ignore"))):
            return codec
    return None


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def page_encoding(body: bytes, content_type: str | None = None) -> str:
    """The codec a page is read with (see the module's docstring for the order)."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec
    declared = http_charset(content_type) or meta_charset(body)
    if declared in _SINGLE_BYTE_WESTERN and not body.isascii() and _is_utf8(body):
        return "utf-8"
    if declared:
        return declared
    if _is_utf8(body):
        return "utf-8"
    import charset_normalizer  # here, not with the module: only a page with no declared charset needs it

    best = charset_normalizer.from_bytes(body[: PRESCAN_BYTES * 4]).best()
    return codec_of(best.encoding) if best is not None and codec_of(best.encoding) else "cp1252"


def decode_page(body: bytes, content_type: str | None = None) -> str:
    """The page as text (undecodable bytes become U+FFFD, as in a browser), without its BOM."""
    codec = page_encoding(body, content_type)
    return body.decode(codec, errors="replace").lstrip("\ufeff")


# UTF-8 read as Latin-1 or windows-1252 ("Ã©", "â€”", "Â "), C1 controls: what a wrong decoding leaves. The
# load marks the stored texts holding these (sql/load/articles_has_mojibake.sql) and a check counts them.
MOJIBAKE_SEQUENCES = (
    "[\u00c2\u00c3][\u0080-\u00bf\u00a0-\u00ff\u0152-\u2122]|\u00e2[\u0080-\u00bf\u20ac]"
    "[\u0080-\u00bf\u0152-\u2122]|[\u0080-\u009f]"
)
# ... and a replacement character (U+FFFD): bytes no decoding could read, or a reference the publisher got
# wrong ("&#0;"). Enough to prefer a clean feed title; not counted by the check, since a feed can send it
# on purpose and no decoding would do better.
MOJIBAKE = re.compile(f"{MOJIBAKE_SEQUENCES}|\ufffd")


def has_mojibake(text: str | None) -> bool:
    """Whether a text holds a sequence a wrong decoding leaves behind."""
    return bool(text) and MOJIBAKE.search(text) is not None
