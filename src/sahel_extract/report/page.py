"""The page: the events table, one card per event with its sources and evidence, and the whole HTML document.

In: ``ReportEvent``s (``items.read_items``), the map and timeline sections (``mapsvg``, ``timeline``), the inline
style and script (``assets``), and a title. Out: the HTML document as one string, with every text taken from
the input escaped, links only for ``http(s)`` source URLs, and no external resource of any kind.
"""

from __future__ import annotations

from .assets import SCRIPT, STYLE
from .items import (
    KIND_COLOUR,
    KIND_LABEL,
    KINDS,
    OUTCOME_LABEL,
    OUTCOMES,
    ReportEvent,
    ReportSource,
    esc,
    fmt_count,
    fmt_tolls,
)
from .mapsvg import legend, map_svg, unplaced_list
from .timeline import timeline_svg

COLUMNS = (  # header, sort type
    ("Date", "text"), ("Place", "text"), ("Admin1", "text"), ("Country", "text"), ("Actor", "text"),
    ("Event type", "text"), ("Killed", "num"), ("Wounded", "num"), ("Abducted", "num"), ("Sources", "num"),
)


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link; anything else (``javascript:``, paths) is not linked."""
    if url and url.strip().lower().startswith(("http://", "https://")) and not any(c in url for c in "\n\r\t "):
        return url.strip()
    return None


def _num_cell(count) -> str:
    size = count.size if count else None
    return f'<td class="num" data-v="{"" if size is None else size}">{esc(fmt_count(count))}</td>'


def table_row(e: ReportEvent) -> str:
    day = e.day
    cells = [
        f'<td data-v="{day.isoformat() if day else ""}">{esc(e.date_text)}</td>',
        f"<td>{esc(e.place_text)}</td>", f'<td>{esc(e.place.get("admin1"))}</td>', f"<td>{esc(e.country_text)}</td>",
        f'<td><span class="sw" style="background:{KIND_COLOUR[e.kind]}"></span>{esc(e.actor_text)}</td>',
        f'<td>{esc((e.event_type or "").replace("_", " "))}</td>',
        _num_cell(e.casualties.get("killed")), _num_cell(e.casualties.get("wounded")),
        _num_cell(e.casualties.get("abducted")), f'<td class="num" data-v="{e.n_sources}">{e.n_sources}</td>',
    ]
    return f'<tr id="row-{e.key}" data-key="{e.key}" data-kind="{e.kind}">{"".join(cells)}</tr>'


def table(events: list[ReportEvent]) -> str:
    head = "".join(f'<th data-type="{t}" aria-sort="none"><button type="button">{h}</button></th>'
                   for h, t in COLUMNS)
    present = {e.kind for e in events}
    options = "".join(f'<option value="{k}">{esc(KIND_LABEL[k])}</option>' for k in KINDS if k in present)
    return (f'<div class="controls"><label>Filter <input id="filter" type="search" '
            f'placeholder="place, actor, source, text…" autocomplete="off"></label> '
            f'<label>Actor kind <select id="kindsel"><option value="">all</option>{options}</select></label> '
            f'<span id="shown">{len(events)} of {len(events)} events</span></div>'
            f'<div class="tablewrap"><table id="events"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(table_row(e) for e in events)}</tbody></table></div>')


def _mention(value: str | None) -> str:
    return f' <q>{esc(value)}</q>' if value else ""


def _facts(e: ReportEvent) -> str:
    a, t, p, d = e.actor, e.target, e.place, e.date
    actor = esc(e.actor_text)
    extra = [KIND_LABEL[e.kind]] if a.get("name") else []
    if a.get("affiliation"):
        extra.append(a["affiliation"])
    if a.get("claimed"):
        extra.append("claimed")
    if a.get("suspected"):
        extra.append("suspected")
    actor += (f" ({esc(', '.join(extra))})" if extra else "") + _mention(a.get("mention"))
    where = ", ".join(x for x in (p.get("name"), p.get("admin2"), p.get("admin1"), p.get("country")) if x)
    where = esc(where or "unknown")
    details = [x for x in (p.get("precision"),) if x]
    if e.lat is not None and e.lon is not None:
        details.append(f"{e.lat:.3f}, {e.lon:.3f}")
    where += (f" ({esc('; '.join(details))})" if details else "") + _mention(p.get("mention"))
    when = esc(e.date_text) + (f' ({esc(d["precision"])})' if d.get("precision") else "") + _mention(d.get("mention"))
    rows = [("Event type", esc((e.event_type or "unknown").replace("_", " "))), ("Actor", actor),
            ("Target", esc(t.get("category") or "unknown") + _mention(t.get("mention"))), ("Place", where),
            ("Date", when), ("Toll", esc(fmt_tolls(e.casualties) or "none reported"))]
    ident = f'<code>{esc(e.id or "no id")}</code>' + (" (record)" if e.is_record else "")
    if not e.is_record and e.records:
        ident += f" · {len(e.records)} record{'' if len(e.records) == 1 else 's'}"
    if e.confidence is not None:
        ident += f" · confidence {e.confidence:.2f}"
    rows.append(("Id", ident))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _report(r: dict) -> str:
    outcome = OUTCOME_LABEL.get(r.get("outcome") or "", r.get("outcome") or "toll")
    s = f"{esc(outcome)} {esc(fmt_count(r.get('count')))}"
    if r.get("who"):
        s += f" ({esc(r['who'])})"
    s += _mention(r.get("mention"))
    if r.get("attributed_to"):
        s += f' <span class="attr">according to {esc(r["attributed_to"])}</span>'
    return f"<li>{s}</li>"


def source_item(s: ReportSource) -> str:
    url = safe_url(s.url)
    title = esc(s.title or s.url or s.path or s.article_id or "untitled source")
    head = f'<a class="src-link" href="{esc(url)}" rel="noopener noreferrer">{title}</a>' if url else title
    meta = [esc(x) for x in (s.publisher, s.published) if x]
    line = f'<div class="src-head">{head}{" — " + ", ".join(meta) if meta else ""}</div>'
    info = []
    if url:
        info.append(f'<span class="url">{esc(url)}</span>')
    elif s.url:
        info.append(f'<span class="url">{esc(s.url)}</span>')
    if s.path:
        info.append(f"file <code>{esc(s.path)}</code>")
    if s.attributed_to:
        info.append("according to " + esc(", ".join(s.attributed_to)))
    tolls = fmt_tolls(s.casualties)
    info.append("this source's toll: " + esc(tolls or "none"))
    line += f'<div class="src-meta">{" · ".join(info)}</div>'
    if s.reports:
        line += f'<ul class="reports">{"".join(_report(r) for r in s.reports)}</ul>'
    if s.evidence:
        ev = []
        for item in s.evidence:
            at = (f' <span class="off">[{item["start"]}–{item["end"]}]</span>'
                  if item["start"] is not None and item["end"] is not None else "")
            ev.append(f"<li><blockquote>{esc(item['text'])}</blockquote>{at}</li>")
        line += f'<ul class="evidence">{"".join(ev)}</ul>'
    return f"<li>{line}</li>"


def card(e: ReportEvent) -> str:
    where = ", ".join(dict.fromkeys(x for x in (e.place_text, e.place.get("admin1"), e.country_text) if x))
    head = (f'<span class="sw" style="background:{KIND_COLOUR[e.kind]}"></span>{esc(e.date_text)} · '
            f"{esc(where)} · {esc(e.actor_text)}")
    n = len(e.sources)
    sources = (f'<h4>Sources ({n})</h4><ol class="sources">{"".join(source_item(s) for s in e.sources)}</ol>'
               if n else '<p class="empty">No source listed.</p>')
    return (f'<article class="card" id="card-{e.key}" data-key="{e.key}" data-kind="{e.kind}">'
            f"<h3>{head}</h3>{_facts(e)}{sources}</article>")


def summary(events: list[ReportEvent]) -> str:
    if not events:
        return '<p class="summary">No events.</p>'
    articles = {s.article_id or s.url or s.title for e in events for s in e.sources} - {None}
    days = sorted(d for e in events if (d := e.day))
    span = f" · {days[0].isoformat()} to {days[-1].isoformat()}" if days else ""
    killed = [c for e in events if (c := e.casualties.get("killed"))]
    low = sum(c.min or 0 for c in killed)
    countries = sorted({e.country_text for e in events} - {""})
    kind = ("record" if all(e.is_record for e in events) else "event") + ("" if len(events) == 1 else "s")
    return (f'<p class="summary">{len(events)} {kind} from {len(articles)} article{"" if len(articles) == 1 else "s"}'
            f"{span} · at least {low} killed (sum of lower bounds) · {esc(', '.join(countries) or 'no country')}</p>")


def document(events: list[ReportEvent], title: str) -> str:
    svg, unplaced = map_svg(events)
    outcomes = ", ".join(OUTCOME_LABEL[o] for o in OUTCOMES)
    return "".join([
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{esc(title)}</h1>{summary(events)}</header><main>",
        '<section id="map-section" class="mapwrap"><div class="left"><h2>Map</h2><div class="mapbox">',
        '<div class="zoom"><button type="button" data-zoom="in" title="Zoom in">+</button>'
        '<button type="button" data-zoom="out" title="Zoom out">−</button>'
        '<button type="button" data-zoom="reset" title="Whole map">⟲</button></div>',
        f'{svg}</div><div id="timeline-section"><h2>Timeline</h2>{timeline_svg(events)}</div></div>',
        f'<div class="side">{legend(events)}<aside id="detail"><p class="hint">Hover over an event for its '
        "summary; click it (on the map, the timeline or in the table) to see its sources and evidence; scroll "
        "or use the buttons to zoom the map, drag to pan.</p></aside>",
        unplaced_list(unplaced), "</div></section>",
        f'<section id="table-section"><h2>Events</h2>{table(events)}</section>',
        f'<section id="sources-section"><h2>Sources and evidence</h2><p class="note">Tolls: {outcomes}; '
        "≥N is at least N, N–M spans the sources' figures, ? is a toll reported without a figure.</p>",
        "".join(card(e) for e in events), "</section></main>",
        '<footer>Made by sahel-extract. Base map: Natural Earth 1:110m country outlines and capitals (public '
        "domain). Places are as resolved by the pipeline; dashed circles are placed at a region, not a town."
        '</footer><div id="tip" hidden></div>',
        f"<script>{SCRIPT}</script></body></html>\n",
    ])
