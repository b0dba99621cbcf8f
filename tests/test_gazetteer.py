"""The full gazetteer tier: building the SQLite index from GeoNames dumps and resolving places with it.

The small dumps below are written by the tests in the GeoNames per-country format (19 tab-separated
columns, no header); the rows are invented but shaped like the real ones. One test builds the real
ML/BF/NE dumps from ../shared/geonames when they are beside the checkout.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zipfile
from pathlib import Path

import pytest

from sahel_extract.places import lookup, resolve_place
from sahel_extract.places.build import ATTRIBUTION, build_gazetteer
from sahel_extract.places.full import FullGazetteer
from sahel_extract.places.geonames import NotAGeoNamesDump, short_admin_name
from sahel_extract.textnorm import fold

GEONAMES = Path(__file__).resolve().parents[1].parent / "shared" / "geonames"


def row(gid: int, name: str, alternates: str, lat: float | str, lon: float, fclass: str, fcode: str, cc: str,
        admin1: str = "", admin2: str = "", population: int = 0, asciiname: str | None = None) -> str:
    """One GeoNames dump line (19 columns)."""
    ascii_name = asciiname if asciiname is not None else name
    cols = [str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, admin2,
            "", "", str(population), "", "300", "Africa/Bamako", "2023-10-04"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


ML_ROWS = [
    row(9100001, "Mopti Region", "Mopti,Region de Mopti,Région de Mopti", 14.5, -3.5, "A", "ADM1", "ML", "04"),
    row(9100002, "Douentza Cercle", "Cercle de Douentza,Douentza", 15.2, -2.6, "A", "ADM2", "ML", "04", "0404"),
    row(9100003, "Douentza", "Duentza,Douentsa,Дуэнтца", 15.00277, -2.94972, "P", "PPLA2", "ML", "04", "0404",
        population=24005),
    row(9100004, "Tiguila", "", 14.62, -2.31, "P", "PPL", "ML", "04", "0404"),
    row(9100005, "Camp de Sévaré", "Sevare Camp,Camp militaire de Sévaré", 14.52, -4.09, "S", "MILB", "ML", "04",
        asciiname="Camp de Sevare"),
    row(9100006, "Puits de Tiguila", "", 14.6, -2.3, "H", "WLL", "ML", "04"),  # a well: not kept
    "9100007\tBroken line\twith too few columns\n",
    row(9100008, "Bad latitude", "", "14.x", -2.0, "P", "PPL", "ML", "04"),
]
BF_ROWS = [
    row(9200001, "Sahel", "Sahel,Sahel Region", 14.0, -0.5, "A", "ADM1", "BF", "12"),
    row(9200002, "Province du Soum", "Province du Soum,Soum,Soum Province", 14.33, -1.25, "A", "ADM2", "BF",
        "12", "40"),
    row(9200003, "Djibo", "Djibo,Dzhibo,Jibo,XDJ,Джибо", 14.0994, -1.62554, "P", "PPLA2", "BF", "12", "40",
        population=61462),
    row(9200004, "Tiguila", "Tiguilla", 13.91, -1.80, "P", "PPL", "BF", "12", "40", population=3100),
    row(9200005, "Essakane", "Essakane Gold Mine", 14.38, -0.07, "S", "MNAU", "BF", "12"),
]
NE_ROWS = [
    row(9300001, "Tillaberi Region", "Tillaberi,Tillabéri", 14.33, 2.08, "A", "ADM1", "NE", "09"),
    row(9300002, "Tillabéri", "Tillabery,Tillabéry,Тиллабери", 14.20711, 1.45418, "P", "PPLA", "NE", "09",
        population=19262, asciiname="Tillaberi"),
    row(9300003, "Ayorou", "Ayoru", 14.73, 0.92, "P", "PPL", "NE", "09", population=6500),
    # GeoNames still codes part of the Tillabéri region under Niamey (admin1 08), its former department
    row(9300004, "Niamey", "Niamey Capital District", 13.52, 2.11, "A", "ADM1", "NE", "08"),
    row(9300005, "Lazaret", "", 13.55, 2.09, "P", "PPLX", "NE", "08"),
    row(9300006, "Ouallam", "Wallam", 14.32, 2.09, "P", "PPLA2", "NE", "08", population=12000),
]


def write_dump(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text("".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def dumps(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "dumps"
    folder.mkdir()
    return [write_dump(folder, "ML.txt", ML_ROWS), write_dump(folder, "BF.txt", BF_ROWS),
            write_dump(folder, "NE.txt", NE_ROWS)]


@pytest.fixture
def built(dumps: list[Path], tmp_path: Path):
    out = tmp_path / "data" / "gazetteer.sqlite"
    stats = build_gazetteer(dumps, out)
    gaz = FullGazetteer.open(out)
    yield stats, gaz
    gaz.close()


def by_id(gaz: FullGazetteer, name: str, gid: int):
    return next(e for e in gaz.candidates(fold(name)) if e.id == f"geonames:{gid}")


def test_build_stats_and_meta(built):
    stats, gaz = built
    assert stats.rows_read == len(ML_ROWS) + len(BF_ROWS) + len(NE_ROWS)
    assert stats.malformed == 2
    assert stats.kept_by_country == {"ML": 5, "BF": 5, "NE": 6}
    assert stats.kept_by_kind == {"admin1": 4, "admin2": 2, "town": 8, "locality": 2}
    assert stats.rows_kept == 16 and stats.seconds < 10
    meta = gaz.meta()
    assert meta["attribution"] == ATTRIBUTION == "GeoNames (https://www.geonames.org), CC BY 4.0"
    assert meta["rows_malformed"] == "2" and meta["rows_kept"] == "16"
    assert [Path(p).name for p in json.loads(meta["source_files"])] == ["ML.txt", "BF.txt", "NE.txt"]
    with sqlite3.connect(stats.out) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "names_key" in indexes
        assert conn.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 16
    assert gaz.label.startswith(f"full: {stats.out}") and len(gaz) > 13  # curated localities included


def test_feature_classes_kept_and_dropped(built):
    _, gaz = built
    assert not gaz.candidates("puits de tiguila")  # a well (class H) is left out
    camp = gaz.candidates("sevare camp")
    assert [(e.name, e.kind) for e in camp] == [("Camp de Sévaré", "locality")]
    assert by_id(gaz, "Essakane Gold Mine", 9200005).kind == "locality"


def test_admin_names_come_from_adm_rows(built):
    _, gaz = built
    djibo = by_id(gaz, "Djibo", 9200003)
    assert (djibo.admin1, djibo.admin2, djibo.kind, djibo.population) == ("Sahel", "Soum", "town", 61462)
    douentza = by_id(gaz, "Douentza", 9100003)
    assert (douentza.admin1, douentza.admin2) == ("Mopti", "Douentza")
    # "Tillaberi Region" loses its type word and takes the accents of its alternate name "Tillabéri"
    assert by_id(gaz, "Tillabéri", 9300002).admin1 == "Tillabéri"
    region = by_id(gaz, "Tillaberi Region", 9300001)
    assert (region.kind, region.admin1, region.admin2) == ("admin1", "Tillabéri", None)
    soum = by_id(gaz, "Soum", 9200002)
    assert (soum.kind, soum.admin1, soum.admin2) == ("admin2", "Sahel", "Soum")


def test_places_geonames_still_codes_under_niamey_are_in_tillaberi(built):
    _, gaz = built
    assert by_id(gaz, "Ouallam", 9300006).admin1 == "Tillabéri"  # 90 km north of the city
    assert by_id(gaz, "Lazaret", 9300005).admin1 == "Niamey"  # a quarter of the capital
    assert by_id(gaz, "Niamey", 9300004).admin1 == "Niamey"


@pytest.mark.parametrize("name,expected", [
    ("Mopti Region", "Mopti"), ("Province du Séno", "Séno"), ("Province de la Tapoa", "Tapoa"),
    ("Cercle de Ménaka", "Ménaka"), ("Tillaberi Department", "Tillaberi"), ("Centre-Nord", "Centre-Nord"),
    ("Région de Ségou", "Ségou"),
])
def test_short_admin_name(name, expected):
    assert short_admin_name(name) == expected


def test_alternate_names_are_searchable_accent_and_case_insensitive(built):
    _, gaz = built
    for mention in ("Dzhibo", "JIBO", "djibo"):
        assert resolve_place(mention, gaz, ["BF"]).gazetteer_id == "geonames:9200003"
    for mention in ("TILLABERY", "Tillabéry", "tillaberi"):
        place = resolve_place(mention, gaz, ["NE"])
        assert (place.name, place.admin1, place.country_code) == ("Tillabéri", "Tillabéri", "NE")
    assert resolve_place("Ayoru", gaz).name == "Ayorou"
    assert not gaz.candidates(fold("Джибо"))  # non-Latin alternates are not indexed
    assert not gaz.candidates("xdj")  # nor airport codes


def test_admin_units_without_their_type_word(built):
    _, gaz = built
    soum = resolve_place("Soum province", gaz, ["BF"], want_admin=True)
    assert (soum.precision, soum.admin1, soum.admin2) == ("admin", "Sahel", "Soum")
    mopti = resolve_place("Mopti", gaz, ["ML"], want_admin=True)
    assert (mopti.gazetteer_id, mopti.precision) == ("geonames:9100001", "admin")


def test_country_preference_for_homonyms(built):
    _, gaz = built
    assert {e.country_code for e in gaz.candidates("tiguila")} == {"ML", "BF"}
    assert resolve_place("Tiguila", gaz, ["ML"]).gazetteer_id == "geonames:9100004"
    assert resolve_place("Tiguila", gaz, ["BF"]).gazetteer_id == "geonames:9200004"
    assert resolve_place("Tiguila", gaz).country_code == "BF"  # no country named: the bigger place


def test_curated_localities_are_merged(built):
    _, gaz = built
    assert "curated:ML:boulkessi" in {e.id for e in gaz.candidates("boulkessi")}
    place = resolve_place("Boulikessi", gaz, ["ML"])
    assert (place.name, place.country_code, place.admin1) == ("Boulkessi", "ML", "Mopti")
    names = set(gaz.names())
    assert {"Boulkessi", "Djibo", "Dzhibo", "Tillabéri", "Tillaberi Region", "Tillaberi"} <= names
    assert "Джибо" not in names
    keys = gaz.keys()
    assert keys == sorted(keys) and {"boulkessi", "djibo", "tillaberi"} <= set(keys)


def test_lookup_reports_how_names_matched(built):
    _, gaz = built
    exact = lookup("Tiguila", gaz, country="ML")
    assert [(e.id, how) for e, _, how in exact[:2]] == [("geonames:9100004", "exact"), ("geonames:9200004", "exact")]
    assert exact[0][1] > exact[1][1]
    found = lookup("DOUENTZA.", gaz)
    assert found[0][0].id == "geonames:9100003" and found[0][2] == "exact"  # case and punctuation fold away
    fuzzy = lookup("Doentza", gaz, country="ML")
    assert fuzzy and fuzzy[0][0].name == "Douentza" and fuzzy[0][2].startswith("fuzzy ratio=")
    assert lookup("Doentza", gaz, country="NE") == []
    assert len(lookup("Tiguila", gaz, limit=1)) == 1


def test_output_is_atomic(dumps: list[Path], tmp_path: Path):
    out = tmp_path / "gaz.sqlite"
    build_gazetteer(dumps[:1], out)
    first = FullGazetteer.open(out)
    assert len(first) and first.countries() == {"ML"}
    bad = tmp_path / "notes.txt"
    bad.write_text("name,lat,lon\nDjibo,14.1,-1.6\n", encoding="utf-8")
    with pytest.raises(NotAGeoNamesDump):
        build_gazetteer([dumps[1], bad], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dumps", "gaz.sqlite", "notes.txt"]  # no temp file
    assert FullGazetteer.open(out).countries() == {"ML"}  # the previous gazetteer is untouched
    build_gazetteer(dumps, out)
    assert {"ML", "BF"} <= FullGazetteer.open(out).countries()
    assert first.candidates("douentza")  # an open reader keeps reading the file it opened
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dumps", "gaz.sqlite", "notes.txt"]


def test_not_a_dump_is_a_clear_error(tmp_path: Path):
    csv = tmp_path / "places.csv"
    csv.write_text("geonameid,name\n1,Djibo\n", encoding="utf-8")
    with pytest.raises(NotAGeoNamesDump, match="not a GeoNames dump"):
        build_gazetteer([csv], tmp_path / "g.sqlite")
    archive = tmp_path / "ML.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ML.txt", "".join(ML_ROWS))
    with pytest.raises(NotAGeoNamesDump, match="unzip"):
        build_gazetteer([archive], tmp_path / "g.sqlite")
    with pytest.raises(FileNotFoundError):
        build_gazetteer([tmp_path / "BF.txt"], tmp_path / "g.sqlite")
    assert not (tmp_path / "g.sqlite").exists()


def test_open_missing_and_default_location(dumps: list[Path], tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SAHEL_EXTRACT_DATA", str(tmp_path / "userdata"))
    with pytest.raises(FileNotFoundError, match="gazetteer build"):
        FullGazetteer.open()
    stats = build_gazetteer(dumps)
    assert stats.out == tmp_path / "userdata" / "gazetteer.sqlite"
    gaz = FullGazetteer.open()
    assert gaz.candidates("djibo")
    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.candidates("djibo") == gaz.candidates("djibo") and clone.label == gaz.label
    not_sqlite = tmp_path / "junk.sqlite"
    not_sqlite.write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match="not a sahel-extract gazetteer"):
        FullGazetteer.open(not_sqlite)


@pytest.mark.skipif(not (GEONAMES / "ML.txt").is_file(), reason="the GeoNames dumps are not beside the checkout")
def test_real_dumps(tmp_path: Path):
    stats = build_gazetteer([GEONAMES / f"{cc}.txt" for cc in ("ML", "BF", "NE")], tmp_path / "g.sqlite")
    assert stats.malformed == 0 and stats.rows_read == 24_312 + 11_713 + 24_320
    assert stats.kept_by_kind["admin1"] == 11 + 13 + 8
    assert all(stats.kept_by_country[cc] > 10_000 for cc in ("ML", "BF", "NE"))
    gaz = FullGazetteer.open(stats.out)
    for mention in ("Tillabéri", "Tillaberi"):
        place = resolve_place(mention, gaz, ["NE"])
        assert (place.name, place.admin1, place.country_code, place.precision) == ("Tillabéri", "Tillabéri", "NE",
                                                                                  "exact")
    djibo = resolve_place("Djibo", gaz, ["BF"])
    assert (djibo.admin1, djibo.admin2, djibo.country_code) == ("Sahel", "Soum", "BF")
    assert resolve_place("Mopti region", gaz, ["ML"], want_admin=True).admin1 == "Mopti"
    assert resolve_place("Taoudenit", gaz, ["ML"], want_admin=True).admin1 == "Taoudénit"
    # the known gap: the Malian camp is curated, the Burkinabe homonym comes from BF.txt
    assert resolve_place("Boulikessi", gaz, ["ML"]).gazetteer_id == "curated:ML:boulkessi"
    assert resolve_place("Boulikessi", gaz, ["BF"]).country_code == "BF"
    assert resolve_place("Boulkesi", gaz, ["ML"]).name == "Boulkessi"  # fuzzy, within the article's country


def test_countries_without_a_dump_keep_the_embedded_places(dumps: list[Path], tmp_path: Path):
    out = tmp_path / "gaz.sqlite"
    build_gazetteer(dumps[:1], out)  # Mali only
    gaz = FullGazetteer.open(out)
    borno = resolve_place("Borno", gaz, ["NG"], want_admin=True)
    assert (borno.country_code, borno.precision) == ("NG", "admin")
    assert all(e.country_code != "ML" or e.id.startswith(("geonames:", "curated:")) for e in gaz.candidates("gao"))


def test_extra_place_tables_add_villages_geonames_lacks(dumps: list[Path], tmp_path: Path):
    tsv = tmp_path / "villages.tsv"
    tsv.write_text("name\talternate_names\tcountry_code\tadmin1\tadmin2\tlat\tlon\tfeature\tsource\n"
                   "Kouria Peul\tKourya Peulh\tNE\tTillaberi\tTera\t14.01\t0.75\tvillage\tnational list\n"
                   "Broken row\t\tNE\tTillaberi\t\tnot-a-number\t0.7\tvillage\tnational list\n"
                   "No country\t\t\tSahel\t\t14.1\t-1.6\tvillage\tnational list\n", encoding="utf-8")
    csv_file = tmp_path / "camps.csv"
    csv_file.write_text("name,country_code,admin1,lat,lon,feature\nCamp de Tiguila,ML,Mopti,14.61,-2.31,camp\n",
                        encoding="utf-8")
    out = tmp_path / "g.sqlite"
    stats = build_gazetteer(dumps, out, places=[tsv, csv_file])
    assert stats.malformed == 2 + 2  # two broken dump lines, two broken table rows
    with FullGazetteer.open(out) as gaz:
        [village] = gaz.candidates(fold("Kourya Peulh"))
        # the table's admin1 takes the dumps' spelling
        assert (village.name, village.kind, village.admin1, village.admin2) == ("Kouria Peul", "town", "Tillabéri",
                                                                                "Tera")
        assert resolve_place("Kouria Peul", gaz, ["NE"]).admin1 == "Tillabéri"
        [camp] = gaz.candidates(fold("Camp de Tiguila"))
        assert (camp.kind, camp.country_code) == ("locality", "ML")
        assert str(tsv) in json.loads(gaz.meta()["source_files"])


def test_a_place_table_without_the_needed_columns_is_a_clear_error(dumps: list[Path], tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("village\tx\ty\nKouria\t14\t0.7\n", encoding="utf-8")
    out = tmp_path / "g.sqlite"
    with pytest.raises(ValueError, match="needs the columns name, country_code, lat, lon"):
        build_gazetteer(dumps, out, places=[bad])
    assert not out.exists()
    with pytest.raises(FileNotFoundError, match="place table not found"):
        build_gazetteer(dumps, out, places=[tmp_path / "missing.tsv"])


def test_a_place_table_keeps_namesakes_of_one_country(dumps: list[Path], tmp_path: Path):
    tsv = tmp_path / "villages.tsv"
    tsv.write_text("name\tcountry_code\tadmin1\tlat\tlon\tfeature\n"
                   "Bangou\tNE\tTillaberi\t14.01\t0.75\tvillage\nBangou\tNE\tDosso\t13.05\t3.20\tvillage\n",
                   encoding="utf-8")
    out = tmp_path / "g.sqlite"
    stats = build_gazetteer(dumps, out, places=[tsv])
    assert stats.duplicates == 0
    with FullGazetteer.open(out) as gaz:
        assert sorted(e.lat for e in gaz.candidates("bangou")) == [13.05, 14.01]
