"""An attacker on the commissioners' comparison: it reads only what is rendered (the page's HTML
and the CSV), writes down every fact they give about each provider's and the region's counts
(shown numbers, "fewer than N", "Not shown", "k of n" shares, rates "(k of n)", warnings "with N
people") and the rules tying them (the region's row is the sum of the providers'; a part is at
most its whole), then solves an integer programme for the smallest and largest value each
hidden count can take. A hidden count pinned to one value has leaked.

Read across periods (ranges_across), it also knows which of the periods it saw add up to
another (a financial year is the sum of its quarters) and solves them all together."""

import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np
from bs4 import BeautifulSoup
from scipy.optimize import Bounds, LinearConstraint, milp

from outcomes.constants import SUPPRESS_BELOW

# The quantities an attacker solves for, and the columns of the comparison that show them.
QUANTITIES = ("engaged", "matched", "active", "ended", "lasted", "complete", "reoffended")
COUNT_COLUMNS = {
    "Engaged": "engaged",
    "Matched": "matched",
    "Relationships under way": "active",
    "Relationships ended": "ended",
    "Follow-ups complete": "complete",
}
SHARE = re.compile(r"^([\d,]+) of ([\d,]+) \(\d+%\)$")
RATE = re.compile(r"^\d+% \(([\d,]+) of ([\d,]+)\)$")
WITH_PEOPLE = re.compile(r"^(.*?): .*?with ([\d,]+) people")
BIG = 10**6


def number(text: str) -> int:
    return int(text.replace(",", ""))


@dataclass
class Facts:
    rows: list[str] = field(default_factory=list)  # provider names, the region's total last
    equal: dict[tuple[int, str], int] = field(default_factory=dict)
    small: set[tuple[int, str]] = field(default_factory=set)  # "fewer than N"
    not_small: set[tuple[int, str]] = field(default_factory=set)  # hidden, at least N

    def row(self, name: str) -> int:
        return self.rows.index(name)

    def saw(self, position: int, quantity: str, text: str) -> None:
        text = text.strip()
        key = (position, quantity)
        if text == f"fewer than {SUPPRESS_BELOW}":
            self.small.add(key)
        elif text == "Not shown":
            self.not_small.add(key)
        elif re.fullmatch(r"[\d,]+", text):
            value = number(text)
            assert self.equal.setdefault(key, value) == value, f"{key} shown two ways"
        elif text == "None to count":
            assert self.equal.setdefault(key, 0) == 0


def read_table(facts: Facts, head: list[str], rows: list[list[str]]) -> None:
    if not facts.rows:
        facts.rows = [row[0] for row in rows]
    for row in rows:
        position = facts.row(row[0])
        for heading, text in zip(head[1:], row[1:], strict=True):
            if heading in COUNT_COLUMNS:
                facts.saw(position, COUNT_COLUMNS[heading], text)
            elif heading == "Lasting 6 months or more":
                if match := SHARE.match(text):
                    facts.saw(position, "lasted", match[1])
                    facts.saw(position, "ended", match[2])
                elif text == "None to count":
                    facts.saw(position, "ended", "0")
            elif heading == "Proven reoffending" and (match := RATE.match(text)):
                facts.saw(position, "reoffended", match[1])
                facts.saw(position, "complete", match[2])


def read_line(facts: Facts, line: str) -> None:
    if (match := WITH_PEOPLE.match(line)) and match[1] in facts.rows:
        facts.saw(facts.row(match[1]), "complete", match[2])


def from_csv(text: str, facts: Facts) -> None:
    lines = list(csv.reader(io.StringIO(text)))
    for index, line in enumerate(lines):
        if line and line[0] == "Provider":
            head, rows = line, []
            for row in lines[index + 1 :]:
                if len(row) != len(head):
                    break
                rows.append(row)
            read_table(facts, head, rows)
    for line in lines:
        if len(line) == 1:
            read_line(facts, line[0])


def from_html(text: str, facts: Facts) -> None:
    soup = BeautifulSoup(text, "html.parser")
    for table in soup.select("table"):
        head = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        if not head or head[0] != "Provider":
            continue
        rows = [
            [cell.get_text(" ", strip=True) for cell in tr.select("th, td")]
            for tr in table.select("tbody tr")
        ]
        read_table(facts, head, [row for row in rows if len(row) == len(head)])
    for warning in soup.select(".govuk-warning-text__text"):
        for hidden in warning.select(".govuk-visually-hidden"):
            hidden.extract()
        read_line(facts, warning.get_text(" ", strip=True))


# Quantities that add up across periods: a financial year's count is the sum of its quarters'
# (matched counts people, so a person matched in two quarters would make the year less; the
# attacker assumes the sum, which only makes it stronger). Relationships under way do not add.
ADDITIVE = ("engaged", "matched", "ended", "lasted", "complete", "reoffended")


def ranges(facts: Facts) -> dict[tuple[int, str], tuple[int, int]]:
    """For every hidden count, the smallest and largest value consistent with the facts."""
    found = ranges_across([facts], sums=[])
    return {(row, quantity): bounds for (_table, row, quantity), bounds in found.items()}


def ranges_across(
    tables: list[Facts], *, sums: list[tuple[int, list[int]]], small_only: bool = False
) -> dict[tuple[int, int, str], tuple[int, int]]:
    """The same for several tables read together (one per period), where each of `sums`
    (whole, parts) says table `whole` is the sum of tables `parts`, row by row. `small_only`:
    skip what cannot be a small count, and stop at a largest value of the threshold or more."""
    keys = [
        (table, row, q)
        for table, facts in enumerate(tables)
        for row in range(len(facts.rows))
        for q in QUANTITIES
    ]
    index = {key: i for i, key in enumerate(keys)}
    low, high = np.zeros(len(keys)), np.full(len(keys), BIG, dtype=float)
    rules, lower, upper = [], [], []

    def rule(coefficients: dict, at_least: float, at_most: float) -> None:
        row = np.zeros(len(keys))
        for key, value in coefficients.items():
            row[index[key]] += value
        rules.append(row), lower.append(at_least), upper.append(at_most)

    hidden = []
    for table, facts in enumerate(tables):
        for (row, q), value in facts.equal.items():
            low[index[(table, row, q)]] = high[index[(table, row, q)]] = value
        for row, q in facts.small:
            high[index[(table, row, q)]] = min(high[index[(table, row, q)]], SUPPRESS_BELOW - 1)
        for row, q in facts.not_small:
            low[index[(table, row, q)]] = max(low[index[(table, row, q)]], SUPPRESS_BELOW)
        total = len(facts.rows) - 1
        for quantity in QUANTITIES:  # the region's total is the sum of its providers
            parts = {(table, row, quantity): -1 for row in range(total)}
            rule({(table, total, quantity): 1, **parts}, 0, 0)
        for row in range(len(facts.rows)):  # a part is at most its whole
            for part, whole in (("lasted", "ended"), ("reoffended", "complete")):
                rule({(table, row, part): 1, (table, row, whole): -1}, -np.inf, 0)
        # Counts shown hidden, and the parts of shares whose figures are not shown.
        parts = {(row, q) for row in range(len(facts.rows)) for q in ("lasted", "reoffended")}
        hidden += [
            (table, row, q)
            for row, q in sorted(
                (facts.small if small_only else facts.small | facts.not_small) | parts
            )
            if (row, q) not in facts.equal
        ]
    for whole, parts in sums:
        for name in tables[whole].rows:
            for quantity in ADDITIVE:
                coefficients = {(whole, tables[whole].row(name), quantity): 1}
                for part in parts:
                    coefficients[(part, tables[part].row(name), quantity)] = -1
                rule(coefficients, 0, 0)
    constraints = LinearConstraint(np.array(rules), lower, upper)
    found = {}
    for key in hidden:
        bounds = []
        for sign in (-1, 1):
            if small_only and bounds and bounds[0] >= SUPPRESS_BELOW:
                bounds.append(SUPPRESS_BELOW)  # not small: the least is not needed
                break
            objective = np.zeros(len(keys))
            objective[index[key]] = sign
            result = milp(
                objective,
                constraints=constraints,
                integrality=np.ones(len(keys)),
                bounds=Bounds(low, high),
            )
            assert result.success, "the rendered figures contradict each other"
            bounds.append(round(sign * result.fun))
        found[key] = (bounds[1], bounds[0])
    return found


def read(*, html: str = "", csv_text: str = "") -> Facts:
    """Everything one period's outputs say."""
    facts = Facts()
    if html:
        from_html(html, facts)
    if csv_text:
        from_csv(csv_text, facts)
    assert facts.rows, "no comparison table was rendered"
    return facts


def leaks(*, html: str, csv_text: str) -> list[str]:
    """Hidden counts under the threshold that the rendered outputs pin to one value."""
    return leaks_across([read(html=html, csv_text=csv_text)], sums=[])


def leaks_across(tables: list[Facts], *, sums: list[tuple[int, list[int]]]) -> list[str]:
    """The same across periods: each table read from one period's outputs, and which periods
    add up to which (a financial year and its quarters)."""
    return [
        f"period {table}: {tables[table].rows[row]} {quantity} = {low}"
        if len(tables) > 1
        else f"{tables[table].rows[row]} {quantity} = {low}"
        for (table, row, quantity), (low, high) in ranges_across(
            tables, sums=sums, small_only=True
        ).items()
        if low == high and low < SUPPRESS_BELOW
    ]
