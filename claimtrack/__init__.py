"""claimtrack: who claims what in the news, and where sources disagree.

The library is importable without the command line::

    from claimtrack import extract
    records = extract(text, published=datetime.date(2024, 10, 25))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from claimtrack.extract import extract

__all__ = ["__version__", "extract"]


def __getattr__(name: str) -> Any:
    # Extraction pulls in the lexicons; load it only when asked, so that
    # `claimtrack --version` and queries start fast.
    if name == "extract":
        from claimtrack.extract import extract

        return extract
    raise AttributeError(name)
