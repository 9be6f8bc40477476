"""`newsetl serve`: run the ingest flow on the schedules of prefect.yaml, with one command.

Prefect refuses to schedule on its temporary in-process server ("Cannot schedule flows on an ephemeral
server"), so serving needs a real API server. `serve` uses the one PREFECT_API_URL names, or one already
answering on 127.0.0.1:4200, or else starts `prefect server start` itself (its SQLite database in the
project's .prefect/, its log in .prefect/server.log) and stops it when serving ends (Ctrl-C or SIGTERM).
The Prefect UI is at the server's address (http://127.0.0.1:4200 by default): runs, logs, schedules.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import requests
import yaml

DEFAULT_PORT = 4200
START_TIMEOUT = 120.0


class ServeError(RuntimeError):
    """prefect.yaml or the Prefect server cannot be used; the message says what and where."""


@dataclass(frozen=True)
class DeploymentSpec:
    """One deployment of prefect.yaml, as newsetl serves it."""

    name: str
    parameters: dict
    crons: tuple[str, ...]
    timezone: str | None
    concurrency_limit: int | None
    collision_strategy: str | None
    description: str | None
    tags: tuple[str, ...]


def read_deployments(path: Path) -> list[DeploymentSpec]:
    """The ingest deployments of a prefect.yaml, relative paths in their parameters made absolute
    (relative to the file), so a served run finds its sources file whatever its working directory."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ServeError(f"{path}: cannot read it: {exc}") from exc
    specs = []
    for index, entry in enumerate(document.get("deployments") or []):
        where = f"{path}: deployments[{index}]"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise ServeError(f"{where}: a deployment needs a name")
        if entry.get("entrypoint", "flows/ingest.py:ingest") != "flows/ingest.py:ingest":
            raise ServeError(f"{where} ({entry['name']!r}): newsetl serves only flows/ingest.py:ingest")
        parameters = dict(entry.get("parameters") or {})
        for key in ("sources_file", "warehouse_path"):
            if parameters.get(key) and not Path(parameters[key]).is_absolute():
                parameters[key] = str((path.parent / parameters[key]).resolve())
        schedules = entry.get("schedules") or []
        crons = tuple(s["cron"] for s in schedules if isinstance(s, dict) and s.get("cron"))
        if len(crons) != len(schedules):
            raise ServeError(f"{where} ({entry['name']!r}): each schedule needs a cron")
        limit = entry.get("concurrency_limit")
        if isinstance(limit, int):
            limit = {"limit": limit}
        specs.append(DeploymentSpec(
            name=entry["name"], parameters=parameters, crons=crons,
            timezone=next((s.get("timezone") for s in schedules if s.get("timezone")), None),
            concurrency_limit=(limit or {}).get("limit"),
            collision_strategy=(limit or {}).get("collision_strategy"),
            description=entry.get("description"), tags=tuple(entry.get("tags") or ())))
    if not specs:
        raise ServeError(f"{path}: no deployments")
    return specs


def select_deployments(specs: list[DeploymentSpec], names: list[str] | None) -> list[DeploymentSpec]:
    if not names:
        return specs
    unknown = set(names) - {s.name for s in specs}
    if unknown:
        raise ServeError(f"no deployment named {', '.join(sorted(unknown))} (there are: "
                         f"{', '.join(s.name for s in specs)})")
    return [s for s in specs if s.name in names]


def is_healthy(api_url: str) -> bool:
    try:
        return requests.get(f"{api_url.rstrip('/')}/health", timeout=2).ok
    except requests.RequestException:
        return False


def announcement_path(prefect_home: Path) -> Path:
    """Where `newsetl serve` writes the API URL of the server it uses, for `newsetl run` to find."""
    return prefect_home / "serve-api-url"


@contextmanager
def announced(prefect_home: Path, api_url: str) -> Iterator[None]:
    """While serving, the server's API URL in the project's Prefect home (removed when serving ends; a
    file left by a killed `serve` is harmless: a run checks that its server answers)."""
    path = announcement_path(prefect_home)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(api_url + "\n", encoding="utf-8")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def configured_server(prefect_home: Path, api_url: str | None) -> str | None:
    """The API URL of the Prefect server a run should report to, or None for Prefect's temporary server.
    `api_url` is PREFECT_API_URL as Prefect's settings have it (environment or profile): a configured
    server is used, and must answer. Without one, the server `newsetl serve` announced in this project's
    Prefect home is used while it answers."""
    if api_url:
        if not is_healthy(api_url):
            raise ServeError(f"PREFECT_API_URL is {api_url} but no Prefect server answers there: start it, "
                             "or unset PREFECT_API_URL to run on a temporary server")
        return api_url
    try:
        announced_url = announcement_path(prefect_home).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    if announced_url.startswith(("http://", "https://")) and is_healthy(announced_url):
        return announced_url
    return None


def _free_port(preferred: int) -> int:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", preferred)) != 0:
            return preferred
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def prefect_server(prefect_home: Path, port: int = DEFAULT_PORT) -> Iterator[str]:
    """The API URL of a Prefect server: PREFECT_API_URL's if set and answering, one already answering on
    127.0.0.1:`port`, or one started here (and stopped, with its whole process group, on exit)."""
    for url in (os.environ.get("PREFECT_API_URL"), f"http://127.0.0.1:{port}/api"):
        if url and is_healthy(url):
            yield url
            return
    port = _free_port(port)
    url = f"http://127.0.0.1:{port}/api"
    prefect_home.mkdir(parents=True, exist_ok=True)
    log_path = prefect_home / "server.log"
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{prefect_home / 'prefect.db'}"}
    env.pop("PREFECT_API_URL", None)
    prefect = Path(sys.executable).with_name("prefect")
    with open(log_path, "ab") as log:
        server = subprocess.Popen(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not is_healthy(url):
            if server.poll() is not None:
                raise ServeError(f"prefect server exited with {server.returncode}; see {log_path}")
            if time.monotonic() > deadline:
                raise ServeError(f"prefect server did not answer on {url} within {START_TIMEOUT:.0f} s; "
                                 f"see {log_path}")
            time.sleep(0.25)
        yield url
    finally:
        stop_process_group(server)


def stop_process_group(process: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM to the process and its children, SIGKILL after `grace` seconds."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def drain_prefect_workers(timeout: float = 5.0) -> None:
    """Send Prefect's queued logs and events now: left for interpreter exit, they would be retried
    against a server already stopped, holding the process for a long time."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout)
    EventsWorker.drain_all(timeout=timeout)


def runner_deployments(specs: list[DeploymentSpec], interval: float | None, warehouse: Path | None):
    """Prefect RunnerDeployments of the ingest flow; `interval` (seconds) replaces the cron schedules."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.schedules import Cron, Interval

    from flows.ingest import ingest

    deployments = []
    for spec in specs:
        parameters = dict(spec.parameters)
        if warehouse is not None:
            parameters["warehouse_path"] = str(warehouse.resolve())
        limit = None
        if spec.concurrency_limit:
            strategy = ConcurrencyLimitStrategy(spec.collision_strategy or "ENQUEUE")
            limit = ConcurrencyLimitConfig(limit=spec.concurrency_limit, collision_strategy=strategy)
        schedules = ([Interval(timedelta(seconds=interval))] if interval
                     else [Cron(cron, timezone=spec.timezone) for cron in spec.crons])
        deployments.append(ingest.to_deployment(
            name=spec.name, parameters=parameters, concurrency_limit=limit, description=spec.description,
            tags=list(spec.tags), schedules=schedules))
    return deployments
