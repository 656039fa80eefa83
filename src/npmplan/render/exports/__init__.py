"""The files ``npmplan export`` writes: each module imports its library and is imported
only by its command."""
