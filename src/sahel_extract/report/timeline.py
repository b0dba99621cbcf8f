"""The timeline: an inline SVG strip of events by date, one block per event stacked in weekly, monthly or yearly
columns and coloured by actor kind.

In: ``ReportEvent``s (``items.read_items``). Out: an HTML string (the SVG plus a note on undated events).
An event is placed on its date, or on the middle of its earliest..latest bounds when the day is not known;
such events are drawn lighter and dashed. The column width follows the span: weeks (Monday to Sunday) up to
about a year, months up to eight years, years beyond. Each block has the event's summary in a ``<title>``
and a ``data-key`` like the map's circles.
"""

from __future__ import annotations

import datetime as dt

from .basemap import fmt
from .items import KIND_COLOUR, KINDS, ReportEvent, esc

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WIDTH, MAX_PLOT, MAX_UNIT, MIN_PLOT = 1000.0, 110.0, 20.0, 40.0  # the strip is as tall as its tallest column
LEFT, RIGHT, TOP, BOTTOM = 34.0, 10.0, 12.0, 36.0


def bucket_unit(first: dt.date, last: dt.date) -> str:
    span = (last - first).days
    return "week" if span <= 400 else "month" if span <= 8 * 366 else "year"


def bucket_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_bucket(start: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def _ticks(t0: dt.date, t1: dt.date) -> list[tuple[dt.date, str]]:
    """Month starts (labelled with the month, and the year in January or at the first tick), or years."""
    months = (t1.year - t0.year) * 12 + t1.month - t0.month
    if months > 36:
        return [(dt.date(y, 1, 1), str(y)) for y in range(t0.year + (t0 > dt.date(t0.year, 1, 1)), t1.year + 1)]
    step = 1 if months <= 14 else 3
    ticks, day = [], t0.replace(day=1)
    if day < t0:
        day = next_bucket(day, "month")
    while day <= t1:
        if (day.month - 1) % step == 0:
            year = f" {day.year}" if not ticks or day.month == 1 else ""
            ticks.append((day, MONTHS[day.month - 1] + year))
        day = next_bucket(day, "month")
    return ticks


def timeline_svg(events: list[ReportEvent]) -> str:
    dated = [(e, e.day) for e in events if e.day is not None]
    undated = len(events) - len(dated)
    note = (f'<p class="note">{undated} event{"" if undated == 1 else "s"} without a date '
            f'{"is" if undated == 1 else "are"} not on the timeline.</p>') if undated else ""
    if not dated:
        return '<p class="empty">No dated events.</p>' + note
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    unit = bucket_unit(first, last)
    columns: dict[dt.date, list[ReportEvent]] = {}
    for event, day in dated:
        columns.setdefault(bucket_start(day, unit), []).append(event)
    t0 = bucket_start(first, unit)
    t1 = next_bucket(bucket_start(last, unit), unit)
    total = (t1 - t0).days
    tallest = max(len(v) for v in columns.values())
    unit_h = min(MAX_UNIT, MAX_PLOT / tallest)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, max(MIN_PLOT, unit_h * tallest)
    height = TOP + plot_h + BOTTOM

    def x(day: dt.date) -> float:
        return LEFT + (day - t0).days / total * plot_w

    order = {k: n for n, k in enumerate(KINDS)}
    parts = [f'<path class="axis" d="M{fmt(LEFT)},{fmt(TOP + plot_h)}H{fmt(WIDTH - RIGHT)}"/>']
    for day, label in _ticks(t0, t1):
        xt = x(day)
        parts.append(f'<path class="tick" d="M{fmt(xt)},{fmt(TOP)}V{fmt(TOP + plot_h + 5)}"/>')
        if xt + 6.5 * len(label) < WIDTH:
            parts.append(f'<text class="tl" x="{fmt(xt + 2)}" y="{fmt(TOP + plot_h + 18)}">{label}</text>')
    parts.append(f'<text class="yl" x="{fmt(LEFT - 6)}" y="{fmt(TOP + plot_h - tallest * unit_h + 9)}">'
                 f'{tallest}</text><text class="yl" x="{fmt(LEFT - 6)}" y="{fmt(TOP + plot_h)}">0</text>'
                 f'<text class="unit" x="{fmt(LEFT)}" y="{fmt(height - 4)}">events per {unit}</text>')
    for start in sorted(columns):
        xa, xb = x(start), x(next_bucket(start, unit))
        width = max(1.0, xb - xa - 1.0)
        stack = sorted(columns[start], key=lambda e: (order[e.kind], e.sort_key))
        for n, event in enumerate(stack):
            y = TOP + plot_h - (n + 1) * unit_h
            precise = event.date.get("precision") == "day" and event.date.get("value")
            tip = "\n".join(event.summary_lines())
            parts.append(f'<rect class="ev{"" if precise else " approx"}" data-key="{event.key}" '
                         f'data-kind="{event.kind}" x="{fmt(xa + 0.5)}" y="{fmt(y + 0.5)}" width="{fmt(width)}" '
                         f'height="{fmt(max(1.0, unit_h - 1.0))}" fill="{KIND_COLOUR[event.kind]}">'
                         f"<title>{esc(tip)}</title></rect>")
    return (f'<svg id="timeline" viewBox="0 0 {fmt(WIDTH)} {fmt(height)}" role="img" '
            f'aria-label="Timeline of {len(dated)} dated events">{"".join(parts)}</svg>{note}')
