"""Stored region reports made before the one disclosure rule: the rule applied again when one
is read, to the figures as they were stored (the stored row never changes; the database
refuses UPDATE). Every output of such a report (page, CSV, PDF) is made from the result.

A stored comparison holds only what it showed, so this works from the text of its cells:
a number is known, "fewer than N" and "Not shown" are hidden. The rule then hides, as
suppression.py says, any total of a column with a hidden cell, any share whose parts are small,
and what rests on a hidden count (meetings, hours, rates, intervals, verdicts, warnings)."""

import re

from .suppression import NOT_SHOWN, RULE, fewer_than, is_small, notice, proportion_hidden

COUNTS = {
    "Engaged": "engaged",
    "Matched": "matched",
    "Relationships under way": "active",
    "Relationships ended": "ended",
    "Follow-ups complete": "complete",
}
RESTING_ON_ACTIVE = ("Meetings per relationship per week", "Volunteer hours")
SHARE = re.compile(r"^([\d,]+) of ([\d,]+) \(\d+%\)$")
RATE = re.compile(r"^\d+% \(([\d,]+) of ([\d,]+)\)$")


def _number(text: str) -> int | None:
    return int(text.replace(",", "")) if re.fullmatch(r"[\d,]+", text.strip()) else None


def needs_rule(document: dict) -> bool:
    return document.get("kind") == "comparison" and document.get("rule") != RULE


def apply_rule(document: dict) -> dict:
    """A copy of a stored comparison with the current rule applied; others unchanged."""
    if not needs_rule(document):
        return document
    document = {**document, "sections": [dict(section) for section in document["sections"]]}
    providers = next((s for s in document["sections"] if s.get("key") == "providers"), None)
    if providers is None or not providers.get("rows"):
        document["rule"] = RULE
        return document
    head = providers["head"]
    rows = [list(row) for row in providers["rows"]]
    total = len(rows) - 1
    column = {heading: position for position, heading in enumerate(head)}
    hidden = {}  # (row, name) -> hidden
    for heading, name in COUNTS.items():
        if heading not in column:
            continue
        at = column[heading]
        for r, row in enumerate(rows):
            value = _number(row[at])
            hidden[(r, name)] = value is None or is_small(value)
        hidden[(total, name)] = any(hidden[(r, name)] for r in range(total + 1))
        for r, row in enumerate(rows):
            if hidden[(r, name)]:
                value = _number(row[at])
                small = row[at] == fewer_than() or (value is not None and is_small(value))
                row[at] = fewer_than() if small else NOT_SHOWN
    _shares(rows, column, hidden, "Lasting 6 months or more", "ended", SHARE)
    rate_hidden = _shares(rows, column, hidden, "Proven reoffending", "complete", RATE)
    for heading in RESTING_ON_ACTIVE:
        if heading in column:
            for r, row in enumerate(rows):
                if hidden.get((r, "active")):
                    row[column[heading]] = NOT_SHOWN
    rate_at = column.get("Proven reoffending")
    if rate_at is not None:
        for r in rate_hidden:
            for at in range(rate_at + 1, len(head)):  # the interval and the verdict
                rows[r][at] = ""
    providers["rows"] = rows
    providers["notes"] = [notice(), *providers.get("notes", [])[1:]]
    hidden_names = {rows[r][0] for r in rate_hidden}
    lasting_hidden = {rows[r][0] for r in range(len(rows)) if hidden.get((r, "lasted"))}
    for section in document["sections"]:
        if section is providers:
            continue
        section_head = section.get("head", [])
        section["rows"] = [
            [row[0], *(rows[_row_of(rows, row[0])][column[h]] for h in section_head[1:])]
            if _row_of(rows, row[0]) is not None and all(h in column for h in section_head[1:])
            else row
            for row in section.get("rows", [])
        ]
        if section.get("warnings"):
            section["warnings"] = [
                line
                for line in section["warnings"]
                if not any(line.startswith(f"{name}: ") for name in hidden_names)
            ]
        if section.get("chart"):
            gone = hidden_names if section.get("key") == "reoffending" else lasting_hidden
            chart = dict(section["chart"])
            chart["bars"] = [
                {**bar, "value": None, "low": None, "high": None, "text": NOT_SHOWN}
                if bar["label"] in gone
                else bar
                for bar in chart.get("bars", [])
            ]
            section["chart"] = chart
    document["notice"] = notice()
    document["rule"] = RULE
    return document


def _row_of(rows: list[list[str]], name: str) -> int | None:
    return next((r for r, row in enumerate(rows) if row[0] == name), None)


def _shares(rows, column, hidden, heading, whole, pattern) -> set[int]:
    """Hide shares "k of n" as the rule says; returns the rows hidden."""
    if heading not in column:
        return set()
    at = column[heading]
    total = len(rows) - 1
    cut = set()
    for r, row in enumerate(rows):
        match = pattern.match(row[at])
        if hidden.get((r, whole)):
            cut.add(r)
        elif match:
            k, n = _number(match[1]), _number(match[2])
            if proportion_hidden(k, n):
                cut.add(r)
        elif row[at] == NOT_SHOWN:
            cut.add(r)
    if any(r < total for r in cut) or hidden.get((total, whole)):
        cut.add(total)
    for r in cut:
        rows[r][at] = NOT_SHOWN
        hidden[(r, "lasted" if whole == "ended" else "reoffended")] = True
    return cut
