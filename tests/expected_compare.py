"""Field-by-field comparison of records with hand-written expected events (shared by the tests)."""

from __future__ import annotations

from sahel_extract.records import AttackRecord


def record_fields(record: AttackRecord) -> dict:
    """The fields an expected event states, taken from a record."""
    c = record.casualties

    def count(x):
        return {"min": x.min, "max": x.max} if x is not None else None

    return {
        "event_type": record.event_type,
        "actor": {"name": record.actor.name, "kind": record.actor.kind, "claimed": record.actor.claimed},
        "target": record.target.category,
        "place": {"name": record.place.name, "country_code": record.place.country_code,
                  "admin1": record.place.admin1, "precision": record.place.precision},
        "date": {"value": record.date.value, "precision": record.date.precision},
        "casualties": {k: count(getattr(c, k)) for k in ("killed", "wounded", "abducted", "attackers_killed")},
        "attributed_to": sorted(record.source.attributed_to),
    }


def expected_fields(event: dict) -> dict:
    out = {k: v for k, v in event.items() if k != "note"}
    out["attributed_to"] = sorted(out.get("attributed_to", []))
    casualties = out["casualties"]
    for k in ("killed", "wounded", "abducted", "attackers_killed"):
        if casualties.get(k) is not None:
            casualties[k] = {"min": casualties[k]["min"], "max": casualties[k]["max"]}
    return out


def differences(records: list[AttackRecord], expected: list[dict]) -> list[str]:
    """Human-readable differences; empty when every field matches."""
    if len(records) != len(expected):
        got = [(r.place.name, r.date.value) for r in records]
        return [f"expected {len(expected)} records, got {len(records)}: {got}"]
    diffs = []
    for i, (record, event) in enumerate(zip(records, expected, strict=True)):
        got, want = record_fields(record), expected_fields(event)
        for key in want:
            if got.get(key) != want[key]:
                diffs.append(f"record {i + 1} {key}: got {got.get(key)!r}, expected {want[key]!r}")
    return diffs
