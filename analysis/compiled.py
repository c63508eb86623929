"""Which modules run compiled, and the fallback to their source when the compile is stale.

``pip install -e .`` (``make setup``, ``make compile``) compiles the quote extractor's hot
modules with mypyc (see setup.py) and records a hash of each source it compiled. Python
imports an extension module in preference to the ``.py`` beside it, so after an edit, a
``git pull`` or a branch switch, the compiled module would run the old code. On import of
the package, :func:`use_source_if_stale` compares the hashes: if any source changed (or
``ANALYSIS_PURE_PYTHON=1``), every module of the group is imported from its ``.py`` file,
with a warning that says how to rebuild. Never a mix: the compiled modules share native
classes (a compiled quotes.py reads attribution.py's tokens by their C layout).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path
from types import ModuleType

PACKAGE_DIR = Path(__file__).parent
# The compiled group, in import order, as paths below the package without ".py" (setup.py
# compiles these files; "quotes/extract" is the module analysis.quotes.extract).
MODULES = ("core/text", "quotes/attribution", "quotes/extract")
# Written by setup.py beside the compiled modules: {module: sha256 of the source compiled}.
HASHES_FILE = PACKAGE_DIR / "_native.json"


def source_hash(path: Path) -> str:
    """sha256 of a source file's bytes (what setup.py records for each module it compiles)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_file(name: str, package_dir: Path = PACKAGE_DIR) -> Path | None:
    """The extension module built for ``analysis/<name>.py``, or None."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = package_dir / f"{name}{suffix}"
        if path.exists():
            return path
    return None


def stale_modules(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Modules of the group whose compiled file is missing or was built from another source.

    Empty when nothing is compiled (a pure-Python install) or everything is current.
    """
    built = {name: compiled_file(name, package_dir) for name in MODULES}
    if not any(built.values()):
        return []
    hashes_file = package_dir / HASHES_FILE.name
    try:
        recorded = json.loads(hashes_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}  # compiled by hand, not by setup.py: its sources are unknown
    return [
        name
        for name in MODULES
        if built[name] is None or recorded.get(name) != source_hash(package_dir / f"{name}.py")
    ]


def is_compiled(module: ModuleType) -> bool:
    """True when ``module`` was imported from an extension module, not from its source."""
    return not str(getattr(module, "__file__", "") or "").endswith(".py")


class _SourceFinder:
    """A meta-path finder that imports the group's modules from their ``.py`` files."""

    def __init__(self, package: str, package_dir: Path) -> None:
        self.names = {
            f"{package}.{name.replace('/', '.')}": package_dir / f"{name}.py" for name in MODULES
        }

    def find_spec(self, fullname: str, path: object = None, target: object = None):
        source = self.names.get(fullname)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def use_source_if_stale(package: str = "analysis") -> str | None:
    """Import the group from source when it must be (called once, by ``analysis/__init__``).

    Returns why the source runs (None when the compiled modules run, or none exist). Must run
    before any module of the group is imported.
    """
    if os.environ.get("ANALYSIS_PURE_PYTHON") == "1":
        reason = "ANALYSIS_PURE_PYTHON=1"
    else:
        stale = stale_modules()
        if not stale:
            return None
        reason = f"analysis/{', '.join(stale)} changed since it was compiled"
        warnings.warn(
            f"{reason}: running the Python source (quote extraction is slower). "
            "Rebuild with `make compile` (or `pip install --no-deps -e .`).",
            RuntimeWarning,
            stacklevel=3,
        )
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder(package, PACKAGE_DIR))
    return reason
