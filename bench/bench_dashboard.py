"""How fast the dashboard's pages render on a big warehouse.

    .venv/bin/python bench/gen_warehouse.py bench/out/wh-1m.duckdb --articles 1000000 --mentions 20000000 \\
        --search-index
    .venv/bin/python bench/bench_dashboard.py bench/out/wh-1m.duckdb --repeat 5

Starts `newsetl dashboard` on a free 127.0.0.1 port and opens each page in headless Chromium (Debian's
package, over the DevTools protocol: dashboard/headless.py), timing from navigation to the page's final DOM
(every element and chart drawn). Two servers: one with the result cache off (NEWSETL_DASHBOARD_CACHE=0, so
every render opens the snapshot and runs all its queries: the first visit after a new snapshot), one with it
on (a page seen before, on an unchanged snapshot). Prints, per page, the median of --repeat renders: in the
browser, on the server (the page's footer: "rendered in N ms"), and in DuckDB; plus each page's queries
alone, run through dashboard.data on a fresh read-only connection (the substring fallback of the search
too, as used when the warehouse has no full-text index).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.data import Reader, forget_snapshots, like_pattern  # noqa: E402
from dashboard.headless import Chromium, environment, free_port, wait_for_http  # noqa: E402
from dashboard.panels import articles, entity, feed_health, outlets_per_day, stories, trending  # noqa: E402
from newsetl.serve import stop_process_group  # noqa: E402

TITLES = {"articles-per-day": "Articles per day", "trending": "Trending entities", "entity": "Entity",
          "stories": "Stories", "articles": "Latest articles", "feed-health": "Feed health"}
PREWARM_TAIL = 40  # seconds: dashboard.panels.entity.prewarm computing its PREWARMED pages at 1M articles
FOOTER = re.compile(r"rendered in (\d+) ms \((\d+) queries run, (\d+) ms in DuckDB")


def pick(path: Path) -> dict[str, str]:
    """The entity and search words the pages are opened with: the most mentioned entity of the last week
    and a word from its name (what a user would click and type)."""
    with duckdb.connect(str(path), read_only=True) as con:
        entity_id, entity = con.execute("select entity_id, entity from analytics.trending_entities "
                                        "order by this_week desc limit 1").fetchone()
        typical_id, typical = con.execute("""select entity_id, entity from analytics.trending_entities
            order by this_week desc limit 1
            offset (select count(*) // 2 from analytics.trending_entities)""").fetchone()
        outlet, = con.execute("select outlet from analytics.articles_per_outlet_per_day group by outlet "
                              "order by sum(articles) desc limit 1").fetchone()
        title, = con.execute("select title from analytics.latest_articles limit 1").fetchone()
        ranked = con.execute("""select rank, entity from (
                select row_number() over (order by articles desc, entity_id) as rank, entity
                from analytics.entity_summary) where rank in (2, 3, 4, 11, 12, 13, 101, 102, 103, 1001, 1002,
                1003, 10001, 10002, 10003, 100001, 100002, 100003) order by rank""").fetchall()
    word = max(title.split(), key=len).strip(".,:;!?'\"")
    return {"entity_id": entity_id, "entity": entity, "typical_id": typical_id, "typical": typical,
            "word": word, "outlet": outlet, "ranked": ranked}


def pages(choice: dict[str, str]) -> dict[str, str]:
    """Label -> URL path of the page views timed in the browser."""
    return {
        "articles per day": "articles-per-day",
        "trending entities": "trending",
        "entity (most mentioned)": f"entity?entity={quote(choice['entity_id'])}",
        "entity (median)": f"entity?entity={quote(choice['typical_id'])}",
        "stories": "stories",
        "latest articles": "articles",
        "search (full text)": f"articles?q={quote(choice['word'])}",
        "search + outlet + entity": (f"articles?q={quote(choice['word'])}&outlet={quote(choice['outlet'])}"
                                     f"&entity={quote(choice['entity'])}"),
        "feed health": "feed-health",
    }


def serve(path: Path, cache: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = environment(path, NEWSETL_DASHBOARD_CACHE="1" if cache else "0",
                      NEWSETL_DASHBOARD_PREWARM="1" if cache else "0")
    process = subprocess.Popen([sys.executable, "-m", "newsetl.dashboard_cli", "--warehouse", str(path),
                                "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    wait_for_http(f"{base}/_stcore/health", timeout=60, process=process)
    return process, base


def time_pages(path: Path, urls: dict[str, str], repeat: int, cache: bool) -> dict[str, dict]:
    process, base = serve(path, cache)
    results: dict[str, dict] = {}
    try:
        with Chromium(width=1400, height=1000) as browser:
            browser.open(f"{base}/feed-health")  # the server's first render imports everything: not counted
            if cache:  # prewarm reached its last panel when the entity page runs no query; it then goes
                started = time.perf_counter()  # on with more entities' pages (PREWARMED): let it finish
                while "(0 queries run" not in browser.text():
                    time.sleep(1)
                    browser.open(f"{base}/entity", timeout=300)
                time.sleep(PREWARM_TAIL)
                print(f"  (prewarm done {time.perf_counter() - started:.0f} s after the first page, "
                      f"{PREWARM_TAIL} s of it waited for the other entities' pages)")
            for label, url in urls.items():
                browser_s, switch_s, server_ms, duckdb_ms, queries = [], [], [], [], []
                for _ in range(repeat):
                    if url in TITLES:  # from another page, by the sidebar link (no page load)
                        origin = "trending" if url == "feed-health" else "feed-health"
                        browser.open(f"{base}/{origin}")
                        switch_s.append(browser.switch(TITLES[url], timeout=120))
                        check(label, browser.text())
                    browser.call("Page.navigate", url="about:blank")
                    browser_s.append(browser.open(f"{base}/{url}", timeout=120))
                    text = browser.text()
                    m = check(label, text)
                    server_ms.append(int(m.group(1)))
                    queries.append(int(m.group(2)))
                    duckdb_ms.append(int(m.group(3)))
                results[label] = {"browser_ms": statistics.median(browser_s) * 1000,
                                  "switch_ms": statistics.median(switch_s) * 1000 if switch_s else None,
                                  "server_ms": statistics.median(server_ms),
                                  "duckdb_ms": statistics.median(duckdb_ms), "queries": max(queries),
                                  "runs_ms": [round(s * 1000) for s in browser_s]}
                r = results[label]
                switched = f"{r['switch_ms']:6.0f}" if switch_s else "     -"
                print(f"  {label:<28} switch {switched} ms  load {r['browser_ms']:6.0f} ms  server "
                      f"{r['server_ms']:6.0f} ms  DuckDB {r['duckdb_ms']:6.0f} ms  ({r['queries']} queries)",
                      flush=True)
    finally:
        stop_process_group(process)
    return results


def time_entity_search(path: Path, ranked: list[tuple[int, str]]) -> list[dict]:
    """An entity's page reached inside the app, the way a user finds one nobody has opened yet: on the
    entity page (after the background prewarm), its name typed into "find an entity" and Enter pressed.
    Each entity is visited once, so its queries run (unless the prewarm computed its page: see `queries`).
    `ranked`: (rank by articles, name)."""
    process, base = serve(path, cache=True)
    rows = []
    try:
        with Chromium(width=1400, height=1000) as browser:
            browser.open(f"{base}/feed-health")
            while "(0 queries run" not in browser.text():  # prewarm has reached the entity page
                time.sleep(1)
                browser.open(f"{base}/entity", timeout=300)
            time.sleep(PREWARM_TAIL)
            browser.open(f"{base}/entity", timeout=120)
            for rank, name in ranked:
                seconds = browser.enter_text("find an entity", name, timeout=120)
                m = check(f"entity {name}", browser.text())
                rows.append({"rank": rank, "entity": name, "in_app_ms": seconds * 1000,
                             "server_ms": int(m.group(1)), "queries": int(m.group(2)),
                             "duckdb_ms": int(m.group(3))})
                print(f"  rank {rank:>7,} {name[:28]:<28} in the app {seconds * 1000:6.0f} ms  server "
                      f"{m.group(1):>5} ms  DuckDB {m.group(3):>5} ms  ({m.group(2)} queries)", flush=True)
    finally:
        stop_process_group(process)
    computed = [r["in_app_ms"] for r in rows if r["queries"] > 1]  # more than the name search itself
    if computed:
        print(f"  the {len(computed)} visits that ran the page's queries: median "
              f"{statistics.median(computed):.0f} ms, max {max(computed):.0f} ms")
    return rows


def check(label: str, text: str) -> re.Match:
    if "This page failed" in text or not (m := FOOTER.search(text)):
        raise RuntimeError(f"{label}: {text[-800:]}")
    return m


def time_queries(path: Path, choice: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    """Single queries, median ms: `cold` on a snapshot opened afresh (the first render after a publish),
    `warm` on the open snapshot (its buffer cache warm), results not reused in either."""
    status = Reader(path, cache=False).status()
    cases = {
        "open (snapshot + status)": lambda r: r.status(),
        "page: articles per day": lambda r: outlets_per_day.prewarm(r, status),
        "page: trending entities": lambda r: trending.prewarm(r, status),
        "page: entity (most mentioned)": lambda r: entity.details(r, choice["entity_id"]),
        "page: entity (median)": lambda r: entity.details(r, choice["typical_id"]),
        "page: stories (7 days)": lambda r: stories.prewarm(r, status),
        "page: latest articles": lambda r: articles.prewarm(r, status),
        "page: feed health": lambda r: feed_health.prewarm(r, status),
        "  entity_one (most mentioned)": lambda r: r.frame("entity_one", entity_id=choice["entity_id"]),
        "  entity_timeline": lambda r: r.frame("entity_timeline", entity_id=choice["entity_id"]),
        "  entity_outlets": lambda r: r.frame("entity_outlets", entity_id=choice["entity_id"]),
        "  entity_comentions": lambda r: r.frame("entity_comentions", entity_id=choice["entity_id"],
                                                 limit=50),
        "  entity_find": lambda r: r.frame("entity_find", pattern=like_pattern(choice["entity"]),
                                           text=choice["entity"], limit=30),
        "  search, BM25": lambda r: r.search_articles(choice["word"], has_index=True),
        "  search, substring (no index)": lambda r: r.search_articles(choice["word"], has_index=False),
        "  search + outlet + entity": lambda r: r.search_articles(
            choice["word"], has_index=True, outlets=[choice["outlet"]], entity_id=choice["entity_id"]),
    }
    out = {}
    for label, run in cases.items():
        times: dict[str, list[float]] = {"cold": [], "warm": []}
        for _ in range(repeat):
            for kind in ("cold", "warm"):
                if kind == "cold":
                    forget_snapshots()
                started = time.perf_counter()
                reader = Reader(path, cache=False)
                try:
                    run(reader)
                finally:
                    reader.close()
                times[kind].append(time.perf_counter() - started)
        out[label] = {kind: statistics.median(t) * 1000 for kind, t in times.items()}
        print(f"  {label:<30} cold {out[label]['cold']:7.0f} ms   warm {out[label]['warm']:7.0f} ms",
              flush=True)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--only-entity-search", action="store_true",
                        help="only the entity pages reached in the app (the last part)")
    args = parser.parse_args(argv)
    path = args.warehouse.resolve()
    with duckdb.connect(str(path), read_only=True) as con:
        counts = dict(con.execute("""select 'articles', count(*) from articles union all
            select 'article_entities', count(*) from article_entities union all
            select 'entities', count(*) from entities union all select 'sources', count(*) from sources""")
                      .fetchall())
    print(f"{path}: {counts['articles']:,} articles, {counts['article_entities']:,} mentions, "
          f"{counts['entities']:,} entities, {counts['sources']:,} outlets; {os.cpu_count()} cores")
    choice = pick(path)
    print(f"entity: {choice['entity']} (most mentioned this week), {choice['typical']} (the median one); "
          f"search word: {choice['word']}; outlet: {choice['outlet']}")
    urls = pages(choice)
    if args.only_entity_search:
        print("\nan entity's page reached in the app, first visit, result cache on:")
        time_entity_search(path, choice["ranked"])
        return
    print(f"\nqueries alone (fresh read-only connection each, median of {args.repeat}):")
    queries = time_queries(path, choice, args.repeat)
    print(f"\npages, result cache off (every render runs its queries), median of {args.repeat}:")
    cold = time_pages(path, urls, args.repeat, cache=False)
    print(f"\npages, result cache on (a page seen before on this snapshot), median of {args.repeat}:")
    warm = time_pages(path, urls, args.repeat, cache=True)
    print("\nmedians, ms: switch = from another page by the sidebar; load = the URL opened in a new page "
          "(JavaScript loaded, websocket opened); server = the script run; DuckDB = its queries")
    print("| page | switch, cache off | load, cache off | server | DuckDB | switch, cached | load, cached |")
    print("|---|---|---|---|---|---|---|")

    def ms(value) -> str:
        return "-" if value is None else f"{value:.0f}"

    for label in urls:
        c, w = cold[label], warm[label]
        print(f"| {label} | **{ms(c['switch_ms'])}** | {ms(c['browser_ms'])} | {ms(c['server_ms'])} | "
              f"{ms(c['duckdb_ms'])} | {ms(w['switch_ms'])} | {ms(w['browser_ms'])} |")
    print("\nan entity's page reached in the app (its name typed into \"find an entity\"), first visit, "
          "result cache on; ranks by articles:")
    searched = time_entity_search(path, choice["ranked"])
    if args.json:
        args.json.write_text(json.dumps({"warehouse": str(path), "counts": counts, "choice": choice,
                                         "queries_ms": queries, "cold": cold, "warm": warm,
                                         "entity_in_app": searched}, indent=2, default=str))


if __name__ == "__main__":
    main()
