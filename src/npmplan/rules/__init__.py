"""The rule vocabulary every layer speaks: problems as data, the registry of rules,
"did you mean"."""
