"""``npmplan export ics``: events read back with icalendar, UIDs stable under edits."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import icalendar
import pytest
from conftest import Run
from reports_helpers import model_of as model

from npmplan.compute.schedule import occurrences
from npmplan.model.plan import Plan

SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "2026-27.yaml"

SMALL = """\
version: 1
plan:
  title: "Test plan: 2026-27"
  period: 2026-04..2027-03
team:
  - {id: mk, name: Martin Kettle}
  - {id: jk, name: Jane Kilpatrick}
strategic_objectives:
  - id: "1"
    title: First strategic objective
    objectives:
      - id: "1.1"
        title: "Phase II: Solitary Confinement project"
        leads: [mk]
        schedule:
          - {months: 2026-04..2026-09}
        milestones:
          - {when: 2026-05-14, what: Kick-off meeting}
          - {when: 2026-06, what: Draft shared, status: done, done_on: 2026-06-20}
          - {when: 2026-05, moved_to: 2026-07, what: Report published}
          - {when: 2026-06, what: Cancelled workshop, status: cancelled}
          - {when: 2026-04..2026-09, every: 2, what: Steering meeting}
          - {when: ongoing, what: Continuing support}
          - {when: tbc, what: Visit to be arranged}
          - {when: summer 2026, what: Summer review}
  - id: "2"
    title: Second strategic objective
    objectives:
      - id: "2.1"
        title: Other work
        leads: [jk]
        schedule:
          - {months: 2026-07..2026-09}
        milestones:
          - {when: 2026-Q3, what: Quarter review}
          - {when: 2026-08, what: Same text}
          - {when: 2026-09, what: Same text}
"""


def export(run: Run, plan: Path, *args: str) -> bytes:
    result = run("export", "ics", "-p", str(plan), *args)
    assert result.exit_code == 0, result.output
    data: bytes = result.stdout_bytes
    return data


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk("VEVENT") if isinstance(c, icalendar.Event)]


def by_summary(data: bytes) -> dict[str, list[icalendar.Event]]:
    out: dict[str, list[icalendar.Event]] = {}
    for event in events(data):
        out.setdefault(str(event["SUMMARY"]), []).append(event)
    return out


def uids(data: bytes) -> dict[tuple[str, date], str]:
    return {(str(e["SUMMARY"]), e.decoded("DTSTART")): str(e["UID"]) for e in events(data)}


def expected_count(plan: Plan) -> int:
    count = 0
    for _, objective in plan.objectives():
        for milestone in objective.milestones:
            if milestone.status == "cancelled" or milestone.effective.window() is None:
                continue
            count += len(occurrences(milestone, plan.plan.period)) if milestone.every else 1
    return count


def test_shipped_plan_has_one_event_per_dated_milestone_and_occurrence(run: Run) -> None:
    data = export(run, SHIPPED)
    found = events(data)
    assert len(found) == expected_count(model(SHIPPED))
    assert len({str(e["UID"]) for e in found}) == len(found)


def test_shipped_month_milestone_covers_its_month(run: Run) -> None:
    data = export(run, SHIPPED)
    event, = by_summary(data)["1.1 NPM social care standards published"]
    assert event.decoded("DTSTART") == date(2026, 11, 1)
    assert event.decoded("DTEND") == date(2026, 12, 1)  # exclusive
    raw = event.to_ical()
    assert b"DTSTART;VALUE=DATE:20261101\r\n" in raw  # all day: a date, not a date-time
    assert b"DTEND;VALUE=DATE:20261201\r\n" in raw
    description = str(event["DESCRIPTION"])
    assert "Objective 1.1: NPM guidance & training (MH & social care)" in description
    assert "Strategic objective 1: Promote awareness" in description


def test_shipped_season_and_recurring(run: Run) -> None:
    found = by_summary(export(run, SHIPPED))
    summer, = found["6.2 NPM Steering Group reviews and agrees draft risk register and "
                    "proposed governance changes"]
    assert (summer.decoded("DTSTART"), summer.decoded("DTEND")) == (date(2026, 6, 1),
                                                                    date(2026, 9, 1))
    assert "2.2 Ongoing quarterly meetings and planning meetings" not in found  # no months
    quarterly = found["5.4 Quarterly meetings between NPM Team and MoJ sponsorship/"
                      "international treaty team to explore MoU, legislative changes, and the "
                      "NPM membership review"]
    assert [e.decoded("DTSTART") for e in quarterly] == [
        date(2026, 9, 1), date(2026, 12, 1), date(2027, 3, 1)]
    assert all(e.decoded("DTEND") == date(s.year + s.month // 12, s.month % 12 + 1, 1)
               for e in quarterly for s in [e.decoded("DTSTART")])


def test_calendar_properties(run: Run, small: Path) -> None:
    cal = icalendar.Calendar.from_ical(export(run, small))
    assert str(cal["VERSION"]) == "2.0"
    assert "npmplan" in str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Test plan: 2026-27"


def test_small_plan_events(run: Run, small: Path) -> None:
    data = export(run, small)
    found = by_summary(data)
    assert len(events(data)) == expected_count(model(small)) == 10
    kick, = found["1.1 Kick-off meeting"]
    assert (kick.decoded("DTSTART"), kick.decoded("DTEND")) == (date(2026, 5, 14),
                                                              date(2026, 5, 15))
    steering = found["1.1 Steering meeting"]
    assert [e.decoded("DTSTART") for e in steering] == [date(2026, 4, 1), date(2026, 6, 1),
                                                      date(2026, 8, 1)]
    assert len({str(e["UID"]) for e in steering}) == 3
    quarter, = found["2.1 Quarter review"]
    assert (quarter.decoded("DTSTART"), quarter.decoded("DTEND")) == (date(2026, 7, 1),
                                                                    date(2026, 10, 1))


def test_cancelled_ongoing_and_tbc_are_left_out(run: Run, small: Path) -> None:
    text = export(run, small).decode("utf-8")
    for what in ("Cancelled workshop", "Continuing support", "Visit to be arranged"):
        assert what not in text


def test_done_is_kept_and_marked(run: Run, small: Path) -> None:
    found = by_summary(export(run, small))
    done, = found["✓ Done: 1.1 Draft shared"]
    assert str(done["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in done.categories] == ["Objective 1.1", "Done"]
    assert "Status: done on 2026-06-20" in str(done["DESCRIPTION"])
    planned, = found["1.1 Summer review"]
    assert "STATUS" not in planned


def test_moved_uses_moved_to_and_names_the_baseline(run: Run, small: Path) -> None:
    moved, = by_summary(export(run, small))["1.1 Report published"]
    assert (moved.decoded("DTSTART"), moved.decoded("DTEND")) == (date(2026, 7, 1),
                                                                date(2026, 8, 1))
    assert "moved from the baseline 2026-05" in str(moved["DESCRIPTION"])


def test_two_runs_are_byte_identical_with_crlf(run: Run, small: Path, tmp_path: Path) -> None:
    first, second = export(run, small), export(run, small)
    assert first == second
    assert first.count(b"\r\n") == first.count(b"\n")
    out = tmp_path / "plan.ics"
    assert run("export", "ics", "-p", str(small), "-o", str(out)).exit_code == 0
    assert out.read_bytes() == first


def test_uids_survive_inserting_a_milestone_and_replanning(run: Run, small: Path) -> None:
    before = uids(export(run, small))
    edited = SMALL.replace(
        "          - {when: 2026-05-14, what: Kick-off meeting}\n",
        "          - {when: 2026-04, what: A new first milestone}\n"
        "          - {when: 2026-05-14, moved_to: 2026-05-21, what: Kick-off meeting}\n",
    ).replace("{when: 2026-Q3, what: Quarter review}",
              "{when: 2026-Q3, moved_to: 2026-Q4, what: Quarter review, note: slipped}")
    assert edited.count("A new first") == 1 and "2026-Q4" in edited
    small.write_text(edited, encoding="utf-8")
    after = uids(export(run, small))
    by_name_before = {name: uid for (name, _), uid in before.items()}
    by_name_after = {name: uid for (name, _), uid in after.items()}
    assert by_name_after["1.1 Kick-off meeting"] == by_name_before["1.1 Kick-off meeting"]
    assert by_name_after["2.1 Quarter review"] == by_name_before["2.1 Quarter review"]
    unchanged = {k: v for k, v in before.items() if "Kick-off" not in k[0]
                 and "Quarter" not in k[0]}
    assert all(after[k] == v for k, v in unchanged.items())
    assert len(after) == len(before) + 1


def test_a_title_edit_changes_no_uid(run: Run, small: Path) -> None:
    before = export(run, small)
    small.write_text(SMALL.replace('title: "Test plan: 2026-27"', "title: Test plan 2026/27"),
                     encoding="utf-8")
    after = export(run, small)
    assert before != after  # the calendar's name changed...
    assert [str(e["UID"]) for e in events(after)] == [str(e["UID"]) for e in events(before)]


def test_the_shipped_plan_uids_do_not_depend_on_its_title(run: Run, tmp_path: Path) -> None:
    renamed = tmp_path / "plan.yaml"
    renamed.write_text(SHIPPED.read_text(encoding="utf-8").replace(
        "  title: UK NPM Business Plan 2026-27", "  title: UK NPM Business Plan 2026–27 (v2)"),
        encoding="utf-8")
    first, second = events(export(run, SHIPPED)), events(export(run, renamed))
    assert len(first) == len(second) > 80  # every dated milestone and occurrence
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]


def test_what_changes_a_uid(run: Run, small: Path) -> None:
    """A new baseline, text, objective id or plan period is another milestone."""
    before = by_name(export(run, small))
    for old, new in [("{when: 2026-05-14, what: Kick-off meeting}",
                      "{when: 2026-05-15, what: Kick-off meeting}"),
                     ("{when: 2026-Q3, what: Quarter review}",
                      "{when: 2026-Q3, what: Quarterly review}"),
                     ('id: "2.1"', 'id: "2.2"'),
                     ("period: 2026-04..2027-03", "period: 2026-04..2027-04")]:
        small.write_text(SMALL.replace(old, new), encoding="utf-8")
        after = by_name(export(run, small))
        changed = {name for name, uid in after.items() if before.get(name) != uid}
        assert changed, new


def test_baseline_spelling_does_not_change_a_uid(run: Run, small: Path) -> None:
    before = by_name(export(run, small))
    small.write_text(SMALL.replace("{when: 2026-Q3, what: Quarter review}",
                                   "{when: 2026-07..Sep 2026, what: Quarter review}"),
                     encoding="utf-8")
    assert by_name(export(run, small))["2.1 Quarter review"] == before["2.1 Quarter review"]


def by_name(data: bytes) -> dict[str, str]:
    return {str(e["SUMMARY"]): str(e["UID"]) for e in events(data)
            if "Same text" not in str(e["SUMMARY"])}


def sequences(data: bytes) -> dict[str, int]:
    return {str(e["SUMMARY"]): int(str(e["SEQUENCE"])) for e in events(data)}


def test_sequence_grows_as_a_milestone_slips_and_is_done(run: Run, small: Path) -> None:
    plain = "{when: 2026-Q3, what: Quarter review}"
    steps = [plain, "{when: 2026-Q3, moved_to: 2026-08..2026-10, what: Quarter review}",
             "{when: 2026-Q3, moved_to: 2026-Q4, what: Quarter review}",
             "{when: 2026-Q3, moved_to: 2026-Q4, what: Quarter review, status: done}"]
    seen: list[int] = []
    for step in steps:
        small.write_text(SMALL.replace(plain, step), encoding="utf-8")
        found = sequences(export(run, small))
        name = "2.1 Quarter review"
        seen.append(found[name] if name in found else found["✓ Done: " + name])
    assert seen[0] == 0
    assert seen == sorted(seen) and len(set(seen)) == 4, seen
    # 2026-07..09 to 2026-10..12: 92 days later at the start, 92 at the end, and done
    assert seen[3] == 92 + 92 + 1


def test_sequence_of_the_small_plan(run: Run, small: Path) -> None:
    found = sequences(export(run, small))
    assert found["1.1 Kick-off meeting"] == 0
    assert found["✓ Done: 1.1 Draft shared"] == 1
    assert found["1.1 Report published"] == 61 + 61  # 2026-05 moved to 2026-07


def test_same_text_twice_gets_two_uids(run: Run, small: Path) -> None:
    same = by_summary(export(run, small))["2.1 Same text"]
    assert len({str(e["UID"]) for e in same}) == 2


def test_filters_keep_uids(run: Run, small: Path) -> None:
    everything = uids(export(run, small))
    only_two = uids(export(run, small, "--strategic", "2"))
    assert only_two and all(name.startswith("2.") for name, _ in only_two)
    assert all(everything[key] == uid for key, uid in only_two.items())
    led = uids(export(run, small, "--lead", "mk"))
    assert led and all(name.removeprefix("✓ Done: ").startswith("1.1 ") for name, _ in led)
    assert all(everything[key] == uid for key, uid in led.items())


def test_unknown_filter_is_a_usage_error(run: Run, small: Path) -> None:
    result = run("export", "ics", "-p", str(small), "--strategic", "9")
    assert result.exit_code == 2, result.output
    assert "no strategic objective '9'" in result.output


def test_refuses_to_overwrite_the_plan(run: Run, small: Path) -> None:
    result = run("export", "ics", "-p", str(small), "-o", str(small))
    assert result.exit_code == 2, result.output
    assert "is the plan file itself" in result.output
    assert small.read_text(encoding="utf-8") == SMALL


@pytest.mark.skipif(sys.platform == "win32",
                    reason="a symbolic link needs a privilege on Windows")
def test_refuses_the_plan_through_a_symlink(run: Run, small: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(small)
    result = run("export", "ics", "-p", str(small), "-o", str(link))
    assert result.exit_code == 2, result.output
    assert small.read_text(encoding="utf-8") == SMALL


def test_an_invalid_plan_exits_1(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("2026-05-14", "2026-02-30"), encoding="utf-8")
    result = run("export", "ics", "-p", str(bad))
    assert result.exit_code == 1, result.output
    assert "BEGIN:VCALENDAR" not in result.stdout


VALID = sorted((Path(__file__).parent / "plans" / "valid").glob("*.yaml"))


@pytest.mark.parametrize("plan", VALID, ids=[p.name for p in VALID])
def test_every_valid_plan_exports(run: Run, plan: Path) -> None:
    found = events(export(run, plan))
    assert len(found) == expected_count(model(plan))
    assert len({str(e["UID"]) for e in found}) == len(found)
