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
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# --- URLs -------------------------------------------------------------------------------------------------

TRACKING_PARAM_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "hsa_", "oly_")
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mkt_tok", "_ga", "ref_src",
     "cmpid", "ocid", "smid", "at_medium", "at_campaign", "ito", "guccounter"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PARAM_PREFIXES)


def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, no fragment,
    no tracking parameters. Path and the remaining query are kept as they are."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not is_tracking_param(k)])
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, query, ""))


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


# --- dates ------------------------------------------------------------------------------------------------

def to_utc_naive(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def parse_timestamp(text: str | None) -> datetime | None:
    """An absolute date in ISO 8601 or RFC 822 form, as naive UTC; None if the text is not one.
    A date without a zone is taken as UTC."""
    if not text:
        return None
    value = text.strip()
    if not value:
        return None
    try:
        return to_utc_naive(datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00")))
    except ValueError:
        pass
    try:
        return to_utc_naive(parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


_UNIT_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600,
                 "day": 86400, "week": 7 * 86400, "month": 30 * 86400, "year": 365 * 86400}
_RELATIVE = re.compile(
    r"(?P<count>\d+|an|a|one)\s*(?P<unit>second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago",
    re.IGNORECASE,
)


def resolve_relative_time(text: str | None, fetched_at: datetime) -> datetime | None:
    """"6 hours ago", "an hour ago", "yesterday", also glued to a label ("time33 minutes ago"),
    resolved against the fetch time. None if the text holds no relative time."""
    if not text:
        return None
    lowered = text.strip().lower()
    match = _RELATIVE.search(lowered)
    if match:
        count_text = match["count"]
        count = int(count_text) if count_text.isdigit() else 1
        return fetched_at - timedelta(seconds=count * _UNIT_SECONDS[match["unit"]])
    if re.search(r"just now|moments? ago", lowered):
        return fetched_at
    if lowered.endswith("yesterday"):
        return fetched_at - timedelta(days=1)
    return None


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


def word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


def content_hash(text: str | None) -> str | None:
    """SHA-256 of the cleaned text, so the same story carried under two URLs hashes the same."""
    if not text:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
