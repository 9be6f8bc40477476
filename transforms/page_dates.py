"""An article page's publication date, read where publishers write it, best first:

1. JSON-LD `datePublished` (a string, or a Unix number in seconds or milliseconds)          -> "jsonld"
2. meta tags and microdata: `article:published_time`, `itemprop="datePublished"` on any element,
   `rnews:datePublished`, `parsely-page` JSON and `parsely-pub-date`, `OriginalPublicationDate`,
   `sailthru.date`, `dc.date` / `DC.date.issued` / `dcterms.date` and their kin, `pubdate`, `date` -> "meta"
3. `<time pubdate>`, a `<time>` or `<abbr>` marked as the publication date, `<time>` in <article>,
   the first `<time datetime>` outside comment threads                                        -> "time_tag"
4. a visible dateline ("Published 9:25 p.m. ET Feb. 24, 2026", "24 février 2026", "2026年2月24日")
   in an element whose class names a date, a byline or the article's meta                   -> "dateline"
5. htmldate (originals only, no URL, a fixed upper bound instead of the clock), last resort     -> "htmldate"

`published_date(root, ld)` returns (text, source): the text as written (a Unix number becomes ISO 8601 UTC,
a dateline a calendar day), so the publisher's own day and UTC offset can be read from it
(transforms.normalise.publisher_day). Pure: a parsed tree in, text out.
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from datetime import UTC, datetime

META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "rnews:datePublished",
    "OriginalPublicationDate",
    "sailthru.date",
    "parsely-pub-date",
    "publish-date",
    "publication_date",
    "article.published",
    "dc.date.issued",
    "DC.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "dc.date",
    "DC.date",
    "dc.date.created",
    "DC.date.created",
    "pubdate",
    "date",
    "Date",
    "cXenseParse:recs:publishtime",
    "article_date_original",
)
META_DATE_XPATH = "//meta[@property=$k or @name=$k or @itemprop=$k]/@content"
TIME_XPATHS = (
    "//time[@pubdate]",
    "//time[@itemprop='datePublished'] | //abbr[contains(concat(' ', @class, ' '), ' published ')]",
    "//time[contains(@class, 'published') or contains(@class, 'entry-date') or contains(@class, 'pubdate')"
    " or contains(@class, 'post-date') or contains(@class, 'byline-date')]",
    "//article//time[@datetime]",
    "//time[@datetime][not(ancestor::*[contains(@class, 'comment')])]",
)
DATELINE_XPATH = (
    "//*[contains(@class, 'date') or contains(@class, 'byline') or contains(@class, 'meta')"
    " or contains(@class, 'publish') or contains(@class, 'time')][not(self::body)]"
)
MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
        )
    },
    "sept": 9,
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            )
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            )
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            )
        )
    },
}
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + ")"
_DATELINES = (
    re.compile(_MONTH + r"\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<day>\d{1,2})\.?\s+(?:de\s+)?" + _MONTH + r"\.?\s+(?:de\s+)?(?P<year>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<year>(?:19|20)\d{2})年\s*(?P<month>\d{1,2})月\s*(?P<day>\d{1,2})日"),
)
HTMLDATE_MAX = datetime(2100, 1, 1)  # htmldate's default upper bound is the clock; ours is choose_published


def _unix(value: float) -> str | None:
    seconds = value / 1000 if value > 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, OSError, ValueError):
        return None


def date_text(value) -> str | None:
    """A date as written: a non-empty string, or a Unix number (seconds or milliseconds) as ISO 8601 UTC.
    Digits in a string are a Unix number too ("1771968300")."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _unix(value)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return _unix(int(text)) if text.isdigit() and len(text) in (10, 13) else text
    return None


def _meta_date(root) -> str | None:
    for key in META_DATE_KEYS:
        for value in root.xpath(META_DATE_XPATH, k=key):
            if text := date_text(value):
                return text
    for value in root.xpath("//meta[@name='parsely-page']/@content"):
        try:
            page = json.loads(value)
        except (json.JSONDecodeError, TypeError):
            continue
        if isinstance(page, dict) and (text := date_text(page.get("pub_date"))):
            return text
    for node in root.xpath("//*[@itemprop='datePublished'][not(self::meta)]"):
        if text := date_text(node.get("content") or node.get("datetime") or node.get("title")):
            return text
    return None


def _time_date(root) -> str | None:
    for xpath in TIME_XPATHS:
        for node in root.xpath(xpath):
            if text := date_text(node.get("datetime") or node.get("title")):
                return text
    return None


def dateline_day(text: str) -> str | None:
    """The calendar day of a visible dateline ("Feb. 24, 2026", "24 février 2026", "2026年2月24日") as
    YYYY-MM-DD; None if the text holds none."""
    for pattern in _DATELINES:
        match = pattern.search(text)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
        try:
            return datetime(int(match["year"]), number, int(match["day"])).strftime("%Y-%m-%d")
        except (TypeError, ValueError):
            continue
    return None


def _dateline(root) -> str | None:
    for node in root.xpath(DATELINE_XPATH):
        text = node.text_content()
        if len(text) <= 200 and (day := dateline_day(text)):
            return day
    return None


def _htmldate(root) -> str | None:
    import htmldate  # here, not with the module: only a page with no other date needs it

    try:
        found = htmldate.find_date(
            deepcopy(root),
            original_date=True,
            extensive_search=True,
            max_date=HTMLDATE_MAX,
            outputformat="%Y-%m-%d",
        )
    except Exception:  # noqa: BLE001 - a date guesser's failure is no date, never a failed page
        return None
    return found or None


def published_date(root, ld: dict) -> tuple[str | None, str | None]:
    """(the publication date as written, where it was found), or (None, None)."""
    steps = (
        (lambda: date_text(ld.get("datePublished")), "jsonld"),
        (lambda: _meta_date(root), "meta"),
        (lambda: _time_date(root), "time_tag"),
        (lambda: _dateline(root), "dateline"),
        (lambda: _htmldate(root), "htmldate"),
    )
    for step, source in steps:
        if text := step():
            return text, source
    return None, None
