"""Benchmarks: each module measures one piece of the workbench against a well-known peer."""
