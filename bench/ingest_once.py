"""One `ingest` flow run in this process, measured; run_bench.py starts one of these per run, so that peak
memory is per run. Prints one JSON object as the LAST line of stdout:

    stage_seconds     RunSummary.stage_seconds (prepare, fetch, parse, fetch_pages, transform, entities,
                      load, views_checks), measured inside the flow
    articles          RunSummary.articles (items, articles, new, changed, unchanged, skipped_no_url,
                      skipped_bad_scheme)
    table_rows        table -> [rows now, rows added this run]
    loaded            articles added to the articles table by this run
    wall_seconds      the `ingest(...)` call, end to end (includes starting Prefect's temporary server)
    import_seconds    importing flows.ingest (prefect, polars, duckdb, spacy, ...)
    maxrss_self_mb    getrusage(RUSAGE_SELF).ru_maxrss: peak RSS of this process
    maxrss_children_mb  getrusage(RUSAGE_CHILDREN).ru_maxrss: peak RSS of the largest finished child
                      (spaCy's NER worker processes when NEWSETL_NER_PROCESSES > 1 and the batch is big)

    python bench/ingest_once.py --sources SOURCES.toml --warehouse DIR/news.duckdb

The caller sets PREFECT_HOME, PREFECT_SERVER_ANALYTICS_ENABLED, PREFECT_LOGGING_LEVEL and NEWSETL_*, and
BENCH_CODE_ROOT: the copy of the project code to import (default: this checkout).
"""

from __future__ import annotations

import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import collections  # noqa: E402
import dataclasses  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

# The project code to import: the snapshot run_bench.py took (BENCH_CODE_ROOT), else the working tree.
# Put first on sys.path, it wins over the editable install's finder, which comes after the path finder.
CODE_ROOT = Path(os.environ.get("BENCH_CODE_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(CODE_ROOT))


def _mb(kilobytes: int) -> float:
    return round(kilobytes / 1024, 1)  # Linux reports ru_maxrss in KiB


def _dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description="one measured ingest run")
    parser.add_argument("--sources", required=True)
    parser.add_argument("--warehouse", required=True)
    args = parser.parse_args()

    t = time.perf_counter()
    import flows
    from flows.ingest import ingest
    from newsetl.config import Settings
    import_seconds = time.perf_counter() - t
    code_file = Path(flows.__file__).resolve()
    if not code_file.is_relative_to(CODE_ROOT.resolve()):
        raise SystemExit(f"imported {code_file}, not the code under {CODE_ROOT}")

    t = time.perf_counter()
    summary = ingest(sources_file=args.sources, warehouse_path=args.warehouse)
    wall = time.perf_counter() - t

    ru_self = resource.getrusage(resource.RUSAGE_SELF)
    ru_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    settings = Settings.from_env(warehouse_path=Path(args.warehouse))
    warehouse = Path(args.warehouse)
    outcomes = collections.Counter(s["outcome"] for s in summary.sources)
    result = {
        "status": summary.status,
        "wall_seconds": round(wall, 3),
        "import_seconds": round(import_seconds, 3),
        "process_seconds_to_report": round(time.perf_counter() - T_START, 3),
        "stage_seconds": {k: round(v, 3) for k, v in summary.stage_seconds.items()},
        "articles": summary.articles,
        "table_rows": {k: list(v) for k, v in summary.table_rows.items()},
        "loaded": summary.table_rows.get("articles", (0, 0))[1],
        "source_outcomes": dict(outcomes),
        "sources_failed": summary.sources_failed,
        "source_errors": [s["error"] for s in summary.sources if s["error"]][:10],
        "pages_fetched": sum(s["pages"] for s in summary.sources),
        "pages_failed": sum(s["pages_failed"] for s in summary.sources),
        "checks_failing": {k: v for k, v in summary.checks.items() if v},
        "maxrss_self_mb": _mb(ru_self.ru_maxrss),
        "maxrss_children_mb": _mb(ru_children.ru_maxrss),
        "cpu_self_seconds": round(ru_self.ru_utime + ru_self.ru_stime, 2),
        "cpu_children_seconds": round(ru_children.ru_utime + ru_children.ru_stime, 2),
        "warehouse_bytes": warehouse.stat().st_size if warehouse.exists() else 0,
        "raw_bytes": _dir_bytes(settings.raw_root),
        "settings": {k: str(v) for k, v in dataclasses.asdict(settings).items()
                     if k not in ("user_agent",)},
        "pid": os.getpid(),
        "code_root": str(CODE_ROOT),
    }
    sys.stdout.flush()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
