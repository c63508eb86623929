"""Build step: the quote extractor's hot modules compiled to C by mypyc.

The same source files, compiled: ``pip install -e .`` (``make setup``, ``make compile``) builds
them in place beside the ``.py`` files, and Python imports the compiled ones. Quote extraction
runs about 1.7 times faster (``python -m bench bench_quotes``). Nothing else changes: a failed
compile (type errors, no C compiler) only warns, and :mod:`analysis.compiled` runs the ``.py``
files whenever one differs from the source that was compiled, or when
``ANALYSIS_PURE_PYTHON=1``. ``ANALYSIS_COMPILE=0 pip install -e .`` skips the compile.
"""

import json
import os
import runpy
import sys
from pathlib import Path

from setuptools import setup

# The group and its source hashes as analysis/compiled.py knows them (it imports only the
# standard library, so it runs here without the package).
_group = runpy.run_path(str(Path(__file__).parent / "analysis" / "compiled.py"))
PACKAGE_DIR = _group["PACKAGE_DIR"]
COMPILED = [f"analysis/{name}.py" for name in _group["MODULES"]]

# pip first runs this file only for the package's metadata ("egg_info", "dist_info"): the
# compile (a type check and C generation, minutes) is for the build itself.
METADATA_ONLY = bool({"egg_info", "dist_info"} & set(sys.argv[1:]))

ext_modules = []
if os.environ.get("ANALYSIS_COMPILE", "1") != "0" and not METADATA_ONLY:
    from mypyc.build import mypycify

    # A build that fails part-way must not leave the last build's modules beside new sources.
    for old in [
        *PACKAGE_DIR.glob("_native__mypyc.*"),
        _group["HASHES_FILE"],
        *filter(None, (_group["compiled_file"](name) for name in _group["MODULES"])),
    ]:
        old.unlink(missing_ok=True)
    try:
        # One group (one shared library, analysis/_native__mypyc*.so) so that quotes/extract.py
        # reads the tokens of quotes/attribution.py as native objects.
        ext_modules = mypycify(
            ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
            opt_level="3",
            group_name="analysis._native",
        )
    except SystemExit:  # mypy's type errors, printed above
        print(
            "setup.py: type errors, so the package runs its Python source, not compiled",
            file=sys.stderr,
        )
    for ext in ext_modules:
        ext.optional = True  # no compiler: the pure-Python modules, with a warning
    if ext_modules:
        # What is compiled, by content: analysis.compiled runs the sources when they differ.
        hashes = {
            name: _group["source_hash"](PACKAGE_DIR / f"{name}.py") for name in _group["MODULES"]
        }
        _group["HASHES_FILE"].write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")

setup(ext_modules=ext_modules)
