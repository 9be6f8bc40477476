"""One item at a time: which raw items cannot be turned into articles, and why, so that one hostile item
(a link with port 99999 or a broken IPv6 literal, a field the cleaning cannot read) is recorded and
skipped while every other item and source loads.

Two nets, both pure:
- `split_rejected` checks each raw item right after parsing, before anything fetches or transforms it:
  its link must be a URL that can be parsed and canonicalised, its text fields must clean;
- `isolate_failures` runs any batch step and, if the step raises, finds the rows that make it fail by
  bisection (a step over n rows with one bad row is re-run about 2 log2(n) times on shrinking halves),
  then runs it on the others. A failure no single row causes is raised as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

import polars as pl

from transforms.normalise import canonical_url, clean_text, drop_boilerplate

REJECTED_SCHEMA = {"feed_id": pl.String, "item_url": pl.String, "stage": pl.String, "reason": pl.String}
REASON_CHARS = 500   # a reason is cut to this many characters (an exception may quote the whole input)
URL_CHARS = 2000     # the URL as given, cut to this many characters
T = TypeVar("T")


def url_problem(url: str | None) -> str | None:
    """Why `url` cannot be an article's link: it does not parse (a port out of range, a broken IPv6
    literal), cannot be canonicalised, or holds control characters. None when it can, or when there is no
    URL (items without one are counted as skipped by the transforms)."""
    if url is None:
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        return "bad URL: control characters"
    try:
        urlsplit(url).port  # noqa: B018 - parsing the port is the check
        canonical_url(url)
    except ValueError as exc:
        return f"bad URL: {exc}"
    return None


def item_problem(item: dict) -> str | None:
    """Why one raw item (RAW_ITEM_SCHEMA) cannot be transformed: its link, or a text field that the
    cleaning cannot read. None when it can."""
    if problem := url_problem(item.get("item_url")):
        return problem
    for column in ("title", "summary", "text"):
        try:
            drop_boilerplate(clean_text(item.get(column)))
        except Exception as exc:  # noqa: BLE001 - any failure of one item's field rejects that item only
            return f"{column} cannot be cleaned: {type(exc).__name__}: {exc}"
    return None


def _shorten(text: str | None, limit: int) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit] + "…"


def rejected_rows(rows: list[dict], stage: str) -> pl.DataFrame:
    """Rejected items as rows of REJECTED_SCHEMA (feed_id, item_url as given, stage, reason), URL and
    reason cut to a readable length."""
    return pl.DataFrame([{"feed_id": r["feed_id"], "item_url": _shorten(r.get("item_url"), URL_CHARS),
                          "stage": stage, "reason": _shorten(r["reason"], REASON_CHARS)} for r in rows],
                        schema=REJECTED_SCHEMA)


def split_rejected(items: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(the items that can be transformed, the others as REJECTED_SCHEMA rows with the reason)."""
    problems = [item_problem(item) for item in items.iter_rows(named=True)]
    if not any(problems):
        return items, pl.DataFrame(schema=REJECTED_SCHEMA)
    keep = pl.Series([p is None for p in problems])
    rejected = [{**item, "reason": p} for item, p in zip(items.iter_rows(named=True), problems, strict=True)
                if p is not None]
    return items.filter(keep), rejected_rows(rejected, "parse")


def _failing_rows(frame: pl.DataFrame, step: Callable[[pl.DataFrame], T]) -> list[tuple[dict, str]]:
    """The rows of `frame` on which `step` fails by themselves, with the error (bisection)."""
    try:
        step(frame)
        return []
    except Exception as exc:  # noqa: BLE001 - whatever one row makes a step raise is that row's reason
        if frame.height <= 1:
            return [(row, f"{type(exc).__name__}: {exc}") for row in frame.iter_rows(named=True)]
    half = frame.height // 2
    return _failing_rows(frame.head(half), step) + _failing_rows(frame.tail(frame.height - half), step)


def isolate_failures(frame: pl.DataFrame, step: Callable[[pl.DataFrame], T],
                     key: str) -> tuple[T, list[tuple[dict, str]]]:
    """`step(frame)`; if it raises, the rows that make it fail (by themselves) are found, left out and
    returned with their reason, and `step` runs on the rest. `key` identifies a row (rows sharing the key
    of a failing row are left out with it)."""
    try:
        return step(frame), []
    except Exception:  # noqa: BLE001 - narrowed down below; raised again if no single row is to blame
        failing = _failing_rows(frame, step)
        if not failing:
            raise
    bad = {row[key] for row, _ in failing}
    return step(frame.filter(~pl.col(key).is_in(list(bad)))), failing
