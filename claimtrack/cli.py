"""The command line: parse arguments, call one core function, render the result.

Errors are handled once, in ``main``: a ``ClaimtrackError`` prints ``Error: …`` on
stderr and exits 1 (2 for usage errors); nothing else reaches a user as a traceback.
Heavy modules (extraction, sqlite-utils, Rich) are imported inside the commands that use
them, so ``claimtrack --version`` and queries start fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from claimtrack import __version__
from claimtrack.errors import ClaimtrackError, UsageError

app = typer.Typer(
    help="Track who claims what in the news: statements, figures and dates from articles, "
    "and where sources disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"claimtrack {__version__}")
        raise typer.Exit()


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _format(fmt: Format, json_flag: bool) -> str:
    return "json" if json_flag else fmt.value


DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="CLAIMTRACK_DB", help="The database file.", show_default=True),
]


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
SourceOption = Annotated[
    str | None, typer.Option("--source", help="A source id, path, or part of a path or title.")
]
TopicOption = Annotated[str | None, typer.Option("--topic", help="A topic name, or any word (stem match).")]
SinceOption = Annotated[
    str | None, typer.Option("--since", callback=_date, help="Only records dated on or after YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", callback=_date, help="Only records dated on or before YYYY-MM-DD.")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
DEFAULT_DB = Path("claimtrack.db")


def _open(db: Path, create: bool = False):
    from claimtrack.store import Store

    return Store(db, create=create)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Track who claims what in the news, and where sources disagree."""


# -- ingest ---------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files or directories of articles; - for standard input.", metavar="PATH..."),
    ],
    db: DbOption = DEFAULT_DB,
    title: Annotated[str | None, typer.Option(help="Title (overrides front matter).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet (overrides front matter).")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", callback=_date, help="Publication date YYYY-MM-DD (overrides all)."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL (overrides front matter).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract sources already stored.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles into the store.

    Example: claimtrack ingest articles/ --outlet Reuters
    """
    from claimtrack.ingest import Overrides, Summary, ingest_paths
    from claimtrack.render import console, to_json

    err = console(stderr=True)
    overrides = Overrides(title, outlet, dt.date.fromisoformat(date) if date else None, url)
    summary = Summary()
    with _open(db, create=True) as store:
        outcomes = ingest_paths(store, paths, overrides, force, read_stdin=sys.stdin.buffer.read)
        with _progress(err, paths) as advance:
            for outcome in outcomes:
                summary.count(outcome)
                for warning in outcome.warnings:
                    err.print(f"Warning: {warning}", markup=False)
                if outcome.error:
                    err.print(f"Error: {outcome.error}", markup=False)
                advance(outcome.path)
    if json_out:
        print(to_json(summary.as_dict()))
    err.print(
        f"{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
        f"{summary.failed} failed: {summary.statements} statements, {summary.figures} figures",
        markup=False,
    )
    if summary.failed:
        raise typer.Exit(1)


class _progress:
    """A Rich progress bar on stderr when it is a terminal and there is much to do."""

    def __init__(self, err, paths: list[str]):
        self.err = err
        self.paths = paths
        self.bar = None

    def __enter__(self):
        from claimtrack.reader import expand_paths

        if not self.err.is_terminal:
            return lambda path: None
        files = [p for p, e in expand_paths(self.paths) if e is None]
        if len(files) < 20:
            return lambda path: None
        from rich.progress import Progress

        self.bar = Progress(console=self.err, transient=True)
        self.bar.start()
        task = self.bar.add_task("Ingesting", total=len(files))
        return lambda path: self.bar.update(task, advance=1, description=Path(path).name[:30])

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# -- extract ----------------------------------------------------------------------------


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="An article file, or - for standard input.")],
    date: Annotated[
        str | None, typer.Option("--date", callback=_date, help="Publication date YYYY-MM-DD.")
    ] = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Extract statements, figures and dates from one article without storing them.

    Example: claimtrack extract article.txt --date 2024-10-25 --json
    """
    from claimtrack.extract import extract as run_extract
    from claimtrack.ingest import Overrides, describe
    from claimtrack.models import to_dict
    from claimtrack.reader import read_document
    from claimtrack.render import render, to_json
    from claimtrack.store import sha256

    fmt = _format(fmt, json_flag)
    document = read_document(path, sys.stdin.buffer.read() if path == "-" else None)
    info, published, warnings = describe(
        document, Overrides(date=dt.date.fromisoformat(date) if date else None)
    )
    records = run_extract(document.text, published)
    source = {
        "path": info.path,
        "title": info.title,
        "outlet": info.outlet,
        "published": info.published,
        "published_from": info.published_from,
        "url": info.url,
        "sha256": sha256(document.text),
        "words": len(document.text.split()),
    }

    def rows(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {"path": info.path, "outlet": info.outlet, "published": info.published, **to_dict(r)}
            for r in items
        ]

    result = {
        "source": source,
        "statements": rows(records.statements),
        "figures": rows(records.figures),
        "dates": rows(records.dates),
    }
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if fmt == "json":
        print(to_json(result))
        return
    if fmt == "jsonl":
        import json

        print(json.dumps(result, ensure_ascii=False))
        return
    if fmt == "csv":
        raise UsageError("extract prints several kinds of record; use --format json or jsonl")
    render(result["statements"], "table", STATEMENT_COLUMNS, title="Statements", widths=WIDTHS)
    render(result["figures"], "table", FIGURE_COLUMNS, title="Figures", widths=WIDTHS)
    render(result["dates"], "table", DATE_COLUMNS, title="Dates", widths=WIDTHS)


# -- reading the store --------------------------------------------------------------------

SOURCE_COLUMNS = ["id", "published", "outlet", "title", "path", "words"]
STATEMENT_COLUMNS = ["id", "date", "speaker", "cue", "stance", "content", "path"]
FIGURE_COLUMNS = ["id", "date", "claimant", "text", "qualifier", "unit", "modality", "path"]
DATE_COLUMNS = ["id", "text", "value", "precision", "relation", "path"]
WIDTHS = {
    "content": 70,
    "title": 50,
    "path": 28,
    "text": 30,
    "sentence": 80,
    "subject": 28,
    "claimant": 28,
    "speaker": 28,
}


def _query(db: Path, method: str, fmt: str, json_flag: bool, columns: list[str], **filters: Any) -> None:
    from claimtrack.render import render
    from claimtrack.store import Filters

    fmt = _format(fmt, json_flag)
    with _open(db) as store:
        rows = getattr(store, method)(Filters(**filters))
    render(rows, fmt, columns, widths=WIDTHS)


@app.command()
def sources(
    db: DbOption = DEFAULT_DB,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """List the ingested articles.

    Example: claimtrack sources --since 2024-10-01
    """
    _query(
        db, "sources", fmt, json_flag, SOURCE_COLUMNS, source=source, since=since, until=until, limit=limit
    )


@app.command()
def statements(
    db: DbOption = DEFAULT_DB,
    source: SourceOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speakers whose name contains this.")] = None,
    stance: Annotated[str | None, typer.Option(help="assert, estimate, deny or confirm.")] = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """List who said, estimated, confirmed or denied what.

    Example: claimtrack statements --stance deny --topic deployment
    """
    from claimtrack.models import STANCES

    if stance and stance not in STANCES:
        raise UsageError(f"unknown stance {stance!r}; choose one of {', '.join(STANCES)}")
    _query(
        db, "statements", fmt, json_flag, STATEMENT_COLUMNS,
        source=source, speaker=speaker, stance=stance, topic=topic, since=since, until=until, limit=limit,
    )  # fmt: skip


@app.command()
def figures(
    db: DbOption = DEFAULT_DB,
    source: SourceOption = None,
    claimant: Annotated[str | None, typer.Option(help="Claimants whose name contains this.")] = None,
    unit: Annotated[str | None, typer.Option(help="Only this unit (lemma: troop, dollar, percent).")] = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """List the figures: numbers with their qualifier, unit and claimant.

    Example: claimtrack figures --unit troop --json
    """
    _query(
        db, "figures", fmt, json_flag, FIGURE_COLUMNS,
        source=source, claimant=claimant, unit=unit, topic=topic, since=since, until=until, limit=limit,
    )  # fmt: skip


@app.command()
def dates(
    db: DbOption = DEFAULT_DB,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """List the date mentions, resolved against each article's publication date.

    Example: claimtrack dates --source seed --json
    """
    _query(db, "dates", fmt, json_flag, DATE_COLUMNS, source=source, since=since, until=until, limit=limit)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Full-text query: words, "a phrase", OR, NOT, prefix*.')],
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Find sentences by full-text search, best matches first.

    Example: claimtrack search '"death toll" NOT injured'
    """
    from claimtrack.render import render

    fmt = _format(fmt, json_flag)
    with _open(db) as store:
        rows = store.search(query, limit)
    render(rows, fmt, ["source_id", "published", "outlet", "sentence", "path"], widths=WIDTHS)


@app.command()
def show(
    source: Annotated[str, typer.Argument(help="A source id, path, or part of a path or title.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Show one article with its statements and figures marked in the text.

    Example: claimtrack show 3
    """
    from claimtrack.render import render_source, to_json
    from claimtrack.store import Filters

    fmt = _format(fmt, json_flag)
    with _open(db) as store:
        source_id = store.resolve_source(source)
        row = store.source(source_id)
        sts = store.statements(Filters(source=str(source_id)))
        figs = store.figures(Filters(source=str(source_id)))
    if fmt in ("json", "jsonl"):
        print(to_json({"source": row, "statements": sts, "figures": figs}))
        return
    if fmt == "csv":
        raise UsageError("show prints one article; use --format json")
    render_source(row, sts, figs)


# -- analysis ------------------------------------------------------------------------------


@app.command()
def conflicts(
    db: DbOption = DEFAULT_DB,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when conflicts are found.")] = False,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Show where sources disagree: differing figures for one quantity, denials against claims.

    Example: claimtrack conflicts --topic deployment
    """
    from claimtrack.analysis.conflicts import conflicts as find_conflicts
    from claimtrack.render import render, render_conflicts
    from claimtrack.store import Filters

    fmt = _format(fmt, json_flag)
    filters = Filters(topic=topic, since=since, until=until)
    with _open(db) as store:
        found = find_conflicts(store.figures(filters), store.statements(filters), topic=topic)
    if fmt == "table":
        render_conflicts(found)
    else:
        render(found, fmt)
    if exit_code and found:
        raise typer.Exit(1)


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    topic: TopicOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Statements by speakers whose name contains this.")
    ] = None,
    claimant: Annotated[
        str | None, typer.Option(help="Figures by claimants whose name contains this.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Show statements and figures in the order of the dates they refer to.

    Example: claimtrack timeline --topic deployment
    """
    from claimtrack.analysis.timeline import timeline as build
    from claimtrack.render import render, render_timeline
    from claimtrack.store import Filters

    fmt = _format(fmt, json_flag)
    with _open(db) as store:
        sts = (
            []
            if claimant
            else store.statements(Filters(topic=topic, speaker=speaker, since=since, until=until))
        )
        figs = (
            []
            if speaker
            else store.figures(Filters(topic=topic, claimant=claimant, since=since, until=until))
        )
    rows = build(sts, figs)[:limit] if limit else build(sts, figs)
    if fmt == "table":
        render_timeline(rows)
    else:
        render(rows, fmt)


def main() -> None:
    """Entry point: run the app, turning every error into one line on stderr."""
    try:
        app()
    except ClaimtrackError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        # The reader went away (| head): not an error worth a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # a bug: still no traceback for the user, but a way to get one
        if os.environ.get("CLAIMTRACK_DEBUG"):
            raise
        print(
            f"Error: internal error ({type(exc).__name__}: {exc}); rerun with CLAIMTRACK_DEBUG=1 for details",
            file=sys.stderr,
        )
        sys.exit(1)
