"""The map section: an inline SVG of the base map with one circle per located event, its legend, and the list of
events that cannot be placed.

In: ``ReportEvent``s (from ``items.read_items``) and the base map (``basemap``). Out: HTML strings. Circles are
sized by the killed toll (upper bound when known, else lower bound; a hollow dot when no figure), coloured by
actor kind, dashed when the place is only an admin region or a country; each carries its summary in a
``<title>`` (the page's script turns it into a tooltip) and a ``data-key`` linking it to its table row and card.
"""

from __future__ import annotations

import math

from . import basemap
from .basemap import Projection, fmt
from .items import KIND_COLOUR, KIND_LABEL, KINDS, ReportEvent, esc, fmt_count

MAX_RADIUS = 26.0


def radius(killed: int | None) -> float:
    """Circle radius in map units: area grows with the toll (4 for one dead, 11 for ten, 26 for sixty and more)."""
    if killed is None or killed <= 0:
        return 4.0
    return min(MAX_RADIUS, 3.0 + 2.5 * math.sqrt(killed))


def _graticule(project: Projection) -> str:
    x0, y0, x1, y1 = project.extent
    parts = []
    for lon in range(math.ceil(x0 / 5) * 5, math.floor(x1) + 1, 5):
        xa, ya = project(lon, y1)
        _, yb = project(lon, y0)
        label = f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}"
        parts.append(f'<path d="M{fmt(xa)},{fmt(ya)}V{fmt(yb)}"/>'
                     f'<text x="{fmt(xa + 3)}" y="{fmt(yb - 4)}">{label}</text>')
    for lat in range(math.ceil(y0 / 5) * 5, math.floor(y1) + 1, 5):
        xa, ya = project(x0, lat)
        xb, _ = project(x1, lat)
        label = f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}"
        parts.append(f'<path d="M{fmt(xa)},{fmt(ya)}H{fmt(xb)}"/>'
                     f'<text x="{fmt(xa + 3)}" y="{fmt(ya - 3)}">{label}</text>')
    return '<g class="grat">' + "".join(parts) + "</g>"


class _Labels:
    """Greedy label placement: a label is drawn only where it overlaps no label drawn before it."""

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []

    def place(self, candidates: list[tuple[float, float, str]], label: str, size: float) -> tuple | None:
        """The first free ``(x, y, anchor)`` of ``candidates`` (text baseline points), or None."""
        w, h = 0.58 * size * len(label), size
        for x, y, anchor in candidates:
            x0 = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
            box = (x0 - 1, y - h, x0 + w + 1, y + 2)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in self.boxes):
                self.boxes.append(box)
                return x, y, anchor
        return None


def _countries(project: Projection, labels: _Labels) -> tuple[str, str]:
    shapes, names = [], []
    features = basemap.countries()
    for feature in features:
        props = feature.get("properties", {})
        d = basemap.geometry_path(feature.get("geometry") or {}, project)
        if d:
            core = props.get("iso_a2") in basemap.SAHEL
            shapes.append(f'<path class="country{" sahel" if core else ""}" data-iso="{esc(props.get("iso_a2"))}" '
                          f'd="{d}"><title>{esc(props.get("name"))}</title></path>')
    # the project's countries are labelled first, then their neighbours where there is room
    for feature in sorted(features, key=lambda f: f.get("properties", {}).get("iso_a2") not in basemap.SAHEL):
        props = feature.get("properties", {})
        label, name = props.get("label") or [], str(props.get("name") or "")
        if len(label) != 2 or not name or not project.contains(label[0], label[1]):
            continue
        core = props.get("iso_a2") in basemap.SAHEL
        x, y = project(label[0], label[1])
        spot = labels.place([(x, y, "middle"), (x, y + 16, "middle"), (x, y - 16, "middle")], name,
                            13 if core else 12)
        if spot:
            names.append(f'<text class="clabel{" sahel" if core else ""}" x="{fmt(spot[0])}" y="{fmt(spot[1])}">'
                         f"{esc(name)}</text>")
    return "".join(shapes), "".join(names)


def _cities(project: Projection, labels: _Labels) -> str:
    dots, names = [], []
    # the capitals of the project's countries are labelled first
    for feature in sorted(basemap.cities(), key=lambda f: f.get("properties", {}).get("iso_a2") not in basemap.SAHEL):
        lon, lat = (feature.get("geometry") or {}).get("coordinates") or (None, None)
        if lon is None or not project.contains(lon, lat):
            continue
        x, y = project(lon, lat)
        name = str(feature.get("properties", {}).get("name") or "")
        dots.append(f'<rect x="{fmt(x - 2)}" y="{fmt(y - 2)}" width="4" height="4"><title>{esc(name)}</title></rect>')
        spot = labels.place([(x + 5, y + 3.5, "start"), (x - 5, y + 3.5, "end"), (x, y - 5, "middle"),
                             (x, y + 13, "middle")], name, 10)
        if spot:
            anchor = "" if spot[2] == "start" else f' text-anchor="{spot[2]}"'
            names.append(f'<text x="{fmt(spot[0])}" y="{fmt(spot[1])}"{anchor}>{esc(name)}</text>')
    return '<g class="cities">' + "".join(dots) + "".join(names) + "</g>"


def _circle(event: ReportEvent, project: Projection) -> str:
    x, y = project(event.lon, event.lat)  # type: ignore[arg-type]
    killed = event.casualties.get("killed")
    size = killed.size if killed else None
    classes = ["ev"]
    if size is None:
        classes.append("notoll")
    if event.place.get("precision") in ("admin", "country"):
        classes.append("approx")
    r = fmt(radius(size))
    tip = "\n".join(event.summary_lines())
    return (f'<circle class="{" ".join(classes)}" data-key="{event.key}" data-kind="{event.kind}" '
            f'cx="{fmt(x)}" cy="{fmt(y)}" r="{r}" data-r="{r}" fill="{KIND_COLOUR[event.kind]}">'
            f"<title>{esc(tip)}</title></circle>")


def located(events: list[ReportEvent], project: Projection) -> list[ReportEvent]:
    return [e for e in events if e.lat is not None and e.lon is not None and project.contains(e.lon, e.lat)]


def map_svg(events: list[ReportEvent]) -> tuple[str, list[ReportEvent]]:
    """The map's SVG and the events that are not on it (no coordinates, or outside the map's reach)."""
    points = [(e.lon, e.lat) for e in events if e.lat is not None and e.lon is not None]
    inside = [p for p in points if basemap.MAX_EXTENT[0] <= p[0] <= basemap.MAX_EXTENT[2]
              and basemap.MAX_EXTENT[1] <= p[1] <= basemap.MAX_EXTENT[3]]
    project = Projection(basemap.extent_for(inside))
    on_map = located(events, project)
    keys = {e.key for e in on_map}
    # big circles first, so a small one on top of a big one can still be hovered; ties in display order
    drawn = sorted(on_map, key=lambda e: (-radius(c.size if (c := e.casualties.get("killed")) else None),
                                          int(e.key[1:])))
    placer = _Labels()
    cities = _cities(project, placer)  # capitals first: a country's name can move, a capital's cannot much
    shapes, labels = _countries(project, placer)
    w, h = fmt(project.width), fmt(project.height)
    svg = (f'<svg id="map" viewBox="0 0 {w} {h}" data-w="{w}" data-h="{h}" role="img" '
           f'aria-label="Map of {len(on_map)} events">'
           f'<rect class="sea" x="-5000" y="-5000" width="11000" height="11000"/>'
           f'<g class="land">{shapes}</g>{_graticule(project)}<g class="labels">{labels}</g>{cities}'
           f'<g class="events">{"".join(_circle(e, project) for e in drawn)}</g></svg>')
    return svg, [e for e in events if e.key not in keys]


def legend(events: list[ReportEvent]) -> str:
    """Colour key (the six actor kinds, plus "not stated" when some event has no kind) and size key."""
    present = {e.kind for e in events}
    kinds = [k for k in KINDS if k != "unknown" or k in present]
    items = "".join(
        f'<li data-kind="{k}"><span class="sw" style="background:{KIND_COLOUR[k]}"></span>{esc(KIND_LABEL[k])}'
        f' <span class="n">({sum(e.kind == k for e in events)})</span></li>' for k in kinds)
    sizes, x = [], 6.0
    for n in (1, 10, 50):
        r = radius(n)
        x += r
        sizes.append(f'<circle cx="{fmt(x)}" cy="28" r="{fmt(r)}"/><text x="{fmt(x)}" y="66">{n}</text>')
        x += r + 14
    x += 4
    sizes.append(f'<circle class="notoll" cx="{fmt(x)}" cy="28" r="4"/><text x="{fmt(x)}" y="66">no figure</text>')
    x += 60
    sizes.append(f'<circle class="approx" cx="{fmt(x)}" cy="28" r="8"/><text x="{fmt(x)}" y="66">region only</text>')
    size_svg = (f'<svg class="sizes" viewBox="0 0 {fmt(x + 40)} 72" width="{fmt(x + 40)}" height="72">'
                + "".join(sizes) + "</svg>")
    return (f'<div class="legend"><ul class="kinds">{items}</ul>'
            f'<div class="sizekey"><span>killed</span>{size_svg}</div></div>')


def unplaced_list(events: list[ReportEvent]) -> str:
    if not events:
        return ""
    items = []
    for e in events:
        where = ", ".join(dict.fromkeys(x for x in (e.place_text, e.place.get("admin1"), e.country_text) if x))
        killed = fmt_count(e.casualties.get("killed"))
        why = "no coordinates" if e.lat is None or e.lon is None else f"outside the map at {e.lat:.2f}, {e.lon:.2f}"
        items.append(f'<li><a href="#card-{e.key}" data-key="{e.key}"><span class="sw" '
                     f'style="background:{KIND_COLOUR[e.kind]}"></span>{esc(e.date_text)} · {esc(where)} · '
                     f'{esc((e.event_type or "event").replace("_", " "))}'
                     f'{" · killed " + esc(killed) if killed else ""}</a> <span class="why">({why})</span></li>')
    return (f'<div id="unplaced"><h3>Not on the map ({len(events)})</h3>'
            f'<ul>{"".join(items)}</ul></div>')
