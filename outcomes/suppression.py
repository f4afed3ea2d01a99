"""Small numbers are hidden from anyone outside the organisation, so that no person can be
picked out: a count under 5 shows as "fewer than 5"; a proportion is shown only when both the
people it counts and the people it does not are 5 or more; in a breakdown that adds up to a
total shown elsewhere, one hidden cell is never left alone (the next smallest is hidden too), so
it cannot be worked out by subtraction."""

from .constants import FEWER_THAN, SUPPRESS_BELOW


def is_small(n: int) -> bool:
    return n < SUPPRESS_BELOW


def count(n: int, *, suppress: bool) -> str:
    if suppress and is_small(n):
        return FEWER_THAN
    return f"{n:,}"


def proportion_hidden(k: int, n: int, *, suppress: bool) -> bool:
    return suppress and (is_small(k) or is_small(n - k))


def breakdown(counts: list[int], *, suppress: bool) -> list[bool]:
    """Which cells of a breakdown to hide."""
    hidden = [suppress and is_small(n) for n in counts]
    if sum(hidden) == 1 and len(counts) > 1:
        shown = sorted((n, i) for i, n in enumerate(counts) if not hidden[i])
        hidden[shown[0][1]] = True
    return hidden
