"""The bottom layer: text primitives (``text``), word weights, input checks, progress bars and
the partition runner, process pools (``parallel``) and safe CSV export. Imports nothing else
of the package."""
