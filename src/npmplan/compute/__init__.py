"""Typed results: every figure a report shows, computed once from the model."""
