"""Speed and memory of the near-duplicate and story stages on N generated articles.

    .venv/bin/python bench/bench_dedup.py --articles 100000 --repeat 3

Each stage runs in a fresh subprocess per repetition, so its peak RSS is its own (the baseline, after
imports and the generated input, is printed beside it). Articles: 250-700 words drawn from a 30,000-word
Zipf vocabulary with names, 5% near-duplicate copies (light edits), spread over 14 days; entities: 15-30
per article from a Zipf pool of 40,000, with events sharing a small set.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generate(n: int, seed: int = 0):
    import polars as pl

    from transforms.normalise import content_hash

    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(30_000)]
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    start = datetime(2026, 11, 14)
    rows, entity_rows = [], []
    events = [[f"e{rng.randrange(40_000)}" for _ in range(6)] for _ in range(max(1, n // 8))]
    for i in range(n):
        if i and rng.random() < 0.05:  # a light edit of an earlier article
            source = rows[rng.randrange(len(rows))]
            words = source["body"].split()
            for _ in range(rng.randint(1, 8)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            body, title, event = " ".join(words), source["title"], source["_event"]
        else:
            length = rng.randint(250, 700)
            body = " ".join(rng.choices(vocabulary, weights=weights, k=length))
            title = " ".join(rng.choices(vocabulary[:5000], k=8))
            event = rng.randrange(len(events))
        published = start + timedelta(seconds=rng.randrange(14 * 86400))
        rows.append({"article_id": f"a{i:07d}", "title": title, "body": body, "summary": None,
                     "published_at": published, "content_hash": content_hash(title + body),
                     "_event": event})
        ents = set(events[event][: rng.randint(2, 6)])
        ents |= {f"e{min(int(rng.paretovariate(1.1)), 39_999)}" for _ in range(rng.randint(10, 24))}
        entity_rows.extend({"article_id": f"a{i:07d}", "entity_id": e} for e in ents)
    articles = pl.DataFrame(rows).drop("_event")
    return articles, pl.DataFrame(entity_rows)


def run_stage(stage: str, n: int) -> dict:
    import polars as pl

    from transforms.dedupe import KNOWN_SCHEMA, SIGNATURE_SCHEMA, link_duplicates
    from transforms.stories import assign_stories

    articles, entities = generate(n)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if stage == "near_duplicates":
        linked, _ = link_duplicates(articles, pl.DataFrame(schema=KNOWN_SCHEMA),
                                    pl.DataFrame(schema=SIGNATURE_SCHEMA))
        found = linked["duplicate_of"].is_not_null().sum()
    else:
        batch = articles.select("article_id", "published_at", "title",
                                pl.lit(None, pl.String).alias("duplicate_of"))
        no_known = pl.DataFrame(schema={"article_id": pl.String, "published_at": pl.Datetime("us"),
                                        "title": pl.String, "story_id": pl.String})
        no_entities = pl.DataFrame(schema={"article_id": pl.String, "entity_id": pl.String})
        storied, _ = assign_stories(batch, entities, no_known, no_entities)
        found = storied["story_id"].n_unique()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"stage": stage, "seconds": seconds, "baseline_mb": baseline, "peak_mb": peak, "found": int(found)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.articles)))
        return
    print(f"{args.articles:,} generated articles, {args.repeat} runs per stage, "
          f"python {sys.version.split()[0]}")
    for stage in ("near_duplicates", "stories"):
        runs = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--articles", str(args.articles), "--stage", stage]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        seconds = statistics.median(r["seconds"] for r in runs)
        each = ", ".join(f"{r['seconds']:.1f}" for r in runs)
        print(f"{stage:<16} median {seconds:7.1f} s  {args.articles / seconds:9,.0f} articles/s  "
              f"peak RSS {statistics.median(r['peak_mb'] for r in runs):,.0f} MB "
              f"(baseline {statistics.median(r['baseline_mb'] for r in runs):,.0f} MB)  "
              f"found {runs[0]['found']:,}  runs: {each} s")


if __name__ == "__main__":
    main()
