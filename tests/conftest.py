"""Shared helpers for the store, ingest and command-line tests.

Two ways to run the command line: ``invoke`` runs the Typer ``app`` with CliRunner and
lets any exception through (a test of a working command should fail loudly), and
``run_main`` runs ``claimtrack.cli.run`` — the real entry point but for its exit (``main``
ends the process), which turns errors into one ``Error: …`` line and an exit status —
inside the same CliRunner isolation.

Extraction changes under these tests, so their articles use plain sentences whose
figures and statements any reasonable extractor finds.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from claimtrack import cli
from claimtrack.cli import app, run

DATA = Path(__file__).parent / "data"

runner = CliRunner()

# Two reports that disagree on one number: the conflict the analysis must find.
MINISTRY = """---
title: Ministry confirms border deployment
outlet: Capital Times
date: 2025-03-03
url: https://example.com/ministry-deployment
---
The defence ministry said 3,000 soldiers were deployed to the northern border.
"""

REBELS = """---
title: Rebels dispute troop numbers
outlet: Valley Herald
date: 2025-03-05
---
Rebel commanders said 9,000 soldiers were deployed to the northern border.

The governor denied that any villages had been evacuated.
"""

# Realistic articles for the offset property: datelines, quotes, pronouns, ranges,
# money, percentages, curly quotes, accents, CRLF and a character outside the BMP.
FLOODS = """Flood waters recede in the delta

RIVERTON, April 14, 2025 (Wire) - Floods have displaced about 12,000 people in the delta, \
the regional governor said on Monday.

"We have opened 40 shelters and more are coming," Governor Ana Lopes told reporters in \
Riverton. She added that the damage could exceed $50 million.

According to the Red Cross, between 300 and 500 homes were destroyed. Aid groups denied \
claims that supplies had been diverted.
"""

FACTORY = """---
title: Factory output slips
outlet: Business Daily
date: 2024-10-25
---
Industrial output fell 2.5% in September, the statistics office said on Friday.

“The slowdown is temporary,” said Zoë Martín, an economist at Norbank. She estimated \
that output would recover by December.

The trade minister denied reports that 1,500 jobs would be cut at the Harlow plant.
"""

TALKS = (
    "Talks resume in Geneva\r\n\r\n"
    "Negotiators said on Tuesday that nearly 200 prisoners would be exchanged next week.\r\n\r\n"
    "A spokesman for the opposition confirmed that 25 observers 🕊 had arrived in the city.\r\n"
)


def write(path: Path, content: str | bytes) -> Path:
    """Write text as UTF-8 without newline translation, or bytes as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    """Run the Typer app; exceptions propagate (a working command must not raise)."""
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@dataclass(frozen=True)
class Run:
    """What a user sees from one run of the real entry point."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_main(*args: str, input: str | bytes | None = None) -> Run:
    """Run ``claimtrack.cli.run`` as the installed ``claimtrack`` script does (``main``
    would end this process)."""
    with runner.isolation(input=input) as (out, err, _):
        saved, sys.argv = sys.argv, ["claimtrack", *args]
        try:
            run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.argv = saved
            sys.stdout.flush()
            sys.stderr.flush()
        return Run(code, out.getvalue().decode(), err.getvalue().decode())


def rows(*args: str) -> Any:
    """The parsed ``--json`` output of a command that must succeed."""
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ingest(*paths: str | Path, options: Sequence[str] = ()) -> dict[str, Any]:
    """Ingest files that must all succeed; the summary as JSON."""
    result = invoke("ingest", *map(str, paths), *options, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def _main_exits_as_sys_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """``main`` ends its process with ``os._exit``: called in this one by mistake, it would
    end the test run early with status 0. Here it raises ``SystemExit`` instead (tests of
    the real exit run ``claimtrack`` in a process of its own)."""

    def leave(code: object) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(cli, "_exit", leave)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database path (not yet created) that every command uses through CLAIMTRACK_DB."""
    path = tmp_path / "claimtrack.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    return path


@pytest.fixture
def conflicting(db: Path, tmp_path: Path) -> Path:
    """A store holding the two reports that disagree on the number of soldiers."""
    ingest(write(tmp_path / "ministry.txt", MINISTRY), write(tmp_path / "rebels.md", REBELS))
    return db


# Another story beside the troops: a toll, reported once.
QUAKE = """---
title: Tarn earthquake toll
outlet: Harbour Post
date: 2025-02-10
---
Karsian officials said 120 people were killed in the Tarn earthquake.
"""


def ingested_once(factory: pytest.TempPathFactory, articles: dict[str, str]) -> Path:
    """Articles ingested once into a store of their own, for a module's tests that only read it."""
    root = factory.mktemp("news")
    paths = [write(root / name, text) for name, text in articles.items()]
    ingest(*paths, options=("--db", str(root / "news.db"), "--jobs", "1"))
    return root / "news.db"


@pytest.fixture
def news(news_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test module's ``news_db`` as the store the commands use."""
    monkeypatch.setenv("CLAIMTRACK_DB", str(news_db))
    return news_db


def figure_record(
    sentence: str,
    text: str,
    value: float | None,
    unit: str | None,
    claimant: str | None = None,
    *,
    source_id: int = 1,
    published: str = "2025-03-03",
    **fields: Any,
) -> dict[str, Any]:
    """A figure record as ``Store.figures()`` returns it, its text found in its sentence."""
    return {
        "value": value,
        "low": None,
        "high": None,
        "qualifier": "exact",
        "unit": unit,
        "subject": None,
        "claimant": claimant,
        "modality": None,
        "date": published,
        "published": published,
        "outlet": f"Outlet {source_id}",
        "source_id": source_id,
        "path": f"article{source_id}.md",
        "text": text,
        "start": sentence.index(text),
        "sentence": sentence,
        "sentence_start": 0,
        "change": None,
        "topics": [],
        **fields,
    }
