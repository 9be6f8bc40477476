"""Normalisation rules: canonical URLs, outlet keys, UTC dates, clean text, content hashes.

Every function here is pure: no network, no disk, no clock. Times that depend on "now" (relative dates such
as "6 hours ago") are resolved against the fetch time, which the caller passes in.
All datetimes are naive and in UTC.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# --- URLs -------------------------------------------------------------------------------------------------

TRACKING_PARAM_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "hsa_", "oly_")
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mkt_tok", "_ga", "ref_src",
     "cmpid", "ocid", "smid", "at_medium", "at_campaign", "ito", "guccounter"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}
WEB_SCHEMES = frozenset(DEFAULT_PORTS)


def is_web_url(url: str | None) -> bool:
    """Whether a URL is one newsetl may follow or store as an article's: http or https (in any case) with a
    host. `file:`, `javascript:`, `data:` and host-less URLs are not (urlsplit drops the tabs and newlines
    a browser would also ignore, so "java\tscript:" is seen as javascript:)."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        _ = parts.port  # a port that is not a number in 0-65535 raises ValueError
        return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)
    except ValueError:  # "http://[::1", "http://host:99999/": not URLs anyone can fetch
        return False


def absolute_url(base: str, link: str) -> str:
    """`link` (stripped) made absolute against `base`; a link that is not a URL at all ("http://[::1") is
    kept as written: it is no web URL, so it is refused and counted (or rejected with its reason,
    transforms.items), and it cannot fail its feed or page."""
    try:
        return urljoin(base, link.strip())
    except ValueError:
        return link.strip()


def web_url_or_none(url: str | None) -> str | None:
    """`url` if it is an http(s) URL (is_web_url), else None."""
    return url if is_web_url(url) else None


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PARAM_PREFIXES)


_ALT_HOST = re.compile(r"^(?:m|mobile|amp)\.(?=[^.]+\.[^.]+)")
_AMP_CACHE_PATH = re.compile(r"^/[cv]/(?:(s)/)?(.+)$")
AMP_PARAMS = frozenset({"amp", "outputtype", "amp_js_v", "usqp", "_gsa", "amp_gsa", "ampcf"})


def _from_amp_cache(scheme: str, host: str, path: str) -> tuple[str, str, str] | None:
    """https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a -> https, www.example.com, /a"""
    if not host.endswith(".cdn.ampproject.org"):
        return None
    match = _AMP_CACHE_PATH.match(path)
    if not match:
        return None
    origin_host, _, origin_path = match[2].partition("/")
    return ("https" if match[1] else "http"), origin_host.lower(), "/" + origin_path


def _without_amp(path: str) -> str:
    """/news/a/amp, /news/a/amp/, /amp/news/a, /news/a.amp.html -> the page itself."""
    if path.endswith(".amp.html"):
        return path[: -len(".amp.html")] + ".html"
    if path.startswith("/amp/"):
        path = path[len("/amp"):]
    for suffix in ("/amp/", "/amp"):
        if path.endswith(suffix) and len(path) > len(suffix):
            return path[: -len(suffix)] + ("/" if suffix.endswith("/") else "")
    return path


def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, no fragment, no
    tracking or AMP parameters; the AMP and mobile variants of a page (Google's AMP cache, amp./m./mobile.
    hosts, /amp paths, .amp.html) folded into the page itself. Path and remaining query are kept."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    path = parts.path
    cached = _from_amp_cache(scheme, host, path)
    if cached:
        scheme, host, path = cached
        port = None
    if scheme in DEFAULT_PORTS:
        host = _ALT_HOST.sub("www.", host)
        path = _without_amp(path)
    host = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking_param(k) and k.lower() not in AMP_PARAMS])
    return urlunsplit((scheme, netloc, path or ("/" if netloc else ""), query, ""))


def url_domain(url: str | None) -> str | None:
    """The host of a URL without a leading "www." (None for local files and bad URLs)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return None
    return host.removeprefix("www.")


def stable_id(*parts: str) -> str:
    """A short deterministic key: the same inputs give the same id in every run and on every machine."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


# --- outlets ----------------------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def outlet_key(name: str) -> str:
    """The key outlet names are matched on: "The Independent", "Independent" and "the  independent"
    give the same key. Case, accents, punctuation and a leading article are ignored."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold().strip()
    folded = re.sub(r"^(the|le|la|les|el|die|der|das)\s+", "", folded)
    return _NON_ALNUM.sub("", folded)


_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str | None) -> str:
    """A name folded for comparison in any script: case folded, NFKC, without spaces and punctuation
    ("The Japan Times" and "the japan times" match; so do "港浜新聞" and "港浜 新聞")."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", name or "").casefold())


# --- dates ------------------------------------------------------------------------------------------------

def to_utc_naive(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


_SLASHED_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?=$|[ T])")


def _as_iso(value: str) -> str:
    """"2026/02/24 21:25:00" -> "2026-02-24 21:25:00" (OriginalPublicationDate and its kin); Z as +00:00."""
    value = _SLASHED_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", value)
    return value.replace("Z", "+00:00").replace("z", "+00:00")


def _parse_moment(text: str | None) -> datetime | None:
    """An absolute date in ISO 8601 (or YYYY/MM/DD) or RFC 822 form, as written: aware when it states an
    offset, naive when it does not."""
    if not text:
        return None
    value = text.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(_as_iso(value))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_timestamp(text: str | None) -> datetime | None:
    """An absolute date in ISO 8601 (or YYYY/MM/DD) or RFC 822 form, as naive UTC; None if the text is not
    one. A date without a zone is taken as UTC."""
    moment = _parse_moment(text)
    return to_utc_naive(moment) if moment is not None else None


def publisher_day(text: str | None) -> tuple[date | None, int | None]:
    """The publisher's own calendar day of a date as written, and its UTC offset in minutes when it states
    one: "2026-02-24T21:25:00-05:00" -> (2026-02-24, -300), though it is 25 Feb in UTC;
    "2026-02-24" -> (2026-02-24, None). (None, None) if the text is not a date."""
    moment = _parse_moment(text)
    if moment is None:
        return None, None
    offset = moment.utcoffset()
    return moment.date(), (None if offset is None else int(offset.total_seconds() // 60))


# Units as aggregators print them, in English, German, French and Spanish, -> seconds.
_UNITS = {
    1: ("seconds", "second", "secs", "sec", "s", "sekunden", "sekunde", "sek", "secondes", "seconde",
        "segundos", "segundo", "seg"),
    60: ("minutes", "minute", "mins", "min", "m", "minuten", "minuto", "minutos"),
    3600: ("hours", "hour", "hrs", "hr", "h", "stunden", "stunde", "std", "heures", "heure", "horas", "hora"),
    86400: ("days", "day", "d", "tagen", "tage", "tag", "jours", "jour", "j", "días", "dias", "día", "dia"),
    7 * 86400: ("weeks", "week", "wks", "wk", "w", "wochen", "woche", "semaines", "semaine", "semanas",
                "semana"),
    30 * 86400: ("months", "month", "mo", "monaten", "monate", "monat", "mois", "meses", "mes"),
    365 * 86400: ("years", "year", "yrs", "yr", "y", "jahren", "jahre", "jahr", "ans", "an", "années",
                  "année", "años", "año"),
}
_UNIT_SECONDS = {unit: seconds for seconds, units in _UNITS.items() for unit in units}
_UNIT = "|".join(sorted((re.escape(u) for u in _UNIT_SECONDS), key=len, reverse=True))
_ONE = r"an|a|one|einer|einem|ein|une|un|una|uno"
_COUNT = rf"(?P<count>\d+|(?:{_ONE})(?=\s))"  # a spelled count stands apart: "tuesday ago" is not "a y"
# "6 hours ago", "vor 6 Stunden", "il y a 6 heures", "hace 6 horas", and the bare "6h", "2d", "3 hrs" of a
# card's time line (bare forms only where they end the text, alone or after a separator: "Reuters · 2h";
# so "3 m" in prose is not a time).
_RELATIVE_FORMS = (
    re.compile(rf"{_COUNT}\s*(?P<unit>{_UNIT})\b\.?\s+ago\b", re.IGNORECASE),
    re.compile(rf"\bvor\s+{_COUNT}\s*(?P<unit>{_UNIT})\b\.?", re.IGNORECASE),
    re.compile(rf"\bil\s+y\s+a\s+{_COUNT}\s*(?P<unit>{_UNIT})\b\.?", re.IGNORECASE),
    re.compile(rf"\bhace\s+{_COUNT}\s*(?P<unit>{_UNIT})\b\.?", re.IGNORECASE),
    re.compile(rf"(?:^\W*|[\u00b7\u2022|,\u2013\u2014-]\s*)(?P<count>\d+)\s*(?P<unit>{_UNIT})\.?\W*$",
               re.IGNORECASE),
)
# glued to a label as "time33 minutes ago" is: no word boundary before the English and Spanish forms
_NOW = re.compile(r"(?:just now|moments? ago|\bgerade eben|\bsoeben|\bjetzt|à l'instant|a l'instant|"
                  r"à l’instant|ahora mismo|hace un momento|\bahora)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"(?:yesterday|\bgestern|\bhier|ayer)\b", re.IGNORECASE)


def relative_time_span(text: str | None) -> tuple[int, int, int] | None:
    """Where a relative time stands in a text, and how many seconds back it means: (start, end, seconds);
    "Independent6 hours ago" -> (11, 22, 21600). None if the text holds none."""
    if not text:
        return None
    for form in _RELATIVE_FORMS:
        if match := form.search(text):
            count_text = match["count"].lower()
            count = int(count_text) if count_text.isdigit() else 1
            return match.start(), match.end(), count * _UNIT_SECONDS[match["unit"].lower()]
    if match := _NOW.search(text):
        return match.start(), match.end(), 0
    if match := _YESTERDAY.search(text):
        return match.start(), match.end(), 86400
    return None


_CLOCK_TIME = re.compile(r"^\W*(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap])?\.?m?\.?\W*$", re.IGNORECASE)


def clock_time_before(text: str | None, fetched_at: datetime) -> datetime | None:
    """A bare clock time as a listing prints today's items ("9:40 AM", "21:05"): that time on the fetch
    day (the day before if it would be after the fetch), taken as UTC; None for anything else."""
    match = _CLOCK_TIME.match(text or "")
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    moment = fetched_at.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment - timedelta(days=1) if moment > fetched_at else moment


def resolve_relative_time(text: str | None, fetched_at: datetime) -> datetime | None:
    """"6 hours ago", "an hour ago", "yesterday", "2d", "3 hrs", "Just now", "vor 2 Stunden", "il y a 3
    heures", "hace 2 horas", "gestern", "hier", "ayer", also glued to a label ("time33 minutes ago"),
    and a bare clock time of the fetch day ("9:40 AM": clock_time_before), resolved against the fetch
    time. None if the text holds no relative time."""
    found = relative_time_span(text)
    return fetched_at - timedelta(seconds=found[2]) if found else clock_time_before(text, fetched_at)


# How much a publish date is worth, by where it came from: what the publisher states in structured data
# and meta tags, then the feed, a <time> tag, a visible dateline (day only), a date in the URL (day only),
# htmldate's guess, a relative time ("6 hours ago"), the fetch time.
DATE_RANK = {"jsonld": 9, "meta": 8, "feed": 7, "time_tag": 6, "dateline": 5, "url": 4, "htmldate": 3,
             "relative": 2, "fetched": 1}
FUTURE_TOLERANCE = timedelta(hours=14)  # the widest time-zone offset: a date a zone mix-up put ahead
EARLIEST_PLAUSIBLE = datetime(1990, 1, 1)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def date_from_url(url: str | None) -> datetime | None:
    """The date in a URL path such as /2026/11/27/slug or /2026-11-27/ (midnight UTC)."""
    if not url:
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def date_problem(published: datetime, fetched_at: datetime) -> str | None:
    """Why a publish date cannot be right, or None: after the fetch (beyond a time-zone's worth of
    tolerance) or before 1990."""
    if published > fetched_at + FUTURE_TOLERANCE:
        return f"{published:%Y-%m-%d %H:%M} is after the fetch time {fetched_at:%Y-%m-%d %H:%M}"
    if published < EARLIEST_PLAUSIBLE:
        return f"{published:%Y-%m-%d %H:%M} is before {EARLIEST_PLAUSIBLE:%Y}"
    return None


DAY_ONLY = frozenset({"url", "dateline"})  # date sources that give a day, not a time of day


def choose_published(candidates: list[tuple[datetime | None, str]], fetched_at: datetime
                     ) -> tuple[datetime, str, str | None]:
    """The first plausible date of `candidates` (best first, each with where it came from), else the
    fetch time; a day-only date (a URL's, a dateline's) gives way to a later candidate's time on the same
    day. Returns (published_at, source, why the better candidates were rejected or None)."""
    rejected = []
    for n, (moment, source) in enumerate(candidates):
        if moment is None:
            continue
        problem = date_problem(moment, fetched_at)
        if problem is None:
            if source in DAY_ONLY:  # a finer time of the same day wins: "33 minutes ago" on /2026/11/28/
                moment, source = next(
                    ((m, s) for m, s in candidates[n + 1:] if m is not None and s not in DAY_ONLY
                     and m.date() == moment.date() and date_problem(m, fetched_at) is None),
                    (moment, source))
            return moment, source, "; ".join(rejected) or None
        rejected.append(f"{source} date rejected: {problem}")
    return fetched_at, "fetched", "; ".join(rejected) or None


# --- text -------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|section|article)\b[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")


def clean_text(text: str | None) -> str | None:
    """Text as stored: tags removed (block tags become paragraph breaks), HTML entities decoded, Unicode
    NFC, runs of spaces collapsed, paragraphs separated by one blank line. None for empty input."""
    if text is None:
        return None
    value = text
    if "<" in value:
        value = _BLOCK_TAG.sub("\n\n", value)
        value = _TAG.sub("", value)
    value = html.unescape(value)
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = _SPACES.sub(" ", value)
    paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in _PARAGRAPH_BREAK.split(value)]
    value = "\n\n".join(p for p in paragraphs if p)
    return value or None


BOILERPLATE_PARAGRAPH = re.compile(
    r"download (?:the|our) app|get started now|sign up (?:to|for)|subscribe (?:to|now)|related articles"
    r"|no comments yet|^comments$|follow us on|try our ai features|all rights reserved|read more:?$"
    r"|click here to|share this article|app-?store|play-?store|advertisement$|^orange background$",
    re.IGNORECASE)
BOILERPLATE_MAX_WORDS = 30


def drop_boilerplate(text: str | None) -> str | None:
    """Text without the short paragraphs that are page furniture ("DOWNLOAD THE APP", "Related Articles",
    "No comments yet...", newsletter and app-store prompts). Long paragraphs are always kept."""
    if not text:
        return text
    kept = [p for p in text.split("\n\n")
            if len(p.split()) > BOILERPLATE_MAX_WORDS or not BOILERPLATE_PARAGRAPH.search(p.strip())]
    return "\n\n".join(kept) or None


def word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


def content_hash(text: str | None) -> str | None:
    """SHA-256 of a cleaned text (an article's title and text: a new hash is a new version)."""
    if not text:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
