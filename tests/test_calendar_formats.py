"""`calendar --format json` says its version and its filters; `--format csv --bom`."""

from __future__ import annotations

import csv
import io
import json

from conftest import Run
from reports_helpers import PLAN

from npmplan.render.reports.calendar import CALENDAR_VERSION


def calendar_json(run: Run, *args: str) -> dict[str, object]:
    result = run("calendar", "--plan", str(PLAN), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_version_and_no_filter(run: Run) -> None:
    data = calendar_json(run)
    assert list(data)[:4] == ["calendar_version", "plan", "filtered", "filters"]
    assert data["calendar_version"] == CALENDAR_VERSION == 1
    assert data["filtered"] is False
    assert data["filters"] == {"strategic": None, "priority": None, "lead": None,
                               "from": None, "to": None}


def test_filters_are_said(run: Run) -> None:
    data = calendar_json(run, "--strategic", "2", "--priority", "none", "--from", "Sep 2026",
                         "--to", "2026-11")
    assert data["filtered"] is True
    assert data["filters"] == {"strategic": "2", "priority": "none", "lead": None,
                               "from": "2026-09", "to": "2026-11"}
    assert data["months"] == ["2026-09", "2026-10", "2026-11"]


def test_csv_bom_is_optional(run: Run) -> None:
    plain = run("calendar", "--plan", str(PLAN), "--format", "csv")
    marked = run("calendar", "--plan", str(PLAN), "--format", "csv", "--bom")
    assert not plain.output.startswith("\ufeff")
    assert marked.output == "\ufeff" + plain.output
    rows = list(csv.reader(io.StringIO(marked.output.removeprefix("\ufeff"))))
    assert rows[0][0] == "Strategic objective"


def test_csv_help_no_longer_promises_excel(run: Run) -> None:
    result = run("calendar", "--help", width=200)
    assert "(Excel)" not in result.output
    assert "export xlsx" in result.output and "--bom" in result.output
