"""Bytes to data with positions: size limits, decoding, YAML events, syntax errors."""
