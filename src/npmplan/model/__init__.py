"""Data to a typed plan: the date forms, the pydantic models, their error messages and the
JSON Schema."""
