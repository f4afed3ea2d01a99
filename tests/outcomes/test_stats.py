"""outcomes.stats against published figures: the Merseyside crimes-prevented example and
Newcombe's (1998) worked intervals."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes import stats


def test_the_published_crimes_prevented_example():
    """228 matched, 34 reoffended, 60% national rate, £3,097 a crime: 15%, 137 expected,
    103 crimes prevented, £318,991."""
    cohort = stats.proportion(34, 228)
    assert stats.percent(cohort.rate) == "15%"
    result = stats.crimes_prevented(cohort=228, observed=34, comparator_rate=0.60)
    assert result.expected == 137
    assert result.prevented == 103
    assert result.cost_per_crime == 3097
    assert result.value == 318_991
    assert "one crime" in result.ASSUMPTION


def test_crimes_prevented_is_never_negative_and_the_cost_is_configurable():
    worse = stats.crimes_prevented(cohort=10, observed=9, comparator_rate=0.44)
    assert (worse.expected, worse.prevented, worse.value) == (4, 0, 0)
    dearer = stats.crimes_prevented(
        cohort=100, observed=20, comparator_rate=0.5, cost_per_crime=5000
    )
    assert (dearer.prevented, dearer.value) == (30, 150_000)


def test_expected_reoffenders_round_half_up_to_whole_people():
    # 45 x 0.5 = 22.5: half up gives 23 (Python's round() would give 22).
    assert stats.crimes_prevented(cohort=45, observed=0, comparator_rate=0.5).expected == 23


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, table I, Wilson score method.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombes_table(k, n, low, high):
    got = stats.wilson_interval(k, n)
    assert got == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))


def test_wilson_interval_reaches_the_ends_exactly():
    assert stats.wilson_interval(0, 10)[0] == 0.0
    assert stats.wilson_interval(10, 10)[1] == 1.0


def test_a_proportion_of_nobody_has_no_rate_and_no_interval():
    empty = stats.proportion(0, 0)
    assert (empty.rate, empty.low, empty.high, empty.width) == (None, None, None, None)
    assert stats.percent(empty.rate) == ""


@pytest.mark.parametrize(("k", "n"), [(-1, 5), (6, 5), (1, -1)])
def test_impossible_counts_are_refused(k, n):
    with pytest.raises(ValueError):
        stats.proportion(k, n)


def test_a_rate_outside_zero_and_one_is_refused():
    with pytest.raises(ValueError):
        stats.binomial_test(3, 10, 1.5)
    with pytest.raises(ValueError):
        stats.crimes_prevented(cohort=10, observed=3, comparator_rate=-0.1)


@pytest.mark.parametrize(
    ("k1", "n1", "k2", "n2", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10.
        (56, 70, 48, 80, 0.0524, 0.3339),
        (9, 10, 3, 10, 0.1705, 0.8090),
        (5, 56, 0, 29, -0.0381, 0.1926),
    ],
)
def test_newcombe_difference_matches_the_published_examples(k1, n1, k2, n2, low, high):
    difference = stats.newcombe_difference(k1, n1, k2, n2)
    assert difference.low == pytest.approx(low, abs=5e-5)
    assert difference.high == pytest.approx(high, abs=5e-5)


def test_difference_from_a_fixed_national_rate_is_the_wilson_interval_moved():
    difference = stats.difference_from_rate(34, 228, 0.60)
    low, high = stats.wilson_interval(34, 228)
    assert difference.value == pytest.approx(34 / 228 - 0.60)
    assert (difference.low, difference.high) == (
        pytest.approx(low - 0.6),
        pytest.approx(high - 0.6),
    )
    assert difference.clearly_lower and not difference.clearly_higher


def test_difference_with_a_comparator_of_known_size_uses_newcombe():
    with_size = stats.difference_from_rate(56, 70, 0.6, comparator_n=80)
    assert with_size.method == "newcombe"
    assert with_size.low == pytest.approx(0.0524, abs=5e-5)


def test_exact_binomial_test():
    # 34 of 228 against 60% is far from chance; 6 of 10 against 60% is exactly as expected.
    assert stats.binomial_test(34, 228, 0.60) < 1e-40
    assert stats.binomial_test(6, 10, 0.60) == pytest.approx(1.0)
    # A small cohort cannot show a difference: 2 of 5 against 44%.
    assert stats.binomial_test(2, 5, 0.44) > 0.05


def test_social_value_is_hours_times_the_hourly_figure():
    # 260 mentors gave 27,782 hours, published as £364,617: £13.12 an hour gives only
    # £364,499.84; the rate kept to 4 places, £13.1242, gives £364,616.52.
    assert stats.social_value(27_782, Decimal("13.12")) == Decimal("364499.84")
    assert stats.social_value(27_782, Decimal("13.1242")) == Decimal("364616.52")
    assert stats.round_half_up(stats.social_value(27_782, Decimal("13.1242"))) == 364_617
    assert stats.social_value(0, 13) == Decimal("0.00")
    with pytest.raises(ValueError):
        stats.social_value(-1, 13)


def test_the_module_does_not_import_django():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(stats.__file__).read_text())
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name.split(".")[0] == "django" for name in imported)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 400),
    share=st.floats(0, 1),
    rate=st.floats(0.01, 0.99),
)
def test_the_p_value_and_the_interval_always_tell_the_same_story(n, share, rate):
    k = round(share * n)
    result = stats.compare_with_rate(k, n, rate)
    outside = not result.low <= rate <= result.high
    assert result.significant == outside
    assert result.lower == (outside and k / n < rate)


def test_near_the_threshold_the_verdict_follows_the_test_shown():
    """80 of 116 against 60%: the Wilson interval excludes 60% but the exact test does not; one
    method now decides, and the interval shown is the one that matches it."""
    result = stats.compare_with_rate(80, 116, 0.60)
    assert result.p_value == pytest.approx(0.0579, abs=1e-4)
    assert not result.significant and result.low < 0.60 < result.high
    assert result.low == pytest.approx(0.5971, abs=1e-4)
    assert result.high == pytest.approx(0.7723, abs=1e-4)


@pytest.mark.parametrize("rate", [0.0, 0.05, 0.44, 0.60, 1.0])
def test_people_needed_reach_the_power_of_the_test_used(rate):
    needed = stats.people_needed(rate)
    target = rate - 0.1 if rate >= 0.1 else rate + 0.1
    assert stats.exact_power(needed, rate, target) >= 0.8
    assert stats.exact_power(needed // 2, rate, target) < 0.8
