"""Reports as documents: the figures turned into the sections, tables, charts and sentences a
reader sees. One document drives the page, the CSV and the PDF, and is what a snapshot stores,
so they can never disagree. Documents for commissioners are built with small counts already
suppressed (outcomes/suppression.py): nothing hidden ever reaches them, not even in stored data.

A document is built from small typed pieces (the TypedDicts below), one builder per section."""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NotRequired, TypedDict

from django.utils.text import slugify

from matching.constants import EarlyEndingReason, Ending

from . import stats
from .constants import (
    PATHWAY_OUTCOMES,
    WELLBEING_MEANINGFUL_CHANGE,
    WELLBEING_SCALE,
)
from .periods import Period
from .reports import Figures
from .suppression import NOT_SHOWN, RULE, Column, cell, counts, either, notice, shares

NATIONAL_RATE_NOTE = (
    "This is a national rate for a whole population, not a comparison group matched to these "
    "people: the people mentored may differ from it in age, offence, sentence and need."
)
REASON_LABELS = {Ending.PLANNED: "Planned ending", **dict(EarlyEndingReason.choices)}

# (term, what it means): each figure's definition, shown with every report.
DEFINITIONS = [
    (
        "Referred",
        "Requests for a mentor received in the period; a request passed to another provider "
        "counts once, where it went.",
    ),
    ("Engaged", "People whose case record was opened in the period (a referral accepted)."),
    (
        "Matched",
        "People whose relationship with a mentor began in the period. Someone engaged in an "
        "earlier period can be matched in this one, so Matched can be more than Engaged.",
    ),
    ("Relationships under way", "Relationships under way at any time in the period."),
    (
        "Lasting 6 or 10 months or more",
        "Of the relationships that ended in the period, in whole months.",
    ),
    (
        "Meetings per relationship per week",
        "Meetings held in the period divided by the weeks relationships were under way in it.",
    ),
    ("Volunteer hours", "The length of every meeting held in the period."),
    (
        "Proven reoffending",
        "The Ministry of Justice definition: an offence committed in the 12 months after "
        "release, or after the start in the community, and proven by a conviction or caution "
        "within 18 months of that start. An offence proven later does not count.",
    ),
    (
        "Follow-up complete",
        "People who had a mentor, whose follow-up started (release or start in the community) "
        "in the period and began at least 18 months ago, with an answer recorded. They are "
        "counted by when their follow-up started, not when they were engaged, so this can be "
        "more than Engaged.",
    ),
    ("Pathway outcomes", "Outcome records of people with a relationship under way in the period."),
    (
        "Wellbeing",
        f"The {WELLBEING_SCALE}, scored 7 to 35; a rise of {WELLBEING_MEANINGFUL_CHANGE} points "
        "or more counts as improved.",
    ),
]


# Labels in the tables that a definition explains (beyond those starting with its term).
DEFINED_LABELS = {
    "Lasting 6 or 10 months or more": ("Lasting",),
    "Follow-up complete": ("Follow-ups complete", "People whose follow-up is complete"),
    "Wellbeing": ("Wellbeing improved", "Average change in wellbeing"),
}


def definitions() -> list[str]:
    return [f"{term}: {meaning}" for term, meaning in DEFINITIONS]


def definition_anchor(label: str) -> str:
    """The id of the definition that explains a table label ("definition-engaged"), or ""."""

    for term, _meaning in DEFINITIONS:
        if label.startswith((term, *DEFINED_LABELS.get(term, ()))):
            return f"definition-{slugify(term)}"
    return ""


def pct(rate: float | None, places: int = 0) -> str:
    return stats.percent(rate, places) if rate is not None else ""


def comparator_dict(comparator) -> dict | None:
    if comparator is None:
        return None
    return {
        "name": comparator.name,
        "rate": float(comparator.rate),
        "population": comparator.population,
        "source": comparator.source,
        "date": comparator.date_label,
        "cohort_size": comparator.cohort_size,
    }


def comparator_sentence(comparator: dict | None) -> str:
    if comparator is None:
        return "No comparator is set up."
    return (
        f"{pct(comparator['rate'])}: {comparator['name']} ({comparator['population']}; "
        f"{comparator['source']}, {comparator['date']}). {NATIONAL_RATE_NOTE}"
    )


def hourly(amount) -> str:
    """£13.1242, £13.12, £13.50: as precise as it was set, and always to the penny."""
    text = f"{Decimal(amount).normalize():f}"
    whole, _, places = text.partition(".")
    return f"£{whole}.{places.ljust(2, '0')}"


def share(k: int, n: int) -> str:
    if n == 0:
        return "None to count"
    return f"{k:,} of {n:,} ({pct(k / n)})"


def p_text(p_value: float) -> str:
    """The p-value to 3 places, or 4 cut short when rounding would lift it to 0.050: the
    figure shown always sits on the same side of 0.05 as the verdict beside it."""
    if p_value < 0.001:
        return "p < 0.001"
    text = f"{p_value:.3f}"
    if p_value < stats.SIGNIFICANCE <= float(text):
        text = f"{math.floor(p_value * 10_000) / 10_000:.4f}"
    return f"p = {text}"


def interval_text(low: float, high: float, rate: float | None = None) -> str:
    """The interval in whole percents, or with more places when rounding would make an end
    look the same as the comparator's rate (so the words and the figures agree)."""
    for places in (0, 1, 2):
        ends = pct(low, places), pct(high, places)
        if rate is None or pct(rate, places) not in ends:
            break
    return f"{ends[0]} to {ends[1]}"


# --- The typed pieces. They are TypedDicts, so a document is plain JSON as a snapshot stores
# it, and the templates, the CSV and the PDF read it as before.


class Bar(TypedDict):
    label: str
    value: float | int | None  # None: no bar (too few people, or hidden)
    text: str
    low: float | None
    high: float | None


class Reference(TypedDict):
    value: float
    label: str


class Chart(TypedDict):
    title: str
    description: str
    unit: str  # "count" or "percent"
    bars: list[Bar]
    reference: Reference | None


class Section(TypedDict):
    key: str
    heading: str
    head: list[str]
    rows: list[list[str]]
    chart: Chart | None
    empty: NotRequired[str]  # said instead of an empty table
    warning: NotRequired[str]
    verdict: NotRequired[str]
    notes: NotRequired[list[str]]
    warnings: NotRequired[list[str]]
    print_columns: NotRequired[int]  # on paper, only the first this many columns


class Document(TypedDict):
    kind: str  # "organisation" or "comparison"
    title: str
    scope: str
    period: dict
    made_on: str
    suppressed: bool  # built with disclosure control applied
    comparator: dict | None
    sections: list[Section]
    definitions: list[str]
    rule: NotRequired[str]
    notice: NotRequired[str]


class RateBar(TypedDict):
    value: float
    low: float
    high: float


class Reoffending(TypedDict):
    rate: str
    interval: str
    difference: str
    test: str
    verdict: str
    short: str
    warning: str
    hidden: bool
    bar: RateBar | None


def _chart(title, description, bars, *, unit="count", reference=None) -> Chart:
    return Chart(title=title, description=description, unit=unit, bars=bars, reference=reference)


def _bar(label: str, value, text: str, low=None, high=None) -> Bar:
    return Bar(label=label, value=value, text=text, low=low, high=high)


def _rate_bar(label: str, reoffending: Reoffending) -> Bar:
    """The rate with its interval, or no bar (with the words shown instead)."""
    bar = reoffending["bar"]
    if bar is None:
        return _bar(label, None, reoffending["rate"] or "None to count")
    return _bar(label, bar["value"], pct(bar["value"]), bar["low"], bar["high"])


def _reference(comparator: dict | None, word: str) -> Reference | None:
    if comparator is None:
        return None
    return Reference(value=comparator["rate"], label=f"{word} {pct(comparator['rate'])}")


def _count(n: int) -> str:
    return f"{n:,}"


# --- Reoffending against a comparator: the one method every report uses.


def reoffending_summary(figures: Figures, comparator: dict | None, *, hidden=False) -> Reoffending:
    """The cohort's rate with its interval, the comparator, the test and what can be said.
    One method throughout (stats.Comparison.METHOD): the verdict follows from the p-value and
    the interval, which always agree. `hidden`: disclosure control hides the rate."""
    n, k = figures.follow_up_complete, figures.reoffended
    result = Reoffending(
        rate="", interval="", difference="", test="", verdict="", short="", warning="",
        hidden=hidden, bar=None,
    )  # fmt: skip
    if hidden:
        result["rate"] = NOT_SHOWN
        return result
    if n == 0:
        result["warning"] = (
            "No one whose follow-up started in this period has a complete 18-month follow-up "
            "with an answer recorded yet, so there is no reoffending rate to show."
        )
        if figures.follow_up_running:
            result["warning"] += " Choose a period that ended at least 18 months ago to see one."
        return result
    if comparator is None:
        low, high = stats.exact_interval(k, n)
        result.update(rate=f"{pct(k / n)} ({k:,} of {n:,})", interval=interval_text(low, high))
        result["bar"] = RateBar(value=k / n, low=low, high=high)
        return result
    return _compared(result, k, n, comparator)


def _compared(result: Reoffending, k: int, n: int, comparator: dict) -> Reoffending:
    rate = comparator["rate"]
    comparison = stats.compare_with_rate(k, n, rate)
    interval = interval_text(comparison.low, comparison.high, rate)
    result.update(rate=f"{pct(k / n)} ({k:,} of {n:,})", interval=interval)
    result["bar"] = RateBar(value=k / n, low=comparison.low, high=comparison.high)
    difference = comparison.difference
    result["difference"] = (
        f"{stats.round_half_up(difference.value * 100):+} percentage points (95% interval "
        f"{stats.round_half_up(difference.low * 100, 1):+} to "
        f"{stats.round_half_up(difference.high * 100, 1):+})"
    )
    p = result["test"] = p_text(comparison.p_value)
    against = f"the comparator rate of {pct(rate)} ({comparator['name']})"
    if comparison.significant:
        direction = "Lower" if comparison.lower else "Higher"
        result["short"] = f"{direction} ({p})"
        result["verdict"] = (
            f"{direction} than {against}, more than chance would explain: the exact test gives "
            f"{p}, under 0.05, and the 95% interval ({interval}) does not include {pct(rate)}."
        )
        return result
    result["short"] = f"Not clearly different ({p})"
    result["verdict"] = (
        f"Not clearly different from {against}: the exact test gives {p}, not under 0.05, "
        f"and the 95% interval ({interval}) includes {pct(rate)}."
    )
    needed = stats.people_needed(rate)
    if needed is None or n < needed:
        more = f"about {needed:,}" if needed else "many more"
        points = stats.round_half_up(stats.DIFFERENCE_TO_SHOW * 100)
        result["warning"] = (
            f"Small cohort: with {n:,} people this report cannot show whether mentoring made "
            f"a difference. To show a difference of {points} percentage points from "
            f"{pct(rate)} it would need {more} people with a complete follow-up."
        )
    return result


# --- A provider's (or an area's) own report: one builder per section.


def people_section(f: Figures, period: Period) -> Section:
    c = _count
    per_week = f"{f.meetings_per_week:.1f}" if f.meetings_per_week is not None else "None to count"
    rows = [
        ["Referred", c(f.referred), "Requests for a mentor received"],
        ["Engaged", c(f.engaged), "Case records opened"],
        ["Matched with a mentor", c(f.matched), "People whose relationship began"],
        ["Relationships under way", c(f.active), "At any time in the period"],
        ["Relationships ended", c(f.ended), "In the period"],
        ["Lasting 6 months or more", share(f.lasted_6, f.ended), "Of those ended"],
        ["Lasting 10 months or more", share(f.lasted_10, f.ended), "Of those ended"],
        ["Meetings", c(f.meetings), "Held in the period"],
        ["Meetings per relationship per week", per_week, "While relationships were under way"],
        [
            "Volunteer hours",
            f"{stats.round_half_up(f.volunteer_hours):,}",
            "Time spent in meetings",
        ],
        ["Mentors approved", c(f.mentors_approved), "In the period"],
        [
            "Mentors with lived experience of prison or probation",
            share(f.mentors_lived_experience, f.mentors_approved),
            "Of mentors approved",
        ],
    ]
    flow = [
        ("Referred", f.referred),
        ("Engaged", f.engaged),
        ("Matched", f.matched),
        ("Under way", f.active),
        ("Ended", f.ended),
    ]
    chart = _chart(
        "People and relationships",
        f"Bar chart of referrals, engagement, matches and relationships, {period.label}. "
        "The table beside it gives the same figures.",
        [_bar(label, n, c(n)) for label, n in flow],
    )
    return Section(
        key="people",
        heading="People and relationships",
        head=["Measure", "Number", "About"],
        rows=rows,
        chart=chart,
    )


def endings_section(f: Figures, period: Period) -> Section:
    reasons = sorted(f.ended_by_reason.items(), key=lambda item: -item[1])
    rows = [[REASON_LABELS.get(reason, reason), f"{n:,}"] for reason, n in reasons]
    chart = _chart(
        "How relationships ended",
        f"Bar chart of relationships ended by reason, {period.label}.",
        [_bar(row[0], n, row[1]) for row, (_, n) in zip(rows, reasons, strict=True)],
    )
    return Section(
        key="endings",
        heading="How relationships ended",
        head=["Reason", "Relationships"],
        rows=rows,
        empty="No relationship ended in this period.",
        chart=chart if rows else None,
    )


def reoffending_section(f: Figures, comparator: dict | None, scope_name: str) -> Section:
    c = _count
    reoffending = reoffending_summary(f, comparator)
    rows = [
        ["Comparator", comparator_sentence(comparator)],
        ["People whose follow-up is complete", c(f.follow_up_complete)],
        ["Proven reoffending", reoffending["rate"] or "None to count"],
        ["95% interval (Clopper-Pearson)", reoffending["interval"] or "None"],
    ]
    if reoffending["difference"]:
        rows += [
            ["Difference from the comparator", reoffending["difference"]],
            ["Exact binomial test against the comparator", reoffending["test"]],
        ]
    rows += [
        ["Follow-up still running (under 18 months)", c(f.follow_up_running)],
        ["Follow-up complete, no answer recorded", c(f.follow_up_unanswered)],
        ["Answered yes, date proven not recorded (not counted until it is)", c(f.proof_missing)],
        ["Answered yes, proven after 18 months (counted as no)", c(f.proven_too_late)],
        [
            "Returned to custody (a different measure)",
            share(f.returned_to_custody, f.custody_recorded),
        ],
    ]
    chart = _chart(
        "Proven reoffending with its 95% interval",
        "The cohort's proven reoffending rate as a bar, its 95% confidence interval as a line "
        "across the bar's end, and the national comparator rate as a dashed line.",
        [_rate_bar(scope_name, reoffending)],
        unit="percent",
        reference=_reference(comparator, "National rate"),
    )
    return Section(
        key="reoffending",
        heading="Proven reoffending",
        head=["Measure", "Figure"],
        rows=rows,
        chart=chart if reoffending["bar"] else None,
        warning=reoffending["warning"],
        verdict=reoffending["verdict"],
        notes=[f"Method: {stats.Comparison.METHOD}."] if reoffending["verdict"] else [],
    )


def pathways_section(f: Figures) -> Section:
    c = _count
    rows, bars = [], []
    for name, label in PATHWAY_OUTCOMES:
        yes, recorded = f.pathways.get(name, (0, 0))
        rows.append([label, share(yes, recorded), c(f.outcome_cohort - recorded)])
        if recorded:
            bars.append(_bar(label, yes / recorded, pct(yes / recorded)))
        else:
            bars.append(_bar(label, None, rows[-1][1]))
    rows.append(
        [
            f"Wellbeing improved by {WELLBEING_MEANINGFUL_CHANGE} points or more",
            share(f.wellbeing_improved, f.wellbeing_both),
            c(f.outcome_cohort - f.wellbeing_both),
        ]
    )
    if f.wellbeing_mean_change is not None:
        rows.append(
            ["Average change in wellbeing score", f"{f.wellbeing_mean_change:+.1f} points", ""]
        )
    return Section(
        key="pathways",
        heading="Pathway outcomes",
        head=["Outcome", "People (of those with an answer)", "No answer recorded"],
        rows=rows,
        chart=_chart(
            "Pathway outcomes",
            "Bar chart of the share of people with each outcome, of those with an answer recorded.",
            bars,
            unit="percent",
        ),
        notes=[
            f"{c(f.outcome_cohort)} people with a relationship under way have an outcome record."
        ],
    )


def value_section(f: Figures, comparator: dict | None, settings) -> Section:
    rows = []
    notes = []
    if comparator and f.follow_up_complete:
        result = stats.crimes_prevented(
            cohort=f.follow_up_complete,
            observed=f.reoffended,
            comparator_rate=comparator["rate"],
            cost_per_crime=settings.cost_per_crime,
        )
        rows += [
            ["Expected to reoffend at the national rate", f"{result.expected:,}"],
            ["Reoffended", f"{result.observed:,}"],
            ["Crimes prevented (at least)", f"{result.prevented:,}"],
            [f"Value at £{result.cost_per_crime:,} a crime", f"£{result.value:,}"],
        ]
        notes.append(result.ASSUMPTION)
        notes.append(
            "The cost of a crime follows the Home Office method (Research Study 217, revised "
            "costs); your organisation can change the figure in its outcome settings."
        )
    else:
        notes.append("Crimes prevented need a complete follow-up and a comparator rate.")
    value = stats.social_value(stats.round_half_up(f.volunteer_hours, 2), settings.hourly_earnings)
    rows.append(
        [
            f"Social value of volunteer time at {hourly(settings.hourly_earnings)} an hour",
            f"£{stats.round_half_up(value):,}",
        ]
    )
    notes.append(f"Hourly figure: {settings.hourly_earnings_source}")
    return Section(
        key="value",
        heading="Crimes prevented and social value",
        head=["Measure", "Figure"],
        rows=rows,
        chart=None,
        notes=notes,
    )


def organisation_document(
    *,
    figures: Figures,
    scope_name: str,
    period: Period,
    made_on: date,
    comparator,
    settings=None,
    title: str = "Outcomes report",
) -> Document:
    comparator = comparator_dict(comparator)
    sections = [
        people_section(figures, period),
        endings_section(figures, period),
        reoffending_section(figures, comparator, scope_name),
        pathways_section(figures),
    ]
    if settings is not None:
        sections.append(value_section(figures, comparator, settings))
    return Document(
        kind="organisation",
        title=title,
        scope=scope_name,
        period=period.as_dict(),
        made_on=made_on.isoformat(),
        suppressed=False,
        comparator=comparator,
        sections=sections,
        definitions=definitions(),
    )


# --- Providers side by side, for commissioners, with disclosure control applied.


def comparison_head(comparator: dict | None) -> list[str]:
    """The comparison's columns. `comparator`: the one every provider uses, or None when they
    use different ones (each named in the last column)."""
    against = f"Against {comparator['name']}" if comparator else "Against its comparator"
    return [
        "Provider",
        "Engaged",
        "Matched",
        "Relationships under way",
        "Relationships ended",
        "Lasting 6 months or more",
        "Meetings per relationship per week",
        "Volunteer hours",
        "Follow-ups complete",
        "Proven reoffending",
        "95% interval",
        against,
        "Comparator",
    ]


def comparator_name(comparator: dict | None) -> str:
    """A comparator in a table cell: its rate, name, source and year."""
    if comparator is None:
        return "None set up"
    return (
        f"{pct(comparator['rate'])}: {comparator['name']} ({comparator['source']}, "
        f"{comparator['date']})"
    )


def comparison_hidden(
    providers: list[Figures], parts: list[list[Figures]] | tuple = ()
) -> dict[str, Column]:
    """Disclosure control for the comparison (outcomes/suppression.py): which cells of each
    column to hide, one flag per provider and the region's total last. `parts`: the same
    providers' figures in each quarter of a financial year; a cell hidden in any quarter is
    hidden in the year too. The comparison document calls this once, before any cell is
    written."""
    hidden = _hidden_in_one_period(providers)
    for part in parts:
        theirs = _hidden_in_one_period(part)
        hidden = {name: either(column, theirs[name]) for name, column in hidden.items()}
    return hidden


def _hidden_in_one_period(providers: list[Figures]) -> dict[str, Column]:

    def column(name: str) -> list[int]:
        return [getattr(f, name) for f in providers]

    hidden = {name: counts(column(name)) for name in ("engaged", "matched", "active", "ended")}
    # Meetings and hours describe the people in relationships: hidden with them.
    hidden["meetings"] = counts(column("active"), also=list(hidden["active"].flags[:-1]))
    hidden["follow_up_complete"] = counts(column("follow_up_complete"))
    hidden["lasted"] = shares(
        [(f.lasted_6, f.ended) for f in providers], denominators=hidden["ended"]
    )
    hidden["reoffending"] = shares(
        [(f.reoffended, f.follow_up_complete) for f in providers],
        denominators=hidden["follow_up_complete"],
    )
    return hidden


def comparator_notes(own: list[dict | None], common: dict | None) -> list[str]:
    """Which comparator each provider is set beside, in the notes under the table."""
    if common is not None or not own:
        return ["Comparator: " + comparator_sentence(common)]
    lines, seen = [], set()
    for comparator in own:
        if comparator and comparator["name"] not in seen:
            seen.add(comparator["name"])
            lines.append("Comparator: " + comparator_sentence(comparator))
    return [
        "Each provider is compared with the comparator it chose for all its reports (the last "
        "column). Providers use different comparators, so the region's total is not compared "
        "with one.",
        *lines,
    ]


@dataclass(frozen=True)
class ComparedProvider:
    """One line of the comparison, its cells already cut by disclosure control."""

    row: list[str]
    rate_bar: Bar
    lasting_bar: Bar
    warnings: list[str]


def compared_provider(
    name: str, f: Figures, cut: dict[str, bool], against: dict | None, comparator_cell: str
) -> ComparedProvider:
    """A provider's (or the region's) row. `cut`: for each column, whether it is hidden."""
    reoffending = reoffending_summary(f, against, hidden=cut["reoffending"])
    if cut["meetings"]:
        per_week_text = hours_text = NOT_SHOWN
    else:
        per_week = f.meetings_per_week
        per_week_text = f"{per_week:.1f}" if per_week is not None else "None to count"
        hours_text = f"{stats.round_half_up(f.volunteer_hours):,}"
    lasting = NOT_SHOWN if cut["lasted"] else share(f.lasted_6, f.ended)
    row = [
        name,
        cell(f.engaged, cut["engaged"]),
        cell(f.matched, cut["matched"]),
        cell(f.active, cut["active"]),
        cell(f.ended, cut["ended"]),
        lasting,
        per_week_text,
        hours_text,
        cell(f.follow_up_complete, cut["follow_up_complete"]),
        reoffending["rate"] or "None to count",
        reoffending["interval"],
        reoffending["short"],
        comparator_cell,
    ]
    if cut["lasted"] or not f.ended:
        lasting_bar = _bar(name, None, lasting)
    else:
        lasting_bar = _bar(name, f.lasted_6 / f.ended, pct(f.lasted_6 / f.ended))
    warnings = [
        f"{name}: {line}"
        for line in (reoffending["verdict"], reoffending["warning"])
        if line and not reoffending["hidden"] and f.follow_up_complete
    ]
    return ComparedProvider(row, _rate_bar(name, reoffending), lasting_bar, warnings)


def providers_section(
    lines: list[ComparedProvider], head: list[str], own: list[dict | None], common: dict | None
) -> Section:
    return Section(
        key="providers",
        heading="Providers compared",
        head=head,
        rows=[line.row for line in lines],
        # On paper the reoffending columns do not fit beside the rest; the next section's
        # table holds the same figures, so the printout leaves them out here.
        print_columns=9,
        empty="No accredited provider works in this region yet.",
        chart=None,
        notes=[notice(), *comparator_notes(own, common), f"Method: {stats.Comparison.METHOD}."],
    )


def reoffending_by_provider_section(
    lines: list[ComparedProvider], head: list[str], common: dict | None
) -> Section:
    return Section(
        key="reoffending",
        heading="Proven reoffending by provider",
        head=["Provider", "Proven reoffending", "95% interval", head[11], head[12]],
        rows=[[line.row[i] for i in (0, 9, 10, 11, 12)] for line in lines],
        chart=_chart(
            "Proven reoffending by provider, with 95% intervals",
            "Each provider's proven reoffending rate as a bar with its 95% confidence "
            "interval, and the comparator rate as a dashed line. Providers with too few "
            "people show no bar.",
            [line.rate_bar for line in lines],
            unit="percent",
            reference=_reference(common, "Comparator"),
        ),
        warnings=[warning for line in lines for warning in line.warnings],
    )


def lasting_section(lines: list[ComparedProvider]) -> Section:
    return Section(
        key="lasting",
        heading="Relationships lasting 6 months or more",
        head=["Provider", "Lasting 6 months or more"],
        rows=[[line.row[0], line.row[5]] for line in lines],
        chart=_chart(
            "Relationships lasting 6 months or more, by provider",
            "The share of relationships ended in the period that lasted 6 months or more.",
            [line.lasting_bar for line in lines],
            unit="percent",
        ),
    )


def comparison_document(
    *,
    providers: list[tuple[str, Figures]],
    total: Figures,
    region_name: str,
    period: Period,
    made_on: date,
    comparator,
    parts: list[list[Figures]] | tuple = (),
    comparators: list | None = None,
) -> Document:
    """Accredited providers of a region side by side, for commissioners: built with disclosure
    control applied (comparison_hidden), so nothing hidden is in the document at all. For a
    financial year, `parts` holds the providers' figures in each of its quarters.

    `comparators`: each provider's own comparator (the one its own reports use, so a provider
    is set beside the same rate everywhere); without them, `comparator` for all. The region's
    total is compared only when every provider uses the same one."""
    given = comparator if isinstance(comparator, dict) else comparator_dict(comparator)
    own = (
        [comparator_dict(c) for c in comparators]
        if comparators is not None
        else [given] * len(providers)
    )
    names = {c["name"] if c else None for c in own}
    common = own[0] if len(names) == 1 else (given if not own else None)
    hidden = comparison_hidden([figures for _name, figures in providers], parts)
    # No provider, no row: not even a region's total of nothing.
    everyone = [*providers, (f"All accredited providers in {region_name}", total)] * bool(providers)
    lines = []
    for position, (name, f) in enumerate(everyone):
        against = own[position] if position < len(own) else common
        if against is None and len(names) > 1 and position == len(own):
            comparator_cell = "Not compared: providers use different comparators"
        else:
            comparator_cell = comparator_name(against)
        cut = {column: flags[position] for column, flags in hidden.items()}
        lines.append(compared_provider(name, f, cut, against, comparator_cell))
    head = comparison_head(common)
    return Document(
        kind="comparison",
        title=f"Accredited providers in {region_name}",
        scope=region_name,
        period=period.as_dict(),
        made_on=made_on.isoformat(),
        suppressed=True,
        rule=RULE,
        notice=notice(),
        comparator=common,
        sections=[
            providers_section(lines, head, own, common),
            reoffending_by_provider_section(lines, head, common),
            lasting_section(lines),
        ],
        definitions=definitions(),
    )
