"""Corpora larger than one pandas call: the same tables on Dask (``dask``) and part by part
from an ingested corpus folder (``stream``). Imports the layers below it; nothing below
imports it (the package's ``analysis/__init__`` chooses Dask)."""
