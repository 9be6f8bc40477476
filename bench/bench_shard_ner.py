"""NER moves off the run's process when shards run on workers (issue 15): the CPU seconds of a run's
process with NEWSETL_SHARD_NER=off (the run's own NER reads every new text, as before) against `on`
(each shard reads its feeds' new texts on its worker and returns their spans), with 2 `newsetl worker`
processes against one Prefect server on 127.0.0.1, over a generated corpus (bench/corpus.py).

    .venv/bin/python bench/bench_shard_ner.py [--outlets 8] [--articles-per-outlet 25] [--repeat 3]

Each run is a fresh warehouse (every article new) ingested by bench/ingest_once.py in a process of its
own, NEWSETL_EXECUTOR=prefect, NEWSETL_SHARD_FEEDS=1 (a shard per outlet), NEWSETL_NER_PROCESSES=1 (the
run's NER in its own process, so that its CPU is all in the process measured; a run of fewer than
NEWSETL_NER_PARALLEL_MIN=400 texts does so anyway). `off` and `on` runs alternate, so the machine's load
falls on both alike. Printed per setting, medians over the runs:

    run cpu s      user+system seconds of the run's process and every descendant it reaped (os.wait4)
    workers cpu s  user+system seconds the 2 worker processes spent meanwhile (psutil, before/after)
    wall s         the run's process, start to exit
    entities s     the run's `entities` stage (RunSummary.stage_seconds): NER left to the merge

and the run's CPU with `on` over `off`. The workers load the model once each (the first run with `on`
pays for it; a warm-up run with `on` is done before the measured ones). The rows are checked equal.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import psutil
import requests

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from corpus import generate_site, write_sources  # noqa: E402
from serve import serve_directory  # noqa: E402

NEWSETL = str(Path(sys.executable).with_name("newsetl"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """user+system seconds of these processes and their live children."""
    total = 0.0
    for process in processes:
        for p in [process, *process.children(recursive=True)]:
            try:
                times = p.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
    return total


def mentions(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select a.url, e.canonical_name, ae.mention_count from article_entities ae "
                           "join articles a using (article_id) join entities e using (entity_id) "
                           "order by all").fetchall()


def one_run(sources: Path, db: Path, env: dict, workers: list[psutil.Process]) -> dict:
    """bench/ingest_once.py in a process of its own; its CPU (wait4: it and its reaped descendants),
    the workers' CPU meanwhile, and its report."""
    before = cpu_seconds(workers)
    started = time.perf_counter()
    log = db.parent / "stderr.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, str(BENCH / "ingest_once.py"), "--sources", str(sources),
                                 "--warehouse", str(db)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=err)
        out = proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)  # its rusage: it and every descendant it reaped
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"the run failed: {log.read_text('utf-8', 'replace')[-3000:]}")
    report = json.loads(out.decode().strip().splitlines()[-1])
    return {"run_cpu": usage.ru_utime + usage.ru_stime, "workers_cpu": cpu_seconds(workers) - before,
            "wall": wall, "entities": report["stage_seconds"].get("entities", 0.0),
            "new": report["articles"]["new"], "mentions": mentions(db)}


def start_workers(n: int, env: dict) -> list[subprocess.Popen]:
    return [subprocess.Popen([NEWSETL, "worker"], env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(n)]


def wait_subscribed(api: str, n: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(requests.post(f"{api}/task_workers/filter", json={}, timeout=10).json()) >= n:
            return
        time.sleep(0.5)
    raise SystemExit("the task workers did not subscribe in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--outlets", type=int, default=8)
    parser.add_argument("--articles-per-outlet", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    from newsetl.serve import prefect_server, stop_process_group

    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        manifest = generate_site(tmp / "site", args.outlets, args.articles_per_outlet)
        home, storage = tmp / "prefect-home", tmp / "shard-storage"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "NEWSETL_"))}
        env |= {"PREFECT_HOME": str(home), "PREFECT_LOCAL_STORAGE_PATH": str(storage),
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
                "NEWSETL_EXECUTOR": "prefect", "NEWSETL_SHARD_FEEDS": "1", "NEWSETL_NER_PROCESSES": "1",
                "NEWSETL_HOST_INTERVAL": "0", "NEWSETL_HOST_CONCURRENCY": "16",
                "NEWSETL_NOW": "2026-11-28T12:00:00Z"}
        with serve_directory(tmp / "site") as base_url, prefect_server(home, free_port()) as api:
            sources = write_sources(tmp / "sources.toml", base_url, manifest["outlet_list"],
                                    {"allow_private_hosts": True})
            env["PREFECT_API_URL"] = api
            workers = start_workers(args.workers, env)
            try:
                wait_subscribed(api, args.workers)
                watched = [psutil.Process(w.pid) for w in workers]
                print(f"{manifest['articles']} articles ({manifest['words_total']} words) from "
                      f"{args.outlets} outlets; {args.workers} `newsetl worker`s; load "
                      f"{os.getloadavg()[0]:.2f}", flush=True)
                one_run(sources, tmp / "warm" / "news.duckdb", env | {"NEWSETL_SHARD_NER": "on"}, watched)
                runs: dict[str, list[dict]] = {"off": [], "on": []}
                for index in range(args.repeat):
                    for mode in ("off", "on"):
                        db = tmp / f"{mode}-{index}" / "news.duckdb"
                        runs[mode].append(one_run(sources, db, env | {"NEWSETL_SHARD_NER": mode}, watched))
            finally:
                for worker in workers:
                    stop_process_group(worker, grace=5)
        if any(r["mentions"] != runs["off"][0]["mentions"] for r in runs["off"] + runs["on"]):
            raise SystemExit("the runs' mentions differ")
        print(f"{'shard NER':10} {'run cpu s':>10} {'workers cpu s':>14} {'wall s':>8} {'entities s':>11}"
              f"   (run cpu s of each run)")
        median = {mode: {k: statistics.median(r[k] for r in rs) for k in ("run_cpu", "workers_cpu", "wall",
                                                                          "entities")}
                  for mode, rs in runs.items()}
        for mode, rs in runs.items():
            m = median[mode]
            each = ", ".join(f"{r['run_cpu']:.1f}" for r in rs)
            print(f"{mode:10} {m['run_cpu']:10.1f} {m['workers_cpu']:14.1f} {m['wall']:8.1f} "
                  f"{m['entities']:11.2f}   ({each})")
        print(f"run's CPU on/off: {median['on']['run_cpu'] / median['off']['run_cpu']:.2f}; "
              f"{runs['off'][0]['new']} new articles, {len(runs['off'][0]['mentions'])} article-entity rows "
              f"each run, equal in all; load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
