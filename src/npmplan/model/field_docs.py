"""What each key of a plan file means, for the JSON Schema (an editor shows it on hover).

``schema.plan_schema`` puts each entry on its property as ``description`` (plain text),
``markdownDescription`` (VS Code) and ``examples``; a key without an entry here is an error
when the schema is generated, so no property is ever left bare.
"""

from __future__ import annotations

from typing import Any

# model name -> key -> (what it is, example values)
FIELD_DOCS: dict[str, dict[str, tuple[str, list[Any]]]] = {
    "Plan": {
        "version": ("The plan file format version. This npmplan reads version 1.", [1]),
        "plan": ("The plan itself: its title, organisation, the plan year (period) and where "
                 "it comes from.", [{"title": "UK NPM Business Plan 2026-27",
                                     "period": "2026-04..2027-03"}]),
        "team": ("The Secretariat's people. An objective's `leads` name their ids.",
                 [[{"id": "mk", "name": "Martin Kettle"}]]),
        "strategic_objectives": ("The plan's strategic objectives, at least one, each with its "
                                 "objectives.", [[{"id": "1", "title": "Promote awareness of "
                                                  "OPCAT", "objectives": []}]]),
    },
    "PlanInfo": {
        "title": ("The plan's title, shown at the top of every report.",
                  ["UK NPM Business Plan 2026-27"]),
        "organisation": ("Who the plan belongs to.", ["UK National Preventive Mechanism"]),
        "period": ("The plan year, a range of months: the calendar's columns.",
                   ["2026-04..2027-03"]),
        "source": ("The document the plan was taken from.",
                   ["Business Plan overview 2026-27 (April 2026)"]),
        "capacity": ("Optional: the number of concurrent activities above which a month is "
                     "flagged as over capacity.", [16]),
        "introduction": ("The plan document's introduction, in Markdown-light text "
                         "(paragraphs separated by a blank line; lines starting with '- ' "
                         "are bullet items).", ["The UK National Preventive Mechanism exists "
                                                "by virtue of OPCAT."]),
        "strategic_overview": ("How the strategic objectives were agreed, and their list, in "
                               "Markdown-light text.", ["The objectives were agreed by the "
                                                        "NPM Steering Group in January 2026."]),
        "functions": ("The four NPM functions, defined: summary, visiting, advisory, "
                      "educational, cooperative.", [{"visiting": "Carrying out visits to "
                                                     "places of detention."}]),
        "context": ("The year's context, in Markdown-light text.",
                    ["The NPM's membership is under review."]),
        "notes": ("Notes printed above the objectives' tables (what an asterisk or a "
                  "highlight means, funding), in Markdown-light text.",
                  ["Core activities are highlighted."]),
        "document": ("The business plan document's own words that are not the plan's data: "
                     "title, date, headings and closing line, as the source writes them. "
                     "npmplan export docx prints them; without them it words its own.",
                     [{"title": "Business Plan overview: 2026-27", "date": "April 2026"}]),
    },
    "DocumentText": {
        "title": ("The document's title, on its first page (default: the plan's title).",
                  ["Business Plan overview: 2026-27"]),
        "date": ("The document's date as written, under its title (default: the plan "
                 "period).", ["April 2026"]),
        "overview": ("The heading above the strategic objectives' tables.",
                     ["Overview: Proposed NPM Business Plan 2026-2027"]),
        "appendix": ("The heading of Appendix 1, the calendar of actions.",
                     ["Appendix 1 – Calendar of Actions 2026-2027"]),
        "closing": ("The document's last line, in Markdown-light text (a web address: "
                    "<https://...>).", ["<https://nationalpreventivemechanism.org.uk/>"]),
        "headings": ("Section headings as the source words them, where they differ from "
                     "npmplan's (introduction, strategic_overview, functions, context, "
                     "visiting, advisory, educational, cooperative).",
                     [{"cooperative": "Cooperation"}]),
    },
    "Headings": {
        "introduction": ("The introduction's heading (default: Introduction).",
                         ["Introduction"]),
        "strategic_overview": ("The strategic overview's heading (default: Strategic "
                               "objectives).", ["Strategic objectives"]),
        "functions": ("The functions' heading (default: Functions).", ["Functions"]),
        "context": ("The context's heading (default: Context).", ["Context"]),
        "visiting": ("The visiting function's heading (default: Visiting).", ["Visiting"]),
        "advisory": ("The advisory function's heading (default: Advisory).", ["Advisory"]),
        "educational": ("The educational function's heading (default: Educational).",
                        ["Educational"]),
        "cooperative": ("The cooperative function's heading (default: Cooperative).",
                        ["Cooperation"]),
    },
    "FunctionTexts": {
        "summary": ("The text before the four functions.", ["NPMs fulfil four functions."]),
        "visiting": ("What the visiting function means.",
                     ["Carrying out visits to places of detention."]),
        "advisory": ("What the advisory function means.",
                     ["Advising governments on the treatment of detained people."]),
        "educational": ("What the educational function means.",
                        ["Raising awareness of OPCAT."]),
        "cooperative": ("What the cooperative function means.",
                        ["Working with the SPT and other bodies."]),
    },
    "Rag": {
        "status": ("The rating an officer gives: red, amber, green or complete.", ["amber"]),
        "reason": ("Why: required with a rating.", ["Venue not yet booked"]),
        "set_on": ("The day the rating was set (YYYY-MM-DD): required with a rating. A "
                   "rating older than three months is shown as stale.", ["2026-10-05"]),
    },
    "Comment": {
        "quarter": ("The quarter it is about: the Nth three months of the plan period (1 is "
                    "the first), as `npmplan report --quarter N`.", [2]),
        "text": ("The officer's commentary: progress, and actions planned or taken.",
                 ["Visits on track; two establishments rescheduled to November."]),
        "next": ("Next steps for the coming quarter.", ["Draft report to the Steering Group"]),
        "rag": ("Optional: the rating the officer gives for the quarter (red, amber, green or "
                "complete); it replaces the computed one in that quarter's report.", ["amber"]),
        "written_on": ("The day it was written (YYYY-MM-DD).", ["2026-10-03"]),
    },
    "TeamMember": {
        "id": ("A short id for the person, used in `leads`. Unique in the team.", ["mk"]),
        "name": ("The person's name.", ["Martin Kettle"]),
        "role": ("The person's role.", ["Interim Head of the UK NPM Secretariat"]),
        "capacity": ("Optional: how many objectives the person can lead at once.", [4]),
    },
    "StrategicObjective": {
        "id": ("The strategic objective's id, unique in the file. Quote it to keep it text "
               "(\"1\").", ["1"]),
        "title": ("The strategic objective as the plan words it.",
                  ["Promote awareness and understanding of the UK's obligations under OPCAT"]),
        "functions": ("Which of the four NPM functions it serves: visiting, advisory, "
                      "educational, cooperative.", [["visiting", "advisory"]]),
        "objectives": ("Its objectives: each one is a row of the calendar.",
                       [[{"id": "1.1", "title": "NPM guidance and training"}]]),
    },
    "Objective": {
        "id": ("The objective's id, unique in the file; it begins with its strategic "
               "objective's id and a dot. Quote it (\"2.10\") so that no program reads it as "
               "a number.", ["1.1", "2.10"]),
        "title": ("The objective as the plan words it.",
                  ["NPM guidance and training for monitors, inspectors and duty-bearers"]),
        "label": ("The calendar row's text; default: the title.",
                  ["NPM guidance & training (MH & social care)"]),
        "priority": ("core (core business or high priority), standard, or funding-dependent. "
                     "Leave it out where the source does not say.", ["core"]),
        "leads": ("Who leads it: ids from `team`.", [["mk", "jk"]]),
        "rationale": ("Why the objective is in the plan.",
                      ["Monitors asked for guidance on social care settings."]),
        "outcomes": ("What will be different when it is done.",
                     [["The UK NPM has clear expectations of human rights standards"]]),
        "outputs": ("What it produces: a title, or {title, web: true} for a web publication.",
                    [["Guidance for monitors", {"title": "Training package", "web": True}]]),
        "schedule": ("The calendar row: months or ranges, each of one kind (active, meetings, "
                     "production). Spans must not share a month.",
                     [["2026-07", {"months": "2026-08..2026-12", "kind": "meetings"}]]),
        "milestones": ("Dated steps: what happens and when, with their status.",
                       [[{"when": "2026-09", "what": "Draft shared with the Steering Group"}]]),
        "timeline": ("The Timeline cell as the source writes it, in Markdown-light text. "
                     "npmplan export docx prints it instead of wording the milestones, which "
                     "stay the machine's dates; progress (done, cancelled, moved) is listed "
                     "after it.", ["July 2026: Expected publication of CPT social care "
                                   "standards"]),
        "appendix_note": ("Appendix 1's Notes/Key Dates cell for this row, as written.",
                          ["June: Planning begins November: Conference"]),
        "footnotes": ("Footnotes to the objective's text, each with its mark as written; "
                      "printed under its strategic objective's table.",
                      [["¹ The UN Subcommittee on Prevention of Torture ..."]]),
        "rag": ("An officer's RAG rating, shown by `npmplan report` beside the computed one: "
                "{status: red|amber|green|complete, reason, set_on: YYYY-MM-DD}.",
                [{"status": "amber", "reason": "Venue not yet booked",
                  "set_on": "2026-10-05"}]),
        "commentary": ("The officers' log, one entry per quarter: commentary, next steps and "
                       "the rating they give (`npmplan comment` writes it).",
                       [[{"quarter": 2, "rag": "amber", "text": "Two visits rescheduled",
                          "next": "Draft report", "written_on": "2026-10-03"}]]),
    },
    "Span": {
        "months": ("A month (2026-09), a day (counts in its month) or an inclusive range "
                   "(2026-06..2026-08).", ["2026-08..2026-12"]),
        "kind": ("What the months are: active (default), meetings (T&F/subgroup meetings) or "
                 "production (production of output). Every kind counts as an active month.",
                 ["meetings"]),
    },
    "Output": {
        "title": ("The output's title.", ["Guidance for monitors"]),
        "web": ("true when the output is published on the web.", [True]),
    },
    "Milestone": {
        "what": ("What happens.", ["Draft shared with the Steering Group"]),
        "when": ("When it is planned: a day, a month, a range A..B, a quarter (2026-Q3), a "
                 "season and year (summer 2026), ongoing, quarterly (once a quarter, months not "
                 "fixed) or tbc. It stays as the baseline "
                 "when the milestone moves.", ["2026-09", "2026-06..2026-08", "summer 2026"]),
        "status": ("planned (default), done or cancelled, in lower case.", ["done"]),
        "done_on": ("The day (YYYY-MM-DD) or month (YYYY-MM) it was done; only with "
                    "status: done.", ["2026-11-20"]),
        "cancelled_on": ("The day (YYYY-MM-DD) it was cancelled; only with status: "
                         "cancelled. npmplan cancel writes it.", ["2026-10-02"]),
        "moved_to": ("Its new date after replanning, in any `when` form; `when` keeps the "
                     "baseline.", ["2026-12"]),
        "moved_on": ("The day (YYYY-MM-DD) it was moved; only with moved_to. npmplan move "
                     "writes it.", ["2026-10-02"]),
        "added_on": ("The day (YYYY-MM-DD) it was added to the plan, for a milestone added "
                     "during the year. npmplan add writes it.", ["2026-10-02"]),
        "every": ("It recurs every N months within its `when` range (1 = every month, 2 = "
                  "every other month); needs a range `when`.", [2]),
        "note": ("A remark shown with the milestone.", ["Depends on the CPT's timetable"]),
        "occurrences": ("For a recurring milestone (every, or when: quarterly): what became of "
                        "each occurrence, one record per month of the series. npmplan done, "
                        "cancel and move write them.",
                        [[{"month": "2026-07", "status": "done", "done_on": "2026-07-14"}]]),
    },
    "Occurrence": {
        "month": ("The occurrence's month in the series (YYYY-MM); for a quarterly milestone, "
                  "a month of the plan quarter it stands for.", ["2026-07"]),
        "status": ("planned (default), done or cancelled, in lower case.", ["done"]),
        "done_on": ("The day (YYYY-MM-DD) or month it was held; only with status: done.",
                    ["2026-07-14"]),
        "cancelled_on": ("The day it was cancelled; only with status: cancelled.",
                         ["2026-09-02"]),
        "moved_to": ("The month it was moved to (YYYY-MM).", ["2026-10"]),
        "moved_on": ("The day it was moved; only with moved_to.", ["2026-09-02"]),
        "note": ("A remark on this occurrence.", ["No quorum"]),
    },
}


def describe(model: str, key: str) -> tuple[str, list[Any]]:
    try:
        return FIELD_DOCS[model][key]
    except KeyError:
        raise KeyError(f"{model}.{key} has no description in field_docs.FIELD_DOCS") from None
