"""Incremental cost and extraction speed.

    .venv/bin/python bench/bench_repoll.py --feeds 1000 --repeat 3 [--pages 2000]

1. Re-polling unchanged feeds: N small RSS feeds (3 items each, no article pages) are served on loopback
   (304 on If-Modified-Since), loaded once, then polled again `--repeat` times: every poll is all 304, so
   it does no parsing, no extraction and no writes beyond the fetch log. Each run is the real `ingest` flow
   in this process (one temporary Prefect server for all, or the one PREFECT_API_URL names), as `newsetl
   run` runs it: no flow-run heartbeat thread. Prints the median wall time of a re-poll.
2. Article-page extraction: transforms.pages.parse_article_pages (trafilatura main text, JSON-LD, meta)
   over `--pages` pages of the ingest benchmark's corpus (bench/out/site-*), pages/s, median of 3.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_HOME", str(ROOT / "bench" / "out" / "prefect-home"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ["NEWSETL_HOST_INTERVAL"] = "0"      # every feed is on the one loopback host
os.environ["NEWSETL_HOST_CONCURRENCY"] = "16"
# Prefect's temporary server does not create its home: in a fresh checkout (no bench/out/) it never answered
# and the benchmark failed after PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


def write_feeds(directory: Path, n: int) -> None:
    for i in range(n):
        items = "".join(
            f"<item><title>Feed {i} story {j}</title><link>https://www.outlet{i}.example/{j}</link>"
            f"<guid>f{i}-{j}</guid><pubDate>Fri, 27 Nov 2026 0{j}:00:00 +0000</pubDate>"
            f"<description>Story {j} of feed {i}, a short summary for the benchmark.</description></item>"
            for j in range(3))
        channel = f"<channel><title>Outlet {i}</title>{items}</channel>"
        feed = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
        (directory / f"feed{i:04d}.xml").write_text(feed)


def write_sources(path: Path, base_url: str, n: int) -> None:
    path.write_text("".join(
        f'[[sources]]\nname = "feed{i:04d}"\nkind = "rss"\nurl = "{base_url}/feed{i:04d}.xml"\n'
        f'outlet = "Outlet {i}"\n\n' for i in range(n)))


def repoll(feeds: int, repeat: int) -> None:
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    from bench.serve import serve_directory
    from flows.ingest import ingest

    # as `newsetl run` runs the flow (newsetl/cli.py): no flow-run heartbeat thread unless one is configured;
    # its 1 s sleeps made each run here wait up to a second at its end (runs of 3.1, 4.1, 4.1, 4.1, 4.1 s)
    configured = "heartbeat_frequency" in get_current_settings().flows.model_fields_set
    with temporary_settings({} if configured else {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        _repoll(ingest, serve_directory, feeds, repeat)


def _repoll(ingest, serve_directory, feeds: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site, sources, db = Path(tmp) / "site", Path(tmp) / "sources.toml", Path(tmp) / "news.duckdb"
        site.mkdir()
        write_feeds(site, feeds)
        with serve_directory(site) as base_url:
            write_sources(sources, base_url, feeds)
            started = time.perf_counter()
            first = ingest(sources_file=str(sources), warehouse_path=str(db))
            first_seconds = time.perf_counter() - started
            times, outcomes = [], set()
            for _ in range(repeat):
                started = time.perf_counter()
                again = ingest(sources_file=str(sources), warehouse_path=str(db))
                times.append(time.perf_counter() - started)
                outcomes |= {s["outcome"] for s in again.sources}
                assert again.articles["new"] == 0 and again.articles["changed"] == 0
    print(f"{feeds:,} feeds: first load {first_seconds:.1f} s ({first.articles['new']:,} articles); "
          f"re-poll (all {', '.join(sorted(outcomes))}): median {statistics.median(times):.1f} s, "
          f"runs {', '.join(f'{t:.1f}' for t in times)} s; per feed "
          f"{statistics.median(times) / feeds * 1000:.1f} ms")
    print("  re-poll stages (last run): "
          + ", ".join(f"{k} {v:.2f}s" for k, v in again.stage_seconds.items()))
    print("  load average (1, 5, 15 min) at the end: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


def extraction(pages: int) -> None:
    from transforms.pages import parse_article_pages

    sites = sorted((ROOT / "bench" / "out").glob("site-*"))
    files = [f for site in sites for f in sorted(site.glob("*/articles/*.html"))][:pages]
    if not files:
        print("extraction: no corpus under bench/out/site-* (run bench/run_bench.py first)")
        return
    bodies = [(f.as_uri(), f.read_bytes()) for f in files]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        frame, errors = parse_article_pages(bodies)
        times.append(time.perf_counter() - started)
    size = sum(len(b) for _, b in bodies) / len(bodies) / 1024
    print(f"extraction: {len(bodies):,} pages (mean {size:.0f} KB), median {statistics.median(times):.2f} s: "
          f"{len(bodies) / statistics.median(times):,.0f} pages/s on one core; {frame.height} parsed, "
          f"{len(errors)} errors")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    extraction(args.pages)
    repoll(args.feeds, args.repeat)


if __name__ == "__main__":
    main()
