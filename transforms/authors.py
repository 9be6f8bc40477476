"""An article page's authors, as names: from structured data first (JSON-LD `author`, references to a
Person elsewhere in the @graph resolved), then meta tags (`author`, `article:author`, `sailthru.author`,
`parsely-author`, `dc.creator`, Yoast's "Written by" label), then the byline in the markup (`rel=author`,
`itemprop=author`, elements classed byline / author name, "By ..." lines).

Never a URL (`article:author` holding a Facebook profile), never the publisher (an Organization as author,
or the outlet's own name: "Bay Broadcasting News"), never "Staff"; "A and B", "A, B and C", "A & B" are
split into names; "By", "Von", "Par", "Por", "Posted by" and a trailing ", Outlet" are taken off.
Pure: a parsed tree and the JSON-LD objects in, names out.
"""

from __future__ import annotations

import re

from transforms.normalise import clean_text, name_key

META_AUTHOR_KEYS = (
    "author",
    "article:author",
    "sailthru.author",
    "parsely-author",
    "dc.creator",
    "DC.creator",
    "dcterms.creator",
    "byl",
)
BYLINE_XPATHS = (
    "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]",
    "//*[@itemprop='author']",
    "//*[contains(@class, 'byline__name') or contains(@class, 'author-name')"
    " or contains(@class, 'author__name') or contains(@class, 'authorname')"
    " or contains(@class, 'td-post-author-name') or contains(@class, 'writer')"
    " or contains(@class, 'field--name-uid')]",
    "//*[contains(@class, 'byline') and not(contains(@class, 'byline__title'))"
    " and not(contains(@class, 'byline-date'))]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]",
)
_PREFIX = re.compile(
    r"^\s*(?:(?:posted|written|reported|words)\s+by|by|von|par|por|di|door|av|af|"
    r"بقلم|text|texte|texto)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|、|・)\s*", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"https?:|www\.|@|/|\d|\bstaff\b|\bagencies\b|\breporter\b|\beditor\b|\bupdated\b", re.IGNORECASE
)
_BRACKETS = str.maketrans("", "", "【】[]()（）")
MAX_NAME_CHARS = 60


def _good_name(name: str, publishers: set[str]) -> bool:
    key = name_key(name)
    return (
        0 < len(name) <= MAX_NAME_CHARS
        and not _NOT_A_NAME.search(name)
        and any(c.isalpha() for c in name)
        and (not key or key not in publishers)
        and len(name.split()) <= 5
    )


def split_names(text: str | None, publishers: set[str] = frozenset()) -> list[str]:
    """Names in a byline or an author field: prefix removed, split on "and", commas and ampersands, the
    publisher's name and anything that is not a name (URLs, e-mail addresses, dates, "Staff") dropped."""
    if not text:
        return []
    value = clean_text(text.translate(_BRACKETS)) or ""
    value = " ".join(value.split())
    value = _PREFIX.sub("", value)
    names = []
    for part in _SPLIT.split(value):
        name = _PREFIX.sub("", part).strip(" .:-–—|·")
        if _good_name(name, publishers) and name not in names:
            names.append(name)
    return names


def _ld_people(value, by_id: dict[str, dict]) -> list[dict | str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        out.append(item)
    return out


def jsonld_authors(ld: dict, objects: list[dict], publishers: set[str]) -> list[str]:
    """Person names of a JSON-LD article's `author` (organisations and the publisher left out)."""
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    names: list[str] = []
    for item in _ld_people(ld.get("author"), by_id):
        if isinstance(item, dict):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & {"Organization", "NewsMediaOrganization", "Corporation"}:
                continue
            item = item.get("name")
        if isinstance(item, str):
            names.extend(n for n in split_names(item, publishers) if n not in names)
    return names


def _meta_authors(root, publishers: set[str]) -> list[str]:
    for key in META_AUTHOR_KEYS:
        for value in root.xpath("//meta[@property=$k or @name=$k]/@content", k=key):
            if names := split_names(value, publishers):
                return names
    label = root.xpath("//meta[@name='twitter:label1']/@content")
    if label and label[0].strip().lower() == "written by":
        return split_names(next(iter(root.xpath("//meta[@name='twitter:data1']/@content")), None), publishers)
    return []


def _byline_authors(root, publishers: set[str]) -> list[str]:
    for xpath in BYLINE_XPATHS:
        for node in root.xpath(xpath):
            if node.tag in ("meta", "link"):
                continue
            named = node.xpath(".//*[@itemprop='name']")
            text = named[0].text_content() if named else node.text_content()
            if len(text) <= 200 and (names := split_names(text, publishers)):
                return names
    return []


def page_authors(root, ld: dict, objects: list[dict], publishers: set[str]) -> list[str]:
    """The article's authors: structured data, else meta tags, else the byline in the markup.
    `publishers`: name_key (transforms.normalise) of the site's names."""
    return (
        jsonld_authors(ld, objects, publishers)
        or _meta_authors(root, publishers)
        or _byline_authors(root, publishers)
    )
