"""An article page's title without the site's name: "Story | The Japan Times", "Story - Stack Overflow
Blog", "Site » Story", "Story：港浜新聞", "Story | by Author | Medium" all give "Story".

The site's names are what the page says it is (og:site_name, application-name, the JSON-LD publisher) and
its domain ("japantimes.co.jp" names "The Japan Times"); a leading or trailing part of the title between
separators that is one of them, or "by <author>", is dropped. A title that holds the page's <h1> whole at
its start or end is that <h1> (unless the <h1> is the site's name: a logo). Pure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from transforms.decode import has_mojibake
from transforms.normalise import name_key

# " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " / ", and the full-width "｜" and "："
SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00bb\u00ab\u00b7/]|::)\s+|\s*[\uff5c\uff1a]\s*|:\s+(?=\S)")
_BY_AUTHOR = re.compile(r"^(?:by|von|par|por)\s+\S", re.IGNORECASE)
GENERIC_HOST_LABELS = frozenset({"www", "m", "amp", "news", "blog", "com", "co", "org", "net"})


def domain_key(page_url: str | None) -> str | None:
    """The key of a page's registrable name: "https://www.japantimes.co.jp/x" -> "japantimes"."""
    host = (urlsplit(page_url or "").hostname or "").lower()
    labels = [label for label in host.split(".") if label and label not in GENERIC_HOST_LABELS]
    return name_key(labels[0]) if len(labels) >= 2 else None


def _is_site(segment: str, sites: set[str]) -> bool:
    key = name_key(segment)
    if not key:
        return False
    return any(
        key == site
        or (len(site) >= 4 and site in key and len(key) <= len(site) + 8)
        or (len(key) >= 4 and key in site)
        for site in sites
    )


def site_parts(title: str, sites: set[str]) -> tuple[str, list[str]]:
    """`title` without its leading and trailing parts that name the site (or "by <author>"), and the parts
    taken off. `sites`: name_key of every name the site goes by."""
    pieces = SEPARATOR.split(title)
    removed: list[str] = []
    while len(pieces) > 1:
        if _is_site(pieces[-1], sites) or _BY_AUTHOR.match(pieces[-1]):
            removed.append(pieces.pop())
        elif _is_site(pieces[0], sites):
            removed.append(pieces.pop(0))
        else:
            break
    if not removed:
        return title, []
    # rebuild from the original text so separators inside the kept part stay as written
    start = title.find(pieces[0])
    end = title.rfind(pieces[-1]) + len(pieces[-1])
    return title[start:end].strip(), removed


def page_title(
    headline: str | None, social: str | None, h1: str | None, title_tag: str | None, sites: set[str]
) -> str | None:
    """The article's title: the JSON-LD headline, else og:/twitter: title, else <h1>, else <title>, with
    the site's name taken off; a social or <title> title that holds the <h1> at either end is the <h1>."""
    h1_usable = h1 if h1 and not _is_site(h1, sites) else None
    for candidate in (headline, social, None, title_tag):
        if candidate is None:
            if h1_usable:
                return h1_usable
            continue
        text = " ".join(candidate.split())
        if (
            h1_usable
            and text != h1_usable
            and (text.startswith(h1_usable) or text.endswith(h1_usable))
            and site_parts(text, sites)[1]
        ):
            return h1_usable
        return site_parts(text, sites)[0]
    return None


def better_title(page: str | None, feed: str | None) -> str | None:
    """The page's title, unless the feed's is clean where the page's is garbled (mojibake): a page read in
    the wrong encoding never overwrites a good feed title."""
    if page is None or (feed and has_mojibake(page) and not has_mojibake(feed)):
        return feed
    return page
