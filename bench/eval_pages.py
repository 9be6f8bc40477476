"""Per-field figures of `transforms.pages.parse_article_page` on the labelled page set
(bench/pages/build_pages.py), and its speed on one core.

    .venv/bin/python bench/eval_pages.py [--per-family 5] [--seed 13] [--code DIR] [--by family|class]

Fields: title (exact, after white space is collapsed), authors (micro precision / recall / F1 of the
names, case folded), publication day (the publisher's calendar day of `published_text` where the code
has transforms.normalise.publisher_day, else its UTC date; precision over the pages given a date,
recall over all), the UTC instant (to the minute, where the page states one), body (token precision /
recall / F1, mean over the pages), mojibake (share of pages whose title, description or body holds a
mojibake sequence) and pages/s.
`--code DIR` measures another checkout's code (e.g. `--code /work/main` for the figures before a change).
The page parse is given the HTTP Content-Type the page is served with when it takes one.
"""

from __future__ import annotations

import argparse
import inspect
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "pages"))

# UTF-8 read as Latin-1/cp1252 ("Ã©", "â€”", "Â "), and U+FFFD: what a wrong decoding leaves in a text.
MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf\u00a0-\u00ff]|\u00e2[\u0080-\u00bf\u20ac\u201a-\u203a]"
    "[\u0080-\u00bf\u0152-\u2122]?|\ufffd|[\u0080-\u009f]"
)
TOKEN = re.compile(r"\w+")


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(norm(text).casefold())


def token_prf(got: str | None, gold: str) -> tuple[float, float, float]:
    g, w = tokens(got), tokens(gold)
    if not g or not w:
        return 0.0, 0.0, 0.0
    counts: dict[str, int] = defaultdict(int)
    for t in w:
        counts[t] += 1
    common = 0
    for t in g:
        if counts[t] > 0:
            counts[t] -= 1
            common += 1
    p, r = common / len(g), common / len(w)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row_day(row: dict, parse_timestamp) -> str | None:
    try:  # the publisher's own day where the code knows it (transforms.normalise.publisher_day)
        from transforms.normalise import publisher_day
    except ImportError:
        publisher_day = None
    if publisher_day is not None:
        day = publisher_day(row.get("published_text"))[0]
        return f"{day:%Y-%m-%d}" if day else None
    moment = parse_timestamp(row.get("published_text"))
    return f"{moment:%Y-%m-%d}" if moment else None


def row_utc(row: dict, parse_timestamp) -> str | None:
    moment = parse_timestamp(row.get("published_text"))
    return f"{moment:%Y-%m-%dT%H:%M}" if isinstance(moment, datetime) else None


class Tally:
    def __init__(self) -> None:
        self.n = 0
        self.title = 0
        self.auth_tp = self.auth_got = self.auth_gold = 0
        self.day_dated = self.day_right = 0
        self.utc_n = self.utc_right = 0
        self.body: list[tuple[float, float, float]] = []
        self.mojibake = 0

    def add(self, row: dict, gold: dict, parse_timestamp) -> None:
        self.n += 1
        self.title += norm(row.get("title")) == norm(gold["title"])
        got = {norm(a).casefold() for a in row.get("authors") or []}
        want = {norm(a).casefold() for a in gold["authors"]}
        self.auth_tp += len(got & want)
        self.auth_got += len(got)
        self.auth_gold += len(want)
        day = row_day(row, parse_timestamp)
        self.day_dated += day is not None
        self.day_right += day == gold["published_day"]
        if gold.get("published_utc"):
            self.utc_n += 1
            self.utc_right += row_utc(row, parse_timestamp) == gold["published_utc"]
        self.body.append(token_prf(row.get("body"), gold["body"]))
        self.mojibake += any(MOJIBAKE.search(row.get(f) or "") for f in ("title", "description", "body"))

    def figures(self) -> dict[str, float]:
        ap = self.auth_tp / self.auth_got if self.auth_got else 0.0
        ar = self.auth_tp / self.auth_gold if self.auth_gold else 1.0
        return {
            "pages": self.n,
            "title_acc": self.title / self.n,
            "authors_p": ap,
            "authors_r": ar,
            "authors_f1": 2 * ap * ar / (ap + ar) if ap + ar else 0.0,
            "day_p": self.day_right / self.day_dated if self.day_dated else 0.0,
            "day_r": self.day_right / self.n,
            "utc_acc": self.utc_right / self.utc_n if self.utc_n else float("nan"),
            "body_p": statistics.fmean(b[0] for b in self.body),
            "body_r": statistics.fmean(b[1] for b in self.body),
            "body_f1": statistics.fmean(b[2] for b in self.body),
            "mojibake": self.mojibake / self.n,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-family", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--code", type=Path, default=HERE.parent, help="checkout whose transforms are measured"
    )
    parser.add_argument(
        "--by", choices=["family", "class"], help="also print the figures per family or class"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the set (median)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    import build_pages

    from transforms.normalise import parse_timestamp
    from transforms.pages import parse_article_page

    takes_type = "content_type" in inspect.signature(parse_article_page).parameters

    def parse(p):
        if takes_type:
            return parse_article_page(p.body, p.url, content_type=p.content_type)
        return parse_article_page(p.body, p.url)

    corpus = build_pages.pages(args.per_family, args.seed)
    total, groups = Tally(), defaultdict(Tally)
    for p in corpus:
        row = parse(p)
        total.add(row, p.gold, parse_timestamp)
        for key in [p.family] if args.by == "family" else p.classes if args.by == "class" else []:
            groups[key].add(row, p.gold, parse_timestamp)
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for p in corpus:
            parse(p)
        timings.append(time.perf_counter() - start)
    speed = len(corpus) / statistics.median(timings)

    families = len({p.family for p in corpus})
    print(
        f"code: {args.code.resolve()}  pages: {len(corpus)} in {families} families  "
        f"(content_type passed: {takes_type})"
    )
    header = (
        "group",
        "pages",
        "title",
        "auth P",
        "auth R",
        "auth F1",
        "day P",
        "day R",
        "utc",
        "body P",
        "body R",
        "body F1",
        "mojibake",
    )
    print("  ".join(f"{h:>8}" if i else f"{h:<34}" for i, h in enumerate(header)))

    def line(name: str, t: Tally) -> None:
        f = t.figures()
        cells = [
            f["pages"],
            f["title_acc"],
            f["authors_p"],
            f["authors_r"],
            f["authors_f1"],
            f["day_p"],
            f["day_r"],
            f["utc_acc"],
            f["body_p"],
            f["body_r"],
            f["body_f1"],
            f["mojibake"],
        ]
        print(f"{name:<34}  " + "  ".join(f"{c:>8}" if isinstance(c, int) else f"{c:>8.3f}" for c in cells))

    line("ALL", total)
    for key in sorted(groups):
        line(key, groups[key])
    print(
        f"speed: {speed:.1f} pages/s for parse_article_page on one core (median of {args.repeat} passes, "
        f"{[round(t, 2) for t in timings]} s)"
    )


if __name__ == "__main__":
    main()
