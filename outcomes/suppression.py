"""Disclosure control: the one rule for every figure an audience outside the organisation sees
(the commissioners' comparison on the page, in its CSV and PDF, and in stored snapshots).

- A count under the threshold (constants.SUPPRESS_BELOW) is hidden; 0 is hidden too.
- A share "k of n" is shown only when n is shown and both k and n - k are at or above the
  threshold (otherwise the people not counted could be worked out as n - k).
- In a table whose last row is the total of the rows above it, when any cell of a column is
  hidden, the total of that column is hidden too, everywhere it appears (its share, rate,
  interval, test and warnings). Hiding one more provider instead is not enough: with the total
  shown, two hidden cells whose sum is small can each be pinned down from their bounds.
- Whatever rests on a hidden count (a rate, an interval, a p-value, an average, hours) is
  hidden with it.
- Across periods: the audience sees only whole quarters and whole financial years
  (periods.is_published_period), and a financial year hides every cell hidden in any of its
  quarters, so a year's figure minus its other quarters' never gives a hidden one away.

Hidden cells say "fewer than N" when the count is small, and "Not shown" when it is hidden only
to protect another; a note under the table says why."""

from dataclasses import dataclass

from .constants import SUPPRESS_BELOW

NOT_SHOWN = "Not shown"
# Which version of this rule a stored comparison was made under (documents carry it as
# "rule"); one made under an older rule, or none, has it applied again when it is read
# (outcomes/resuppression.py). Change it whenever the rule changes.
RULE = "one-rule-2"


def threshold() -> int:
    return SUPPRESS_BELOW


def fewer_than() -> str:
    return f"fewer than {threshold()}"


def is_small(n: int) -> bool:
    return n < threshold()


def proportion_hidden(k: int, n: int) -> bool:
    return is_small(n) or is_small(k) or is_small(n - k)


@dataclass(frozen=True)
class Column:
    """Which cells of a column to hide: one flag per row, the total's last."""

    flags: tuple[bool, ...]

    def __getitem__(self, position: int) -> bool:
        return self.flags[position]


def counts(cells: list[int], *, also: list[bool] | None = None) -> Column:
    """A column of counts with the total of `cells` as its last row. `also`: rows to hide for
    another reason (a count they rest on is hidden)."""
    also = also or [False] * len(cells)
    hidden = [is_small(n) or extra for n, extra in zip(cells, also, strict=True)]
    return Column((*hidden, any(hidden) or is_small(sum(cells))))


def shares(pairs: list[tuple[int, int]], *, denominators: Column) -> Column:
    """A column of shares "k of n" with the total's share last; `denominators`: how the column
    of n is hidden (a share is never shown when its n is not)."""
    hidden = [denominators[i] or proportion_hidden(k, n) for i, (k, n) in enumerate(pairs)]
    k_total, n_total = sum(k for k, _ in pairs), sum(n for _, n in pairs)
    total = any(hidden) or denominators[len(pairs)] or proportion_hidden(k_total, n_total)
    return Column((*hidden, total))


def either(*columns: Column) -> Column:
    """Hide a cell hidden in any of the columns (the same table for several periods)."""
    return Column(tuple(any(flags) for flags in zip(*(c.flags for c in columns), strict=True)))


def notice() -> str:
    """What every suppressed output says about it, in one place."""
    return (
        f"Counts under {threshold()} are shown as '{fewer_than()}', and rates resting on them "
        "are not shown, so that no person can be identified. When any provider's figure is "
        "hidden, the region's total of that figure is 'Not shown' too, so it cannot be worked "
        "out by subtraction. A financial year hides every figure hidden in any of its quarters."
    )


def cell(n: int, hidden: bool) -> str:
    """A count as shown: the number, "fewer than N" if small, "Not shown" if hidden only to
    protect another count."""
    if is_small(n) and hidden:
        return fewer_than()
    return NOT_SHOWN if hidden else f"{n:,}"
