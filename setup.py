"""Build step: the quote extractor's hot modules compiled to C by mypyc.

The same source files, compiled: ``pip install -e .`` (``make setup``, ``make compile``) builds
them in place beside the ``.py`` files, and Python imports the compiled ones. Quote extraction
runs about 1.6 times faster (``python -m bench bench_quotes``). Nothing else changes: a failed
compile (no C compiler) only warns, and :mod:`analysis.compiled` runs the ``.py`` files whenever
one is newer than its compiled module, or when ``ANALYSIS_PURE_PYTHON=1``.
``ANALYSIS_COMPILE=0 pip install -e .`` skips the compile.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup

COMPILED = ["analysis/text.py", "analysis/attribution.py", "analysis/quotes.py"]

# pip first runs this file only for the package's metadata ("egg_info", "dist_info"): the
# compile (a type check and C generation, minutes) is for the build itself.
METADATA_ONLY = bool({"egg_info", "dist_info"} & set(sys.argv[1:]))

ext_modules = []
if os.environ.get("ANALYSIS_COMPILE", "1") != "0" and not METADATA_ONLY:
    from mypyc.build import mypycify

    # What is compiled, by content: analysis.compiled runs the sources when they differ.
    Path("analysis/_native.json").write_text(
        json.dumps(
            {Path(p).stem: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in COMPILED},
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )

    # One group (one shared library, analysis/_native__mypyc*.so) so that quotes.py reads the
    # tokens of attribution.py as native objects; mypy's checks are the compile's own.
    ext_modules = mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
        opt_level="3",
        group_name="analysis._native",
    )
    for ext in ext_modules:
        ext.optional = True  # no compiler: the pure-Python modules, with a warning

setup(ext_modules=ext_modules)
