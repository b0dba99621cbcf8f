"""The fuzz set: 10,000 bad (and good) inputs through ingest and extraction, as ``sahel-extract run`` does.

Usage:  python benchmarks/fuzz.py [--inputs 10000] [--model default|blank] [--seed N] [--skip FAMILY ...]

The inputs come from ``tests/fuzzgen.py`` (binary data, invalid UTF-8, control bytes, empty files, 6 MB
lines, 100,000-deep JSON, JSON of the wrong types, mixed and truncated JSONL, hostile HTML, FIFOs,
symbolic link loops, files removed mid-run, unreadable files and folders, huge valid articles, and good
articles in every format). They are written to a temporary folder and sent through ``Pipeline.process``
with the records and errors written by ``sahel_extract.writers``, inside a file system that removes some
files after the walk listed them and refuses to open the unreadable ones even for root, with every socket
connection refused and recorded. The good inputs are then run alone, and every record they give must be
in the full run. Printed: inputs, crashes (exceptions escaping the run), tracebacks (in logging or stderr),
good articles, good records lost, error records, bad inputs not named in the errors file, leaks (file
contents of /etc/passwd, expanded entities, connection attempts), max CPU seconds per input (ingest plus the
extraction of its articles, ``batch_size=1``), peak memory (``ru_maxrss``) and total time.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import fuzzgen  # noqa: E402

import sahel_extract as sx  # noqa: E402

MEMORY_LIMIT_MB = 500
SECONDS_LIMIT = 5.0


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20250603)
    parser.add_argument("--model", default="default", help="'default' (as the CLI) or 'blank' (rules only)")
    parser.add_argument("--skip", nargs="*", default=[], choices=sorted(fuzzgen.FAMILIES), help="families to leave out")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the inputs (default: a temp dir)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    pipe = sx.Pipeline(model=args.model, batch_size=1)
    pipe.nlp  # noqa: B018 - load the model before measuring
    loaded_mb = rss_mb()
    families: Counter[str] = Counter()
    slow: set[str] = set()
    size = 0

    def cases():  # made and written one at a time: the 10,000 inputs are never all in memory
        nonlocal size
        for case in fuzzgen.iter_build(args.inputs, seed=args.seed, skip=tuple(args.skip)):
            families[case.family] += 1
            size += len(case.data or b"")
            if case.slow:
                slow.add(case.name)
            yield case

    work = Path(tempfile.mkdtemp(prefix="sahel-fuzz-", dir=args.workdir))
    try:
        report, run = fuzzgen.fuzz(pipe, cases(), work, progress=lambda n: print(
            f"  {n:,} items, {time.perf_counter() - start:.0f} s, {rss_mb():.0f} MB", file=sys.__stderr__, flush=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - start
    peak = rss_mb()
    print(f"{sum(families.values()):,} inputs, {size / 1e6:.0f} MB: "
          + ", ".join(f"{f} {n}" for f, n in families.items()))

    def top(values: dict[str, float], huge: bool = True) -> tuple[float, str]:
        return max(((v, p) for p, v in values.items() if huge or Path(p).name not in slow), default=(0.0, "-"))

    worst, worst_bad = top(run.seconds), top(run.seconds, huge=False)
    worst_ingest, worst_ingest_bad = top(run.ingest_seconds), top(run.ingest_seconds, huge=False)
    raisers = sorted(((mb, p) for p, mb in run.raised_mb.items()), reverse=True)[:3]

    rows = [
        ("model", ", ".join(pipe.nlp.pipe_names) or args.model),
        ("inputs", f"{report.inputs:,}"),
        ("crashes", f"{report.crashes:,}"),
        ("tracebacks", f"{report.tracebacks:,}"),
        ("good articles", f"{report.good_articles:,} ({report.good_records:,} records)"),
        ("good records lost", f"{report.good_records_lost:,}"),
        ("error records", f"{report.error_records:,}"),
        ("bad inputs not named", f"{len(report.unnamed_bad_inputs) + len(report.unnamed_bad_lines):,}"),
        ("readable articles not read", f"{len(report.unread_articles):,}"),
        ("leaks (passwd, entities, network)", f"{len(report.leaks):,}"),
        ("max CPU seconds per input", f"{worst[0]:.2f} ({Path(worst[1]).name})"),
        ("  excluding huge articles, flood", f"{worst_bad[0]:.2f} ({Path(worst_bad[1]).name})"),
        ("max ingest CPU seconds per input", f"{worst_ingest[0]:.2f} ({Path(worst_ingest[1]).name})"),
        ("  excluding huge articles, flood", f"{worst_ingest_bad[0]:.2f} ({Path(worst_ingest_bad[1]).name})"),
        ("peak memory (ru_maxrss)", f"{run.peak_mb:.0f} MB at the end of the full run (model loaded: "
                                    f"{loaded_mb:.0f} MB; {peak:.0f} MB with the checks)"),
        ("  raised most by", ", ".join(f"{Path(p).name} +{mb:.0f} MB" for mb, p in raisers) or "-"),
        ("total time", f"{total:.1f} s (full run {run.total_seconds:.1f} s)"),
    ]
    width = max(len(k) for k, _ in rows)
    print()
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print("\nslowest inputs (ingest + extraction; ingest):")
    for seconds, path in report.slowest:
        print(f"  {seconds:7.2f} s  {run.ingest_seconds.get(path, 0.0):6.2f} s  {Path(path).name}")
    if not report.ok:
        print("\nproblems:", report.problems())
    for crash in run.crashes[:3]:
        print("\ncrash:\n" + crash)
    if report.tracebacks:
        at = run.log_text.find("Traceback")
        print("\nfirst traceback in the log:\n" + run.log_text[max(0, at - 300): at + 3000])
    return 1 if not report.ok or run.peak_mb > MEMORY_LIMIT_MB or worst_ingest_bad[0] > SECONDS_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
