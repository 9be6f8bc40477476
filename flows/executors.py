"""Where a run's stateless shards run, chosen once per run by one setting (`NEWSETL_EXECUTOR`):

- `local` (default): a Prefect task per shard on the flow's own thread task runner, in the run's process.
- `prefect`: Prefect background task workers (`newsetl worker`, any number, on any machine that reaches
  the run's Prefect server). Each shard is a task run submitted with `.delay()`; its parameters and its
  result go through Prefect's result storage, which the submitter and every worker must reach (README:
  Workers on other machines).
- `dask`: a Dask cluster through prefect-dask's `DaskTaskRunner`: the scheduler at `NEWSETL_DASK_ADDRESS`,
  or a `LocalCluster` of `NEWSETL_DASK_WORKERS` processes started for the run.

The same task runs on all three, with the same parameters: keys (a batch of feeds, their validators,
the known titles of those feeds and their outlets), never frames of the warehouse; on `prefect` and
`dask` (settings.ner_in_shards) also the spaCy model's name, and a shard's result then carries the NER
spans of its new texts, keyed by text (flows/shards.py), so NER spreads with the shards. Each executor hands
results on as shards finish, keyed by the shard's key, and each key once: a shard done twice
(resubmitted after its worker was presumed lost, and finished by both) gives one result, and what it
landed in the raw store is named by its content, so nothing is doubled.

A lost worker: Dask reschedules a dead worker's tasks itself. Prefect does not: a task run whose worker
was killed stays `Running` on the server for ever (task runs have no heartbeat, and the server's task
queue hands a run out once, even to a worker that dies before starting it), so the submitter resubmits
a shard whose task run crashed or failed, has been running longer than `NEWSETL_SHARD_DEADLINE`, or was
not started by any worker within it; a lost running run is marked `Crashed`. A task worker
caches each run's result under its inputs and the flow run (Prefect's default policy for background
tasks), so a resubmitted shard that the first attempt did finish meanwhile is read back, not run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from prefect import Task, get_run_logger

from newsetl.config import Settings

POLL_SECONDS = 0.5  # how often the submitter asks the Prefect server about its shards' task runs


class ShardLost(RuntimeError):
    """A shard failed on every attempt the settings allow, or no worker took any shard in time."""


Shards = list[tuple[str, dict[str, Any]]]  # (key of the shard, the task's parameters)


def run_shards(settings: Settings, task: Task, shards: Shards) -> Iterator[tuple[str, Any]]:
    """(key, result) of every shard, in the order they finish, on the executor the settings choose."""
    if not shards:
        return iter(())
    runner = {"local": on_threads, "prefect": on_task_workers, "dask": on_dask}[settings.executor]
    return runner(settings, task, shards)


def on_threads(settings: Settings, task: Task, shards: Shards) -> Iterator[tuple[str, Any]]:
    """The flow's own task runner (threads in this process)."""
    from prefect.futures import as_completed
    from prefect.utilities.annotations import quote

    # quoted: Prefect would walk every argument (feeds, validators, titles) into every list and dataclass
    # looking for futures, and there are none (1-2 s at 1,000 feeds)
    futures = {task.submit(**{name: quote(value) for name, value in parameters.items()}): key
               for key, parameters in shards}
    for future in as_completed(list(futures)):
        yield futures[future], future.result()


@dataclass
class Attempt:
    future: Any  # PrefectDistributedFuture of the task run
    number: int  # 1 for the first submission of the shard
    submitted: float  # time.monotonic() then


def on_task_workers(settings: Settings, task: Task, shards: Shards) -> Iterator[tuple[str, Any]]:
    """Background task workers: every shard submitted at once, its task run watched until it completes.
    One that crashed or failed, ran past the deadline, or was taken by no worker within the deadline (a
    worker that died holding it, or none running) is submitted again, up to `shard_attempts` times."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterId
    from prefect.states import Crashed

    logger = get_run_logger()
    parameters = dict(shards)

    def submit(key: str, number: int) -> Attempt:
        return Attempt(task.delay(**parameters[key]), number, time.monotonic())

    pending = {key: submit(key, 1) for key in parameters}
    with get_client(sync_client=True) as client:
        while pending:
            ids = {UUID(str(a.future.task_run_id)): key for key, a in pending.items()}
            runs = {
                ids[r.id]: r
                for r in client.read_task_runs(
                    task_run_filter=TaskRunFilter(id=TaskRunFilterId(any_=list(ids))), limit=len(ids)
                )
            }
            for key, attempt in list(pending.items()):
                run = runs.get(key)
                state = run.state if run is not None else None
                if state is not None and state.is_completed():
                    del pending[key]
                    yield key, attempt.future.result()
                    continue
                why = lost_because(
                    state,
                    run.start_time if run else None,
                    settings.shard_deadline,
                    time.monotonic() - attempt.submitted,
                )
                if why is None:
                    continue
                if attempt.number >= settings.shard_attempts:
                    raise ShardLost(
                        f"shard {key}: {why}, on each of {attempt.number} attempts (is a "
                        "`newsetl worker` running against this Prefect server?)"
                    )
                logger.warning("shard %s: %s: submitted again (attempt %d)", key, why, attempt.number + 1)
                if state is not None and state.is_running():  # its worker is gone: not `Running` for ever
                    client.set_task_run_state(run.id, Crashed(message=f"newsetl: {why}"), force=True)
                pending[key] = submit(key, attempt.number + 1)
            time.sleep(POLL_SECONDS)


def lost_because(state, started, deadline: float, waited: float = 0.0) -> str | None:
    """Why a shard's task run in `state` (running since `started`; `waited` seconds since it was
    submitted) will not finish, or None while it may."""
    if state is None or state.is_scheduled() or state.is_pending():
        return f"taken by no worker in {deadline:.0f} s" if waited > deadline else None
    if state.is_crashed() or state.is_failed() or state.is_cancelled():
        return f"its task run ended {state.name}: {state.message or ''}".rstrip(": ")
    if state.is_running() and started is not None:
        from prefect.types._datetime import now

        if (now("UTC") - started).total_seconds() > deadline:
            return f"still running after {deadline:.0f} s (its worker is presumed lost)"
    return None


def on_dask(settings: Settings, task: Task, shards: Shards) -> Iterator[tuple[str, Any]]:
    """prefect-dask's DaskTaskRunner: each shard a Prefect task run on a Dask worker process. A worker
    that dies loses nothing: the scheduler runs its tasks on another one."""
    from prefect.futures import as_completed

    try:
        from prefect_dask import DaskTaskRunner
    except ImportError as exc:
        raise ShardLost("NEWSETL_EXECUTOR=dask needs prefect-dask: pip install -e '.[dask]'") from exc

    with dask_runner(settings, DaskTaskRunner) as runner:
        futures = {runner.submit(task, parameters): key for key, parameters in shards}
        for future in as_completed(list(futures)):
            yield futures[future], future.result()


def dask_runner(settings: Settings, runner_class: Callable):
    """The task runner: the scheduler at `dask_address`, or a LocalCluster of `dask_workers` processes of
    one thread each (a worker stands for a core)."""
    if settings.dask_address:
        return runner_class(address=settings.dask_address)
    return runner_class(
        cluster_kwargs={
            "n_workers": settings.dask_workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": ":0",
        }
    )


def serve_shards(task: Task, limit: int | None) -> None:
    """A background task worker for `task` (`newsetl worker`): takes shards from the Prefect server at
    PREFECT_API_URL until stopped, `limit` at a time. Its results are written where the shards'
    parameters are read from, Prefect's task scheduling storage: the saved block named by
    PREFECT_TASKS_SCHEDULING_DEFAULT_STORAGE_BLOCK (`s3-bucket/newsetl-shards`), else the folder
    PREFECT_LOCAL_STORAGE_PATH (Prefect's default for both), so the submitter, which wrote the parameters
    there, reads the results back."""
    from prefect.settings import get_current_settings
    from prefect.task_worker import serve

    block = get_current_settings().tasks.scheduling.default_storage_block  # a saved block's slug
    served = task.with_options(persist_result=True, result_storage=block) if block else task
    serve(served, limit=limit)
