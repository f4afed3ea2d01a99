"""Random services with restrictions and random people: nothing is offered that cannot take
the person, everything in reach that can is offered, and the fit order holds."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentees.suggestions import suggested_services
from providers.constants import ExcludedOffence, GenderEligibility
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)

pytestmark = pytest.mark.django_db

NEEDS = ["accommodation", "health", "drugs-alcohol", "children-families"]
OFFENCES = list(ExcludedOffence.values)
# Where a generated service works, relative to the person.
REACH = ["prison", "council", "region", "national", "elsewhere"]

services = st.lists(
    st.fixed_dictionaries(
        {
            "gender": st.sampled_from(GenderEligibility.values),
            "minimum_age": st.none() | st.integers(16, 40),
            "age_span": st.none() | st.integers(0, 30),
            "excluded_offences": st.lists(st.sampled_from(OFFENCES), unique=True, max_size=3),
            "reach": st.sampled_from(REACH),
            "pathways": st.lists(st.sampled_from(NEEDS), unique=True, max_size=3),
            "in_custody": st.booleans(),
            "accepting_referrals": st.booleans(),
        }
    ),
    min_size=1,
    max_size=6,
)
people = st.fixed_dictionaries(
    {
        "age": st.integers(16, 70),
        "gender": st.sampled_from(["man", "woman", "not_say"]),
        "offences": st.just("not_say")
        | st.lists(st.sampled_from(OFFENCES), unique=True, max_size=2),
        "needs": st.lists(st.sampled_from(NEEDS), unique=True, min_size=1, max_size=3),
    }
)
PLACE_RANK = {"prison": 0, "council": 1, "region": 2, "national": 3}


def _make(spec, *, council, prison, elsewhere):
    maximum = None
    if spec["minimum_age"] is not None and spec["age_span"] is not None:
        maximum = spec["minimum_age"] + spec["age_span"]
    fields = {
        "organisation": OrganisationFactory(),
        "gender": spec["gender"],
        "minimum_age": spec["minimum_age"],
        "maximum_age": maximum,
        "excluded_offences": spec["excluded_offences"],
        "pathways": [pathway(code) for code in spec["pathways"]],
        "in_custody": spec["in_custody"],
        "accepting_referrals": spec["accepting_referrals"],
        "national": spec["reach"] == "national",
    }
    if spec["reach"] == "prison":
        fields["prisons"] = [prison]
    elif spec["reach"] == "council":
        fields["local_authorities"] = [council]
    elif spec["reach"] == "region":
        fields["regions"] = [council.region]
    elif spec["reach"] == "elsewhere":
        fields["local_authorities"] = [elsewhere]
    return ServiceFactory(**fields)


def _takes(service, person) -> bool:
    """Written out again here, from the rules, not from the code under test."""
    if service.gender == GenderEligibility.MEN and person["gender"] != "man":
        return False
    if service.gender == GenderEligibility.WOMEN and person["gender"] != "woman":
        return False
    if service.minimum_age is not None and person["age"] < service.minimum_age:
        return False
    if service.maximum_age is not None and person["age"] > service.maximum_age:
        return False
    if service.excluded_offences:
        if person["offences"] == "not_say":
            return False
        if set(service.excluded_offences) & set(person["offences"]):
            return False
    return True


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=services, person=people)
def test_only_services_that_can_take_the_person_are_offered_best_fit_first(specs, person):
    with transaction.atomic():
        council = LocalAuthorityFactory(region=RegionFactory(name="North West"))
        elsewhere = LocalAuthorityFactory(region=RegionFactory(name="South West"))
        prison = PrisonFactory()
        made = [_make(spec, council=council, prison=prison, elsewhere=elsewhere) for spec in specs]
        today = timezone.localdate()
        born = today.replace(year=today.year - person["age"]) - timedelta(days=1)
        answers = {
            "date_of_birth": born,
            "situation": "in_custody",
            "prison": prison,
            "local_authority": council,
            "needs": [pathway(code) for code in person["needs"]],
            "gender": person["gender"],
            "offences": person["offences"],
        }
        offered = [suggestion.service for suggestion in suggested_services(answers)]

        expected = {
            service.pk
            for service, spec in zip(made, specs, strict=True)
            if spec["reach"] != "elsewhere" and _takes(service, person)
        }
        assert {service.pk for service in offered} == expected

        by_pk = dict(zip((service.pk for service in made), specs, strict=True))
        keys = []
        for service in offered:
            spec = by_pk[service.pk]
            needs_met = len(set(spec["pathways"]) & set(person["needs"]))
            keys.append((-needs_met, PLACE_RANK[spec["reach"]]))
        assert keys == sorted(keys), "most needs met first, then nearest"
        transaction.set_rollback(True)
