"""Benchmarks: how the tracker's busiest pages behave with a large amount of data."""
