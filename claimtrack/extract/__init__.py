"""Extraction: text and publication date in, records out (see ``pipeline``).

``from claimtrack.extract import extract`` loads the extractors on first use, so that
importing a lexicon (as queries do for topics) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimtrack.extract.pipeline import extract

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from claimtrack.extract.pipeline import extract

        return extract
    raise AttributeError(name)
