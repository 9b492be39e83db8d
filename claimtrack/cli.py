"""The command line: parse arguments, call one core function, render the result.

Errors are handled once, in ``run`` (which ``main``, the entry point, calls): a
``ClaimtrackError`` prints ``Error: …`` on stderr and exits 1 (2 for usage errors);
nothing else reaches a user as a traceback.
Heavy modules (extraction, sqlite-utils, Rich) are imported inside the commands that use
them, so ``claimtrack --version`` and queries start fast. This module does without
``from __future__ import annotations``: Typer reads every command's annotations at each
start, and it would compile and evaluate them as strings (9 ms of every command).
"""

import atexit
import contextlib
import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

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


DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="CLAIMTRACK_DB", help="The database file.", show_default=True),
]


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _format(fmt: Format, json_flag: bool) -> str:
    return "json" if json_flag else fmt.value


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
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Processes that extract at once [default: one per CPU]."),
]
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
        list[str] | None,
        typer.Argument(help="Files or directories of articles; - for standard input.", metavar="PATH"),
    ] = None,
    db: DbOption = DEFAULT_DB,
    title: Annotated[str | None, typer.Option(help="Title (overrides front matter).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet (overrides front matter).")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", callback=_date, help="Publication date YYYY-MM-DD (overrides all)."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL (overrides front matter).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract sources already stored.")] = False,
    records: Annotated[
        str | None,
        typer.Option(
            "--records", metavar="FILE", help="Load the lines of `extract --format jsonl` (a file, or -)."
        ),
    ] = None,
    jobs: JobsOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles into the store.

    Example: claimtrack ingest articles/ --outlet Reuters
    """
    from claimtrack.ingest import PRELOAD, Overrides, Summary, ingest_paths, prepare_inputs, several_files
    from claimtrack.parallel import Workers, default_jobs
    from claimtrack.render import line_printer, stderr_console, to_json

    if records is None and not paths:
        raise UsageError("Missing argument 'PATH...': name files or directories, or give --records FILE")
    if records is not None and (paths or title or outlet or date or url):
        raise UsageError("--records loads sources as extracted: no PATH, --title, --outlet, --date or --url")
    overrides = Overrides(title, outlet, dt.date.fromisoformat(date) if date else None, url)
    summary = Summary()
    jobs = jobs or default_jobs()
    # Workers start first, before the store is opened (so they may be forked), and are
    # handed their first files at once, to extract while it opens; they stop before it
    # is closed, so that the store's last connection folds its log in.
    parallel = records is None and jobs > 1 and several_files(paths or [])
    # A store this run creates holds no text yet: the workers need not look texts up in it
    # (a text named twice is still stored once: the writer looks it up).
    known = str(Path(db)) if Path(db).exists() else None
    workers = Workers(jobs, PRELOAD, fork=True) if parallel else None
    read_stdin = sys.stdin.buffer.read
    with (
        contextlib.closing(workers) if workers else contextlib.nullcontext(),
        contextlib.nullcontext(
            prepare_inputs(paths or [], known, overrides, force, read_stdin, workers=workers)
            if workers
            else None
        ) as prepared,
        # Rich loads after the workers have their first files: they need not wait for it.
        contextlib.nullcontext(stderr_console()) as err,
        _open(db, create=True) as store,
        workers or contextlib.nullcontext(),
        _progress(err, paths or []) as bar,
    ):
        say = line_printer(err)
        if records is not None:
            outcomes = _load_records(store, records, force)
        else:
            outcomes = ingest_paths(
                store, paths or [], overrides, force, read_stdin=read_stdin,
                jobs=jobs, progress=bar.within, prepared=prepared,
            )  # fmt: skip
        interrupted = False
        try:
            for outcome in outcomes:
                summary.count(outcome)
                for warning in outcome.warnings:
                    say(f"Warning: {warning}")
                if outcome.error:
                    say(f"Error: {outcome.error}")
                bar.advance(outcome.path)
        except KeyboardInterrupt:  # an outcome is counted once its source is committed
            interrupted = True
    if json_out:
        print(to_json(summary.as_dict()))
    say(
        f"{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
        f"{summary.failed} failed: {summary.statements} statements, {summary.figures} figures"
    )
    if interrupted:
        say("Interrupted: the sources counted above are stored, the rest are not; run it again to go on.")
        raise typer.Exit(130)
    if summary.failed:
        raise typer.Exit(1)


def _load_records(store, name: str, force: bool):
    from claimtrack.ingest import ingest_records

    if name == "-":
        yield from ingest_records(store, sys.stdin.buffer, "-", force)
        return
    try:
        lines = open(name, "rb")  # noqa: SIM115 (closed by the `with` below)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        raise ClaimtrackError(f"{name}: {reason[:1].lower() + reason[1:]}") from None
    with lines:
        yield from ingest_records(store, lines, name, force)


class _progress:
    """A Rich progress bar on stderr, in bytes of text, when it is a terminal and there is much to do.

    Counting bytes rather than files lets one long article move the bar while it is
    extracted (``within``), and keeps a run of small files and big ones honest.
    """

    MIN_FILES, MIN_BYTES = 20, 2_000_000

    def __init__(self, err, paths: list[str]):
        self.err = err
        self.paths = paths
        self.bar = None
        self.files: list[tuple[str, int]] = []
        self.next = 0  # index in files of the one being extracted
        self.done = 0

    def __enter__(self) -> "_progress":
        from claimtrack.reader import expand_paths, file_size

        if self.err is None or not self.err.is_terminal:
            return self
        self.files = [(p, file_size(p)) for p, e in expand_paths(self.paths) if e is None]
        total = sum(size for _, size in self.files)
        if len(self.files) < self.MIN_FILES and total < self.MIN_BYTES:
            return self
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

        # Rich's default columns, the file name shown as written (not read as markup or emoji).
        name = TextColumn("{task.description}", markup=False, style="progress.description")
        columns = (name, BarColumn(), TaskProgressColumn(), TimeRemainingColumn())
        self.bar = Progress(*columns, console=self.err, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("Ingesting", total=total)
        return self

    def within(self, fraction: float) -> None:
        """The current file's extraction is this far along."""
        if self.bar is not None and self.next < len(self.files):
            size = self.files[self.next][1]
            self.bar.update(self.task, completed=self.done + int(size * fraction))

    def advance(self, path: str) -> None:
        if self.bar is None:
            return
        if self.next < len(self.files) and self.files[self.next][0] == path:
            self.done += self.files[self.next][1]
            self.next += 1
        self.bar.update(self.task, completed=self.done, description=Path(path).name[:30])

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# -- extract ----------------------------------------------------------------------------


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="An article file, or - for standard input; with --format jsonl, any files and directories.",
            metavar="PATH",
        ),
    ],
    date: Annotated[
        str | None, typer.Option("--date", callback=_date, help="Publication date YYYY-MM-DD.")
    ] = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
    jobs: JobsOption = None,
) -> None:
    """Extract statements, figures and dates from articles without storing them.

    Example: claimtrack extract article.txt --date 2024-10-25 --json
    """
    fmt = _format(fmt, json_flag)
    published = dt.date.fromisoformat(date) if date else None
    if fmt == "jsonl":
        _extract_lines(paths, published, jobs)
        return
    if len(paths) != 1 or os.path.isdir(paths[0]):
        raise UsageError("extract prints one article as a table or JSON; use --format jsonl for several")
    if fmt == "csv":
        raise UsageError("extract prints several kinds of record; use --format json or jsonl")
    _extract_one(paths[0], published, fmt)


def _extract_one(path: str, published: dt.date | None, fmt: str) -> None:
    from claimtrack.extract import extract as run_extract
    from claimtrack.ingest import Overrides, describe
    from claimtrack.reader import read_document
    from claimtrack.records import to_line
    from claimtrack.render import render, to_json

    document = read_document(path, sys.stdin.buffer.read() if path == "-" else None)
    info, published, warnings = describe(document, Overrides(date=published))
    records = run_extract(document.text, published)
    line = to_line(info, document.text, records)
    # The same records as a JSONL line, without the text: this output is for reading.
    source = {k: v for k, v in line["source"].items() if k not in ("encoding", "text")}
    result = {"source": source, **{kind: line[kind] for kind in ("statements", "figures", "dates")}}
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if fmt == "json":
        print(to_json(result))
        return
    render(result["statements"], "table", STATEMENT_COLUMNS, title="Statements", widths=WIDTHS)
    render(result["figures"], "table", FIGURE_COLUMNS, title="Figures", widths=WIDTHS)
    render(result["dates"], "table", DATE_COLUMNS, title="Dates", widths=WIDTHS)


def _extract_lines(paths: list[str], published: dt.date | None, jobs: int | None) -> None:
    """One line of records per source (the input of `ingest --records`), in input order."""
    from claimtrack.ingest import Overrides, Task
    from claimtrack.parallel import default_jobs, ordered_map
    from claimtrack.reader import expand_paths
    from claimtrack.records import extract_line

    overrides = Overrides(date=published)
    tasks = (
        Task(path, error=str(error))
        if error
        else Task(path, sys.stdin.buffer.read() if path == "-" else None, overrides, force=True)
        for path, error in expand_paths(paths)
    )
    failed = 0
    work = ordered_map(extract_line, tasks, jobs or default_jobs(), preload=("claimtrack.extract.pipeline",))
    for _path, line, error, warnings in work:
        for warning in warnings:
            print(f"Warning: {warning}", file=sys.stderr)
        if error is not None:
            failed += 1
            print(f"Error: {error}", file=sys.stderr)
        else:
            sys.stdout.write(line + "\n")
    if failed:
        raise typer.Exit(1)


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
    limit = _table_limit(fmt, filters.pop("limit", None))
    with _open(db) as store:
        rows = getattr(store, method)(Filters(**filters, limit=limit))
    render(_cut_rows(rows, fmt, limit), fmt, columns, widths=WIDTHS)


TABLE_ROWS = 200  # a table longer than this is read by no one, and slow to lay out


def _table_limit(fmt: str, limit: int | None) -> int | None:
    """The rows to fetch: a table without --limit gets one more than it shows, to know."""
    return TABLE_ROWS + 1 if fmt == "table" and limit is None else limit


def _cut_rows(rows: list[dict[str, Any]], fmt: str, limit: int | None) -> list[dict[str, Any]]:
    if fmt == "table" and limit == TABLE_ROWS + 1 and len(rows) > TABLE_ROWS:
        print(
            f"Showing the first {TABLE_ROWS} rows; give --limit N for more, or --format json for all.",
            file=sys.stderr,
        )
        return rows[:TABLE_ROWS]
    return rows


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
    fetch = _table_limit(fmt, limit)
    with _open(db) as store:
        rows = store.search(query, fetch)
    rows = _cut_rows(rows, fmt, fetch)
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
        found = find_conflicts(
            store.figures(filters), store.statements(filters), topic=topic, aliases=store.aliases()
        )
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
    quantity: Annotated[
        str | None, typer.Option(help="Figures of quantities whose label contains this (see conflicts).")
    ] = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Draw the figures of one quantity over time.")
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Show statements and figures in the order of the dates they refer to.

    Example: claimtrack timeline --topic deployment
    """
    from claimtrack.analysis.conflicts import quantities
    from claimtrack.analysis.timeline import timeline as build
    from claimtrack.render import chart_lines, render, render_timeline
    from claimtrack.store import Filters

    fmt = _format(fmt, json_flag)
    only_figures = bool(claimant or quantity or chart)
    with _open(db) as store:
        filters = Filters(topic=topic, speaker=speaker, claimant=claimant, since=since, until=until)
        sts = [] if only_figures else store.statements(filters)
        figs = [] if speaker else store.figures(filters)
        found = quantities(figs, sts)
    if quantity:
        wanted = quantity.lower()
        found = [q for q in found if wanted in q["quantity"].lower()]
        figs = [f for q in found for f in q["figures"]]
    if chart:
        if not found:
            raise UsageError("no quantity to chart; list them with: claimtrack conflicts")
        labels = sorted({q["quantity"] for q in found})
        if len(labels) > 1:
            raise UsageError(
                f"--chart draws one quantity; --quantity matches {len(labels)}: {'; '.join(labels)}"
            )
        print("\n".join(chart_lines(found[0]["quantity"], found[0]["figures"])))
        return
    rows = build(sts, figs)
    rows = rows[:limit] if limit else rows
    if fmt == "table":
        render_timeline(rows)
    else:
        render(rows, fmt)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Write a Markdown memo: estimates by source, denials and open conflicts.

    Example: claimtrack report --topic casualties -o memo.md
    """
    from claimtrack.analysis.conflicts import conflicts as find_conflicts
    from claimtrack.analysis.conflicts import quantities
    from claimtrack.analysis.report import report as write_report
    from claimtrack.store import Filters

    filters = Filters(topic=topic, since=since, until=until)
    with _open(db) as store:
        figs, sts, aliases = store.figures(filters), store.statements(filters), store.aliases()
    memo = write_report(topic, quantities(figs, sts), sts, find_conflicts(figs, sts, topic, aliases))
    if output is None:
        sys.stdout.write(memo)
        return
    try:
        output.write_text(memo, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write ({exc.strerror})") from None
    print(f"Wrote {output}", file=sys.stderr)


# -- aliases and topics --------------------------------------------------------------------

alias_app = typer.Typer(help="Claimant aliases: names that stand for one party (Seoul → South Korea).")
topic_app = typer.Typer(help="Topics: named sets of terms for --topic (built-in ones and your own).")
app.add_typer(alias_app, name="alias")
app.add_typer(topic_app, name="topic")


@alias_app.command("add")
def alias_add(
    name: Annotated[str, typer.Argument(help="The name as written (case does not matter).")],
    canonical: Annotated[str, typer.Argument(help="The party it stands for.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Make NAME stand for CANONICAL when grouping claimants.

    Example: claimtrack alias add "Blue House" "South Korea"
    """
    with _open(db, create=True) as store:
        store.add_alias(name, canonical)
    print(f"{name} → {canonical}", file=sys.stderr)


@alias_app.command("list")
def alias_list(
    db: DbOption = DEFAULT_DB, fmt: FormatOption = Format.table, json_flag: JsonOption = False
) -> None:
    """List aliases: built-in ones and your own.

    Example: claimtrack alias list --json
    """
    from claimtrack.extract.lexicon.quantities import ALIASES
    from claimtrack.render import render

    with _open(db) as store:
        own = store.aliases()
    rows = [
        {"name": k, "canonical": v, "origin": "built-in"} for k, v in sorted(ALIASES.items()) if k not in own
    ]
    rows += [{"name": k, "canonical": v, "origin": "user"} for k, v in own.items()]
    render(rows, _format(fmt, json_flag), ["name", "canonical", "origin"])


@alias_app.command("remove")
def alias_remove(
    name: Annotated[str, typer.Argument(help="An alias you added.")], db: DbOption = DEFAULT_DB
) -> None:
    """Remove an alias you added.

    Example: claimtrack alias remove "Blue House"
    """
    with _open(db) as store:
        if not store.remove_alias(name):
            raise UsageError(f"no alias {name!r} of yours; list them with: claimtrack alias list")


@topic_app.command("add")
def topic_add(
    name: Annotated[str, typer.Argument(help="The topic's name.")],
    terms: Annotated[
        list[str], typer.Argument(help="Words or phrases; a word matches words starting with it.")
    ],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a topic (or terms to one): records whose sentence has a term are in it.

    Example: claimtrack topic add nuclear uranium enrichment "nuclear test"
    """
    with _open(db, create=True) as store:
        store.add_topic(name, terms)
    print(f"{name}: {', '.join(terms)}", file=sys.stderr)


@topic_app.command("list")
def topic_list(
    db: DbOption = DEFAULT_DB, fmt: FormatOption = Format.table, json_flag: JsonOption = False
) -> None:
    """List topics with their terms: built-in ones and your own.

    Example: claimtrack topic list
    """
    from claimtrack.extract.lexicon.topics import TOPICS
    from claimtrack.render import render

    with _open(db) as store:
        own = store.topics()
    rows = [{"name": k, "terms": [t.strip() for t in v], "origin": "built-in"} for k, v in TOPICS.items()]
    rows += [{"name": k, "terms": v, "origin": "user"} for k, v in own.items()]
    render(rows, _format(fmt, json_flag), ["name", "origin", "terms"])


@topic_app.command("remove")
def topic_remove(
    name: Annotated[str, typer.Argument(help="A topic you added.")], db: DbOption = DEFAULT_DB
) -> None:
    """Remove a topic you added.

    Example: claimtrack topic remove nuclear
    """
    with _open(db) as store:
        if not store.remove_topic(name):
            raise UsageError(f"no topic {name!r} of yours; list them with: claimtrack topic list")


# -- maintenance -------------------------------------------------------------------------


@app.command()
def verify(
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the store: texts against their hashes, every record's offsets, references, the file.

    Example: claimtrack verify --db news.db
    """
    from claimtrack.maintenance import verify as check
    from claimtrack.render import to_json

    with _open(db) as store:
        report = check(store)
    if json_out:
        print(to_json(report.as_dict()))
    else:
        for problem in report.problems:
            print(problem)
    print(report.summary(), file=sys.stderr)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def remove(
    sources: Annotated[
        list[str], typer.Argument(help="Source ids, paths, or parts of a path or title.", metavar="SOURCE...")
    ],
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print what was removed as JSON.")] = False,
) -> None:
    """Remove sources with all their statements, figures and dates.

    Example: claimtrack remove 3 articles/old.txt
    """
    from dataclasses import asdict

    from claimtrack.maintenance import remove as remove_sources
    from claimtrack.render import to_json

    with _open(db) as store:
        removed = remove_sources(store, sources)
    if json_out:
        print(to_json([asdict(r) for r in removed]))
    for r in removed:
        counts = ", ".join(f"{n} {table}" for table, n in r.records.items() if table != "sentences")
        print(f"Removed source {r.source_id} ({r.path}): {counts}", file=sys.stderr)


@app.command()
def reextract(
    source: SourceOption = None,
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print the counts per source as JSON.")] = False,
) -> None:
    """Extract again from the stored texts, after an upgrade; ids and metadata stay.

    Example: claimtrack reextract --source 3
    """
    from dataclasses import asdict

    from claimtrack.maintenance import reextract as run
    from claimtrack.render import to_json

    with _open(db) as store:
        done = list(run(store, source))
    if json_out:
        print(to_json([asdict(r) for r in done]))
    totals = {
        table: (sum(r.before[table] for r in done), sum(r.after[table] for r in done))
        for table in ("statements", "figures", "dates")
    }
    changes = ", ".join(f"{table} {old} → {new}" for table, (old, new) in totals.items())
    print(f"Re-extracted {len(done)} source{'s' if len(done) != 1 else ''}: {changes}", file=sys.stderr)


def main() -> None:
    """Entry point: ``run``, then leave without the interpreter's teardown."""
    try:
        run()
    except SystemExit as done:
        _exit(done.code)
    _exit(0)


def _exit(code: object) -> NoReturn:
    """Exit as ``sys.exit(code)`` would, less the interpreter's teardown: freeing every
    module and object takes 15-20 ms of a 150 ms query and shows nothing. The output is
    flushed and the ``atexit`` handlers run first, so nothing is lost. While a thread
    other than a daemon still runs, it exits as usual: the interpreter waits for it."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    threading = sys.modules.get("threading")
    if threading and any(not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        sys.exit(status)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream: nothing to keep
            stream.flush()
    atexit._run_exitfuncs()
    os._exit(status)


def run() -> None:
    """Run the app, turning every error into one line on stderr: ``main`` but for the
    exit, so that tests can call it in their own process."""
    try:
        app()
    except ClaimtrackError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except UnicodeEncodeError:  # an argument that is not text (bytes a terminal could not decode)
        print("Error: an argument is not valid text; check its encoding", file=sys.stderr)
        sys.exit(2)
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
