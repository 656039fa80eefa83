"""The accessibility statement, in the form UK public bodies publish (the Public Sector
Bodies Accessibility Regulations 2018 and GOV.UK's model statement), filled from what
npmplan's tests check on every build of the site."""

from __future__ import annotations

from datetime import date

from npmplan.model.plan import Plan
from npmplan.render.site.layout import bullet_list, esc

CHECKED = [
    "axe-core, run in Chromium on every page, finds no failure of the WCAG 2.2 A and AA "
    "rules it checks",
    "the first thing the keyboard reaches on every page is a link to skip to the main content",
    "at a width of 320 pixels (a 1280-pixel screen zoomed to 400%) no page scrolls sideways; "
    "only a wide table does, inside its own box",
    "every link between the pages and to every download leads to a file of the site",
    "the pages load nothing from another site and need no JavaScript",
    "html-validate finds no error in the HTML of any page",
    "a quarterly report prints every item in full",
]
WORKS = [
    "change colours, contrast levels and fonts using your browser or device settings",
    "zoom in up to 400% without the text spilling off the screen (wide tables scroll "
    "sideways inside their own box)",
    "navigate the site using just a keyboard, or speech recognition software",
    "find your way with a screen reader by headings, landmarks and table headers (the "
    "pages have not yet been tried with JAWS, NVDA or VoiceOver)",
    "read every rating and state as a word as well as a colour, and every chart as a table",
]


def statement(plan: Plan, as_of: date) -> str:
    info = plan.plan
    org = esc(info.organisation or "the organisation that publishes this plan")
    site = esc(info.title)
    day = f"{as_of:%-d %B %Y}"
    return "\n".join([
        f"<h1>Accessibility statement for {site}</h1>",
        f"<p>This accessibility statement applies to the website of {site}, made from the "
        "plan file by npmplan.</p>",
        f"<p>This website is run by {org}. We want as many people as possible to be able "
        "to use it. For example, that means you should be able to:</p>",
        bullet_list(WORKS),
        '<p>We have also made the text as simple as we can. <a href="https://mcmw.abilitynet'
        '.org.uk/">AbilityNet</a> has advice on making your device easier to use if you '
        "have a disability.</p>",
        "<h2>How accessible this website is</h2>",
        "<p>We know some parts of this website are not fully accessible:</p>",
        bullet_list([
            "the calendar of actions is a wide table: on a small screen it scrolls sideways",
            "the downloads (Word, Excel, iCalendar and JSON files) are made for other "
            "software and are not covered by the tests below; everything in them is also on "
            "these pages"]),
        "<h2>Feedback and contact information</h2>",
        f"<p>If you need information on this website in a different format, or find a "
        f"problem not listed on this page, contact {org}. We will consider your request and "
        "get back to you.</p>",
        "<h2>Enforcement procedure</h2>",
        "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how "
        'we respond to your complaint, <a href="https://www.equalityadvisoryservice.com/">'
        "contact the Equality Advisory and Support Service (EASS)</a>.</p>",
        "<h2>Technical information about this website’s accessibility</h2>",
        f"<p>{org} is committed to making its website accessible, in accordance with the "
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018.</p>",
        "<h3>Compliance status</h3>",
        '<p>This website is partially compliant with the <a href="https://www.w3.org/TR/'
        'WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to '
        "the non-compliances listed below.</p>",
        "<h3>Non-accessible content</h3>",
        "<p>Automated tests find only some failures. The pages have not yet been checked by "
        "a person with assistive technology, so some failures may not be known. The "
        "downloads are not tested for accessibility.</p>",
        "<h2>How we tested this website</h2>",
        "<p>Every time the site is built, npmplan's tests check that:</p>",
        bullet_list(CHECKED),
        "<h2>Preparation of this statement</h2>",
        f"<p>This statement was prepared on {day}, the day the site was built for.</p>",
    ])
