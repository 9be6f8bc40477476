"""Cards found on listing pages with no selectors (transforms.listing), per markup family, against gold.

    .venv/bin/python bench/eval_cards.py

The families (bench/listing/families.py, plus the seed's shape in tests/fixtures/listing/) are written for
this project. Per family: cards present, found (a gold link among the rows), furniture taken (a row that is
no gold card: an ad, a newsletter block, navigation), outlet right (the printed outlet, case and spaces
aside; where the page prints none, none or the link host's brand), time right (the printed time resolved
against the capture time within a minute of the gold; no time where the gold has none), title right (exact).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "listing"))

from families import BUILDERS, seed_unfamiliar  # noqa: E402

from transforms.listing import parse_listing_page  # noqa: E402
from transforms.normalise import name_key, parse_timestamp, resolve_relative_time  # noqa: E402

CAPTURED = datetime(2026, 11, 28, 12)
SEED = ROOT / "tests" / "fixtures" / "listing" / "seed_unfamiliar_markup.html"


def outlet_right(found: str | None, gold: str | None, url: str) -> bool:
    if gold is None:
        host = url.split("/")[2].removeprefix("www.").split(".")[0]
        return found is None or name_key(found) == name_key(host)
    return found is not None and " ".join(found.split()).casefold() == gold.casefold()


def time_right(found: str | None, minutes: int | None) -> bool:
    moment = (resolve_relative_time(found, CAPTURED) or parse_timestamp(found)) if found else None
    if minutes is None:
        return moment is None
    expected = CAPTURED - timedelta(minutes=minutes)
    return moment is not None and abs(moment - expected) <= timedelta(minutes=1)


def score(page_url: str, html: str, gold: list[dict]) -> dict:
    rows = parse_listing_page(html.encode(), page_url).to_dicts()
    by_url = {r["item_url"]: r for r in rows}
    gold_urls = {g["item_url"] for g in gold}
    found = [(g, by_url[g["item_url"]]) for g in gold if g["item_url"] in by_url]
    return {
        "present": len(gold), "found": len(found),
        "furniture": sum(1 for r in rows if r["item_url"] not in gold_urls),
        "outlet": sum(outlet_right(r["outlet_name"], g["outlet"], g["item_url"]) for g, r in found),
        "time": sum(time_right(r["time_text"], g["minutes"]) for g, r in found),
        "title": sum(" ".join((r["title"] or "").split()) == g["title"] for g, r in found),
    }


def bundled_renamed() -> tuple[str, str, list[dict]]:
    """The bundled Daily8 page with its class names changed (so the default selectors miss it), against
    what the default selectors read from the original."""
    original = (ROOT / "samples" / "site" / "daily8" / "world.html").read_bytes()
    url = "https://daily8.example/world"
    known = parse_listing_page(original, url).to_dicts()
    renamed = original.replace(b"story-card", b"tile").replace(b"card-", b"t-").decode()
    reference = CAPTURED
    return url, renamed, [{"item_url": k["item_url"], "title": k["title"], "outlet": k["outlet_name"],
                           "minutes": round((reference - resolve_relative_time(k["time_text"], reference))
                                            / timedelta(minutes=1))} for k in known]


def main() -> None:
    pages = {name: build() for name, build in BUILDERS.items()}
    pages["seed_unfamiliar_markup"] = seed_unfamiliar(str(SEED))
    pages["bundled_renamed"] = bundled_renamed()
    columns = ("present", "found", "furniture", "outlet", "time", "title")
    print(f"{'family':<24}" + "".join(f"{c:>11}" for c in columns))
    totals = dict.fromkeys(columns, 0)
    for name, (page_url, html, gold) in pages.items():
        try:
            result = score(page_url, html, gold)
        except Exception as exc:  # noqa: BLE001 - one family's crash is a row, not the end of the table
            print(f"{name:<24} error: {type(exc).__name__}: {exc}")
            continue
        print(f"{name:<24}" + "".join(f"{result[c]:>11}" for c in columns))
        for c in columns:
            totals[c] += result[c]
    print(f"{'ALL':<24}" + "".join(f"{totals[c]:>11}" for c in columns))
    found = totals["found"] or 1
    print(f"cards found {totals['found'] / totals['present']:.1%} of present; of those found: outlet right "
          f"{totals['outlet'] / found:.1%}, time right {totals['time'] / found:.1%}, title right "
          f"{totals['title'] / found:.1%}; furniture rows taken: {totals['furniture']}")


if __name__ == "__main__":
    main()
