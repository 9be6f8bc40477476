"""Peak memory of one `newsetl run` as the batch grows: 20,000 articles must fit in the memory of 2,000
(issue 15).

    PEERS_DIR=../shared/peers .venv/bin/python bench/bench_memory.py --articles 2000 20000 [--ceiling]

For each N, the peer kit's `gen_corpus.py` writes a corpus of N article pages over 20 outlets (seed 1; kept
in --data and reused), its `serve.py` serves it on a free loopback port (latency 0), and `newsetl run`
loads it cold into a fresh warehouse, as a user runs it (the per-host gate opened as 20 hosts would, as the
peer kit's peer_newsetl.py does). The kit is read where it is (--peers or PEERS_DIR): nothing of it is
copied here. Memory is measured as peer_newsetl.py measures it, sampled every 0.2 s from /proc: the whole
process tree's summed RSS, and the largest single process (the highest VmHWM, its own peak, of any
process of the tree). With --ceiling, NER alone is then timed on the texts the run read
(bench_ner_ceiling.py) and the run's articles/s is printed against it. Prints one line per N, then the
ratios to the smallest N.

Whether a run's memory grows with the warehouse it loads into rather than with its batch: --into WAREHOUSE
copies that warehouse (a --keep of an earlier run) into each run's place first, and --seed 2 makes a corpus
of other articles (same outlets, same 14 days), so the run adds N new articles to it:

    ... bench_memory.py --articles 20000 --keep /tmp/kept
    ... bench_memory.py --articles 2000 --seed 2 --into /tmp/kept/news-20000.duckdb
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
NEWSETL = str(Path(sys.executable).with_name("newsetl"))


def proc_table() -> dict[int, tuple[int, int, int]]:
    """pid -> (parent pid, RSS kB, peak RSS kB) of every process we can read."""
    table = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/status") as status:
                text = status.read()
            rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1))
            hwm = int(re.search(r"VmHWM:\s+(\d+)", text).group(1))
        except (OSError, AttributeError, ValueError, IndexError):
            continue
        table[int(pid)] = (ppid, rss, hwm)
    return table


def tree_memory(root: int) -> tuple[float, float, float]:
    """(summed RSS, largest peak RSS of one process, largest RSS of one process now) in MB of `root` and
    its descendants, now."""
    table = proc_table()
    kids: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in table.items():
        kids.setdefault(ppid, []).append(pid)
    total = largest = largest_now = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in table:
            total += table[pid][1]
            largest = max(largest, table[pid][2])
            largest_now = max(largest_now, table[pid][1])
        todo += kids.get(pid, [])
    return total / 1024, largest / 1024, largest_now / 1024


# the run's log lines that mark the merge (flows/ingest.py): each chunk's transform logs a line; a run
# merged in more than one chunk says so once its last chunk is loaded and indexed
CHUNK_STARTS = "transformed "
CHUNKS_DONE = " chunks committed"


def stage_peaks(samples: list[tuple[float, float]], lines: list[tuple[float, str]]) -> dict[str, float]:
    """The largest single process's RSS (MB), at its highest in each stage of the run, from the (time, RSS)
    samples and the (time, line) of the run's log: the fetch (with parsing, early NER and the first chunk's
    transform) up to the first chunk's transform line; each chunk from its transform line to the next one's
    (its entities, stories, load and search index, then the next chunk's state and transform); and what
    follows the last chunk's load (the search index, views, checks, run record, publication). A run of one
    chunk has no line between its load and what follows: its chunk's window holds both."""
    starts = [t for t, line in lines if CHUNK_STARTS in line]
    done = next((t for t, line in lines if CHUNKS_DONE in line), None)
    edges = [0.0, *starts, *([done] if done is not None else []), float("inf")]
    names = ["fetch, parse, early NER", *(f"chunk {i + 1}" for i in range(len(starts)))]
    if done is not None:
        names.append("after the last chunk")
    peaks = {}
    for name, start, end in zip(names, edges[:-1], edges[1:], strict=True):
        within = [rss for t, rss in samples if start <= t < end]
        peaks[name] = round(max(within)) if within else 0
    return peaks


def corpus(peers: Path, data: Path, articles: int, seed: int = 1) -> Path:
    """The peer kit's corpus of `articles` pages from `seed` (generated once, then reused)."""
    out = data / (f"corpus-{articles}" if seed == 1 else f"corpus-{articles}-seed-{seed}")
    if not (out / "manifest.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(peers / "gen_corpus.py"),
                str(out),
                "--outlets",
                "20",
                "--articles",
                str(articles),
                "--seed",
                str(seed),
                "--force",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def serving(peers: Path, folder: Path, port_file: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [sys.executable, str(peers / "serve.py"), str(folder), "--port", "0", "--port-file", str(port_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        if port_file.exists() and port_file.read_text().strip():
            return server, f"http://127.0.0.1:{port_file.read_text().strip()}/"
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the peer kit's serve.py did not start")


def sources_file(feeds_url: str, path: Path) -> Path:
    """A sources file listing the corpus's feeds (from its feeds.opml), as peer_newsetl.py writes it."""
    with urllib.request.urlopen(urljoin(feeds_url, "feeds.opml"), timeout=30) as answer:
        opml = ET.fromstring(answer.read())
    entries = []
    for i, outline in enumerate(o for o in opml.iter("outline") if o.get("xmlUrl")):
        url = outline.get("xmlUrl")
        with urllib.request.urlopen(url, timeout=30) as answer:
            kind = "atom" if b"<feed" in answer.read()[:2000] else "rss"
        name = (outline.get("title") or outline.get("text") or f"outlet {i}").replace('"', "'")
        entries.append(
            f'[[sources]]\nname = "feed-{i:02d}"\nkind = "{kind}"\nurl = "{url}"\n'
            f'outlet = "{name}"\nfollow_links = true\nallow_private_hosts = true\n'
        )
    path.write_text("\n".join(entries))
    return path


def stored_articles(db: Path) -> int:
    import duckdb  # only outside a measured run: the bench's own memory is not measured anyway

    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql("select count(*) from articles").fetchone()[0]


def measured_run(sources: Path, work: Path, into: Path | None = None) -> dict:
    """`newsetl run` cold (into a fresh warehouse in `work`, or a copy of `into`): wall seconds, peak
    memory, articles the run added."""
    db = work / "news.duckdb"
    before = 0
    if into is not None:
        shutil.copyfile(into, db)
        before = stored_articles(db)
    env = dict(
        os.environ,
        PREFECT_HOME=str(work / "prefect"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        NEWSETL_RAW_DIR=str(work / "raw"),
    )
    env.setdefault("NEWSETL_HOST_INTERVAL", "0")
    env.setdefault("NEWSETL_HOST_CONCURRENCY", "16")
    started = time.perf_counter()
    run = subprocess.Popen(
        # --verbose: the tasks' lines, which mark where each stage of the merge ends (STAGE_ENDS)
        [NEWSETL, "run", "--verbose", "--sources", str(sources), "--warehouse", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: log.extend((time.perf_counter(), line) for line in run.stdout),
                              daemon=True)
    reader.start()
    tree = largest = 0.0
    samples: list[tuple[float, float]] = []
    while run.poll() is None:
        now_tree, now_largest, largest_now = tree_memory(run.pid)
        tree, largest = max(tree, now_tree), max(largest, now_largest)
        samples.append((time.perf_counter(), largest_now))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    reader.join()
    text = "".join(line for _, line in log)
    if run.returncode != 0:
        raise SystemExit(f"newsetl run failed ({run.returncode}):\n{text[-4000:]}")
    articles = stored_articles(db) - before
    return {
        "db": db,
        "seconds": seconds,
        "articles": articles,
        "tree_mb": tree,
        "largest_mb": largest,
        "stages": stage_peaks(samples, log),
        "log": text,
        "trace": {"samples": [(round(t - started, 2), round(mb)) for t, mb in samples],
                  "lines": [(round(t - started, 2), line.rstrip()) for t, line in log]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument(
        "--peers",
        type=Path,
        default=os.environ.get("PEERS_DIR"),
        help="the peer kit's folder (default: $PEERS_DIR)",
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="where corpora are kept (default: a temp dir)"
    )
    parser.add_argument("--ceiling", action="store_true", help="also time NER alone on the run's texts")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--trace", type=Path, default=None,
                        help="also write each run's samples (seconds, largest process's RSS MB) and its "
                             "log lines (seconds, line) here, as trace-N.json")
    parser.add_argument("--keep", type=Path, default=None,
                        help="also keep each run's warehouse here, as news-N.duckdb (to study a load on it)")
    parser.add_argument("--seed", type=int, default=1,
                        help="the corpus's seed (another seed: other articles of the same outlets)")
    parser.add_argument("--into", type=Path, default=None,
                        help="load into a copy of this warehouse instead of a fresh one")
    args = parser.parse_args()
    if args.peers is None or not (args.peers / "gen_corpus.py").exists():
        raise SystemExit("give the peer kit's folder: --peers DIR or PEERS_DIR (holding gen_corpus.py)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsetl-memory-") as tmp:
        data = args.data or Path(tmp)
        for n in args.articles:
            folder = corpus(args.peers.resolve(), data, n, args.seed)
            work = Path(tmp) / f"run-{n}"
            work.mkdir()
            server, url = serving(args.peers.resolve(), folder, work / "port")
            try:
                result = measured_run(sources_file(url, work / "sources.toml"), work, args.into)
            finally:
                server.terminate()
                server.wait()
            row = {
                "pages": n,
                "articles": result["articles"],
                "seconds": round(result["seconds"], 1),
                "articles_per_s": round(result["articles"] / result["seconds"], 2),
                "largest_mb": round(result["largest_mb"]),
                "tree_mb": round(result["tree_mb"]),
                "stage_peak_mb": result["stages"],
            }
            if args.trace:
                args.trace.mkdir(parents=True, exist_ok=True)
                (args.trace / f"trace-{n}.json").write_text(json.dumps(result["trace"]))
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(result["db"], args.keep / f"news-{n}.duckdb")
            print(
                f"{n:>6,} pages: {row['articles']:,} articles in {row['seconds']} s "
                f"({row['articles_per_s']} articles/s); peak RSS {row['largest_mb']:,} MB largest process, "
                f"{row['tree_mb']:,} MB whole tree",
                flush=True,
            )
            print("        largest process's RSS at its highest by stage: "
                  + ", ".join(f"{stage} {mb:,} MB" for stage, mb in row["stage_peak_mb"].items()), flush=True)
            if args.ceiling:
                subprocess.run(
                    [
                        sys.executable,
                        str(ROOT / "bench" / "bench_ner_ceiling.py"),
                        str(result["db"]),
                        "--run-seconds",
                        str(result["seconds"]),
                        "--articles",
                        str(result["articles"]),
                    ],
                    check=True,
                )
            rows.append(row)
    base = rows[0]
    for row in rows[1:]:
        print(
            f"{row['pages']:,} vs {base['pages']:,} pages: largest process x"
            f"{row['largest_mb'] / base['largest_mb']:.2f}, "
            f"whole tree x{row['tree_mb'] / base['tree_mb']:.2f} "
            f"({row['largest_mb']:,} vs {base['largest_mb']:,} MB; "
            f"{row['tree_mb']:,} vs {base['tree_mb']:,} MB)"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
