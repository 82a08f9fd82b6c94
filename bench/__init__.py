"""Benchmark tooling: synthetic events files and timings (python -m bench)."""
