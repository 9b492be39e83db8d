"""Extraction accuracy of claimtrack against hand labels of the example articles.

Each labelled article is read with claimtrack's reader and run through ``extract``. A
predicted figure matches a label when its value (or low and high, for a range) equals the
label's and its sentence contains the label's quote; a statement matches when its sentence
contains the quote and the two speakers share a word. Matching is one-to-one, so a
duplicate prediction counts as an extra.

    python benchmarks/accuracy.py [--labels FILE] [--articles DIR] [--show-misses]
    python benchmarks/accuracy.py --check   # labels only: every quote is in its article
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP = {"the", "a", "an", "of", "for", "in", "on", "s", "and"}


def words(name: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (name or "").lower().replace("'s", "").replace("’s", ""))) - STOP


def same_party(label: str | None, pred: str | None) -> bool:
    """Both absent, or one name's words hold the other's ("Defence Ministry" in "Varnia's ...")."""
    a, b = words(label), words(pred)
    return a <= b or b <= a if a and b else not a and not b


def figure_matches(lab: dict, pred) -> bool:
    want = [lab["value"]] if lab["value"] is not None else [lab["low"], lab["high"]]
    got = [pred.value] if lab["value"] is not None else [pred.low, pred.high]
    return None not in got and [float(x) for x in got] == want and lab["quote"] in pred.sentence


def statement_matches(lab: dict, pred) -> bool:
    if lab["quote"] not in pred.sentence:
        return False
    if lab["speaker"] is None or pred.speaker is None:  # hearsay ("reportedly") has no speaker
        return lab["speaker"] is None and pred.speaker is None
    return bool(words(lab["speaker"]) & words(pred.speaker))


# kind: (does a prediction match a label, which of several matching predictions to prefer)
KINDS = {
    "figure": (figure_matches, lambda lab, p: (p.unit == lab["unit"], p.qualifier == lab["qualifier"])),
    "statement": (
        statement_matches,
        lambda lab, p: (p.cue.lower() == lab["cue"].lower(), p.stance == lab["stance"]),
    ),
}
FIELDS = {  # accuracy over matched pairs
    "qualifier": ("figure", lambda lab, p: p.qualifier == lab["qualifier"]),
    "unit": ("figure", lambda lab, p: p.unit == lab["unit"]),
    "claimant": ("figure", lambda lab, p: same_party(lab["claimant"], p.claimant)),
    "modality": ("figure", lambda lab, p: p.modality == lab["modality"]),
    "stance": ("statement", lambda lab, p: p.stance == lab["stance"]),
}


def pair(kind: str, labels: list[dict], preds: list) -> tuple[list, list[dict], list]:
    """Greedy one-to-one matching: (label, prediction) pairs, missed labels, extra predictions."""
    matches, prefer = KINDS[kind]
    free, pairs, misses = list(preds), [], []
    for lab in labels:
        candidates = [p for p in free if matches(lab, p)]
        if not candidates:
            misses.append(lab)
            continue
        best = max(candidates, key=lambda p: prefer(lab, p))
        free.remove(best)
        pairs.append((lab, best))
    return pairs, misses, free


def desc(lab: dict) -> str:
    return lab.get("text") or f"{lab['speaker']} / {lab['cue']}"


def record(p) -> str:
    return getattr(p, "text", None) or f"{p.speaker} / {p.cue}"


def show(name: str, found: dict) -> None:
    """Print one article's matched records with a wrong field, its misses and its extras."""
    lines = [
        f"  wrong {field}: {desc(lab)!r} got {getattr(p, field)!r}, label {lab[field]!r}"
        for field, (kind, ok) in FIELDS.items()
        for lab, p in found[kind][0]
        if not ok(lab, p)
    ]
    for kind, (_, misses, extras) in found.items():
        lines += [f"  missed {kind}: {desc(lab)!r} in {lab['quote']!r}" for lab in misses]
        lines += [f"  extra {kind}: {record(p)!r} in {p.sentence[:70]!r}" for p in extras]
    if lines:
        print(f"== {name}", *lines, sep="\n")


def body(path: Path) -> str:
    return re.sub(r"\A---\r?\n.*?\r?\n---\r?\n", "", path.read_text(encoding="utf-8"), count=1, flags=re.S)


def check(labels: dict, articles: Path) -> int:
    """Every quote is an exact substring of its article body; every conflict member is labelled."""
    problems = []
    for name, art in labels["articles"].items():
        text = body(articles / name)
        quotes = [r["quote"] for kind in ("figures", "statements") for r in art[kind]]
        problems += [f"{name}: quote not in text: {q!r}" for q in quotes if q not in text]
    for key in ("conflicts", "revisions"):
        for group in labels.get(key, []):
            for name, value, claimant in group["figures"]:
                numbers = [
                    [f["value"]] if f["value"] is not None else [f["low"], f["high"]]
                    for f in labels["articles"][name]["figures"]
                    if f["claimant"] == claimant
                ]
                if (value if isinstance(value, list) else [value]) not in numbers:
                    problems.append(f"{key}: no labelled figure {name} {value} {claimant}")
    print("\n".join(problems) or f"ok: {len(labels['articles'])} articles, every quote found")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=ROOT / "benchmarks" / "labels" / "examples.json")
    ap.add_argument("--articles", type=Path, default=ROOT / "examples")
    ap.add_argument("--show-misses", action="store_true", help="list misses, extras and wrong fields")
    ap.add_argument("--check", action="store_true", help="only check the labels against the articles")
    args = ap.parse_args(argv)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    if args.check:
        return check(labels, args.articles)

    from claimtrack.extract import extract
    from claimtrack.models import Extraction
    from claimtrack.reader import read_document

    pairs: dict[str, list] = {kind: [] for kind in KINDS}
    n_pred, n_gold = dict.fromkeys(KINDS, 0), dict.fromkeys(KINDS, 0)
    for name, art in labels["articles"].items():
        doc = read_document(str(args.articles / name))
        date = doc.meta.get("date") or art.get("published")
        try:
            result = extract(doc.text, dt.date.fromisoformat(date) if date else None)
        except Exception as exc:  # one crashing article scores as all misses; the rest still count
            print(f"{name}: extraction failed: {exc!r}", file=sys.stderr)
            result = Extraction()
        preds = {"figure": result.figures, "statement": result.statements}
        found = {kind: pair(kind, art[kind + "s"], preds[kind]) for kind in KINDS}
        for kind in KINDS:
            pairs[kind] += found[kind][0]
            n_pred[kind] += len(preds[kind])
            n_gold[kind] += len(art[kind + "s"])
        if args.show_misses:
            show(name, found)

    print(f"{'kind':<10} {'pred':>5} {'gold':>5} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}")
    f1 = {}
    for kind, matched in pairs.items():
        m, n, g = len(matched), n_pred[kind], n_gold[kind]
        p, r = m / max(n, 1), m / max(g, 1)
        f1[kind] = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:<10} {n:>5} {g:>5} {m:>6} {p:6.2f} {r:6.2f} {f1[kind]:6.2f}")
    acc = {
        field: sum(ok(lab, p) for lab, p in pairs[kind]) / max(len(pairs[kind]), 1)
        for field, (kind, ok) in FIELDS.items()
    }
    print("accuracy on matched: " + " ".join(f"{field}={v:.2f}" for field, v in acc.items()))
    print(
        f"summary: figure_f1={f1['figure']:.2f} statement_f1={f1['statement']:.2f} "
        f"claimant_acc={acc['claimant']:.2f} stance_acc={acc['stance']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
