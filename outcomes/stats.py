"""The statistics behind outcome reports, in plain Python (no Django), tested directly.

- A proportion with its 95% Wilson score interval (good for small cohorts and for 0 or n).
- The exact binomial test of a cohort's rate against a comparator rate, stated as one method
  with the interval that goes with it: the two-sided p-value is twice the smaller tail, and the
  95% Clopper-Pearson interval holds exactly the rates that test would not reject at 5%, so the
  p-value and the interval always tell the same story (`compare_with_rate`).
- How many people a cohort would need for that test to show a given difference (exact power,
  from scipy's binomial distribution).
- The difference from a comparator with its interval: a national rate is a population figure,
  so by default it is taken as fixed and the interval is the cohort's Wilson interval moved by
  the rate; when the comparator's own cohort size is known, Newcombe's hybrid score interval for
  the difference of two independent proportions (Newcombe 1998, method 10).
- Crimes prevented under the stated assumption of one crime per reoffender, and their cost.
- Social value of volunteer time at an hourly earnings figure.

Figures a reader sees are rounded half up (137 expected, not 136.8): the published method
rounds the expected number of reoffenders to whole people before taking the difference.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import NormalDist

CONFIDENCE = 0.95
# Home Office Research Study 217 (revised costs): the average cost of a crime, in pounds.
DEFAULT_COST_PER_CRIME = 3097


def z_for(confidence: float = CONFIDENCE) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def round_half_up(value: float | Decimal, places: int = 0) -> Decimal:
    exponent = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)


def whole(value: float | Decimal) -> int:
    return int(round_half_up(value))


@dataclass(frozen=True)
class Proportion:
    """k of n, with its Wilson interval. `rate` is None when n is 0: there is nothing to say."""

    k: int
    n: int
    low: float | None
    high: float | None

    @property
    def rate(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def width(self) -> float | None:
        return None if self.n == 0 else self.high - self.low


def wilson_interval(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The Wilson score interval for k successes in n trials."""
    _check_counts(k, n)
    if n == 0:
        raise ValueError("A proportion of nobody has no interval.")
    z = z_for(confidence)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At k = 0 or k = n the bound is exactly 0 or 1; keep floating-point noise out of it.
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def proportion(k: int, n: int, confidence: float = CONFIDENCE) -> Proportion:
    _check_counts(k, n)
    if n == 0:
        return Proportion(k, n, None, None)
    low, high = wilson_interval(k, n, confidence)
    return Proportion(k, n, low, high)


def binomial_test(k: int, n: int, rate: float) -> float:
    """The two-sided exact binomial test's p-value for k of n against `rate`."""
    # Imported when needed: scipy.stats takes seconds to import, and web processes
    # that never test a rate should not pay for it.
    from scipy.stats import binomtest

    _check_counts(k, n)
    _check_rate(rate)
    if n == 0:
        raise ValueError("A test of nobody has no p-value.")
    return float(binomtest(k, n, rate, alternative="two-sided").pvalue)


SIGNIFICANCE = round(1 - CONFIDENCE, 10)  # 0.05, without floating-point noise
POWER = 0.8
# The difference a small cohort is asked to be able to show, in percentage points.
DIFFERENCE_TO_SHOW = 0.10


@dataclass(frozen=True)
class Comparison:
    """k of n against a fixed rate by the exact binomial test: the rate, its 95% interval (the
    rates the test would not reject), the p-value and the difference from the rate."""

    k: int
    n: int
    rate: float
    low: float
    high: float
    p_value: float

    METHOD = (
        "Exact binomial test against the comparator rate, taken as fixed (two-sided: twice "
        "the smaller tail), with the 95% Clopper-Pearson interval that matches it"
    )

    @property
    def observed(self) -> float:
        return self.k / self.n

    @property
    def significant(self) -> bool:
        return self.p_value < SIGNIFICANCE

    @property
    def lower(self) -> bool:
        return self.significant and self.observed < self.rate

    @property
    def higher(self) -> bool:
        return self.significant and self.observed > self.rate

    @property
    def difference(self) -> Difference:
        return Difference(
            self.observed - self.rate, self.low - self.rate, self.high - self.rate, "exact"
        )


def exact_interval(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The Clopper-Pearson interval (scipy's binomtest, method "exact")."""
    # Imported when needed: scipy.stats takes seconds to import, and web processes
    # that never test a rate should not pay for it.
    from scipy.stats import binomtest

    _check_counts(k, n)
    if n == 0:
        raise ValueError("A proportion of nobody has no interval.")
    interval = binomtest(k, n).proportion_ci(confidence_level=confidence, method="exact")
    return float(interval.low), float(interval.high)


def central_p_value(k: int, n: int, rate: float) -> float:
    """Two-sided exact p-value: twice the smaller tail, at most 1."""
    # Imported when needed: scipy.stats takes seconds to import, and web processes
    # that never test a rate should not pay for it.
    from scipy.stats import binom

    _check_counts(k, n)
    _check_rate(rate)
    if n == 0:
        raise ValueError("A test of nobody has no p-value.")
    tails = min(binom.cdf(k, n, rate), binom.sf(k - 1, n, rate))
    return float(min(1.0, 2 * tails))


def compare_with_rate(k: int, n: int, rate: float) -> Comparison:
    low, high = exact_interval(k, n)
    return Comparison(k, n, rate, low, high, central_p_value(k, n, rate))


def exact_power(n: int, rate: float, target: float) -> float:
    """The chance that compare_with_rate finds a difference (p < 0.05) for n people whose true
    rate is `target`, when compared with `rate`."""
    # Imported when needed: scipy.stats takes seconds to import, and web processes
    # that never test a rate should not pay for it.
    import numpy as np
    from scipy.stats import binom

    ks = np.arange(n + 1)
    tails = np.minimum(binom.cdf(ks, n, rate), binom.sf(ks - 1, n, rate))
    return float(binom.pmf(ks, n, target)[2 * tails < SIGNIFICANCE].sum())


@functools.lru_cache(maxsize=256)
def people_needed(
    rate: float, difference: float = DIFFERENCE_TO_SHOW, *, power: float = POWER
) -> int | None:
    """About how many people a cohort needs for the exact test (as in compare_with_rate) to
    show a true rate `difference` below `rate` (above it, if the rate is too low to go below)
    with the given power: the normal approximation's answer (scipy's normal distribution),
    then the first size near it at which the exact test's power is reached."""
    # Imported when needed: scipy.stats takes seconds to import, and web processes
    # that never test a rate should not pay for it.
    from scipy.stats import norm

    _check_rate(rate)
    target = rate - difference if rate - difference >= 0 else rate + difference
    if not 0 <= target <= 1 or target == rate:
        return None
    z_alpha, z_beta = norm.isf(SIGNIFICANCE / 2), norm.isf(1 - power)
    spread = z_alpha * math.sqrt(rate * (1 - rate)) + z_beta * math.sqrt(target * (1 - target))
    approximate = max(1, math.ceil((spread / abs(target - rate)) ** 2))
    for n in range(max(1, approximate * 4 // 5), approximate * 3 // 2 + 10):
        if exact_power(n, rate, target) >= power:
            return n
    return approximate


@dataclass(frozen=True)
class Difference:
    """The cohort's rate minus the comparator's, with its interval (negative: fewer)."""

    value: float
    low: float
    high: float
    method: str

    @property
    def clearly_lower(self) -> bool:
        return self.high < 0

    @property
    def clearly_higher(self) -> bool:
        return self.low > 0


def difference_from_rate(
    k: int, n: int, rate: float, *, comparator_n: int | None = None, confidence=CONFIDENCE
) -> Difference:
    """k/n minus a comparator rate. With `comparator_n` (the comparator's cohort size) it is a
    difference of two proportions (Newcombe's interval); without, the rate is taken as fixed."""
    _check_rate(rate)
    if comparator_n:
        comparator_k = rate * comparator_n
        return newcombe_difference(k, n, comparator_k, comparator_n, confidence=confidence)
    low, high = wilson_interval(k, n, confidence)
    return Difference(k / n - rate, low - rate, high - rate, "wilson, comparator fixed")


def newcombe_difference(
    k1: float, n1: int, k2: float, n2: int, *, confidence: float = CONFIDENCE
) -> Difference:
    """Newcombe's hybrid score interval for p1 - p2 (1998, method 10), from each proportion's
    Wilson interval. k2 may be fractional when it comes from a published rate."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("Both proportions need at least one person.")
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = _wilson_real(k1, n1, confidence)
    l2, u2 = _wilson_real(k2, n2, confidence)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return Difference(d, max(-1.0, low), min(1.0, high), "newcombe")


def _wilson_real(k: float, n: int, confidence: float) -> tuple[float, float]:
    if not 0 <= k <= n:
        raise ValueError("k must be between 0 and n.")
    z = z_for(confidence)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (0.0 if k == 0 else centre - half), (1.0 if k == n else centre + half)


@dataclass(frozen=True)
class CrimesPrevented:
    """What the published method says, with its assumption stated beside it."""

    cohort: int
    observed: int
    comparator_rate: float
    expected: int
    prevented: int
    cost_per_crime: int
    value: int

    ASSUMPTION = (
        "Assumes each reoffender would have committed one crime, and that without mentoring "
        "the cohort would have reoffended at the comparator's rate."
    )


def crimes_prevented(
    *, cohort: int, observed: int, comparator_rate: float, cost_per_crime=DEFAULT_COST_PER_CRIME
) -> CrimesPrevented:
    """expected = the cohort at the comparator's rate, in whole people; prevented =
    max(0, expected - observed); value = prevented x cost per crime (whole pounds)."""
    _check_counts(observed, cohort)
    _check_rate(comparator_rate)
    if cost_per_crime < 0:
        raise ValueError("A crime cannot cost less than nothing.")
    expected = whole(Decimal(str(comparator_rate)) * cohort)
    prevented = max(0, expected - observed)
    value = whole(Decimal(prevented) * Decimal(str(cost_per_crime)))
    return CrimesPrevented(
        cohort=cohort,
        observed=observed,
        comparator_rate=comparator_rate,
        expected=expected,
        prevented=prevented,
        cost_per_crime=cost_per_crime,
        value=value,
    )


def social_value(hours: float | Decimal, hourly_earnings: float | Decimal) -> Decimal:
    """Volunteer hours valued at an hourly earnings figure, in pounds to the penny."""
    hours, hourly = Decimal(str(hours)), Decimal(str(hourly_earnings))
    if hours < 0 or hourly < 0:
        raise ValueError("Hours and earnings cannot be negative.")
    return round_half_up(hours * hourly, 2)


def percent(rate: float | None, places: int = 0) -> str:
    """0.149 -> '15%'; None -> ''."""
    if rate is None:
        return ""
    return f"{round_half_up(rate * 100, places)}%"


def _check_counts(k: int, n: int) -> None:
    if n < 0 or k < 0:
        raise ValueError("Counts cannot be negative.")
    if k > n:
        raise ValueError("k cannot be more than n.")


def _check_rate(rate: float) -> None:
    if not 0 <= rate <= 1:
        raise ValueError("A rate is between 0 and 1.")
