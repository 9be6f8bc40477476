"""How a run's stateless shards scale over workers, and what each shard costs on each engine (issue 15).

    .venv/bin/python bench/bench_workers.py [--shards 48] [--wait-ms 250] [--workers 1 2 4] [--repeat 3]

Stand-in shards that wait rather than compute (this machine has 2 cores: real NER shards would measure
the cores, not the engine): each takes a key, sleeps --wait-ms and returns a small result keyed by a
content hash, as a fetch or NER shard will. The same Prefect task runs on three engines, with 1, 2 and 4
workers:

- `threads`: a thread pool in this process (what one machine does without Prefect's machinery);
- `prefect`: N Prefect background task workers (`prefect.task_worker.serve`, one process each, as
  `prefect task serve` runs them on other machines) against one Prefect server on 127.0.0.1; the shards
  are submitted with `.map(..., deferred=True)` and their results read back from result storage;
- `dask`: a flow whose task runner is prefect-dask's `DaskTaskRunner` over a dask `LocalCluster` of N
  single-thread worker processes (`pip install prefect-dask`; skipped when it is missing).

Prints, per engine and worker count, the median wall time from the first submission to the last result,
shards/s, the speed-up over 1 worker of that engine, and the overhead per shard:
wall x workers / shards - wait (what a shard costs beyond its own work, seen from one worker).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_RESULTS_PERSIST_BY_DEFAULT", "true")

from prefect import flow, task  # noqa: E402


@task(name="standin_shard", persist_result=True)
def standin_shard(key: str, wait_ms: int) -> str:
    """A shard that waits instead of computing; its result is small and keyed by content, as a real one."""
    time.sleep(wait_ms / 1000)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def expected(keys: list[str]) -> list[str]:
    return [hashlib.sha256(k.encode()).hexdigest()[:16] for k in keys]


def on_threads(keys: list[str], wait_ms: int, workers: int) -> list[str]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda k: standin_shard.fn(k, wait_ms), keys))


def on_prefect_workers(keys: list[str], wait_ms: int) -> list[str]:
    futures = standin_shard.map(keys, wait_ms, deferred=True)
    return [f.result(timeout=300) for f in futures]


def start_task_workers(n: int, env: dict) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, __file__, "--serve-worker"], env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(n)]


def warm_up(n: int, wait_ms: int) -> None:
    """Until every worker has taken a shard: the workers are subscribed and their imports done."""
    on_prefect_workers([f"warm-{i}" for i in range(4 * n)], wait_ms)


def on_dask(keys: list[str], wait_ms: int, workers: int) -> list[str]:
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                            "processes": True, "dashboard_address": None})

    @flow(name="standin_shards_on_dask", task_runner=runner)
    def shards_on_dask() -> tuple[list[str], float]:
        standin_shard.submit("warm", 0).result()  # the cluster is up and the task is importable
        started = time.perf_counter()
        results = [f.result() for f in standin_shard.map(keys, wait_ms)]
        return results, time.perf_counter() - started

    results, seconds = shards_on_dask()
    on_dask.last_seconds = seconds
    return results


def row(engine: str, workers: int, walls: list[float], shards: int, wait_ms: int, one: float | None) -> str:
    wall = statistics.median(walls)
    overhead_ms = wall * workers / shards * 1000 - wait_ms
    speedup = f"{one / wall:5.2f}x" if one else "   - "
    return (f"{engine:8} {workers:7} {wall:9.2f} {shards / wall:9.1f} {speedup:>9} {overhead_ms:12.1f}"
            f"   (runs: {', '.join(f'{w:.2f}' for w in walls)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shards", type=int, default=48)
    parser.add_argument("--wait-ms", type=int, default=250)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engines", nargs="+", default=["threads", "prefect", "dask"])
    parser.add_argument("--serve-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_worker:
        from prefect.task_worker import serve

        serve(standin_shard, limit=1)  # one shard at a time: a worker stands for one core
        return

    from prefect.settings import PREFECT_API_URL, temporary_settings

    from newsetl.serve import prefect_server

    keys = [f"shard-{i}" for i in range(args.shards)]
    serial = args.shards * args.wait_ms / 1000
    print(f"{args.shards} stand-in shards of {args.wait_ms} ms; one after another: {serial:.1f} s")
    print(f"{'engine':8} {'workers':>7} {'wall s':>9} {'shards/s':>9} {'speed-up':>9} {'overhead ms':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "prefect-home"
        os.environ["PREFECT_HOME"] = str(home)
        os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(home / "storage")  # shared by the workers here
        os.environ.pop("PREFECT_API_URL", None)
        with socket.socket() as probe:  # a port of our own: never a server another process left running
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with prefect_server(home, port=port) as api_url:
            os.environ["PREFECT_API_URL"] = api_url  # for the worker processes
            env = {**os.environ}
            # Prefect read its settings when this module imported it: this process must be told too
            with temporary_settings({PREFECT_API_URL: api_url}):
                run_engines(args, keys, env)


def run_engines(args: argparse.Namespace, keys: list[str], env: dict) -> None:
    from newsetl.serve import stop_process_group

    for engine in args.engines:
        one = None
        for workers in args.workers:
            if engine == "dask":
                try:
                    import prefect_dask  # noqa: F401
                except ImportError:
                    print("dask     skipped: pip install prefect-dask")
                    break
            walls = []
            processes = start_task_workers(workers, env) if engine == "prefect" else []
            try:
                if processes:
                    warm_up(workers, args.wait_ms)
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    if engine == "threads":
                        results = on_threads(keys, args.wait_ms, workers)
                    elif engine == "prefect":
                        results = on_prefect_workers(keys, args.wait_ms)
                    else:
                        results = on_dask(keys, args.wait_ms, workers)
                    wall = time.perf_counter() - started
                    if engine == "dask":
                        wall = on_dask.last_seconds  # without the cluster's start and stop
                    if results != expected(keys):
                        raise SystemExit(f"{engine} x{workers}: wrong or missing results")
                    walls.append(wall)
            finally:
                for process in processes:
                    stop_process_group(process, grace=5)
            one = one or statistics.median(walls)
            print(row(engine, workers, walls, args.shards, args.wait_ms,
                      one if workers != args.workers[0] else None), flush=True)


if __name__ == "__main__":
    main()
