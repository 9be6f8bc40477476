"""What a `newsetl run` pays for Prefect's temporary server, and what it pays with a server already up.

    .venv/bin/python bench/bench_run_server.py --feeds 20 --repeat 3

N small RSS feeds are served on loopback (304 on If-Modified-Since) and loaded once; then `newsetl run`
re-polls them (all unchanged) as a user runs it, a fresh process each time:
1. as a run outside `newsetl serve` does: no Prefect server configured, so Prefect starts its temporary one;
2. with a Prefect server up (started here as `newsetl serve` starts it; the runs find it through
   PREFECT_API_URL, and again through the URL `serve` announces in the project's Prefect home).
Prints the median wall time of each (and of the run itself, as its summary reports it: the rest is the
process's start, imports and Prefect's flow-run bookkeeping) and their difference, the temporary server's
cost per run. `--server-only` skips the temporary server's runs (each costs ~10-20 s here).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_repoll import write_feeds, write_sources  # noqa: E402
from bench.serve import serve_directory  # noqa: E402
from newsetl.serve import announced, prefect_server  # noqa: E402

NEWSETL = str(Path(sys.executable).with_name("newsetl"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


RUN_SECONDS = re.compile(r"completed in ([0-9.]+) s")


def timed_run(sources: Path, db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds of the process, seconds of the run as its summary reports them)."""
    started = time.perf_counter()
    done = subprocess.run([NEWSETL, "run", "--sources", str(sources), "--warehouse", str(db)], env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"newsetl run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    reported = RUN_SECONDS.search(done.stdout)
    return seconds, float(reported.group(1)) if reported else float("nan")


def figures(runs: list[tuple[float, float]]) -> str:
    walls, own = [wall for wall, _ in runs], [reported for _, reported in runs]
    return (f"median {statistics.median(walls):.2f} s (the run itself {statistics.median(own):.1f} s), "
            f"runs {', '.join(f'{t:.2f}' for t in walls)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--server-only", action="store_true", help="skip the temporary server's runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site, sources, db = Path(tmp) / "site", Path(tmp) / "sources.toml", Path(tmp) / "news.duckdb"
        home = Path(tmp) / "prefect-home"
        site.mkdir()
        write_feeds(site, args.feeds)
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env |= {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_LOGGING_LEVEL": "WARNING", "NEWSETL_HOST_INTERVAL": "0",
                "NEWSETL_HOST_CONCURRENCY": "16"}
        with serve_directory(site) as base_url:
            write_sources(sources, base_url, args.feeds)
            first = timed_run(sources, db, env)[0]
            temporary = [] if args.server_only else [timed_run(sources, db, env) for _ in range(args.repeat)]
            started = time.perf_counter()
            with prefect_server(home, port=free_port()) as api_url:
                server_start = time.perf_counter() - started
                configured = [timed_run(sources, db, env | {"PREFECT_API_URL": api_url})
                              for _ in range(args.repeat)]
                with announced(home, api_url):
                    found = [timed_run(sources, db, env) for _ in range(args.repeat)]
    print(f"{args.feeds} feeds, `newsetl run` re-polling them unchanged, a fresh process each run "
          f"(first load {first:.1f} s):")
    if temporary:
        print(f"  no server configured (Prefect's temporary server): {figures(temporary)}")
    print(f"  server up, PREFECT_API_URL set:                    {figures(configured)}")
    print(f"  server up, announced by `newsetl serve`:           {figures(found)}")
    if temporary:
        cost = statistics.median(w for w, _ in temporary) - statistics.median(w for w, _ in configured)
        print(f"  the temporary server costs each run {cost:.1f} s (a real server took {server_start:.1f} s "
              "to start and answer here)")
    print("  load average (1, 5, 15 min) at the end: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))

if __name__ == "__main__":
    main()
