"""Issue 15's peer figures in one command: the shared peer kit (newsetl beside the dlt peer, same corpus, same
loopback server, latency 0 and 20 ms), then newsetl's own NER ceiling on each cold run's texts, and the
ratios the issue asks for.

    .venv/bin/python bench/bench_peers.py [--articles 1000] [--latencies "0 20"] [--peers "newsetl dlt"]
                                          [--data DIR] [--kit DIR] [--venv DIR]

--kit is the peer kit (default: ../shared/peers beside this checkout, or $PEERS_KIT); --venv its virtual
environment (default: $PEERS_VENV, else DIR/venv, made with the kit's setup_venv.sh when missing). The kit
writes DIR/results.jsonl and DIR/table.md; this prints, per latency: each peer's cold articles/s and peak
memory, newsetl's ratio to the dlt peer, newsetl's NER ceiling (bench/bench_ner_ceiling.py on the texts of
its cold run, NEWSETL_NER_PROCESSES processes, their start included) and its share of it, and the warm
re-poll's wall time. Set PREFECT_API_URL to a running server to measure runs that pay no server start.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def kit_results(data: Path) -> dict[tuple[float, str, str], dict]:
    """(latency ms, peer, phase) -> the kit's result row."""
    rows = [json.loads(line) for line in (data / "results.jsonl").read_text().splitlines() if line.strip()]
    return {(r["latency_ms"], r["peer_key"], r["phase"]): r for r in rows}


def ner_ceiling(warehouse: Path) -> tuple[int, float]:
    """(texts, seconds) of newsetl's NER alone on the texts of `warehouse`'s articles."""
    from bench.bench_ner_ceiling import ner_seconds, run_texts
    from newsetl.config import Settings

    settings = Settings.from_env()
    texts = run_texts(warehouse)
    return len(texts), ner_seconds(texts, settings.spacy_model, settings.ner_processes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--latencies", default="0 20")
    parser.add_argument("--peers", default="newsetl dlt")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--kit", type=Path,
                        default=Path(os.environ.get("PEERS_KIT", ROOT.parent / "shared" / "peers")))
    parser.add_argument("--venv", type=Path, default=None)
    args = parser.parse_args()
    data = (args.data or Path(tempfile.mkdtemp(prefix="newsetl-peers-"))).resolve()
    data.mkdir(parents=True, exist_ok=True)
    venv = (args.venv or Path(os.environ.get("PEERS_VENV", data / "venv"))).resolve()
    if not (venv / "bin" / "python").exists():
        subprocess.run(["bash", str(args.kit / "setup_venv.sh"), str(venv)], check=True)
    env = dict(os.environ, NEWSETL_PROJECT=str(ROOT), PEERS_VENV=str(venv), PEERS_LIST=args.peers,
               PEERS_LATENCIES=args.latencies, PEERS_ARTICLES=str(args.articles))
    subprocess.run(["bash", str(args.kit / "run_all.sh"), str(data)], env=env, check=True)

    results = kit_results(data)
    print(f"\n== issue 15 figures: {args.articles} articles, peers {args.peers}; data {data}")
    for latency in (float(x) for x in args.latencies.split()):
        ours, dlt = results.get((latency, "newsetl", "cold")), results.get((latency, "dlt", "cold"))
        warm = results.get((latency, "newsetl", "warm"))
        print(f"-- latency {latency:g} ms")
        for name, row in (("newsetl", ours), ("dlt", dlt)):
            if row and not row.get("failed"):
                tree = f", whole tree {row['peak_tree_rss_mb']:.0f} MB" if "peak_tree_rss_mb" in row else ""
                print(f"   {name:8} cold {row['articles_per_s']:6.2f} articles/s ({row['articles_loaded']} "
                      f"in {row['wall_s']:.1f} s), largest process {row['peak_rss_mb']:.0f} MB{tree}")
        if ours and dlt and not ours.get("failed") and not dlt.get("failed") and dlt["articles_per_s"]:
            print(f"   newsetl / dlt: {ours['articles_per_s'] / dlt['articles_per_s']:.2f}x (target >= 2x)")
        if ours and not ours.get("failed"):
            texts, seconds = ner_ceiling(data / "runs" / f"lat{latency:g}" / "newsetl.duckdb")
            ceiling = texts / seconds
            print(f"   newsetl NER ceiling: {texts} texts in {seconds:.1f} s = {ceiling:.2f} articles/s; "
                  f"the run made {ours['articles_per_s'] / ceiling:.0%} of it (target >= 90%)")
        if warm and not warm.get("failed"):
            server = "PREFECT_API_URL set" if os.environ.get("PREFECT_API_URL") else "temporary server"
            print(f"   newsetl re-poll (warm, all feeds unchanged): {warm['wall_s']:.2f} s, {server} "
                  "(target <= 2 s with a Prefect server up)")


if __name__ == "__main__":
    main()
