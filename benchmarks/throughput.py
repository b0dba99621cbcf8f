"""Throughput and memory of the whole pipeline (ingest to JSONL) on a folder of articles.

Usage:  python benchmarks/throughput.py [--articles 2000] [--workers 1 2] [--models default blank]

The articles are the project's own texts (data/raw and data/gold), repeated with a counter in the text so
that every article is distinct, written as one JSONL file (the format of large archives). For each model and
worker count the script runs ``sahel-extract run`` in a fresh process and prints articles/s, words/s,
records written and the peak resident memory of the process and its workers (from ``resource``).
Figures depend on the machine; the README gives the ones measured on the project's 2-core CI machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, out: Path) -> int:
    """Write n distinct articles as JSONL; returns the number of words."""
    sys.path.insert(0, str(ROOT / "src"))
    from sahel_extract.ingest import iter_articles

    texts = [a for a in iter_articles([ROOT / "data" / "raw"]) if hasattr(a, "text")]
    with (ROOT / "data" / "gold" / "gold.jsonl").open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh]
    base = [(a.title, a.text, a.published.isoformat() if a.published else None) for a in texts]
    base += [(g["title"], g["text"], g["published"]) for g in gold]
    words = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            title, text, published = base[i % len(base)]
            text = f"{text}\n\n(Archive copy {i}.)"
            words += len(text.split())
            fh.write(json.dumps({"title": title, "text": text, "published": published}) + "\n")
    return words


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def run(path: Path, model: str, workers: int, out: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of one run, measured in a fresh process of its own."""
    command = [sys.executable, "-m", "sahel_extract.cli", "run", str(path), "-o", str(out), "--model", model,
               "--workers", str(workers), "--quiet"]
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, peak_mb = map(float, result.stdout.split())
    return seconds, peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--models", nargs="+", default=["default", "blank"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "archive.jsonl"
        words = corpus(args.articles, data)
        print(f"{args.articles:,} articles, {words:,} words ({words / args.articles:.0f} per article)")
        print(f"{'model':<9} {'workers':>7} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'records':>8} "
              f"{'peak MB':>8}")
        for model in args.models:
            for workers in args.workers:
                out = Path(tmp) / f"out-{model}-{workers}.jsonl"
                seconds, peak = run(data, model, workers, out)
                records = sum(1 for _ in out.open(encoding="utf-8"))
                print(f"{model:<9} {workers:>7} {seconds:>8.1f} {args.articles / seconds:>11.1f} "
                      f"{words / seconds:>9.0f} {records:>8,} {peak:>8.0f}")
    print("peak MB: the largest resident set of any one process of the run (the main process or a worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
