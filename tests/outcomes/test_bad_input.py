"""Bad input to outcome figures, over a large space of values (Hypothesis): impossible and
future dates on a reoffending answer, any dates asked of the commissioners' comparison. Each
gets a message in our own words or a saved answer that keeps the rules, never a server error."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outcomes.constants import Answer, EvidenceSource, IndexKind, ProofKind
from outcomes.followup import FollowUp
from outcomes.periods import Period, is_published_period
from outcomes.services.records import check_reoffending
from tests.conftest import sign_in
from tests.factories import RegionFactory

from .factories import commissioner

TODAY = date(2026, 6, 15)
days = st.dates(date(1990, 1, 1), date(2040, 12, 31))
DJANGO_WORDS = ("This field", "Enter a valid", "Ensure this value")


@settings(max_examples=400, deadline=None)
@given(
    index_date=st.one_of(st.none(), days),
    offence=st.one_of(st.none(), days),
    proven=st.one_of(st.none(), days),
    returned=st.one_of(st.none(), days),
    reoffended=st.sampled_from(Answer.values),
    custody=st.sampled_from(Answer.values),
)
def test_any_dates_on_a_reoffending_answer_are_saved_only_when_they_keep_the_rules(
    index_date, offence, proven, returned, reoffended, custody
):
    fields = {
        "index_date": index_date,
        "index_kind": IndexKind.RELEASE,
        "reoffended": reoffended,
        "offence_date": offence,
        "proven_on": proven,
        "proven_by": ProofKind.CONVICTION,
        "reoffending_source": EvidenceSource.POLICE,
        "returned_to_custody": custody,
        "returned_on": returned,
    }
    try:
        cleaned = check_reoffending(fields, TODAY)
    except ValidationError as error:
        messages = [m for ms in error.message_dict.values() for m in ms]
        assert messages and all(m and not m.startswith(DJANGO_WORDS) for m in messages)
        return
    if reoffended == Answer.YES:
        follow_up = FollowUp(index_date)
        # Never an offence before the start or in the future, nor a proof before the offence.
        assert index_date <= offence <= TODAY and offence <= proven <= TODAY
        assert offence <= follow_up.window_ends
        assert cleaned["counts_as_proven"] == (proven <= follow_up.proof_by)
    else:
        assert not cleaned["counts_as_proven"] and cleaned["proven_on"] is None
    if reoffended == Answer.NO:
        assert FollowUp(index_date).is_complete(TODAY)  # a no only once it is final
    if custody == Answer.YES:
        assert index_date <= returned <= TODAY
    if reoffended != Answer.UNKNOWN or custody != Answer.UNKNOWN:
        assert index_date is not None and index_date <= TODAY


@pytest.fixture
def commissioner_client(client, db):
    return sign_in(client, commissioner(RegionFactory(name="North West")))


date_parts = st.one_of(
    st.integers(-5, 40).map(str),
    st.sampled_from(["", "x", "99999999999999999999", "1e3", "٣", "\x00", "31", "29"]),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    start=st.tuples(date_parts, date_parts, st.integers(1990, 2035).map(str) | date_parts),
    end=st.tuples(date_parts, date_parts, st.integers(1990, 2035).map(str) | date_parts),
)
def test_any_period_asked_of_the_comparison_gets_a_report_or_our_message(
    commissioner_client, start, end
):
    query = {f"start_{i}": value for i, value in enumerate(start)}
    query |= {f"end_{i}": value for i, value in enumerate(end)}
    response = commissioner_client.get(reverse("outcomes:comparison"), query)
    assert response.status_code in (200, 400)
    content = response.content.decode()
    assert not any(words in content for words in DJANGO_WORDS)
    if response.status_code == 200:
        first = date(int(start[2]), int(start[1]), int(start[0]))
        last = date(int(end[2]), int(end[1]), int(end[0]))
        assert is_published_period(Period(first, last)) and last <= date.today()
    else:
        assert "There is a problem" in content


@pytest.mark.django_db
def test_a_period_with_no_data_and_a_region_with_no_provider_say_so(commissioner_client):
    year = Period(date(2020, 4, 1), date(2021, 3, 31))
    query = {"start_0": 1, "start_1": 4, "start_2": 2020, "end_0": 31, "end_1": 3, "end_2": 2021}
    response = commissioner_client.get(reverse("outcomes:comparison"), query)
    assert response.status_code == 200
    content = response.content.decode()
    assert year.label in content
    assert "No accredited provider works in this region yet." in content
    assert "All accredited providers in North West" not in content
    assert commissioner_client.get(reverse("outcomes:comparison_csv"), query).status_code == 200
    future = query | {"end_2": date.today().year + 2, "start_2": date.today().year + 1}
    response = commissioner_client.get(reverse("outcomes:comparison"), future)
    assert response.status_code == 400
    assert "The end date must be today or in the past" in response.content.decode()
