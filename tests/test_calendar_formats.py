"""`calendar --format json` says its version and its filters; `--format csv --bom`."""

from __future__ import annotations

import csv
import io
import json

from reports_helpers import PLAN, run

from npmplan.render.reports.calendar import CALENDAR_VERSION


def calendar_json(*args: str) -> dict[str, object]:
    code, out = run("calendar", "--plan", str(PLAN), "--format", "json", *args)
    assert code == 0, out
    data: dict[str, object] = json.loads(out)
    return data


def test_version_and_no_filter() -> None:
    data = calendar_json()
    assert list(data)[:4] == ["calendar_version", "plan", "filtered", "filters"]
    assert data["calendar_version"] == CALENDAR_VERSION == 1
    assert data["filtered"] is False
    assert data["filters"] == {"strategic": None, "priority": None, "lead": None,
                               "from": None, "to": None}


def test_filters_are_said() -> None:
    data = calendar_json("--strategic", "2", "--priority", "none", "--from", "Sep 2026",
                         "--to", "2026-11")
    assert data["filtered"] is True
    assert data["filters"] == {"strategic": "2", "priority": "none", "lead": None,
                               "from": "2026-09", "to": "2026-11"}
    assert data["months"] == ["2026-09", "2026-10", "2026-11"]


def test_csv_bom_is_optional() -> None:
    _, plain = run("calendar", "--plan", str(PLAN), "--format", "csv")
    _, marked = run("calendar", "--plan", str(PLAN), "--format", "csv", "--bom")
    assert not plain.startswith("\ufeff")
    assert marked == "\ufeff" + plain
    rows = list(csv.reader(io.StringIO(marked.removeprefix("\ufeff"))))
    assert rows[0][0] == "Strategic objective"


def test_csv_help_no_longer_promises_excel() -> None:
    _, out = run("calendar", "--help", width=200)
    assert "(Excel)" not in out
    assert "export xlsx" in out and "--bom" in out
