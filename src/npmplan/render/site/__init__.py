"""``npmplan site``: the plan as a static, self-contained website (no script, nothing from
the network): a home page with this month's stand-up, the calendar, a page per quarterly
report and per objective, an accessibility statement, and the exports as downloads.

``build.site_files`` lays out every page from results computed by ``cli/site.py``; like the
exports, it formats and never computes a figure.
"""
