"""The ACLED-compatible CSV export: columns, codebook values, conventions, actor names, pandas round trips."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pandas as pd
import pytest

from sahel_extract.evaluation import acled_actor_options
from sahel_extract.events import cluster_records, write_events
from sahel_extract.normalise.actors import default_catalogue
from sahel_extract.records import AttackRecord
from sahel_extract.writers import (
    ACLED_COLUMNS,
    ALLOWED,
    AcledCsvWriter,
    CsvWriter,
    GeoJsonWriter,
    JsonlWriter,
    acled_event_row,
    acled_row,
    writer_for,
)
from sahel_extract.writers.acled_actors import actor_table, catalogue_side
from sahel_extract.writers.acled_codebook import acled_types, fatalities

ROOT = Path(__file__).resolve().parents[1]
#: Fields of the ACLED evaluation file that are not ACLED columns (the note is ACLED's ``notes``).
NOT_ACLED = {"text", "is_negative", "text_date_cue", "origin"}
#: The evaluation file calls ACLED's event id ``id``.
RENAMED = {"id": "event_id_cnty"}


def record(**fields) -> AttackRecord:
    base = {"id": "r1", "source": {"article_id": "a1", "publisher": "Reuters", "published": "2025-06-03"},
            "place": {"name": "Boulkessi", "admin1": "Mopti", "country": "Mali", "country_code": "ML",
                      "lat": 14.8, "lon": -1.3, "precision": "exact"},
            "date": {"value": "2025-06-02", "earliest": "2025-06-02", "latest": "2025-06-02", "precision": "day"}}
    return AttackRecord.model_validate({**base, **fields})


def killed(low, high=None, mention="killed"):
    return {"min": low, "max": high, "mention": mention}


@pytest.fixture(scope="module")
def records(pipeline):
    items = [r for r in pipeline.run(ROOT / "data" / "raw") if isinstance(r, AttackRecord)]
    assert items
    return items


@pytest.fixture(scope="module")
def exported(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("acled") / "attacks.csv"
    with writer_for(path, format="acled") as out:
        out.write_all(records)
    return path


def _dev_rows(shared) -> list[dict]:
    with open(shared / "eval" / "acled_dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _dev_columns(rows: list[dict]) -> list[str]:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    return [RENAMED.get(k, k) for k in keys if k not in NOT_ACLED]


# --- the file -------------------------------------------------------------------------------------------


def test_export_of_data_raw_loads_with_pandas(records, exported):
    frame = pd.read_csv(exported)
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == len(records)
    assert list(frame["event_id_cnty"]) == [r.id for r in records]
    assert frame["fatalities"].dtype.kind == "i" and frame["year"].dtype.kind == "i"


def test_columns_are_a_superset_of_acled_dev(shared):
    columns = _dev_columns(_dev_rows(shared))
    assert set(columns) <= set(ACLED_COLUMNS), set(columns) - set(ACLED_COLUMNS)
    for required in ("event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
                     "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                     "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
                     "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
                     "tags", "timestamp", "event_id_cnty"):
        assert required in ACLED_COLUMNS


def test_dev_uses_only_allowed_codes(shared):
    """The allowed values are ACLED's: every coded value of the ACLED sample is among them."""
    for row in _dev_rows(shared):
        assert row["sub_event_type"] in ALLOWED["event_type"][row["event_type"]]
        assert row["time_precision"] in ALLOWED["time_precision"]
        assert row["geo_precision"] in ALLOWED["geo_precision"]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def check_allowed(row: dict) -> None:
    assert row["sub_event_type"] in ALLOWED["event_type"][row["event_type"]], row
    assert row["disorder_type"] in ALLOWED["disorder_type"]
    assert int(row["inter1"]) in ALLOWED["inter1"] and int(row["inter2"]) in ALLOWED["inter2"]
    assert int(row["interaction"]) in ALLOWED["interaction"]
    low, high = sorted((int(row["inter1"]), int(row["inter2"])))
    assert int(row["interaction"]) == (int(f"{low}{high}") if low else high * 10)
    assert int(row["time_precision"]) in ALLOWED["time_precision"]
    assert int(row["geo_precision"]) in ALLOWED["geo_precision"]
    targeting = "" if _missing(row["civilian_targeting"]) else row["civilian_targeting"]
    assert targeting in ALLOWED["civilian_targeting"]
    assert all(part in ALLOWED["source_scale"] for part in row["source_scale"].split("-"))
    assert dt.date.fromisoformat(row["event_date"]).year == int(row["year"])
    assert int(row["fatalities"]) >= 0 and not _missing(row["actor1"]) and row["notes"].endswith(".")
    if row["event_type"] == "Violence against civilians":
        assert int(row["inter2"]) == 7 and targeting == "Civilian targeting"
    if row["event_type"] == "Battles":
        assert not _missing(row["actor2"])
    if _missing(row["actor2"]):
        assert int(row["inter2"]) == 0


def test_every_exported_row_uses_allowed_values(exported):
    frame = pd.read_csv(exported)
    for row in frame.to_dict("records"):
        check_allowed(row)


def test_events_export_of_data_raw_one_row_per_event(shared, records, tmp_path):
    """``sahel-extract events --format acled``: one row per event, the same columns and codes."""
    events = cluster_records(records)
    path = tmp_path / "events.csv"
    assert write_events([e.model_dump_json() for e in events], path, "acled") == len(events)
    frame = pd.read_csv(path)
    assert list(frame.columns) == ACLED_COLUMNS and set(_dev_columns(_dev_rows(shared))) <= set(frame.columns)
    assert list(frame["event_id_cnty"]) == [e.id for e in events]
    for row in frame.to_dict("records"):
        check_allowed(row)
    for event, row in zip(events, frame.to_dict("records"), strict=True):  # every source's outlet is named
        assert all(s.publisher in row["source"] for s in event.sources if s.publisher)
        assert row["fatalities"] == acled_event_row(event)["fatalities"]


def test_export_concatenates_with_acled_rows(shared, exported):
    rows = _dev_rows(shared)
    columns = _dev_columns(rows)
    dev = pd.DataFrame(rows).rename(columns=RENAMED)[columns]
    ours = pd.read_csv(exported)
    both = pd.concat([dev, ours], ignore_index=True)
    assert list(both.columns)[:len(columns)] == columns and set(both.columns) == set(ACLED_COLUMNS)
    assert len(both) == len(dev) + len(ours)
    for column in columns:
        assert both[column].iloc[:len(dev)].notna().sum() == dev[column].notna().sum()
        assert both[column].iloc[len(dev):].notna().sum() == ours[column].notna().sum()
    assert both["fatalities"].dtype.kind == "i" and both["latitude"].dtype.kind == "f"


def test_the_export_is_deterministic_and_atomic(records, exported, tmp_path):
    again = tmp_path / "again.csv"
    with AcledCsvWriter(again) as out:
        out.write_all(records)
    assert again.read_bytes() == exported.read_bytes()
    broken = tmp_path / "broken.csv"
    with pytest.raises(RuntimeError), AcledCsvWriter(broken) as out:
        out.write(records[0])
        raise RuntimeError("interrupted")
    assert not broken.exists() and not list(tmp_path.glob(".broken.csv.*"))


def test_writer_for_by_format_and_suffix(tmp_path):
    assert isinstance(writer_for(tmp_path / "a.csv", format="acled"), AcledCsvWriter)
    assert isinstance(writer_for(tmp_path / "a.csv"), CsvWriter)
    assert isinstance(writer_for(tmp_path / "a.geojson"), GeoJsonWriter)
    assert isinstance(writer_for(tmp_path / "a.jsonl"), JsonlWriter)
    assert isinstance(writer_for(tmp_path / "a.out", format="csv"), CsvWriter)
    with pytest.raises(ValueError, match="acled"):
        writer_for(tmp_path / "a.csv", format="xlsx")


# --- codings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("event_type, target, kind, texts, expected", [
    ("armed_clash", "militants", "state_forces", [], ("Battles", "Armed clash")),
    ("attack", "military", "jihadist", [], ("Battles", "Armed clash")),
    ("attack", "police", "unidentified", [], ("Battles", "Armed clash")),
    ("attack", "civilians", "jihadist", [], ("Violence against civilians", "Attack")),
    ("attack", "officials", "jihadist", [], ("Violence against civilians", "Attack")),
    ("attack", None, "jihadist", [], ("Violence against civilians", "Attack")),
    ("attack", None, "state_forces", [], ("Battles", "Armed clash")),
    ("massacre", "civilians", "militia", [], ("Violence against civilians", "Attack")),
    ("abduction", "civilians", "jihadist", [], ("Violence against civilians", "Abduction/forced disappearance")),
    ("abduction", "military", "jihadist", [], ("Battles", "Armed clash")),
    ("explosion", "military", "unidentified", ["a roadside bomb hit the convoy"],
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("explosion", "civilians", "jihadist", ["Shells fell on the city"],
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("explosion", "military", "jihadist", ["des tirs d'obus ont visé le camp"],
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("suicide_bombing", "civilians", "jihadist", [], ("Explosions/Remote violence", "Suicide bomb")),
    ("air_strike", "militants", "state_forces", [], ("Explosions/Remote violence", "Air/drone strike")),
    ("other", None, None, [], ("Strategic developments", "Other")),
])
def test_event_types(event_type, target, kind, texts, expected):
    disorder, acled_type, sub_event = acled_types(event_type, target, kind, texts)
    assert (acled_type, sub_event) == expected
    assert sub_event in ALLOWED["event_type"][acled_type] and disorder in ALLOWED["disorder_type"]


@pytest.mark.parametrize("casualties, expected", [
    ({"killed": killed(24, None, "killed dozens of villagers")}, 12),
    ({"killed": killed(24, None, "des dizaines de civils tués")}, 10),
    ({"killed": killed(200, None, "hundreds of people were killed")}, 100),
    ({"killed": killed(15, None, "at least 15 people were killed")}, 15),
    ({"killed": killed(6, 20, "the army said six were killed; locals said 20 died")}, 6),
    ({"killed": killed(10, 10), "attackers_killed": killed(4, 4, "four assailants were killed")}, 14),
    ({"killed": killed(None, 30, "nearly 30 people")}, 0),
    ({"wounded": killed(5, 5)}, 0),
    ({}, 0),
])
def test_fatalities_convention(casualties, expected):
    assert fatalities(casualties) == expected
    assert acled_row(record(casualties=casualties))["fatalities"] == expected


def test_the_notes_sentence():
    row = acled_row(record(actor={"name": "JNIM", "kind": "jihadist"}, target={"category": "military"},
                           casualties={"killed": killed(31, None, "at least 31 soldiers were killed")}))
    assert row["notes"] == ("On 2 June 2025, JNIM militants attacked soldiers in Boulkessi (Mopti, Mali), "
                            "killing at least 31 soldiers, according to Reuters.")
    row = acled_row(record(event_type="air_strike", actor={"name": "FAMa", "kind": "state_forces"},
                           target={"category": "militants"},
                           casualties={"killed": killed(24, None, "neutralised dozens of terrorists")},
                           date={"earliest": "2025-10-01", "latest": "2025-10-31", "precision": "month"},
                           source={"article_id": "a", "publisher": "Studio Tamani", "published": "2025-10-20",
                                   "attributed_to": ["army", "Reuters"]}))
    assert row["notes"] == ("In October 2025, FAMa carried out an air strike on militants in Boulkessi (Mopti, "
                            "Mali), killing dozens of militants, according to Studio Tamani, citing the army "
                            "and Reuters.")
    assert (row["fatalities"], row["time_precision"], row["event_date"]) == (12, 3, "2025-10-01")
    assert (row["source"], row["source_scale"]) == ("Studio Tamani; army; Reuters", "National-International")


def test_a_record_row():
    row = acled_row(record(actor={"name": "ISGS", "kind": "jihadist"}, target={"category": "officials"},
                           place={"name": "Tillabéri", "admin1": "Tillabéri", "country": "Niger",
                                  "country_code": "NE", "precision": "admin"},
                           date={"value": None, "earliest": "2025-05-12", "latest": "2025-05-18",
                                 "precision": "week"},
                           source={"article_id": "a", "publisher": None, "published": "2025-05-20"}))
    check_allowed(row)
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Islamic State (Sahel)", 2, "Civilians (Niger)", 7, 27)
    assert row["assoc_actor_2"] == "Government of Niger (2023-)"
    assert (row["country"], row["iso"], row["region"], row["admin1"], row["location"]) == (
        "Niger", 562, "Western Africa", "Tillaberi", "Tillaberi")
    assert (row["geo_precision"], row["time_precision"], row["event_date"], row["year"]) == (3, 2, "2025-05-12", 2025)
    assert (row["source"], row["source_scale"], row["latitude"]) == (None, "Other", None)


def test_a_target_naming_a_catalogue_actor():
    row = acled_row(record(actor={"name": "Ansarul Islam", "kind": "jihadist"},
                           target={"category": "military", "mention": "eleven soldiers and six VDP"},
                           place={"name": "Titao", "admin1": "Nord", "country": "Burkina Faso",
                                  "country_code": "BF", "precision": "exact"}))
    assert (row["event_type"], row["actor1"], row["actor2"], row["assoc_actor_2"]) == (
        "Battles", "Ansaroul Islam", "Military Forces of Burkina Faso (2022-)",
        "VDP: Volunteer for Defense of Homeland")
    row = acled_row(record(event_type="armed_clash", actor={"name": "FAMa", "kind": "state_forces"},
                           target={"category": "militants", "mention": "fighters of the Islamic State Sahel Province"}))
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Islamic State (Sahel)", 2, 12)


def test_an_event_row():
    event = {
        "id": "ev1", "event_type": "attack", "records": ["r1", "r2"],
        "actor": {"name": "JNIM", "kind": "jihadist"}, "target": {"category": "military"},
        "place": {"name": "Djibo", "admin1": "Sahel", "country": "Burkina Faso", "country_code": "BF",
                  "lat": 14.1, "lon": -1.63, "precision": "exact"},
        "date": {"value": "2025-02-01", "earliest": "2025-02-01", "latest": "2025-02-01", "precision": "day"},
        "casualties": {"killed": {"min": 10, "max": 40}},
        "sources": [
            {"article_id": "a1", "url": None, "publisher": "Burkina24", "published": "2025-02-03",
             "casualties": {"killed": {"min": 40, "max": 40, "mention": "40 soldiers were killed"}}},
            {"article_id": "a2", "url": None, "publisher": "AFP", "published": "2025-02-02",
             "casualties": {"killed": {"min": 10, "max": 10, "mention": "ten soldiers died"},
                            "attackers_killed": {"min": 24, "max": None, "mention": "dozens of assailants"}}},
            {"article_id": "a3", "url": None, "publisher": "Burkina24", "published": "2025-02-04",
             "casualties": {}},
        ],
    }
    row = acled_event_row(event)
    check_allowed(row)
    assert (row["event_id_cnty"], row["fatalities"], row["source"], row["source_scale"]) == (
        "ev1", 22, "Burkina24; AFP", "National-International")
    assert row["actor2"] == "Military Forces of Burkina Faso (2022-)" and row["event_type"] == "Battles"
    assert row["notes"].startswith("On 1 February 2025, JNIM militants attacked soldiers in Djibo (Sahel, "
                                   "Burkina Faso), killing between 10 and 40 soldiers")
    assert row["timestamp"] == int(dt.datetime(2025, 2, 4, tzinfo=dt.UTC).timestamp())
    assert acled_event_row(dict(event, sources=[]))["fatalities"] == 10


# --- actor names -----------------------------------------------------------------------------------------


def test_every_catalogue_actor_has_an_entry():
    table = actor_table()["actors"]
    assert {e.name for e in default_catalogue().entries} <= set(table)
    for entry in table.values():
        assert entry["inter"] in ALLOWED["inter1"] and entry["acled"]


@pytest.mark.parametrize("day", [dt.date(2016, 6, 1), dt.date(2020, 12, 1), dt.date(2025, 6, 1)])
def test_acled_names_map_back_to_the_catalogue(day):
    """The evaluation's reading of ACLED names (``acled_actor_options``) gives back each catalogue actor
    from the name exported for it (umbrella names: a branch of the same affiliation)."""
    catalogue, table = default_catalogue(), actor_table()["actors"]
    for entry in catalogue.entries:
        if table[entry.name].get("equivalent") is False:
            continue
        side = catalogue_side(entry.name, {"country_code": entry.countries[0]}, day)
        back = [o for name in (side.actor, *side.assoc) for o in acled_actor_options(name, catalogue)]
        if entry.name in ("Islamic State", "al-Qaeda"):
            assert any(o and catalogue.get(o).affiliation == entry.affiliation for o in back), (entry.name, side)
        else:
            assert entry.name in back, (entry.name, side, back)


@pytest.mark.parametrize("name, country, day, expected", [
    ("JNIM", "BF", "2025-06-01", "JNIM: Group for Support of Islam and Muslims"),
    ("ISGS", "NE", "2018-05-01", "Islamic State (Greater Sahara)"),
    ("ISGS", "ML", "2021-01-10", "Islamic State (West Africa) - Greater Sahara Faction"),
    ("ISGS", "ML", "2025-06-01", "Islamic State (Sahel)"),
    ("Islamic State", "NG", "2025-06-01", "Islamic State (West Africa)"),
    ("Islamic State", "BF", "2025-06-01", "Islamic State (Sahel)"),
    ("FAMa", "ML", "2019-06-01", "Military Forces of Mali (2013-2020)"),
    ("FAMa", "ML", "2021-01-09", "Military Forces of Mali (2020-2021)"),
    ("FAMa", "ML", "2025-06-01", "Military Forces of Mali (2021-)"),
    ("Malian Police", "ML", "2025-06-01", "Police Forces of Mali (2021-)"),
    ("Malian Gendarmerie", "ML", "2025-06-01", "Police Forces of Mali (2021-) Gendarmerie"),
    ("Niger Gendarmerie", "NE", "2019-06-01", "Military Forces of Niger (2011-2021) Gendarmerie"),
    ("Burkina Faso Armed Forces", "BF", "2019-06-01", "Military Forces of Burkina Faso (2015-2022)"),
    ("Barkhane", "ML", "2019-06-01", "Military Forces of France (2017-)"),
    ("Dozo", "BF", "2025-06-01", "Dozo Communal Militia (Burkina Faso)"),
    ("Wagner Group", "ML", "2022-06-01", "Wagner Group"),
])
def test_acled_actor_names(name, country, day, expected):
    assert catalogue_side(name, {"country_code": country}, dt.date.fromisoformat(day)).actor == expected


def test_unidentified_and_civilian_sides():
    row = acled_row(record(actor={"name": None, "kind": "unidentified"}, target={"category": "civilians"},
                           place={"name": "Mandouri", "country": "Togo", "country_code": "TG", "precision": "exact"}))
    assert (row["actor1"], row["inter1"], row["actor2"], row["interaction"]) == (
        "Unidentified Armed Group (Togo)", 3, "Civilians (Togo)", 37)
    row = acled_row(record(event_type="explosion", actor={"name": None, "kind": "unidentified"},
                           target={"category": None}, place={"precision": "unresolved"}))
    assert (row["actor1"], row["actor2"], row["inter2"], row["interaction"], row["geo_precision"]) == (
        "Unidentified Armed Group (International)", None, 0, 30, 3)
    check_allowed(row)
