"""Issue 6: `newsetl run` killed with SIGKILL at 20 seeded-random moments (mid-fetch, mid-transform, mid-NER,
mid-load, after the load), each followed by a normal run in the same warehouse, ends exactly where a clean
run ends: the same rows in every table, no duplicate keys, no orphans, no run left `running`, and no
half-written raw object that a later run trusts.

How it runs:
- the run that is killed is the real CLI in a subprocess of its own process group (`python -m newsetl.cli
  run`), against the sample site served by the loopback server fixture, so article pages are fetched over
  HTTP and landed in raw/; SIGKILL goes to the whole group;
- the subprocesses use the suite's Prefect API server (`prefect_harness`, up anyway for the other flow
  tests) through PREFECT_API_URL: no temporary Prefect server is started per run (~6 s each);
- each trial starts from a copy of a base warehouse holding three of the four sample sources (so a search
  index, entities, stories and known articles exist, as in production); the run under test adds the fourth
  (12 articles, each page fetched): it has real fetch, parse, page-fetch, landing, transform, NER, story,
  load, search-index, views/checks, run-record and publish work;
- the normal run after each kill is the same `ingest` flow called in this process (the spaCy model and the
  imports are loaded once, not 20 times), while the next run to kill already runs in its subprocess;
- the clean run, to compare with, is the CLI in a subprocess on another copy of the base warehouse.

Kill moments: the clean run is timed from its own log: the flow logs each task's end ("Task run
'load_batch-...' - Finished in state Completed()"), so a stage's window is the time from the end of the task
before it to its own end. Each kill aims at a stage still wanted by PLAN (drawn at random) and fires a
random fraction (0.05-0.75) of that stage's window after the killed run logs the end of the task before it
(random.Random(SEED)). Which stage a kill really hit is read afterwards from the killed run's whole log (the
last task it finished), never assumed; the coverage is asserted on that.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import prefect.settings

import store
from fetch import raw_store
from flows.ingest import ingest
from tests.conftest import ROOT, SAMPLE_SOURCES, write_sources

SEED = int(os.environ.get("NEWSETL_SIGKILL_SEED", "6"))  # issue 6; set another to explore other moments
RUN_TIMEOUT = 180.0
NEW_SOURCE = "northern-courier"  # the source the runs under test add to the base warehouse

# stage -> (the task whose end starts it, the task whose end ends it), in flow order
STAGES = {
    "fetch": ("prepare_warehouse", "read_shard"),                 # feeds, parse, article pages, landing
    "transform": ("read_shard", "transform_batch"),
    "entities": ("transform_batch", "recognise_entities"),         # spaCy load + NER + resolution
    "load": ("assign_stories", "load_batch"),                      # the one-transaction load
    "search_index": ("load_batch", "index_for_search"),            # after the load commit ...
    "views_checks": ("index_for_search", "apply_views_and_checks"),
    "record_publish": ("apply_views_and_checks", "publish_snapshot"),  # run record, publish
}
KILLS = 20
KILL_ATTEMPTS = 3  # a run that ended before its kill moment is made again, sooner (kill_run)
PLAN = {"fetch": 5, "transform": 3, "entities": 3, "load": 5, "search_index": 2, "views_checks": 1,
        "record_publish": 1}
assert sum(PLAN.values()) == KILLS
# the stage a run is in once its last finished task is this one
STAGE_AFTER = {None: "prepare", "prepare_warehouse": "fetch", "read_state": "fetch",
               "read_shard": "transform", "recognise_early": "transform", "transform_batch": "entities",
               "recognise_entities": "stories", "assign_stories": "load", "load_batch": "search_index",
               "index_for_search": "views_checks", "apply_views_and_checks": "record_run",
               "record_run": "publish", "publish_snapshot": "flow_end"}
COARSE = {"prepare": "prepare", "fetch": "fetch", "transform": "transform/entities",
          "entities": "transform/entities", "stories": "transform/entities", "load": "load"}
BEFORE_LOAD = {"prepare", "fetch", "transform", "entities", "stories"}
AFTER_LOAD = {"search_index", "views_checks", "record_run", "publish", "flow_end"}
# killed after its run record committed: rightly 'completed', only unpublished. A kill "in record_run" (the
# last task it logged as finished was the one before) may land after record_run's commit but before its
# "Finished" log line, so 'completed' is right there too; 'interrupted' also is, if it landed before.
RECORDED = {"record_run", "publish", "flow_end"}
TASK_FINISHED = re.compile(r"Task run '([a-z_]+)-[0-9a-f]+' - Finished in state (\w+)")

# Columns left out of the comparison with the clean run because they are the wall-clock time of a fetch or
# a run (a row first seen by the killed run that committed is dated by that run's fetch), or a fetch's
# status. Everything else is compared.
TIME_COLUMNS = {
    "sources": {"first_seen_at"},
    "source_aliases": {"first_seen_at"},
    "feeds": {"last_status_code", "last_outcome", "last_error", "last_fetched_at", "last_success_at",
              "error_streak", "items_last_run"},
    "articles": {"first_seen_at", "fetched_at"},
    "article_versions": {"seen_at"},
    "article_signatures": set(),
    "entities": {"first_seen_at"},
    "entity_aliases": {"first_seen_at"},
    "article_entities": set(),
    "entity_decisions": {"decided_at"},
    "schema_migrations": {"applied_at"},
}
# a date read from "6 hours ago" or taken from the fetch time is compared as its offset from fetched_at
PUBLISHED = ("case when published_source in ('relative', 'fetched') "
             "then 'fetched_at ' || (published_at - fetched_at)::varchar "
             "else published_at::varchar end as published_at")
SEARCH_INDEX = {"fts_main_articles.docs": "name, len", "fts_main_articles.dict": "term, df"}
LOG_TABLES = {"main.runs", "main.fetches", "main.check_results"}  # one row per run: counted apart
UNIQUE_KEYS = [("sources", "source_id"), ("sources", "outlet_key"), ("source_aliases", "alias_kind, alias"),
               ("feeds", "feed_id"), ("feeds", "name"), ("articles", "article_id"),
               ("articles", "canonical_url"), ("article_versions", "article_id, content_hash"),
               ("article_signatures", "article_id"), ("entities", "entity_id"),
               ("entities", "canonical_name, entity_type"), ("entity_aliases", "entity_id, alias"),
               ("article_entities", "article_id, entity_id"), ("runs", "run_id"), ("fetches", "fetch_id"),
               ("check_results", "run_id, check_name"), ("fts_main_articles.docs", "name")]
# orphans sql/checks/ does not cover (those are run too, through store.run_checks)
ORPHANS = {
    "article_signatures_have_article":
        "select article_id from article_signatures anti join articles using (article_id)",
    "search_docs_have_article":
        "select name from fts_main_articles.docs d where name not in (select article_id from articles)",
    # a batch whose load committed is searchable after the next run, even if its run was killed before it
    # indexed the batch (that next run sees the batch's articles as already known)
    "articles_missing_from_search_index":
        "select article_id from articles where article_id not in (select name from fts_main_articles.docs)",
    "feeds_have_source": "select feed_id from feeds f where source_id is not null "
                         "and source_id not in (select source_id from sources)",
    "articles_have_feed": "select article_id from articles where feed_id not in (select feed_id from feeds)",
    "check_results_have_run": "select run_id from check_results anti join runs using (run_id)",
}


@dataclass
class Watched:
    """One run of the CLI: its log lines with the seconds since start each was read at."""

    returncode: int
    lines: list[tuple[float, str]]
    killed_at: float | None = None
    timed_out: bool = False

    def finished(self) -> list[tuple[float, str]]:
        """(when, task) of each task of the flow the run finished (tasks this test does not know are left
        out, so a task added to the flow does not blur which stage a kill hit)."""
        return [(t, m.group(1)) for t, line in self.lines
                if (m := TASK_FINISHED.search(line)) and m.group(1) in STAGE_AFTER]

    def task_end(self, task: str) -> float:
        ends = [t for t, name in self.finished() if name == task]
        assert ends, f"no 'Task run {task!r} - Finished' line in the log:\n{self.text()[-3000:]}"
        return ends[0]

    def stage(self) -> str:
        """The stage the run was in when it died: the one after the last task it finished."""
        done = self.finished()
        return STAGE_AFTER[done[-1][1] if done else None]

    def text(self) -> str:
        return "".join(line for _, line in self.lines)


@dataclass
class Trial:
    number: int
    target: str
    delay: float
    db: Path
    stage: str = ""
    kill_seconds: float = 0.0           # since the killed run's start
    normal_seconds: float = 0.0
    committed: bool | None = None       # did the killed run's batch commit (its fetch log is in)
    landing_leftovers: int = 0
    problems: list[str] = field(default_factory=list)


def child_env(tmp: Path, api_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PREFECT_") and k not in ("NEWSETL_WAREHOUSE_PATH", "NEWSETL_RAW_DIR")}
    env.update({
        "PREFECT_HOME": str(tmp / "prefect-home"), "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "INFO",
        "PREFECT_LOGGING_COLORS": "false", "PREFECT_LOGGING_TO_API_ENABLED": "false",
        "NEWSETL_HTTP_RETRIES": "2", "NEWSETL_HTTP_BACKOFF": "0.01", "NEWSETL_READ_TIMEOUT": "3",
        "NEWSETL_HOST_INTERVAL": "0", "NEWSETL_HOST_CONCURRENCY": "8",
    })
    return env


def newsetl_run(sources: Path, db: Path, env: dict[str, str], kill_after: tuple[str, float] | None = None
                ) -> Watched:
    """`newsetl run` in its own process group, its log read as it comes. With `kill_after` = (task, s):
    SIGKILL the group `s` seconds after the run logs that task's end."""
    # --verbose: the per-task "Finished in state" lines this test times its kills by are hidden by default
    command = [sys.executable, "-m", "newsetl.cli", "run", "--verbose", "--sources", str(sources),
               "--warehouse", str(db)]
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    watched = Watched(returncode=0, lines=[])

    def kill() -> None:
        if proc.poll() is None:
            watched.killed_at = time.monotonic() - started
            os.killpg(proc.pid, signal.SIGKILL)

    def hung() -> None:
        watched.timed_out = True
        kill()

    watchdog = threading.Timer(RUN_TIMEOUT, hung)
    watchdog.start()
    timer = None
    try:
        for line in proc.stderr:
            watched.lines.append((time.monotonic() - started, line))
            m = TASK_FINISHED.search(line)
            if kill_after and timer is None and m and m.group(1) == kill_after[0]:
                timer = threading.Timer(kill_after[1], kill)
                timer.start()
        if timer is not None:
            timer.join()
        watched.returncode = proc.wait(timeout=30)
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return watched


def base_sources(path: Path, base_url: str) -> Path:
    """The sample sources but one (northern-courier): the warehouse every trial starts from."""
    head, *entries = SAMPLE_SOURCES.split("[[sources]]")
    kept = [e for e in entries if f'name = "{NEW_SOURCE}"' not in e]
    assert len(kept) == len(entries) - 1
    path.write_text("[[sources]]".join([head, *kept]).format(base=base_url), encoding="utf-8")
    return path


# --- the warehouse as a reader sees it ---------------------------------------------------------------------

@dataclass
class State:
    counts: dict[str, int]
    contents: dict[str, list[tuple]]
    runs: list[tuple]                    # run_id, status, error
    fetch_runs: set[str]                 # run_ids with a fetch log
    ok_fetches: set[tuple]               # what was fetched, without when or how long
    checks: dict[str, int]
    duplicates: dict[str, int]
    orphans: dict[str, int]


def freeze(value):
    return tuple(freeze(v) for v in value) if isinstance(value, list | tuple) else value


def read_state(db: Path) -> State:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [f"{s}.{t}" for s, t in con.execute(
            "select schema_name, table_name from duckdb_tables() order by all").fetchall()]
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}  # noqa: S608
        contents = {}
        for table, excluded in TIME_COLUMNS.items():
            columns = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = 'main' and table_name = ? "
                "order by column_index", [table]).fetchall() if c not in excluded]
            select = ", ".join(PUBLISHED if c == "published_at" else c for c in columns)
            rows = con.execute(f"select {select} from {table}").fetchall()  # noqa: S608
            contents[table] = sorted(freeze(r) for r in rows)
        for table, columns in SEARCH_INDEX.items():
            contents[table] = sorted(con.execute(f"select {columns} from {table}").fetchall())
        runs = con.execute("select run_id, status, error from runs order by started_at").fetchall()
        fetch_runs = {r for (r,) in con.execute("select distinct run_id from fetches").fetchall()}
        ok_fetches = set(con.execute(
            "select feed_id, purpose, url, final_url, status_code, content_sha256, content_type, bytes "
            "from fetches where outcome = 'ok'").fetchall())
        checks = store.run_checks(con)
        duplicates = {f"{t}({k})": con.execute(
            f"select count(*) from (select 1 from {t} group by {k} having count(*) > 1)").fetchone()[0]
            for t, k in UNIQUE_KEYS}
        orphans = {name: len(con.execute(query).fetchall()) for name, query in ORPHANS.items()}
    return State(counts, contents, runs, fetch_runs, ok_fetches, checks, duplicates, orphans)


def raw_problems(db: Path, state: State, clean_objects: set[str] | None) -> tuple[list[str], int, set[str]]:
    """The raw store beside `db`: every object a fetch row names exists and reads back to its hash; every file
    under a trusted name (`ab/<sha256>.gz`) is whole; a leftover `.landing-*.tmp` is never named by a fetch.
    Returns the problems, the number of leftovers and the stored object names."""
    root = db.parent / "raw"
    problems, leftovers, objects = [], 0, set()
    with duckdb.connect(str(db), read_only=True) as con:
        referenced = {s for (s,) in con.execute(
            "select distinct content_sha256 from fetches where content_sha256 is not null").fetchall()}
    for sha in sorted(referenced):
        try:
            raw_store.read(root, sha)
        except (OSError, ValueError) as exc:
            problems.append(f"raw object {sha} named by a fetch does not read back: {exc}")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.name.startswith(".landing-") and path.name.endswith(".tmp"):
            leftovers += 1
            if any(sha in path.name for sha in referenced):
                problems.append(f"leftover {path} is named after a referenced object")
            continue
        sha = path.name.removesuffix(".gz")
        if path != raw_store.raw_path(root, sha):
            problems.append(f"unexpected file in the raw store: {path}")
            continue
        objects.add(sha)
        try:
            raw_store.read(root, sha)
        except (OSError, ValueError) as exc:
            problems.append(f"raw object {path} is half-written or corrupt: {exc}")
    if clean_objects is not None and objects != clean_objects:
        problems.append(f"raw objects differ from the clean run's: missing "
                        f"{sorted(clean_objects - objects)[:3]}, extra {sorted(objects - clean_objects)[:3]}")
    return problems, leftovers, objects


def compare(state: State, clean: State) -> list[str]:
    problems = []
    for table in sorted(set(state.counts) | set(clean.counts)):
        if table not in LOG_TABLES and state.counts.get(table) != clean.counts.get(table):
            problems.append(f"{table}: {state.counts.get(table)} rows, the clean run has "
                            f"{clean.counts.get(table)}")
    for table, rows in clean.contents.items():
        mine = state.contents[table]
        if mine != rows:
            missing = [r for r in rows if r not in mine]
            extra = [r for r in mine if r not in rows]
            problems.append(f"{table}: contents differ from the clean run's: {len(missing)} rows missing "
                            f"(first {str(missing[:1])[:300]}), {len(extra)} extra "
                            f"(first {str(extra[:1])[:300]})")
    if state.ok_fetches != clean.ok_fetches:
        problems.append(f"fetched bodies differ from the clean run's: "
                        f"{len(clean.ok_fetches - state.ok_fetches)} missing, "
                        f"{len(state.ok_fetches - clean.ok_fetches)} extra")
    problems += [f"check {k} fails: {v} rows" for k, v in state.checks.items() if v]
    problems += [f"duplicate keys in {k}: {v}" for k, v in state.duplicates.items() if v]
    problems += [f"orphans: {k}: {v} rows" for k, v in state.orphans.items() if v]
    return problems


def runs_problems(trial: Trial, state: State, base_runs: set[str], normal_run: str) -> list[str]:
    """After the kill and the normal run: none left 'running'; the base run and the normal run completed;
    the killed run marked interrupted, its error telling truly whether its batch committed (or completed, if
    it was killed after recording itself, while publishing)."""
    problems = []
    if stuck := [r for r in state.runs if r[1] == "running"]:
        problems.append(f"runs left 'running' forever: {stuck}")
    status = {run_id: status for run_id, status, _ in state.runs}
    if [status.get(r) for r in [*base_runs, normal_run]] != ["completed"] * (len(base_runs) + 1):
        problems.append(f"the base run or the normal run is not recorded as completed: {state.runs}")
    killed = [r for r in state.runs if r[0] not in base_runs and r[0] != normal_run]
    if len(killed) != 1:
        return [*problems, f"expected one row for the killed run, found {killed}"]
    killed_id, killed_status, error = killed[0]
    trial.committed = killed_id in state.fetch_runs
    if killed_status == "completed" and trial.stage in RECORDED and trial.committed and error is None:
        return problems
    if killed_status != "interrupted":
        return [*problems, f"the run killed in {trial.stage} is recorded as {killed_status!r} ({error!r}), "
                           "expected 'interrupted'"]
    says_committed = "its batch is in the warehouse" in (error or "")
    if says_committed != trial.committed:
        problems.append(f"the interrupted run's error {error!r} is wrong: its fetch log "
                        f"{'is' if trial.committed else 'is not'} in the warehouse")
    if trial.stage in BEFORE_LOAD and trial.committed:
        problems.append(f"killed in {trial.stage}, before its load, yet its batch committed")
    if trial.stage in AFTER_LOAD and not trial.committed:
        problems.append(f"killed in {trial.stage}, after its load, yet its batch is not in the warehouse")
    return problems


class KillPlan:
    """Where the next kill aims: a stage with kills still wanted (PLAN), drawn at random in proportion, and a
    random moment in it: a fraction of the stage's window in the clean run after the end of the task before
    it. A kill counts for the stage it really hit, so a stage a kill overshot is aimed at again later."""

    def __init__(self, rng: random.Random, clean: Watched) -> None:
        self.rng, self.wanted = rng, dict(PLAN)
        self.windows = {s: clean.task_end(end) - clean.task_end(start) for s, (start, end) in STAGES.items()}

    def next(self) -> tuple[str, float]:
        stages = [s for s, n in self.wanted.items() if n > 0] or list(PLAN)
        target = self.rng.choices(stages, weights=[max(self.wanted[s], 1) for s in stages])[0]
        return target, self.rng.uniform(0.05, 0.75) * self.windows[target]

    def hit(self, stage: str, target: str | None = None) -> None:
        """Count a kill for the stage it hit; a kill aimed at `target` that landed in a later stage (the
        stage ran faster than in the clean run: a loaded machine, a warm cache) halves the window the next
        kill at `target` is drawn from, so a short stage still gets its kills."""
        coarse = "record_publish" if stage in ("record_run", "publish") else stage
        if self.wanted.get(coarse, 0) > 0:
            self.wanted[coarse] -= 1
        order = list(STAGE_AFTER.values())
        if target is not None and stage in order and STAGES[target][0] in STAGE_AFTER \
                and order.index(stage) > order.index(STAGE_AFTER[STAGES[target][0]]):
            self.windows[target] /= 2


def test_sigkill_at_random_moments_then_a_normal_run_equals_a_clean_run(tmp_path, site_server,
                                                                        prefect_harness):
    began = time.monotonic()
    env = child_env(tmp_path, prefect.settings.PREFECT_API_URL.value())
    sources = write_sources(tmp_path / "sources.toml", site_server.base_url)
    base = tmp_path / "base" / "news.duckdb"
    assert ingest(sources_file=str(base_sources(tmp_path / "base-sources.toml", site_server.base_url)),
                  warehouse_path=str(base)).status == "completed"
    base_runs = {r[0] for r in read_state(base).runs}

    clean_db = tmp_path / "clean" / "news.duckdb"
    shutil.copytree(base.parent, clean_db.parent)
    clean_run = newsetl_run(sources, clean_db, env)
    assert clean_run.returncode == 0, clean_run.text()[-3000:]
    clean = read_state(clean_db)
    assert clean.counts["main.articles"] == 47 and clean.counts["fts_main_articles.docs"] == 47
    assert compare(clean, clean) == [] and {r[1] for r in clean.runs} == {"completed"}
    raw, _, clean_objects = raw_problems(clean_db, clean, None)
    assert raw == []

    plan = KillPlan(random.Random(SEED), clean_run)
    warmup = time.monotonic() - began

    def kill_run(number: int, target: str, delay: float) -> Trial:
        """A copy of the base warehouse, and `newsetl run` on it killed at the planned moment. A run that
        ends (exit 0) before that moment comes, quicker than the clean run it was planned from (the last
        stages last a few hundred ms, and the machine is shared), is made again on a fresh copy with the
        delay halved, up to KILL_ATTEMPTS times: the kill never happened, so there is nothing to judge."""
        trial = Trial(number, target, delay, db=tmp_path / f"trial-{number:02d}" / "news.duckdb")
        for _attempt in range(KILL_ATTEMPTS):
            shutil.rmtree(trial.db.parent, ignore_errors=True)
            shutil.copytree(base.parent, trial.db.parent)
            killed = newsetl_run(sources, trial.db, env, kill_after=(STAGES[target][0], trial.delay))
            if killed.timed_out or killed.returncode != 0 or killed.killed_at is not None:
                break
            trial.delay /= 2
        trial.stage, trial.kill_seconds = killed.stage(), killed.killed_at or 0.0
        if killed.timed_out:
            trial.problems.append(f"the run hung for {RUN_TIMEOUT:.0f} s:\n{killed.text()[-2000:]}")
        elif killed.returncode != -signal.SIGKILL:
            trial.problems.append(f"the run was not killed (exit {killed.returncode}):\n"
                                  f"{killed.text()[-2000:]}")
        return trial

    def normal_run_and_checks(trial: Trial) -> None:
        """The normal run after the kill, then the warehouse and the raw store against the clean run's."""
        started = time.monotonic()
        try:
            summary = ingest(sources_file=str(sources), warehouse_path=str(trial.db))
        except Exception as exc:  # noqa: BLE001 - the failure is the finding, reported with the others
            trial.problems.append(f"the normal run after the kill failed: {type(exc).__name__}: {exc}")
            return
        trial.normal_seconds = time.monotonic() - started
        if summary.status != "completed":
            trial.problems.append(f"the normal run after the kill ended {summary.status}")
        state = read_state(trial.db)
        trial.problems += compare(state, clean)
        trial.problems += runs_problems(trial, state, base_runs, summary.run_id)
        raw, trial.landing_leftovers, _ = raw_problems(trial.db, state, clean_objects)
        trial.problems += raw
        if stray := sorted(p.name for p in trial.db.parent.glob(f".{trial.db.name}.*.tmp")):
            trial.problems.append(f"temporary copies of the published file left behind: {stray}")

    # a pipeline: the next run to kill (a subprocess) runs while this trial's normal run goes on here
    trials = []
    with ThreadPoolExecutor(1) as killer:
        pending = killer.submit(kill_run, 1, *plan.next())
        for number in range(1, KILLS + 1):
            trial = pending.result()
            plan.hit(trial.stage, trial.target)
            if number < KILLS:
                pending = killer.submit(kill_run, number + 1, *plan.next())
            if not trial.problems:
                normal_run_and_checks(trial)
            if not trial.problems:  # keep the warehouses that went wrong, for a look
                shutil.rmtree(trial.db.parent)
            trials.append(trial)

    batch = {True: "committed", False: "not committed", None: "?"}
    report = "\n".join(
        f"  kill {t.number:2d}: aimed at {t.target:<14} +{t.delay * 1000:4.0f} ms, "
        f"at {t.kill_seconds:4.1f} s in {t.stage:<14} batch {batch[t.committed]:<13} "
        f"landing leftovers {t.landing_leftovers}; normal run {t.normal_seconds:3.1f} s"
        + "".join(f"\n      PROBLEM: {p}" for p in t.problems)
        for t in trials)
    coverage = Counter(COARSE.get(t.stage, "after load") for t in trials)
    print(f"\nseed {SEED}; base + clean runs {warmup:.1f} s; 20 kills + 20 normal runs "
          f"{time.monotonic() - began - warmup:.1f} s; coverage {dict(coverage)}\n{report}")
    assert len(trials) == KILLS
    assert all(coverage[stage] >= 3 for stage in ("fetch", "transform/entities", "load")), (
        f"kills did not cover every stage (seed {SEED}): {dict(coverage)}\n{report}")
    failed = [t for t in trials if t.problems]
    assert not failed, (f"{len(failed)} of 20 killed runs did not end like the clean run after a normal run "
                        f"(seed {SEED}):\n{report}")
