"""Build step: the quote extractor's hot modules compiled to C by mypyc.

The same source files, compiled: ``pip install -e .`` (``make setup``, ``make compile``) builds
them in place beside the ``.py`` files, and Python imports the compiled ones. Quote extraction
runs about 1.7 times faster (``python -m bench bench_quotes``). Nothing else changes: a failed
compile (type errors, no C compiler) only warns, and :mod:`analysis.compiled` runs the ``.py``
files whenever one differs from the source that was compiled, or when
``ANALYSIS_PURE_PYTHON=1``. ``ANALYSIS_COMPILE=0 pip install -e .`` skips the compile.
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

    # A build that fails part-way must not leave the last build's modules beside new sources.
    for old in [*Path("analysis").glob("_native__mypyc.*"), Path("analysis/_native.json")]:
        old.unlink(missing_ok=True)
    for source in COMPILED:
        for old in Path(source).parent.glob(Path(source).stem + ".*.so"):
            old.unlink(missing_ok=True)
    try:
        # One group (one shared library, analysis/_native__mypyc*.so) so that quotes.py reads
        # the tokens of attribution.py as native objects.
        ext_modules = mypycify(
            ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
            opt_level="3",
            group_name="analysis._native",
        )
    except SystemExit:  # mypy's type errors, printed above
        print("setup.py: type errors, so the package runs its Python source, not compiled",
              file=sys.stderr)
    for ext in ext_modules:
        ext.optional = True  # no compiler: the pure-Python modules, with a warning
    if ext_modules:
        # What is compiled, by content: analysis.compiled runs the sources when they differ.
        Path("analysis/_native.json").write_text(
            json.dumps(
                {Path(p).stem: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in COMPILED},
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )

setup(ext_modules=ext_modules)
