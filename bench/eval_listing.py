"""Cards read from listing pages with no configuration (transforms.listing.parse_listing_page), per markup
family in tests/fixtures/listing/<family>.html against its gold <family>.json.

    .venv/bin/python bench/eval_listing.py [-v] [family ...]

Per family: cards present; found (gold item_urls among the rows); furniture taken (rows matching neither a
card nor the main story: ads, newsletter blocks, navigation); outlet right (the printed outlet, case and
spaces aside; where the gold prints none, none or the link host's brand); time right (the found time_text
resolved against fetched_at within a minute of the gold, or both absent); title right (exact after
whitespace collapse); main story found (the page's own story, where it has one). -v lists the misses.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transforms.listing import parse_listing_page  # noqa: E402
from transforms.normalise import parse_timestamp, resolve_relative_time  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "listing"
COLUMNS = ("present", "found", "furniture", "outlet", "time", "title")
NEEDED = ("item_url", "title", "outlet_name", "time_text", "text")
SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "or", "ne", "go", "gob"}


def url_key(url: str | None) -> str:
    """A URL as compared: host case-folded, no fragment, no utm_ parameters, no trailing slash."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_")])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower().removeprefix("www."), path, query, ""))


def fold(text: str | None) -> str:
    return "".join((text or "").split()).casefold()


def host_brand(url: str) -> str:
    """The brand in a link's host: www.telegraph.co.uk -> telegraph, nypost.com -> nypost."""
    labels = urlsplit(url).netloc.lower().split(":")[0].split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def outlet_right(found: str | None, gold: str | None, url: str) -> bool:
    if gold is None:
        if found is None or not found.strip():
            return True
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        return fold(found) in {fold(host_brand(url)), fold(host)}
    return found is not None and fold(found) == fold(gold)


def resolve(text: str | None, fetched_at: datetime) -> datetime | None:
    if not text or not text.strip():
        return None
    return resolve_relative_time(text, fetched_at) or parse_timestamp(text)


def time_right(found: str | None, minutes: int | None, fetched_at: datetime) -> bool:
    moment = resolve(found, fetched_at)
    if minutes is None:
        return moment is None
    expected = fetched_at - timedelta(minutes=minutes)
    return moment is not None and abs(moment - expected) <= timedelta(minutes=1)


def title_right(found: str | None, gold: str | None) -> bool:
    return " ".join((found or "").split()) == " ".join((gold or "").split())


def parse_fetched(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def score(html: bytes, gold: dict) -> tuple[dict, list[str]]:
    fetched_at = parse_fetched(gold["fetched_at"])
    frame = parse_listing_page(html, gold["page_url"])
    missing = [c for c in NEEDED if c not in frame.columns]
    if missing:
        raise ValueError(f"columns missing: {missing}")
    rows = frame.to_dicts()
    by_url: dict[str, dict] = {}
    for row in rows:
        by_url.setdefault(url_key(row["item_url"]), row)
    cards = gold["cards"]
    main = gold.get("main_story")
    known = {url_key(c["item_url"]) for c in cards} | ({url_key(main["item_url"])} if main else set())
    result = dict.fromkeys(COLUMNS, 0)
    result["present"] = len(cards)
    misses: list[str] = []
    for card in cards:
        row = by_url.get(url_key(card["item_url"]))
        if row is None:
            misses.append(f"  missed card {card['item_url']}  {card['title']!r}")
            continue
        result["found"] += 1
        checks = {
            "outlet": outlet_right(row["outlet_name"], card["outlet_name"], card["item_url"]),
            "time": time_right(row["time_text"], card["published_offset_minutes"], fetched_at),
            "title": title_right(row["title"], card["title"]),
        }
        gold_of = {"outlet": card["outlet_name"], "time": card["time_text"], "title": card["title"]}
        found_of = {"outlet": row["outlet_name"], "time": row["time_text"], "title": row["title"]}
        for name, right in checks.items():
            result[name] += right
            if not right:
                misses.append(f"  {name} wrong  {card['item_url']}: found {found_of[name]!r}, "
                              f"gold {gold_of[name]!r}")
    for row in rows:
        if url_key(row["item_url"]) not in known:
            result["furniture"] += 1
            misses.append(f"  furniture taken {row['item_url']}  {row['title']!r}")
    result["main"] = "-"
    if main:
        row = by_url.get(url_key(main["item_url"]))
        result["main"] = "yes" if row is not None else "no"
        if row is None:
            misses.append(f"  main story missed {main['item_url']}")
        else:
            for name, right, found, want in (
                ("outlet", outlet_right(row["outlet_name"], main["outlet_name"], main["item_url"]),
                 row["outlet_name"], main["outlet_name"]),
                ("time", time_right(row["time_text"], main["published_offset_minutes"], fetched_at),
                 row["time_text"], main["time_text"]),
                ("title", title_right(row["title"], main["title"]), row["title"], main["title"]),
                ("text", " ".join((row["text"] or "").split()).startswith(main["text_starts_with"]),
                 (row["text"] or "")[:60], main["text_starts_with"]),
            ):
                if not right:
                    misses.append(f"  main story {name} wrong: found {found!r}, gold {want!r}")
    return result, misses


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    wanted = [a for a in argv if not a.startswith("-")]
    families = sorted(p.stem for p in FIXTURES.glob("*.json"))
    if wanted:
        families = [f for f in families if f in wanted]
    print(f"{'family':<20}" + "".join(f"{c:>10}" for c in COLUMNS) + f"{'main':>7}")
    totals = dict.fromkeys(COLUMNS, 0)
    mains = [0, 0]
    errors = 0
    for family in families:
        gold = json.loads((FIXTURES / f"{family}.json").read_text(encoding="utf-8"))
        html = (FIXTURES / f"{family}.html").read_bytes()
        try:
            result, misses = score(html, gold)
        except Exception as exc:  # noqa: BLE001 - one family's crash is a row, not the end of the table
            errors += 1
            totals["present"] += len(gold["cards"])
            mains[1] += gold.get("main_story") is not None
            print(f"{family:<20} error: {type(exc).__name__}: {exc}")
            continue
        print(f"{family:<20}" + "".join(f"{result[c]:>10}" for c in COLUMNS) + f"{result['main']:>7}")
        if verbose:
            for line in misses:
                print(line)
        for c in COLUMNS:
            totals[c] += result[c]
        if result["main"] != "-":
            mains[1] += 1
            mains[0] += result["main"] == "yes"
    print(f"{'ALL':<20}" + "".join(f"{totals[c]:>10}" for c in COLUMNS) + f"{mains[0]:>5}/{mains[1]}")
    present = totals["present"] or 1
    found = totals["found"] or 1
    print(f"cards found {totals['found'] / present:.1%} of {totals['present']} present; of those found: "
          f"outlet right {totals['outlet'] / found:.1%}, time right {totals['time'] / found:.1%}, "
          f"title right {totals['title'] / found:.1%}; furniture rows taken: {totals['furniture']}; "
          f"main stories found: {mains[0]}/{mains[1]}; families erroring: {errors}")


if __name__ == "__main__":
    main(sys.argv[1:])
