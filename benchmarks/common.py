"""What the benchmark scripts share."""

from __future__ import annotations

import compileall
import importlib.util
from pathlib import Path


def compile_claimtrack() -> None:
    """Write claimtrack's bytecode before timing it, as ``pip install`` does.

    An editable install where ``PYTHONDONTWRITEBYTECODE`` is set (as in some containers)
    would otherwise compile every module from source in every process: tens of
    milliseconds of each start-up that an installed claimtrack never pays.
    """
    spec = importlib.util.find_spec("claimtrack")
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)
