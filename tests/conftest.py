"""Shared fixtures: a real HTTP server on 127.0.0.1 serving the sample site plus fault routes, and a
Prefect test harness. Nothing here reaches beyond the loopback interface."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SITE = ROOT / "samples" / "site"

# Before Prefect is imported anywhere: private state, no telemetry, quick HTTP retries.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
# The Prefect servers the suite starts (the harness in each worker, and the temporary servers and `serve`
# of the processes that inherit this environment) keep the task runs' records, which the task workers'
# executor reads (flows/executors.py), but neither store every event nor evaluate automations: nothing in
# newsetl or its tests reads an event back, and storing them was part of the servers' work.
os.environ.setdefault("PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED", "false")
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
# the CLI tests start Prefect's temporary server in a subprocess: on a busy 2-core machine it can take
# longer than Prefect's default 20 s to answer
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ["NEWSETL_HTTP_RETRIES"] = "2"
os.environ["NEWSETL_HTTP_BACKOFF"] = "0.01"
os.environ["NEWSETL_READ_TIMEOUT"] = "3"
os.environ["NEWSETL_HOST_INTERVAL"] = "0"       # the loopback server is every outlet's host
os.environ["NEWSETL_HOST_CONCURRENCY"] = "8"
# The clock the code reads (newsetl/clock.py), for this process and every process a test starts: the moment
# the sample site was captured, so its relative dates ("33 minutes ago") and its absolute dates agree,
# whatever day the suite runs on.
SAMPLE_CAPTURED_AT = "2026-11-28T12:00:00Z"
os.environ["NEWSETL_NOW"] = SAMPLE_CAPTURED_AT
os.environ.pop("NEWSETL_CLOCK_ANCHOR", None)
from newsetl import clock  # noqa: E402 - read now: the processes the tests start run on from this moment

clock.now()


@dataclass
class SiteServer:
    """The sample site on loopback. `routes` maps a path to (status, headers, body), or to a function of
    the request handler that answers itself (for faults: resets, stalls, truncation) or returns such a
    tuple; routes override files. `requests` records every path asked for, `headers` their headers."""

    base_url: str
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"


def _handler(site: SiteServer):
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(SAMPLE_SITE), **kwargs)

        def do_GET(self):  # noqa: N802 - http.server's naming
            site.requests.append(self.path)
            site.headers.append(dict(self.headers))
            route = site.routes.get(self.path)
            if route is None:
                return super().do_GET()
            if callable(route):
                route = route(self)
                if route is None:  # the route answered (or hung up) by itself
                    return None
            status, headers, body = route
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # a client may hang up before the body's end (a size cap it enforces): its test says so
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)
            return None

        def log_message(self, *args):
            pass

    return Handler


# --- the order modules start in ----------------------------------------------------------------------------
# pytest-xdist hands out whole modules (--dist loadscope in pyproject.toml: a module's fixtures, such as a
# load of the sample site, are made once, not once per worker). A long module handed out last runs alone at
# the end while the other workers wait, so the longest start first: these, longest first (seconds of one
# worker each, `pytest --durations` on the 2-core machine, 2026-12-06), then the rest in their usual order.
SLOW_MODULES = [
    "tests/store/test_lake.py",                # ~150 s: PostgreSQL, DuckLake, killed merges
    "tests/store/test_lake_runs.py",           # ~110 s: DuckLake with groups, readers, S3
    "tests/flows/test_sigkill.py",             # ~150 s: 20 killed runs
    "tests/dashboard/test_pages.py",           # ~115 s: headless Chromium
    "tests/flows/test_executors.py",           # ~105 s: a Prefect server, task workers, Dask
    "tests/flows/test_same_input.py",          # ~80 s
    "tests/security/test_readers.py",          # ~65 s: readers' rights in processes of their own
    "tests/security/test_hostile_items.py",    # ~60 s
    "tests/flows/test_readers.py",             # ~50 s
    "tests/test_serve.py",                     # ~45 s
    "tests/flows/test_chunked_merge.py",       # ~45 s
    "tests/security/test_prefect_server.py",   # ~45 s
    "tests/test_cli.py",                       # ~45 s
    "tests/test_any_day.py",                   # ~35 s
    "tests/flows/test_faults.py",              # ~35 s
]


def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject.toml): two workers more than the cores. With one per core the cores were busy
    78 % of the run, the workers otherwise waiting on processes the tests start (Prefect servers,
    PostgreSQL, Chromium, killed runs); the extra workers use that time (2 cores, --dist loadscope,
    2026-12-06: 2 workers 771 s, 1,207 CPU-s; 3 workers 655 s, 1,140 CPU-s; with the servers' event store
    off (above) 3 workers 607 s, 1,055 CPU-s; 4 workers 533 and 676 s, 918 and 1,182 CPU-s, two runs; a
    clean clone's `.ci/run` on 4: 631 and 693 s of pytest). --maxprocesses caps it."""
    return (os.cpu_count() or 1) + 2


def pytest_collection_modifyitems(session, config, items):
    if moved := [m for m in SLOW_MODULES if not (ROOT / m).is_file()]:
        raise pytest.UsageError(f"tests/conftest.py SLOW_MODULES names modules that are not there: {moved}")
    rank = {module: i for i, module in enumerate(SLOW_MODULES)}
    # a stable sort: the tests of a module keep their order
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


@pytest.fixture(scope="session")
def site_server():
    site = SiteServer(base_url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def routes(site_server):
    """Routes a test sets on the shared loopback server, taken away after it."""
    before = dict(site_server.routes)
    yield site_server.routes
    site_server.routes.clear()
    site_server.routes.update(before)


# --- Prefect servers start on a database already migrated -------------------------------------------------
# A Prefect server on a new SQLite database runs every migration first: about 7 s of one core of its ~15 s
# start. The suite starts a dozen (the harness in each worker, `newsetl run`'s temporary server, `serve`,
# task workers), each with a home of its own, so the database is migrated once per pytest run, under a lock
# the xdist workers share, and each home starts from a copy of it (as `cp prefect.db` would).

# one id per pytest run: set in the controller, inherited by the xdist workers it starts
os.environ.setdefault("NEWSETL_TEST_RUN", uuid.uuid4().hex)


def _template_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"newsetl-prefect-db-{os.environ['NEWSETL_TEST_RUN']}"


def migrated_prefect_db() -> Path:
    """A migrated Prefect database for this pytest run, made by the first worker that asks for it."""
    folder = _template_dir()
    folder.mkdir(exist_ok=True)
    database = folder / "prefect.db"
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not database.exists():
            env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
            env.update({"PREFECT_HOME": str(folder / "home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                        "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{folder / 'new.db'}"})
            subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"],
                           env=env, check=True, capture_output=True, timeout=300)
            (folder / "new.db").rename(database)
    return database


def prefect_home(path: Path) -> Path:
    """`path` made a Prefect home whose database is migrated already: a server started there starts ~7 s
    sooner. Returns `path`."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_prefect_db(), path / "prefect.db")
    return path


def pytest_sessionfinish(session):
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without xdist): all done
        shutil.rmtree(_template_dir(), ignore_errors=True)


def pytest_unconfigure(config):
    """Each process (the controller and every xdist worker) made its own Prefect home above: it goes last."""
    shutil.rmtree(os.environ["PREFECT_HOME"], ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _session_prefect_home():
    """This process's Prefect home (set above) starts migrated, for the temporary servers of the CLI runs."""
    prefect_home(Path(os.environ["PREFECT_HOME"]))


@pytest.fixture(scope="session")
def prefect_harness():
    import prefect.testing.utilities as harness
    from prefect.testing.utilities import prefect_test_harness

    # the harness puts its database in a folder of mkdtemp(): that folder starts with a migrated database
    def migrated_folder() -> str:
        folder = tempfile.mkdtemp()
        shutil.copyfile(migrated_prefect_db(), Path(folder) / "prefect-test.db")
        return folder

    with ExitStack() as stack:
        make_folder, harness.mkdtemp = harness.mkdtemp, migrated_folder
        try:
            stack.enter_context(prefect_test_harness(server_startup_timeout=120))
        finally:
            harness.mkdtemp = make_folder
        yield


SAMPLE_SOURCES = """
[[outlets]]
name = "The Independent"
domain = "independent.co.uk"

[[outlets]]
name = "Harbour Times"
domain = "harbourtimes.example"

[[outlets]]
name = "Northern Courier"
domain = "northerncourier.example"

[[sources]]
name = "independent-world"
kind = "rss"
url = "{base}/independent/rss.xml"
outlet = "The Independent"
follow_links = true
allow_private_hosts = true  # the test site is on 127.0.0.1

[[sources]]
name = "harbour-times"
kind = "atom"
url = "{base}/harbourtimes/atom.xml"
outlet = "Harbour Times"
follow_links = true
allow_private_hosts = true

[[sources]]
name = "northern-courier"
kind = "rss"
url = "{base}/northerncourier/rss.xml"
outlet = "Northern Courier"
follow_links = true
allow_private_hosts = true

[[sources]]
name = "daily8-world"
kind = "listing"
url = "{base}/daily8/world.html"
"""


def write_sources(path: Path, base_url: str, extra: str = "") -> Path:
    """A sources file for the sample site served at `base_url`, plus `extra` TOML entries."""
    path.write_text(SAMPLE_SOURCES.format(base=base_url) + extra, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory, site_server, prefect_harness):
    """The sample site loaded once for the module that asks: a folder of its sources file, warehouse and raw
    store after a first run (a module that wants the warehouse as it is after one first run copies this
    instead of making the same run again, test by test)."""
    from flows.ingest import ingest

    folder = tmp_path_factory.mktemp("sample-loaded")
    sources = write_sources(folder / "sources.toml", site_server.base_url)
    assert ingest(sources_file=str(sources), warehouse_path=str(folder / "news.duckdb")).status == "completed"
    return folder


@pytest.fixture
def loaded(tmp_path, loaded_once):
    """A copy of loaded_once's folder of the test's own (the files copied, as a backup of a warehouse is):
    its sources file and warehouse."""
    shutil.copytree(loaded_once, tmp_path, dirs_exist_ok=True)
    return tmp_path / "sources.toml", tmp_path / "news.duckdb"
