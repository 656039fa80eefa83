"""A renderer module per report command: formatting only, every figure comes from ``compute``."""
