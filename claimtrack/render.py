"""Rendering rows for people (Rich tables) and for scripts (JSON, JSON lines, CSV).

One ``render(rows, fmt, columns)`` serves every list command. Tables show the chosen
columns, cut to fit; the machine formats always carry every field, so scripts never
depend on what fits a terminal.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any


def plain() -> bool:
    """Plain output: stdout is not a terminal, or NO_COLOR is set."""
    return bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()


def console(stderr: bool = False):  # -> rich.console.Console (imported lazily: start-up time)
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR"))
    if stderr:
        return Console(stderr=True, no_color=no_color, highlight=False, soft_wrap=True)
    return Console(no_color=no_color, highlight=False, soft_wrap=False)


def stderr_console():  # -> rich.console.Console | None
    """A Rich console on stderr when it is a terminal (for a progress bar), else None: lines
    for a pipe or a file need no Rich, whose import is a tenth of a one-file ingest."""
    return console(stderr=True) if sys.stderr.isatty() else None


def line_printer(con) -> Callable[[str], None]:  # con: rich.console.Console | None
    """Print lines to stderr exactly as written: through ``con`` on a terminal, where a
    progress bar may be showing, else straight to the file (Rich costs a tenth of a
    millisecond a line, and an ingest may warn about every file)."""
    if con is not None and con.is_terminal:
        return partial(con.print, markup=False, emoji=False, highlight=False)
    return lambda line: print(line, file=con.file if con is not None else sys.stderr)


# One compact JSON line per record: ``json.dumps`` with ``ensure_ascii=False`` would build
# an encoder for every record.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def to_json(value: Any) -> str:
    """JSON for people and programs alike: a list one record to a line, else indented.

    ``indent`` makes ``json`` use its pure-Python encoder, several times slower than the C
    one on the hundred thousand records of a broad query; a record per line keeps the C
    encoder and stays easy to read and to ``grep``.

    >>> print(to_json([{"a": 1}, {"b": [2, 3]}]))
    [
      {"a": 1},
      {"b": [2, 3]}
    ]
    >>> print(to_json([]), to_json({"n": 1}))
    [] {
      "n": 1
    }
    """
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join("  " + _encode(item) for item in value) + "\n]"
    return json.dumps(value, ensure_ascii=False, indent=2)


def render(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    """Write rows to stdout in the given format."""
    out = sys.stdout
    if fmt == "json":
        out.write(to_json(list(rows)) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(_encode(row) + "\n")
    elif fmt == "csv":
        fields = list(rows[0]) if rows else list(columns or [])
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _raw(v) for k, v in row.items()})
    else:
        table(rows, columns or (list(rows[0]) if rows else []), title=title, widths=widths)


def table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    title: str | None = None,
    widths: dict[str, int] | None = None,
) -> None:
    """A Rich table: long text columns wrap, the others are cut with an ellipsis."""
    from rich.table import Table

    rows = list(rows)
    if not rows:
        console(stderr=True).print("No records match.")
        return
    con = console()
    widths = widths or {}
    columns = _fitting(rows, list(columns), widths, con.width)
    t = Table(
        title=as_written(title) if title else None,
        title_justify="left",
        header_style="bold",
        box=None if plain() else _box(),
    )
    for name in columns:
        wraps = name in WRAPPING
        t.add_column(
            name,
            overflow="fold" if wraps else "ellipsis",
            no_wrap=not wraps,
            max_width=widths.get(name),
            min_width=24 if wraps else MIN_WIDTHS.get(name),
            ratio=1 if wraps else None,
        )
    for row in rows:
        cells = (
            _cell(Path(row[c]).name if c == "path" and row.get(c) else row.get(c), widths.get(c))
            for c in columns
        )
        t.add_row(*map(as_written, cells))
    con.print(t)


def _fitting(rows: list[dict[str, Any]], columns: list[str], widths: dict[str, int], room: int) -> list[str]:
    """The columns that fit the terminal, dropping the least useful first."""

    def need(name: str) -> int:
        if name in WRAPPING:
            return 26
        longest = max([len(name)] + [len(_cell(r.get(name))) for r in rows[:200]])
        return min(longest, widths.get(name, longest)) + 2

    for victim in DROPPABLE:
        if sum(need(c) for c in columns) <= room:
            break
        if victim in columns and len(columns) > 2:
            columns.remove(victim)
    return columns


# Columns of running text: they wrap and take the room the others leave.
WRAPPING = {"content", "sentence", "title", "what"}
# Dropped in this order when a table would not fit the terminal.
DROPPABLE = ("path", "id", "modality", "verb", "cue", "url", "words", "unit", "relation", "outlet")
# Values that are unreadable when cut: dates, stances, qualifiers.
MIN_WIDTHS = {"date": 10, "published": 10, "stance": 8, "qualifier": 9, "precision": 9, "value": 10}


def _raw(value: Any) -> Any:
    """A CSV cell: values as they are (numbers stay parseable), lists joined by "; "."""
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return "" if value is None else value


def _box():
    from rich import box

    return box.SIMPLE_HEAD


def as_written(text: str):  # -> rich.text.Text
    """``text`` to show exactly as written. Rich reads a plain string as markup and emoji
    codes: it would drop "[sic]" from a quotation, fail on "[/]" and draw ":fire:"."""
    from rich.text import Text

    return Text(text)


def _cell(value: Any, width: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,g}"
    elif isinstance(value, list | tuple):
        text = ", ".join(map(str, value))
    else:
        text = str(value)
    if width and len(text) > width * 3:
        text = text[: width * 3 - 1] + "…"
    return text


def _figure_as_written(f: dict[str, Any]) -> str:
    return f.get("text") or ""


def _cut(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_source(source: dict[str, Any], statements: Sequence[dict], figures: Sequence[dict]) -> None:
    """One article: its metadata, then its text with statements and figures marked."""
    from rich.text import Text

    con = console()
    head = f"[{source['id']}] {source.get('title') or source['path']}"
    meta = " · ".join(str(v) for v in (source.get("outlet"), source.get("published"), source.get("url")) if v)
    con.print(Text(head, style="bold"))
    if meta:
        con.print(Text(meta, style="dim"))
    if plain():  # no styles to see: mark the text with brackets instead
        con.print()
        con.print(Text(marked(source["text"], statements, figures)))
        con.print()
        con.print(
            Text(
                f"{len(statements)} statements ([speaker] <cue>); {len(figures)} figures ({{figure}})",
                style="dim",
            )
        )
        return
    text = Text(source["text"])
    for s in statements:
        if s.get("speaker_start") is not None:
            text.stylize("bold cyan", s["speaker_start"], s["speaker_end"])
        text.stylize("underline", s["cue_start"], s["cue_end"])
        text.stylize("italic", s["content_start"], s["content_end"])
    for f in figures:
        text.stylize("bold yellow", f["start"], f["end"])
    con.print()
    con.print(text)
    con.print()
    con.print(
        Text(
            f"{len(statements)} statements (speaker bold cyan, cue underlined, content italic); "
            f"{len(figures)} figures (bold yellow)",
            style="dim",
        )
    )


def marked(text: str, statements: Sequence[dict], figures: Sequence[dict]) -> str:
    """The text with speakers in [brackets], cues in <angles> and figures in {braces}.

    >>> marked("Lee said 3 died.", [{"speaker_start": 0, "speaker_end": 3, "cue_start": 4, "cue_end": 8}],
    ...        [{"start": 9, "end": 10}])
    '[Lee] <said> {3} died.'
    """
    marks: list[tuple[int, int, str]] = []  # (offset, closing before opening, mark)
    spans = [(s.get("speaker_start"), s.get("speaker_end"), "[", "]") for s in statements]
    spans += [(s["cue_start"], s["cue_end"], "<", ">") for s in statements]
    spans += [(f["start"], f["end"], "{", "}") for f in figures]
    for start, end, opening, closing in spans:
        if start is not None and end is not None and start < end:
            marks += [(start, 1, opening), (end, 0, closing)]
    out, last = [], 0
    for offset, _, mark in sorted(set(marks)):
        out += [text[last:offset], mark]
        last = offset
    out.append(text[last:])
    return "".join(out)


def render_conflicts(conflicts: Sequence[dict[str, Any]]) -> None:
    """Each conflict as a group: its quantity or topic, then one row per figure or statement.

    Rows are ordered by the date each figure refers to, so a revision reads top to bottom;
    the sentence each came from is cut to the room the terminal leaves.
    """
    from rich.table import Table

    con = console()
    if not conflicts:
        console(stderr=True).print("No conflicts found.")
        return
    for c in conflicts:
        t = Table(title=as_written(_conflict_title(c)), title_justify="left", box=None if plain() else _box(),
                  header_style="bold", title_style="bold")  # fmt: skip
        if c["kind"] in ("figures", "revision"):
            columns = ["claimant", "figure", "qualifier", "date", "source", "sentence"]
            rows = [
                [
                    f.get("claimant") or "(the outlet)",
                    _figure_as_written(f) + (" (projection)" if f.get("modality") == "projection" else ""),
                    f.get("qualifier") or "",
                    _dated(f),
                    _source(f),
                    _cut(f.get("sentence"), 200),
                ]
                for f in c["figures"]
            ]
        else:
            columns = ["speaker", "stance", "date", "source", "said"]
            rows = [
                [s.get("speaker") or "", s.get("stance") or "", s.get("date") or "", _source(s),
                 _cut(s.get("content"), 200)]
                for s in c["statements"]
            ]  # fmt: skip
        # One line a row where it fits: the sentence (or what was said) gets the room the
        # other columns leave, cut with an ellipsis.
        widths = [min(20, max([len(name)] + [len(r[i]) for r in rows])) for i, name in enumerate(columns)]
        room = max(16, con.width - sum(widths[:-1]) - 3 * len(columns))
        for name in columns:
            last = name == columns[-1]
            t.add_column(
                name,
                overflow="ellipsis" if last else "fold",
                no_wrap=last,
                min_width=_CONFLICT_WIDTHS.get(name),
                max_width=room if last else 20,
            )
        for row in rows:
            t.add_row(*map(as_written, row[: len(columns)]))
        con.print(t)
        con.print()


# Columns of the conflicts table that must stay readable when the terminal is narrow.
_CONFLICT_WIDTHS = {"date": 10, "claimant": 12, "speaker": 12, "said": 16, "figure": 12, "sentence": 16}


def _conflict_title(c: dict[str, Any]) -> str:
    spread = f", spread ×{c['spread']:.1f}" if c.get("spread") else ""
    if c["kind"] == "figures":
        return f"#{c['id']} {c['quantity']}: {len(c['claimants'])} claimants disagree{spread}"
    if c["kind"] == "revision":
        return f"#{c['id']} {c['quantity']}: revised over time{spread}"
    return f"#{c['id']} {c['topic']}: denials against claims"


def _dated(f: dict[str, Any]) -> str:
    """A figure's date with the words it came from: "2024-12 (by December)"."""
    date = f.get("date") or ""
    return f"{date} ({f['date_text']})" if f.get("date_text") else date


def _source(r: dict[str, Any]) -> str:
    """Where a record was printed: "Outlet, 2024-10-25"."""
    outlet = r.get("outlet") or Path(r.get("path") or "").name
    return f"{outlet}, {r['published']}" if r.get("published") else outlet


def render_timeline(rows: Sequence[dict[str, Any]]) -> None:
    """Timeline rows grouped by date."""
    from rich.table import Table

    if not rows:
        console(stderr=True).print("No records match.")
        return
    t = Table(box=None if plain() else _box(), header_style="bold")
    for name in ("date", "kind", "who", "what", "outlet"):
        t.add_column(name, overflow="fold", max_width=70 if name == "what" else 26)
    last = None
    for r in rows:
        label = _date_label(r)
        who, what, outlet = r.get("speaker") or "", _cut(r.get("text"), 70), r.get("outlet") or ""
        t.add_row(*map(as_written, (label if label != last else "", r["kind"], who, what, outlet)))
        last = label
    console().print(t)


def _date_label(r: dict[str, Any]) -> str:
    """A date as a person reads it, at its precision: "December 2024", "week of 2024-10-21",
    "by December 2024" for a deadline.

    >>> _date_label({"date": "2024-12", "precision": "month", "relation": "by"})
    'by December 2024'
    >>> _date_label({"date": "2024-W43", "precision": "week"})
    'week of 2024-10-21'
    """
    import calendar

    from claimtrack.models import period

    value, precision = r.get("date"), r.get("precision")
    if not value:
        return "undated"
    label = value
    if precision == "week":
        label = f"week of {(period(value) or (value,))[0]}"
    elif precision == "month" and len(value) == 7:
        label = f"{calendar.month_name[int(value[5:])]} {value[:4]}"
    return f"by {label}" if r.get("relation") == "by" else label


def chart_lines(
    title: str, figures: Sequence[dict[str, Any]], width: int = 64, height: int = 14
) -> list[str]:
    """One quantity's figures over time as text: a letter per claimant, ranges as spans.

    Time runs left to right (by the date each figure refers to), values bottom to top,
    on a log scale when they span more than a factor of 20. A lower-case letter marks a
    projection; "│" draws the span of a range; "↑" tops a lower bound ("more than").
    """
    import datetime as dt
    import math

    from claimtrack.models import period

    points = []
    for f in figures:
        bounds = period(f.get("date") or f.get("published"))
        low = f.get("low") if f.get("value") is None else f.get("value")
        high = f.get("high") if f.get("value") is None else f.get("value")
        if bounds and low is not None and high is not None and low > 0:
            points.append((dt.date.fromisoformat(bounds[0]), float(low), float(high), f))
    if not points:
        return [title, "(no dated figures to chart)"]
    claimants: dict[str, str] = {}
    for _, _, _, f in points:
        name = f.get("claimant") or f.get("outlet") or "the outlet itself"
        claimants.setdefault(name, chr(ord("A") + len(claimants) % 26))
    lo = min(p[1] for p in points)
    hi = max(p[2] for p in points)
    log = hi / lo > 20
    scale = (lambda v: math.log10(v)) if log else (lambda v: v)
    y0, y1 = scale(lo), scale(hi)
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    days = max((last - first).days, 1)
    grid = [[" "] * width for _ in range(height)]

    def row(v: float) -> int:
        return 0 if y1 == y0 else round((scale(v) - y0) / (y1 - y0) * (height - 1))

    for day, low, high, f in points:
        x = round((day - first).days / days * (width - 1))
        r_low, r_high = row(low), row(high)
        for r in range(r_low + 1, r_high):
            grid[height - 1 - r][x] = "│"
        letter = claimants[f.get("claimant") or f.get("outlet") or "the outlet itself"]
        letter = letter.lower() if f.get("modality") == "projection" else letter
        grid[height - 1 - r_low][x] = letter
        grid[height - 1 - r_high][x] = letter
        if f.get("qualifier") in ("over", "at_least") and r_high + 1 < height:
            grid[height - 2 - r_high][x] = "↑"
    label_width = max(len(_cell(hi)), len(_cell(lo)))
    lines = [title + (" (log scale)" if log else "")]
    for i, cells in enumerate(grid):
        label = _cell(hi) if i == 0 else _cell(lo) if i == height - 1 else ""
        lines.append(f"{label:>{label_width}} ┤" + "".join(cells).rstrip())
    lines.append(" " * label_width + " └" + "─" * width)
    lines.append(" " * (label_width + 2) + f"{first.isoformat():<{width - 10}}{last.isoformat():>10}")
    lines.append("")
    lines += [f"  {letter}  {name}" for name, letter in claimants.items()]
    lines.append("  (lower-case: projection; │ range; ↑ lower bound)")
    return lines
