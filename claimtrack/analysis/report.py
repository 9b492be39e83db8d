"""A Markdown memo of one topic, for a journalist to paste into a draft.

For each quantity: the estimates by source, in date order, each citing outlet, date and
the sentence it came from; then the denials; then the open conflicts. A pure function of
records, so the memo is the same wherever it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _number(f: dict[str, Any]) -> str:
    return " ".join((f.get("text") or "").split())


def _cite(r: dict[str, Any]) -> str:
    outlet = r.get("outlet") or (r.get("path") or "").rsplit("/", 1)[-1]
    return f"{outlet}, {r.get('published') or 'undated'}"


def _quote(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def report(
    topic: str | None,
    quantities: Sequence[dict[str, Any]],
    statements: Sequence[dict[str, Any]],
    conflicts: Sequence[dict[str, Any]],
) -> str:
    """The memo as Markdown text."""
    title = f"# {topic.capitalize()}: who says what" if topic else "# Who says what"
    lines = [title, ""]
    shown = [q for q in quantities if any(f.get("claimant") for f in q["figures"]) or len(q["figures"]) > 1]
    if shown:
        lines += ["## Estimates by source", ""]
    for q in shown:
        lines += [
            f"### {q['quantity']}",
            "",
            "| Date | Source | Figure | Cited | Sentence |",
            "|---|---|---|---|---|",
        ]
        for f in q["figures"]:
            figure = _number(f) + (" (projection)" if f.get("modality") == "projection" else "")
            lines.append(
                f"| {f.get('date') or ''} | {f.get('claimant') or 'the outlet itself'} | {figure} "
                f"| {_cite(f)} | “{_quote(f.get('sentence'))}” |"
            )
        lines.append("")
    denials = [s for s in statements if s.get("stance") == "deny"]
    if denials:
        lines += ["## Denials", ""]
        for s in denials:
            who = s.get("speaker") or "Unnamed"
            lines.append(f"- **{who}** {s.get('cue')}: “{_quote(s.get('content'))}” ({_cite(s)})")
        lines.append("")
    open_conflicts = [c for c in conflicts if c["kind"] in ("figures", "stance")]
    if open_conflicts:
        lines += ["## Open conflicts", ""]
        for c in open_conflicts:
            if c["kind"] == "figures":
                sides = "; ".join(
                    f"{f.get('claimant') or 'the outlet'} {_number(f)} ({_cite(f)})" for f in c["figures"]
                )
                lines.append(f"- **{c['quantity']}**: {sides}")
            else:
                deniers = sorted(
                    {s.get("speaker") or "" for s in c["statements"] if s.get("stance") == "deny"}
                )
                others = sorted(
                    {s.get("speaker") or "" for s in c["statements"] if s.get("stance") != "deny"}
                )
                lines.append(f"- **{c['topic']}**: {', '.join(deniers)} deny what {', '.join(others)} say")
        lines.append("")
    if len(lines) == 2:
        lines.append("No records match.")
    return "\n".join(lines).rstrip() + "\n"
