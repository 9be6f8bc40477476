"""NER alone on the texts a run read: the ceiling a run's articles/s is held against (issue 15).

    .venv/bin/python bench/bench_ner_ceiling.py WAREHOUSE [--processes N] [--run-seconds S]

Reads every article of WAREHOUSE (the published file a `newsetl run` wrote) as the run's NER read it
(title, a blank line, the body; recased as transforms.entities gives it to NER), then times NER alone on
those texts through flows.ner.NerPool with the run's process count (NEWSETL_NER_PROCESSES, default 2),
the pool's start and model loads included, as a run pays them. Prints articles/s; with --run-seconds
(the run's wall time) also the run's articles/s and its share of the ceiling.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from flows.ner import NerPool  # noqa: E402
from newsetl.config import Settings  # noqa: E402
from transforms.entities import ner_inputs  # noqa: E402


def run_texts(warehouse: Path) -> list[str]:
    """The texts NER read for the articles of `warehouse` (one per article; copies share theirs)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        articles = con.sql("select article_id, title, body, summary from articles order by article_id").pl()
    return ner_inputs(articles)


def ner_seconds(texts: list[str], model: str, processes: int) -> float:
    """Wall seconds of NER alone on `texts` in a pool of `processes`, its start included."""
    started = time.perf_counter()
    with NerPool(model, processes, parallel_min=1) as pool:
        pool.submit(texts)
        pool.recognise(texts)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("warehouse", type=Path)
    parser.add_argument(
        "--processes", type=int, default=None, help="default: the run's NEWSETL_NER_PROCESSES"
    )
    parser.add_argument("--run-seconds", type=float, default=None, help="the run's wall time")
    parser.add_argument("--articles", type=int, default=None, help="articles the run loaded (default: texts)")
    args = parser.parse_args()
    settings = Settings.from_env()
    processes = args.processes or settings.ner_processes
    texts = run_texts(args.warehouse)
    seconds = ner_seconds(texts, settings.spacy_model, processes)
    ceiling = len(texts) / seconds
    print(
        f"NER ceiling: {len(texts):,} texts in {seconds:.1f} s on {processes} process(es): "
        f"{ceiling:.1f} articles/s"
    )
    if args.run_seconds:
        articles = args.articles or len(texts)
        rate = articles / args.run_seconds
        print(
            f"the run: {articles:,} articles in {args.run_seconds:.1f} s: {rate:.1f} articles/s, "
            f"{rate / ceiling:.0%} of its NER ceiling"
        )


if __name__ == "__main__":
    main()
