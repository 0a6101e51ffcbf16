"""Benchmarks that compare our extraction with peer libraries side by side (not timed tests)."""
