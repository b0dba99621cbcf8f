"""Cross-article event clustering on the events gold set: pairwise precision and recall over article pairs.

Usage:  python benchmarks/events_clustering.py [--articles data/events_gold/articles.jsonl] [--model default]
                                               [--gazetteer PATH] [--records RECORDS.jsonl] [--save-records PATH]
                                               [--json report.json] [--quiet]

The gold file has one article per line: ``id``, ``cluster`` (the attack it reports; articles sharing a cluster
report the same attack), ``title``, ``text``, ``published``, ``publisher``, ``url``, and ``attack`` (the gold
place, country code, date, actor and killed span of that attack), ``note``.

The pipeline runs over every article (published on its own date), ``sahel_extract.events.cluster_records``
clusters all the records, and two articles are

- a predicted positive pair when one record of the first and one of the second fall into the same event;
- a gold positive pair when they share a cluster.

Printed: pairwise precision, recall and F1 (target: both >= 0.90), the counts, then for every gold cluster
with an error the events its articles went to, and for each article in an error its records (place,
precision, date, actor, type) beside the gold attack, flagged where the record's own place or date is
wrong: an error that comes from the extraction, not from the clustering. ``--records`` skips the pipeline
and reads records already extracted (``--save-records`` writes them); ``--oracle`` clusters one record per
article built from its gold attack (the gazetteer's entry for the gold place, the gold day, actor and
toll), which measures the similarity rule apart from the extraction.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.90


def load_articles(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def extract(rows: list[dict], model: str, gazetteer: str | None) -> dict[str, list]:
    """Records per gold article id, from the pipeline."""
    import sahel_extract as sx
    from sahel_extract.ingest import make_article
    from sahel_extract.ingest.dates import parse_published

    pipe = sx.Pipeline(model=model, gazetteer=gazetteer)
    articles = [make_article(r["text"], title=r.get("title"), url=r.get("url"), publisher=r.get("publisher"),
                             published=parse_published(r.get("published")), path=str(r["id"]), line=i + 1)
                for i, r in enumerate(rows)]
    out: dict[str, list] = {str(r["id"]): [] for r in rows}
    for item in pipe.process_articles(articles):
        records = getattr(item, "records", None)
        if records is None:
            print(f"warning: {getattr(item, 'path', '?')}: {getattr(item, 'reason', '?')}", file=sys.stderr)
            continue
        out[rows[item.article.line - 1]["id"]] = list(records)
    return out


def oracle_records(rows: list[dict], gazetteer: str | None) -> dict[str, list]:
    """One record per article made from its gold ``attack`` (place looked up in the gazetteer, the gold day,
    actor and toll): the clustering measured on records with no extraction error."""
    from sahel_extract.places import load_gazetteer, lookup
    from sahel_extract.records import Actor, AttackRecord, Casualties, Count, EventDate, Place, Source

    gaz = load_gazetteer(gazetteer)
    out: dict[str, list] = {}
    for r in rows:
        g = r.get("attack") or {}
        found = lookup(g["place"], gaz, country=g.get("country_code"), limit=1)
        e = found[0][0] if found else None
        place = (Place(name=e.name, mention=g["place"], admin1=e.admin1, admin2=e.admin2, country_code=e.country_code,
                       lat=e.lat, lon=e.lon, gazetteer_id=e.id, precision="exact") if e else
                 Place(name=g["place"], mention=g["place"], country_code=g.get("country_code")))
        killed = g.get("killed") or {}
        out[str(r["id"])] = [AttackRecord(
            id=f"oracle-{r['id']}", actor=Actor(name=g.get("actor"), kind=None if g.get("actor") else "unidentified"),
            place=place, date=EventDate(value=g["date"], earliest=g["date"], latest=g["date"], precision="day"),
            casualties=Casualties(killed=Count(min=killed.get("min"), max=killed.get("max")) if killed else None),
            source=Source(article_id=str(r["id"]), path=str(r["id"]), url=r.get("url"), title=r.get("title"),
                          publisher=r.get("publisher"), published=r.get("published")))]
    return out


def pairs(groups: list[set[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(sorted(g), 2)}


def prf(pred: set, gold: set) -> dict[str, float | int | None]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else None
    r = tp / len(gold) if gold else None
    f = 2 * p * r / (p + r) if p and r else None
    return {"tp": tp, "predicted": len(pred), "gold": len(gold), "precision": p, "recall": r, "f1": f}


def _fold(text: str | None) -> str:
    from sahel_extract.textnorm import fold

    return fold(text or "").replace(" ", "")


def record_flags(record, gold: dict) -> list[str]:
    """Where a record disagrees with its article's gold attack (place name, country, day)."""
    flags = []
    place = record.place
    names = {_fold(place.name), _fold(place.mention)}
    if _fold(gold.get("place")) not in names:
        flags.append(f"place {place.name!r} ({place.precision}) != gold {gold.get('place')!r}")
    if gold.get("country_code") and place.country_code and place.country_code != gold["country_code"]:
        flags.append(f"country {place.country_code} != {gold['country_code']}")
    day = gold.get("date")
    if day and record.date.value != day and not (record.date.earliest and record.date.latest and
                                                 record.date.earliest <= day <= record.date.latest):
        flags.append(f"date {record.date.value or (record.date.earliest, record.date.latest)} != gold {day}")
    actor = gold.get("actor")
    if actor and record.actor.name and record.actor.name != actor:
        flags.append(f"actor {record.actor.name} != gold {actor}")
    return flags


def describe(record) -> str:
    d = record.date
    day = d.value or (f"{d.earliest}..{d.latest}" if d.earliest or d.latest else "undated")
    return (f"{record.place.name} [{record.place.precision}, {record.place.country_code}] {day} "
            f"actor={record.actor.name} type={record.event_type}")


#: Cluster pairs of the gold set that are near misses (data/events_gold/README.md): same place or same day,
#: separate attacks.
NEAR_MISSES = {frozenset(p) for p in [("C01", "C02"), ("C19", "C20"), ("C05", "C06"), ("C15", "C16"),
                                      ("C17", "C18"), ("C03", "C04"), ("C11", "C12"), ("C13", "C14"),
                                      ("C07", "C08"), ("C09", "C10")]}


def main_records(rows: list[dict], records: dict[str, list], by_gold: bool) -> dict[str, object]:
    """Each article's main record: the best match to its gold attack (``by_gold``), else the most confident."""
    out = {}
    for r in rows:
        recs = records[str(r["id"])]
        if recs:
            def key(rec, gold=r.get("attack") or {}):
                flags = record_flags(rec, gold) if by_gold else []
                return (not any(f.startswith("place") for f in flags), not any(f.startswith("date") for f in flags),
                        rec.confidence)
            out[str(r["id"])] = max(recs, key=key)
    return out


def error_causes(fps: set, fns: set, main: dict, by_id: dict) -> dict[str, int]:
    """Wrong pairs (false positives, false negatives) by the first cause found on their two articles: an
    article with no record, a main record whose place, date or actor is not the gold attack's (extraction),
    else the similarity rule itself."""
    out: dict[str, int] = defaultdict(int)
    for kind, wrong in (("FP", fps), ("FN", fns)):
        for pair in sorted(wrong):
            flags = [f for a in pair if a in main for f in record_flags(main[a], by_id[a].get("attack") or {})]
            cause = ("no record" if any(a not in main for a in pair) else
                     "extraction: place" if any(f.startswith(("place", "country")) for f in flags) else
                     "extraction: date" if any(f.startswith("date") for f in flags) else
                     "extraction: actor" if any(f.startswith("actor") for f in flags) else "similarity")
            out[f"{kind} {cause}"] += 1
    return dict(sorted(out.items()))


def bcubed(assign: dict[str, int | str], cluster_of: dict[str, str]) -> tuple[float, float]:
    p = r = 0.0
    for a in cluster_of:
        same_pred = {b for b in cluster_of if assign[b] == assign[a]}
        same_gold = {b for b in cluster_of if cluster_of[b] == cluster_of[a]}
        p += len(same_pred & same_gold) / len(same_pred)
        r += len(same_pred & same_gold) / len(same_gold)
    return p / len(cluster_of), r / len(cluster_of)


def _line(name: str, scores: dict, near: int, extra: str = "") -> str:
    def f(v):
        return f"{v:.3f}" if v is not None else "  -  "
    return (f"{name:<34} P {f(scores['precision'])}  R {f(scores['recall'])}  F1 {f(scores['f1'])}  "
            f"pairs {scores['tp']}/{scores['predicted']} of {scores['gold']}  near-miss merged {near}{extra}")


def report(rows: list[dict], records: dict[str, list], events: list, quiet: bool = False) -> dict:
    by_id = {str(r["id"]): r for r in rows}
    cluster_of = {str(r["id"]): str(r["cluster"]) for r in rows}
    article_of = {rec.id: aid for aid, recs in records.items() for rec in recs}
    event_of_record = {rid: k for k, e in enumerate(events) for rid in e.records}
    event_articles = [{article_of[rid] for rid in e.records if rid in article_of} for e in events]
    clusters: dict[str, set[str]] = defaultdict(set)
    for a, c in cluster_of.items():
        clusters[c].add(a)
    gold = pairs(list(clusters.values()))
    pred = pairs(event_articles)
    scores = prf(pred, gold)
    fp, fn = sorted(pred - gold), sorted(gold - pred)

    def near(fps):
        return sum(frozenset((cluster_of[a], cluster_of[b])) in NEAR_MISSES for a, b in fps)

    n_records = sum(len(v) for v in records.values())
    no_record = sorted(a for a, v in records.items() if not v)
    print(f"articles {len(rows)}, gold clusters {len(clusters)}, records {n_records}, events {len(events)}, "
          f"articles without a record {len(no_record)}: {', '.join(no_record) or '-'}\n")
    print(_line("any record of each article", scores, near(fp)))
    out: dict = {"any_record": {**scores, "near_miss_merged": near(fp)}}
    for name, by_gold in (("main record = best gold match", True), ("main record = highest confidence", False)):
        main = main_records(rows, records, by_gold)
        assign = {a: event_of_record[main[a].id] if a in main else f"none:{a}" for a in cluster_of}
        groups: dict = defaultdict(set)
        for a, k in assign.items():
            groups[k].add(a)
        mpred = pairs(list(groups.values()))
        msc = prf(mpred, gold)
        bp, br = bcubed(assign, cluster_of)
        print(_line(name, msc, near(mpred - gold), f"  B-cubed P {bp:.3f} R {br:.3f}"))
        out[name] = {**msc, "near_miss_merged": near(mpred - gold), "bcubed": [bp, br]}
        if by_gold:  # the clustering alone: articles whose main record has the gold place and date
            clean = {a for a in main if not any(f.startswith(("place", "date")) for f in
                                                record_flags(main[a], by_id[a].get("attack") or {}))}
            csc = prf({p for p in mpred if set(p) <= clean}, {p for p in gold if set(p) <= clean})
            print(_line(f"  ...{len(clean)} articles with right records", csc,
                        near({p for p in mpred - gold if set(p) <= clean})))
            out["clean_records"] = {**csc, "articles": len(clean)}
            out["error_causes"] = causes = error_causes(mpred - gold, gold - mpred, main, by_id)
            print("  errors by cause (pairs): " + "; ".join(f"{k} {v}" for k, v in causes.items()))
    ok = all(v is not None and v >= TARGET for v in (scores["precision"], scores["recall"]))
    print(f"\ntarget: pairwise precision and recall >= {TARGET:.2f} (any record): {'met' if ok else 'MISSED'}")

    event_of: dict[str, list[int]] = defaultdict(list)
    for k, arts in enumerate(event_articles):
        for a in sorted(arts):
            event_of[a].append(k)
    bad_clusters = sorted({cluster_of[a] for p in fp + fn for a in p})
    details = []
    for cluster in bad_clusters:
        members = sorted(clusters[cluster])
        g = by_id[members[0]].get("attack") or {}
        print(f"\n-- cluster {cluster}: gold {g.get('place')} {g.get('country_code')} {g.get('date')} "
              f"actor={g.get('actor')}  articles {', '.join(members)}")
        for a in members:
            evs = ", ".join(f"E{k}" for k in event_of.get(a, [])) or "-"
            print(f"   {a} ({by_id[a].get('genre')}, {by_id[a].get('language')}, {by_id[a].get('published')}) "
                  f"events {evs}")
            if not records[a]:
                print("      no record")
            for rec in records[a]:
                flags = record_flags(rec, by_id[a].get("attack") or {})
                print(f"      E{event_of_record[rec.id]}: {describe(rec)}" +
                      (f"   << {'; '.join(flags)}" if flags else ""))
        details.append({"cluster": cluster, "articles": members,
                        "events": {a: event_of.get(a, []) for a in members}})
    if fp:
        print("\nfalse positive pairs (article, article: their gold clusters):")
        for a, b in fp:
            print(f"   {a} {b}: {cluster_of[a]} {cluster_of[b]}"
                  f"{'  (near miss)' if frozenset((cluster_of[a], cluster_of[b])) in NEAR_MISSES else ''}")
    if fn and not quiet:
        print("\nfalse negative pairs:")
        for a, b in fn:
            print(f"   {a} {b}: {cluster_of[a]}")
    out.update({"false_positives": fp, "false_negatives": fn, "clusters_with_errors": details,
                "articles_without_record": no_record})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "data" / "events_gold" / "articles.jsonl")
    parser.add_argument("--model", default="default")
    parser.add_argument("--gazetteer", default=None)
    parser.add_argument("--records", type=Path, default=None, help="records JSONL already extracted")
    parser.add_argument("--save-records", type=Path, default=None)
    parser.add_argument("--oracle", action="store_true",
                        help="cluster records made from the gold attacks instead (the clustering alone)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true", help="do not list the false negative pairs")
    args = parser.parse_args(argv)
    if not args.articles.is_file():
        print(f"{args.articles} not found", file=sys.stderr)
        return 2

    from sahel_extract.events import cluster_records, read_records

    rows = load_articles(args.articles)
    start = time.perf_counter()
    if args.oracle:
        records = oracle_records(rows, args.gazetteer)
    elif args.records:
        ids = {str(r["id"]) for r in rows}
        by_url = {r.get("url"): str(r["id"]) for r in rows if r.get("url")}
        records: dict[str, list] = {i: [] for i in ids}
        for rec in read_records([args.records]):
            aid = rec.source.path if rec.source.path in ids else by_url.get(rec.source.url)
            if aid:
                records[aid].append(rec)
    else:
        records = extract(rows, args.model, args.gazetteer)
    extracted = time.perf_counter() - start
    if args.save_records:
        with open(args.save_records, "w", encoding="utf-8") as fh:
            for r in rows:
                for rec in records[str(r["id"])]:
                    fh.write(rec.model_dump_json() + "\n")
    start = time.perf_counter()
    events = cluster_records([rec for recs in records.values() for rec in recs])
    clustered = time.perf_counter() - start
    print(f"events gold: {args.articles} (extraction {extracted:.1f} s, clustering {clustered * 1000:.0f} ms)")
    out = report(rows, records, events, quiet=args.quiet)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
