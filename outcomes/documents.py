"""Reports as documents: the figures turned into the sections, tables, charts and sentences a
reader sees. One document drives the page, the CSV and the PDF, and is what a snapshot stores,
so they can never disagree. Documents for commissioners are built with small counts already
suppressed: nothing below the threshold ever reaches them, not even in stored data."""

from datetime import date

from matching.constants import EarlyEndingReason, Ending

from . import stats
from .constants import (
    FEWER_THAN,
    PATHWAY_OUTCOMES,
    WELLBEING_MEANINGFUL_CHANGE,
    WELLBEING_SCALE,
    WIDE_INTERVAL,
)
from .periods import Period
from .reports import Figures
from .suppression import breakdown, count, is_small, proportion_hidden

NOT_SHOWN = f"Not shown ({FEWER_THAN})"
NATIONAL_RATE_NOTE = (
    "This is a national rate for a whole population, not a comparison group matched to these "
    "people: the people mentored may differ from it in age, offence, sentence and need."
)
REASON_LABELS = {Ending.PLANNED: "Planned ending", **dict(EarlyEndingReason.choices)}

DEFINITIONS = [
    "Referred: requests for a mentor received in the period; a request passed to another "
    "provider counts once, where it went.",
    "Engaged: case records opened in the period (a referral accepted).",
    "Matched: people whose relationship with a mentor began in the period.",
    "Relationships under way: relationships under way at any time in the period.",
    "Lasting 6 or 10 months or more: of the relationships that ended in the period, in whole "
    "months.",
    "Meetings per relationship per week: meetings held in the period divided by the weeks "
    "relationships were under way in it.",
    "Volunteer hours: the length of every meeting held in the period.",
    "Proven reoffending (Ministry of Justice definition): an offence in the 12 months after "
    "release, or after the start in the community, proven by a conviction or caution in that "
    "year or a further 6 months. Counted for people who had a mentor, whose follow-up started "
    "in the period and ended at least 18 months ago, with an answer recorded.",
    "Pathway outcomes: outcome records of people with a relationship under way in the period.",
    f"Wellbeing: the {WELLBEING_SCALE}, scored 7 to 35; a rise of "
    f"{WELLBEING_MEANINGFUL_CHANGE} points or more counts as improved.",
]


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


def share(k: int, n: int, *, suppress: bool) -> str:
    if n == 0:
        return "None to count"
    if proportion_hidden(k, n, suppress=suppress):
        return NOT_SHOWN if not suppress or n >= 5 else FEWER_THAN
    return f"{k:,} of {n:,} ({pct(k / n)})"


def reoffending_summary(figures: Figures, comparator: dict | None, *, suppress: bool) -> dict:
    """The cohort's rate with its interval, the comparator and what can be said."""
    n, k = figures.follow_up_complete, figures.reoffended
    result = {
        "n": count(n, suppress=suppress),
        "rate": "",
        "interval": "",
        "difference": "",
        "test": "",
        "warning": "",
        "hidden": False,
        "bar": None,
    }
    if n == 0:
        result["warning"] = (
            "No one whose follow-up started in this period has a complete 18-month follow-up "
            "with an answer recorded yet, so there is no reoffending rate to show."
        )
        if figures.follow_up_running:
            result["warning"] += " Choose a period that ended at least 18 months ago to see one."
        return result
    if proportion_hidden(k, n, suppress=suppress):
        result["hidden"] = True
        result["rate"] = NOT_SHOWN
        result["warning"] = (
            "Too few people to show a reoffending rate without risk of identifying someone."
        )
        return result
    cohort = stats.proportion(k, n)
    result["rate"] = f"{pct(cohort.rate)} ({k:,} of {n:,})"
    result["interval"] = f"{pct(cohort.low)} to {pct(cohort.high)}"
    result["bar"] = {"value": cohort.rate, "low": cohort.low, "high": cohort.high}
    if comparator is not None:
        difference = stats.difference_from_rate(
            k, n, comparator["rate"], comparator_n=comparator.get("cohort_size")
        )
        points = f"{stats.round_half_up(difference.value * 100):+} percentage points"
        result["difference"] = (
            f"{points} (95% interval {stats.round_half_up(difference.low * 100):+} to "
            f"{stats.round_half_up(difference.high * 100):+})"
        )
        p_value = stats.binomial_test(k, n, comparator["rate"])
        result["test"] = "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"
    if cohort.width > WIDE_INTERVAL:
        result["warning"] = (
            f"Small cohort: with {n:,} people the true rate could be anywhere from "
            f"{pct(cohort.low)} to {pct(cohort.high)}. That is too wide to say whether mentoring "
            "made a difference."
        )
    elif comparator is not None and difference.clearly_lower:
        result["verdict"] = "Lower than the national rate, beyond chance."
    elif comparator is not None and difference.clearly_higher:
        result["verdict"] = "Higher than the national rate, beyond chance."
    elif comparator is not None:
        result["verdict"] = "Not clearly different from the national rate."
    return result


def _chart(title, description, bars, *, unit="count", reference=None) -> dict:
    return {
        "title": title,
        "description": description,
        "unit": unit,
        "bars": bars,
        "reference": reference,
    }


def _bar(label: str, value, text: str, low=None, high=None) -> dict:
    return {"label": label, "value": value, "text": text, "low": low, "high": high}


def organisation_document(
    *,
    figures: Figures,
    scope_name: str,
    period: Period,
    made_on: date,
    comparator,
    settings=None,
    suppress: bool = False,
    title: str = "Outcomes report",
) -> dict:
    comparator = comparator_dict(comparator)
    f = figures

    def c(n):
        return count(n, suppress=suppress)

    people_rows = [
        ["Referred", c(f.referred), "Requests for a mentor received"],
        ["Engaged", c(f.engaged), "Case records opened"],
        ["Matched with a mentor", c(f.matched), "People whose relationship began"],
        ["Relationships under way", c(f.active), "At any time in the period"],
        ["Relationships ended", c(f.ended), "In the period"],
        [
            "Lasting 6 months or more",
            share(f.lasted_6, f.ended, suppress=suppress),
            "Of those ended",
        ],
        [
            "Lasting 10 months or more",
            share(f.lasted_10, f.ended, suppress=suppress),
            "Of those ended",
        ],
        ["Meetings", c(f.meetings), "Held in the period"],
        [
            "Meetings per relationship per week",
            f"{f.meetings_per_week:.1f}" if f.meetings_per_week is not None else "None to count",
            "While relationships were under way",
        ],
        [
            "Volunteer hours",
            f"{stats.round_half_up(f.volunteer_hours):,}",
            "Time spent in meetings",
        ],
        ["Mentors approved", c(f.mentors_approved), "In the period"],
        [
            "Mentors with lived experience of prison or probation",
            share(f.mentors_lived_experience, f.mentors_approved, suppress=suppress),
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
    people_chart = _chart(
        "People and relationships",
        f"Bar chart of referrals, engagement, matches and relationships, {period.label}. "
        "The table beside it gives the same figures.",
        [_bar(label, None if suppress and n < 5 else n, c(n)) for label, n in flow],
    )

    reasons = sorted(f.ended_by_reason.items(), key=lambda item: -item[1])
    hidden = breakdown([n for _, n in reasons], suppress=suppress)
    ending_rows = [
        [REASON_LABELS.get(reason, reason), FEWER_THAN if hide else f"{n:,}"]
        for (reason, n), hide in zip(reasons, hidden, strict=True)
    ]
    endings_chart = _chart(
        "How relationships ended",
        f"Bar chart of relationships ended by reason, {period.label}.",
        [
            _bar(row[0], None if hide else n, row[1])
            for row, (_, n), hide in zip(ending_rows, reasons, hidden, strict=True)
        ],
    )

    reoffending = reoffending_summary(f, comparator, suppress=suppress)
    reoffending_rows = [
        ["People whose follow-up is complete", reoffending["n"]],
        ["Proven reoffending", reoffending["rate"] or "None to count"],
        ["95% confidence interval", reoffending["interval"] or "None"],
        ["Comparator (national rate)", comparator_sentence(comparator)],
    ]
    if reoffending["difference"]:
        reoffending_rows += [
            ["Difference from the national rate", reoffending["difference"]],
            ["Exact binomial test against the national rate", reoffending["test"]],
        ]
    reoffending_rows += [
        ["Follow-up still running (under 18 months)", c(f.follow_up_running)],
        ["Follow-up complete, no answer recorded", c(f.follow_up_unanswered)],
        [
            "Returned to custody (a different measure)",
            share(f.returned_to_custody, f.custody_recorded, suppress=suppress),
        ],
    ]
    rate_bars = []
    if reoffending["bar"]:
        bar = reoffending["bar"]
        rate_bars.append(_bar(scope_name, bar["value"], pct(bar["value"]), bar["low"], bar["high"]))
    reference = (
        {"value": comparator["rate"], "label": f"National rate {pct(comparator['rate'])}"}
        if comparator
        else None
    )
    reoffending_chart = _chart(
        "Proven reoffending with its 95% interval",
        "The cohort's proven reoffending rate as a bar, its 95% confidence interval as a line "
        "across the bar's end, and the national comparator rate as a dashed line.",
        rate_bars,
        unit="percent",
        reference=reference,
    )

    pathway_rows, pathway_bars = [], []
    for name, label in PATHWAY_OUTCOMES:
        yes, recorded = f.pathways.get(name, (0, 0))
        pathway_rows.append(
            [label, share(yes, recorded, suppress=suppress), c(f.outcome_cohort - recorded)]
        )
        if recorded and not proportion_hidden(yes, recorded, suppress=suppress):
            pathway_bars.append(_bar(label, yes / recorded, pct(yes / recorded)))
        else:
            pathway_bars.append(_bar(label, None, pathway_rows[-1][1]))
    pathway_rows.append(
        [
            "Wellbeing improved by 3 points or more",
            share(f.wellbeing_improved, f.wellbeing_both, suppress=suppress),
            c(f.outcome_cohort - f.wellbeing_both),
        ]
    )
    if f.wellbeing_mean_change is not None and not (suppress and f.wellbeing_both < 5):
        pathway_rows.append(
            ["Average change in wellbeing score", f"{f.wellbeing_mean_change:+.1f} points", ""]
        )
    pathways_chart = _chart(
        "Pathway outcomes",
        "Bar chart of the share of people with each outcome, of those with an answer recorded.",
        pathway_bars,
        unit="percent",
    )

    sections = [
        {
            "key": "people",
            "heading": "People and relationships",
            "head": ["Measure", "Number", "About"],
            "rows": people_rows,
            "chart": people_chart,
        },
        {
            "key": "endings",
            "heading": "How relationships ended",
            "head": ["Reason", "Relationships"],
            "rows": ending_rows,
            "empty": "No relationship ended in this period.",
            "chart": endings_chart if ending_rows else None,
        },
        {
            "key": "reoffending",
            "heading": "Proven reoffending",
            "head": ["Measure", "Figure"],
            "rows": reoffending_rows,
            "chart": reoffending_chart if rate_bars else None,
            "warning": reoffending["warning"],
            "verdict": reoffending.get("verdict", ""),
        },
        {
            "key": "pathways",
            "heading": "Pathway outcomes",
            "head": ["Outcome", "People (of those with an answer)", "No answer recorded"],
            "rows": pathway_rows,
            "chart": pathways_chart,
            "notes": [
                f"{c(f.outcome_cohort)} people with a relationship under way have an outcome "
                "record."
            ],
        },
    ]
    if settings is not None and not suppress:
        sections.append(value_section(f, comparator, settings))
    return {
        "kind": "organisation",
        "title": title,
        "scope": scope_name,
        "period": period.as_dict(),
        "made_on": made_on.isoformat(),
        "suppressed": suppress,
        "comparator": comparator,
        "sections": sections,
        "definitions": DEFINITIONS,
    }


def value_section(f: Figures, comparator: dict | None, settings) -> dict:
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
            f"Social value of volunteer time at £{settings.hourly_earnings} an hour",
            f"£{stats.round_half_up(value):,}",
        ]
    )
    notes.append(f"Hourly figure: {settings.hourly_earnings_source}")
    return {
        "key": "value",
        "heading": "Crimes prevented and social value",
        "head": ["Measure", "Figure"],
        "rows": rows,
        "chart": None,
        "notes": notes,
    }


COMPARISON_HEAD = [
    "Provider",
    "Engaged",
    "Matched",
    "Relationships under way",
    "Relationships ended",
    "Lasting 6 months or more",
    "Meetings per relationship per week",
    "Volunteer hours",
    "Proven reoffending",
    "95% interval",
    "Follow-ups complete",
]


COUNTED_COLUMNS = ("engaged", "matched", "active", "ended", "follow_up_complete")


def _comparison_hidden(providers: list[Figures]) -> dict[str, list[bool]]:
    """For each column of the comparison, which cells to hide: each provider's (then the
    region total's, last). A provider's small figure is hidden; when it is the only one hidden
    in its column, the total's is hidden too, so it cannot be worked out by subtraction."""
    hidden = {
        column: [is_small(getattr(f, column)) for f in providers] for column in COUNTED_COLUMNS
    }
    hidden["lasted"] = [
        hidden["ended"][i] or proportion_hidden(f.lasted_6, f.ended, suppress=True)
        for i, f in enumerate(providers)
    ]
    hidden["reoffending"] = [
        hidden["follow_up_complete"][i]
        or proportion_hidden(f.reoffended, f.follow_up_complete, suppress=True)
        for i, f in enumerate(providers)
    ]
    return {column: [*flags, sum(flags) == 1] for column, flags in hidden.items()}


def _cell(n: int, cut: bool) -> str:
    """A count, "fewer than 5" if small, "Not shown" if hidden only to protect a small one."""
    if is_small(n):
        return FEWER_THAN
    return "Not shown" if cut else f"{n:,}"


def comparison_document(
    *,
    providers: list[tuple[str, Figures]],
    total: Figures,
    region_name: str,
    period: Period,
    made_on: date,
    comparator,
) -> dict:
    """Accredited providers of a region side by side, for commissioners: always suppressed.

    The region's total is shown too: where a single provider's figure is hidden in a column, the
    total's is hidden with it (see _comparison_hidden), and a rate resting on a hidden count is
    hidden with it."""
    comparator = comparator_dict(comparator)
    hidden = _comparison_hidden([figures for _name, figures in providers])
    rows, rate_bars, lasting_bars, warnings = [], [], [], []
    for position, (name, f) in enumerate(
        [*providers, (f"All accredited providers in {region_name}", total)]
    ):
        cut = {column: flags[position] for column, flags in hidden.items()}
        reoffending = reoffending_summary(f, comparator, suppress=True)
        if cut.get("reoffending") and not reoffending["hidden"]:
            reoffending.update(rate=NOT_SHOWN, interval="", bar=None, hidden=True)
        per_week = f.meetings_per_week
        rows.append(
            [
                name,
                _cell(f.engaged, cut.get("engaged")),
                _cell(f.matched, cut.get("matched")),
                _cell(f.active, cut.get("active")),
                _cell(f.ended, cut.get("ended")),
                NOT_SHOWN if cut.get("lasted") else share(f.lasted_6, f.ended, suppress=True),
                f"{per_week:.1f}" if per_week is not None else "None to count",
                f"{stats.round_half_up(f.volunteer_hours):,}",
                reoffending["rate"] or "None to count",
                reoffending["interval"],
                _cell(f.follow_up_complete, cut.get("follow_up_complete")),
            ]
        )
        if reoffending["bar"]:
            bar = reoffending["bar"]
            rate_bars.append(_bar(name, bar["value"], pct(bar["value"]), bar["low"], bar["high"]))
        else:
            rate_bars.append(_bar(name, None, reoffending["rate"] or "None to count"))
        if (
            f.ended
            and not cut.get("lasted")
            and not proportion_hidden(f.lasted_6, f.ended, suppress=True)
        ):
            lasting_bars.append(_bar(name, f.lasted_6 / f.ended, pct(f.lasted_6 / f.ended)))
        else:
            lasting_bars.append(_bar(name, None, share(f.lasted_6, f.ended, suppress=True)))
        if reoffending["warning"] and f.follow_up_complete:
            warnings.append(f"{name}: {reoffending['warning']}")
    reference = (
        {"value": comparator["rate"], "label": f"National rate {pct(comparator['rate'])}"}
        if comparator
        else None
    )
    sections = [
        {
            "key": "providers",
            "heading": "Providers compared",
            "head": COMPARISON_HEAD,
            "rows": rows,
            "empty": "No accredited provider works in this region yet.",
            "chart": None,
            "notes": [
                f"Counts under 5 are shown as '{FEWER_THAN}' and rates resting on them are not "
                "shown, so that no person can be identified. Where only one provider's figure is "
                "hidden, the region's total is not shown either, so it cannot be worked out.",
                "Comparator: " + comparator_sentence(comparator),
            ],
        },
        {
            "key": "reoffending",
            "heading": "Proven reoffending by provider",
            "head": ["Provider", "Proven reoffending", "95% interval"],
            "rows": [[row[0], row[8], row[9]] for row in rows],
            "chart": _chart(
                "Proven reoffending by provider, with 95% intervals",
                "Each provider's proven reoffending rate as a bar with its 95% confidence "
                "interval, and the national comparator rate as a dashed line. Providers with "
                "too few people show no bar.",
                rate_bars,
                unit="percent",
                reference=reference,
            ),
            "warnings": warnings,
        },
        {
            "key": "lasting",
            "heading": "Relationships lasting 6 months or more",
            "head": ["Provider", "Lasting 6 months or more"],
            "rows": [[row[0], row[5]] for row in rows],
            "chart": _chart(
                "Relationships lasting 6 months or more, by provider",
                "The share of relationships ended in the period that lasted 6 months or more.",
                lasting_bars,
                unit="percent",
            ),
        },
    ]
    return {
        "kind": "comparison",
        "title": f"Accredited providers in {region_name}",
        "scope": region_name,
        "period": period.as_dict(),
        "made_on": made_on.isoformat(),
        "suppressed": True,
        "comparator": comparator,
        "sections": sections,
        "definitions": DEFINITIONS,
    }
