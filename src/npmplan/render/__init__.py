"""What every output shares (the format registry, the console, JSON, glyphs, tables);
the renderers of reports in ``reports/``, the writers of exports in ``exports/``."""
