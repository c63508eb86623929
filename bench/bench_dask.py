"""pandas vs Dask on the same work, on the shared corpus: the Dask paths of ``analysis.scale.dask``
on a 2-worker ``dask.distributed.LocalCluster`` (processes, one thread each, one polars thread
each, as tests/test_scale.py starts it) beside the pandas functions in this one process, in the
same run, each pair checked to return equal tables.

- ``load_corpus`` of a folder written by ``analysis.ingest`` (the workers read one part each;
  Dask's read is timed until the partitions are held by the workers, ``persist``);
- ``term_counts`` by outlet and ``story_groups`` on the whole docs table;
- ``extract_quotes`` on the first ``QUOTE_ARTICLES`` articles (one core does ~2 M chars/s, so
  the whole corpus would take minutes on pandas).

"ours" is the Dask path, "peer" the pandas call; the ratio is how many times faster Dask is.
The pandas side is not strictly one core: polars (inside load_corpus and term_counts) uses
every core. Starting the cluster and ingesting are timed apart, in the notes.

``python -m bench.bench_dask [N_ARTICLES]`` (default: every article).
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
import time
import warnings
from itertools import islice
from pathlib import Path

import pandas as pd

from analysis import extract_quotes, ingest, load_corpus, story_groups, term_counts

from .common import print_table, require_corpus, row, timed

QUOTE_ARTICLES = 3_000
# Articles each function reads once on both sides before any clock starts.
WARM_ARTICLES = 200
# Articles per part of the ingested folder, so that the parts (Dask partitions) outnumber the
# workers several times over and a slow part does not leave one worker idle.
PART_ARTICLES = 5_000


def _source(tmp: Path, n_articles: int | None) -> Path:
    """The corpus file, or its first ``n_articles`` records as a JSON Lines file in ``tmp``."""
    corpus = require_corpus()
    if n_articles is None:
        return corpus
    out = tmp / "sample.jsonl"
    with gzip.open(corpus, "rb") as fh:
        out.write_bytes(b"".join(islice(fh, n_articles)))
    return out


def run(n_articles: int | None = None, *, quote_articles: int = QUOTE_ARTICLES) -> list[dict]:
    """Ingest, start the cluster, and time each function on pandas and on Dask."""
    from dask import distributed

    tmp = Path(tempfile.mkdtemp(prefix="bench_dask_"))
    try:
        src = _source(tmp, n_articles)
        t_ingest, folder = timed(lambda: ingest(src, tmp / "corpus", chunk_articles=PART_ARTICLES))
        t_pd_load, pd_corpus = timed(lambda: load_corpus(folder))
        docs = pd_corpus.docs
        t0 = time.perf_counter()
        # One polars thread per worker: a worker runs one task at a time, and polars would
        # otherwise start a pool of every core in each process.
        with (
            distributed.LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                env={"POLARS_MAX_THREADS": "1"},
            ) as cluster,
            distributed.Client(cluster) as client,
            warnings.catch_warnings(),
        ):
            # The quote sample goes to the workers as one graph; distributed warns about its
            # size, which is the point of the measure.
            warnings.filterwarnings("ignore", message="Sending large graph")
            t_cluster = time.perf_counter() - t0
            rows = _measure(client, folder, docs, t_pd_load, quote_articles)
        load = os.getloadavg()[0]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows[0]["note"] += (
        f"; ingest to {PART_ARTICLES:,}-article parts {t_ingest:.1f} s and "
        f"cluster start {t_cluster:.1f} s not counted; load avg {load:.1f}"
    )
    return rows


def _warm_up(docs: pd.DataFrame, workers: int) -> None:
    """Each function once on a few articles, on pandas and on the workers, untimed: imports,
    lexicons and compiled patterns are then loaded on both sides, so that neither pays them
    inside its figure (otherwise whichever runs first looks slower)."""
    import dask.dataframe as dd

    ddocs = dd.from_pandas(docs, npartitions=workers, sort=False).persist()
    for frame in (docs, ddocs):
        term_counts(frame, by="outlet", progress=False)
        story_groups(frame, progress=False)
        extract_quotes(frame, progress=False)


def _measure(
    client, folder: Path, docs: pd.DataFrame, t_pd_load: float, quote_articles: int
) -> list[dict]:
    """The four pairs of measures on a running cluster."""
    import dask.dataframe as dd
    from dask import distributed

    def load_dask():
        ddocs = load_corpus(folder, engine="dask").docs.persist()
        distributed.wait(ddocs)
        return ddocs

    _warm_up(docs.iloc[:WARM_ARTICLES], workers=len(client.scheduler_info()["workers"]))
    t_dd_load, ddocs = timed(load_dask)
    pd.testing.assert_frame_equal(ddocs.compute(), docs)
    workers = len(client.scheduler_info()["workers"])
    name = "pandas, this process"

    t_pd_terms, pd_terms = timed(lambda: term_counts(docs, by="outlet", progress=False))
    t_dd_terms, dd_terms = timed(lambda: term_counts(ddocs, by="outlet", progress=False))
    pd.testing.assert_frame_equal(dd_terms, pd_terms)

    t_pd_story, pd_story = timed(lambda: story_groups(docs, progress=False))
    t_dd_story, dd_story = timed(lambda: story_groups(ddocs, progress=False))
    pd.testing.assert_series_equal(dd_story, pd_story)

    sample = docs.iloc[:quote_articles]
    # Four partitions per worker, held by the workers before the clock starts (as a user's
    # persisted frame would be).
    dsample = dd.from_pandas(sample, npartitions=4 * workers, sort=False).persist()
    distributed.wait(dsample)
    t_pd_q, pd_q = timed(lambda: extract_quotes(sample, progress=False))
    t_dd_q, dd_q = timed(lambda: extract_quotes(dsample, progress=False))
    pd.testing.assert_frame_equal(dd_q, pd_q)

    n = len(docs)
    return [
        row(
            "Dask vs pandas: load_corpus (ingested folder)",
            t_dd_load,
            t_pd_load,
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"{n:,} articles, {ddocs.npartitions} parts, {workers} workers; "
            f"Dask until persisted; tables equal",
        ),
        row(
            "Dask vs pandas: term_counts by outlet",
            t_dd_terms,
            t_pd_terms,
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"{len(pd_terms):,} rows; tables equal",
        ),
        row(
            "Dask vs pandas: story_groups",
            t_dd_story,
            t_pd_story,
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"{pd_story.nunique():,} stories; Series equal (grouping gathers on the client)",
        ),
        row(
            "Dask vs pandas: extract_quotes",
            t_dd_q,
            t_pd_q,
            unit="s",
            peer_name=name,
            higher_is_better=False,
            note=f"first {len(sample):,} articles, {dsample.npartitions} partitions, "
            f"{len(pd_q):,} rows; tables equal",
        ),
    ]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else None
    print_table(run(n), "pandas vs Dask (bench/bench_dask.py)")
