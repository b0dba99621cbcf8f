"""Regenerate ``sahel_countries.geojson``: country outlines of the Sahel and its neighbours, plus capitals.

In: the Natural Earth 1:110m "admin 0 countries" and "populated places" layers as shipped inside the
``geopandas==0.14.4`` wheel (``geopandas/datasets/naturalearth_lowres`` and ``naturalearth_cities``, ESRI
shapefiles; Natural Earth is public domain). Give the wheel (or the folder it was unpacked to) with
``--source``; without it the script fetches the wheel with ``pip download --no-deps geopandas==0.14.4``.
Out: ``models/basemap/sahel_countries.geojson`` (a FeatureCollection; countries are Polygon/MultiPolygon
features with ``kind: "country"``, ``name``, ``iso_a3``, ``iso_a2``, ``label: [lon, lat]``; capitals are Point
features with ``kind: "city"``, ``name`` and the ``iso_a2`` of the outline that holds them). Coordinates are
rounded to 0.01 degree; the output is deterministic (same input, same bytes).

    python models/basemap/build_basemap.py [--source geopandas-0.14.4-py3-none-any.whl] [-o OUT]

No dependency beyond the standard library: the shapefile and dBASE readers below handle what these two
layers use (polygon and point shapes, character and numeric fields).
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

GEOPANDAS_PIN = "geopandas==0.14.4"
LOWRES = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
CITIES = "geopandas/datasets/naturalearth_cities/naturalearth_cities"
# countries whose bounding box meets this box are kept (lon_min, lat_min, lon_max, lat_max)
KEEP_BOX = (-20.0, 3.0, 27.0, 27.5)
# cities are kept inside this box
CITY_BOX = (-18.0, 4.0, 25.0, 27.5)
# ISO 3166-1 alpha-3 to alpha-2 for the countries the box can hold (Natural Earth 110m, western/central Africa)
ISO2 = {
    "DZA": "DZ", "BEN": "BJ", "BFA": "BF", "CMR": "CM", "CAF": "CF", "TCD": "TD", "COD": "CD", "COG": "CG",
    "CIV": "CI", "EGY": "EG", "GNQ": "GQ", "GAB": "GA", "GMB": "GM", "GHA": "GH", "GIN": "GN", "GNB": "GW",
    "LBR": "LR", "LBY": "LY", "MLI": "ML", "MRT": "MR", "MAR": "MA", "NER": "NE", "NGA": "NG", "SEN": "SN",
    "SLE": "SL", "SSD": "SS", "SDN": "SD", "TGO": "TG", "TUN": "TN", "ESH": "EH", "UGA": "UG", "ETH": "ET",
    "ERI": "ER", "SAU": "SA", "ESP": "ES", "PRT": "PT",
}


def read_dbf(data: bytes, encoding: str) -> list[dict]:
    """dBASE III records as dicts (C and N fields), text in ``encoding`` (the layer's .cpg file names it)."""
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        ftype = chr(data[pos + 11])
        length = data[pos + 16]
        fields.append((name, ftype, length))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        if rec[:1] == b"*":  # deleted
            continue
        off = 1
        row = {}
        for name, ftype, length in fields:
            raw = rec[off:off + length].decode(encoding).strip()
            off += length
            if ftype in "NF":
                row[name] = float(raw) if raw else None
            else:
                row[name] = raw
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list:
    """Shapes of an ESRI shapefile: a list of rings (lists of (x, y)) for polygons, an (x, y) for points."""
    shapes = []
    pos = 100
    while pos < len(data):
        _num, length_words = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8: pos + 8 + 2 * length_words]
        pos += 8 + 2 * length_words
        (stype,) = struct.unpack("<i", content[:4])
        if stype == 0:
            shapes.append(None)
        elif stype == 1:
            shapes.append(struct.unpack("<2d", content[4:20]))
        elif stype == 5:
            n_parts, n_points = struct.unpack("<ii", content[36:44])
            parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts]))
            pts_off = 44 + 4 * n_parts
            coords = struct.unpack(f"<{2 * n_points}d", content[pts_off:pts_off + 16 * n_points])
            points = list(zip(coords[0::2], coords[1::2], strict=True))
            bounds = parts + [n_points]
            shapes.append([points[bounds[k]:bounds[k + 1]] for k in range(n_parts)])
        else:
            raise ValueError(f"unsupported shape type {stype}")
    return shapes


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace formula; negative for the clockwise rings shapefiles use for outer boundaries."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Even-odd ray casting."""
    x, y = point
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def polygons(rings: list) -> list[list]:
    """Group shapefile rings into GeoJSON polygons: clockwise rings are outer boundaries, the others holes."""
    outers = [[r] for r in rings if signed_area(r) < 0]
    for r in rings:
        if signed_area(r) >= 0:
            home = next((p for p in outers if inside(r[0], p[0])), None)
            if home is not None:
                home.append(r)
    return outers


def rounded(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Round to 0.01 degree, drop repeated points, and keep the ring closed (GeoJSON: counter-clockwise outer)."""
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    """Area centroid of a ring (the label point of a country: its largest ring's centroid)."""
    a = signed_area(ring)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x0 * y1 - x1 * y0
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    return cx / (6 * a), cy / (6 * a)


def bounds(ring: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def meets(bbox: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    return not (bbox[2] < box[0] or bbox[0] > box[2] or bbox[3] < box[1] or bbox[1] > box[3])


def read_layer(files: dict[str, bytes], stem: str) -> list[tuple[dict, object]]:
    encoding = files[stem + ".cpg"].decode("ascii").strip() or "latin-1"
    return list(zip(read_dbf(files[stem + ".dbf"], encoding), read_shp(files[stem + ".shp"]), strict=True))


def load_files(source: Path) -> dict[str, bytes]:
    wanted = [stem + ext for stem in (LOWRES, CITIES) for ext in (".shp", ".dbf", ".cpg")]
    if source.is_dir():
        return {name: (source / name).read_bytes() for name in wanted}
    with zipfile.ZipFile(source) as z:
        return {name: z.read(name) for name in wanted}


def build(files: dict[str, bytes]) -> dict:
    features = []
    countries = []
    outlines = []
    for props, rings in read_layer(files, LOWRES):
        if not rings:
            continue
        # only the parts that meet the box (France's French Guiana and mainland are dropped, for instance)
        polys = [p for p in polygons(rings) if meets(bounds(p[0]), KEEP_BOX)]
        if not polys:
            continue
        coords = [[rounded(list(reversed(r))) for r in poly] for poly in polys]
        outlines.append((ISO2.get(props.get("iso_a3") or ""), polys))
        largest = max((p[0] for p in polys), key=lambda r: abs(signed_area(r)))
        lx, ly = centroid(largest)
        iso3 = props.get("iso_a3") or ""
        geometry = ({"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1
                    else {"type": "MultiPolygon", "coordinates": coords})
        countries.append({"type": "Feature", "properties": {
            "kind": "country", "name": props.get("name"), "iso_a3": iso3, "iso_a2": ISO2.get(iso3),
            "label": [round(lx, 2), round(ly, 2)]}, "geometry": geometry})
    countries.sort(key=lambda f: f["properties"]["iso_a3"])
    features.extend(countries)
    cities = []
    for props, point in read_layer(files, CITIES):
        if point is None:
            continue
        x, y = point
        if CITY_BOX[0] <= x <= CITY_BOX[2] and CITY_BOX[1] <= y <= CITY_BOX[3]:
            # the country whose outline holds the city (None for a coastal city the coarse outline misses)
            home = next((iso2 for iso2, polys in outlines if any(inside((x, y), p[0]) for p in polys)), None)
            cities.append({"type": "Feature", "properties": {"kind": "city", "name": props.get("name"),
                                                             "iso_a2": home},
                           "geometry": {"type": "Point", "coordinates": [round(x, 2), round(y, 2)]}})
    cities.sort(key=lambda f: f["properties"]["name"])
    features.extend(cities)
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin 0 countries and populated places, as shipped in the "
                  f"{GEOPANDAS_PIN} wheel (geopandas/datasets/naturalearth_lowres, naturalearth_cities)",
        "licence": "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
        "generator": "models/basemap/build_basemap.py",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"the {GEOPANDAS_PIN} wheel or the folder it was unpacked to")
    parser.add_argument("-o", "--output", type=Path, default=Path(__file__).with_name("sahel_countries.geojson"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source
        if source is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, GEOPANDAS_PIN],
                           check=True)
            source = next(Path(tmp).glob("geopandas-*.whl"))
        collection = build(load_files(source))
    buf = io.StringIO()
    buf.write('{"type": "FeatureCollection",\n')
    for key in ("source", "licence", "generator"):
        buf.write(f" {json.dumps(key)}: {json.dumps(collection[key], ensure_ascii=False)},\n")
    buf.write(' "features": [\n')
    buf.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]))
    buf.write("\n]}\n")
    args.output.write_text(buf.getvalue(), encoding="utf-8")
    n_countries = sum(f["properties"]["kind"] == "country" for f in collection["features"])
    print(f"{args.output}: {n_countries} countries, {len(collection['features']) - n_countries} cities, "
          f"{len(buf.getvalue().encode())} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
