from datetime import date, timedelta

import pytest
from django.utils import timezone

from providers.constants import GenderEligibility, ServiceStatus
from providers.models import Service
from providers.search import DirectoryFilters, apply_filters
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)
from tests.factories_accreditation import AwardFactory

pytestmark = pytest.mark.django_db


def found(**filters):
    return list(apply_filters(Service.objects.published(), DirectoryFilters(**filters)))


def test_text_search_ranks_a_name_match_above_a_description_match():
    in_description = ServiceFactory(name="Through the gate", description="Help with housing.")
    in_name = ServiceFactory(name="Housing mentors", description="Weekly meetings.")
    ServiceFactory(name="Employment coaching", description="Jobs and training.")
    assert found(text="housing") == [in_name, in_description]


def test_english_stemming_matches_other_forms_of_a_word():
    service = ServiceFactory(name="Mentoring for employment")
    assert found(text="employed mentor") == [service]


def test_a_small_typo_still_finds_the_service():
    service = ServiceFactory(name="Accommodation mentoring", organisation__name="Safe Doors")
    ServiceFactory(name="Family links", pathways=[pathway("children-families")])
    assert found(text="acommodation") == [service]


@pytest.mark.parametrize(
    "text",
    ['"unclosed', "' OR 1=1; DROP TABLE providers_service; --", "🙂 mentoring", "-", "a" * 10000],
)
def test_odd_search_text_never_errors(text):
    ServiceFactory(name="Mentoring")
    found(text=text)


def test_unpublished_services_and_inactive_organisations_are_not_public():
    ServiceFactory(status=ServiceStatus.DRAFT)
    ServiceFactory(status=ServiceStatus.PAUSED)
    ServiceFactory(organisation=OrganisationFactory(status="suspended"))
    live = ServiceFactory()
    assert found() == [live]


def test_area_filter_takes_national_regional_and_local_cover():
    north_west = RegionFactory(name="North West")
    wales = RegionFactory(name="Wales", nation="Wales")
    salford = LocalAuthorityFactory(name="Salford", region=north_west)
    cardiff = LocalAuthorityFactory(name="Cardiff", region=wales)
    national = ServiceFactory(name="A national", national=True)
    regional = ServiceFactory(name="B regional", regions=[north_west])
    local = ServiceFactory(name="C local", local_authorities=[salford])
    ServiceFactory(name="D Welsh", local_authorities=[cardiff])
    assert found(local_authority=salford) == [national, regional, local]
    assert found(region=north_west) == [national, regional, local]


def test_filters_combine():
    prison = PrisonFactory()
    women = ServiceFactory(
        name="Women's", gender=GenderEligibility.WOMEN, prisons=[prison], minimum_age=18
    )
    ServiceFactory(name="Men's", gender=GenderEligibility.MEN, prisons=[prison])
    young = ServiceFactory(name="Young women", gender=GenderEligibility.WOMEN, maximum_age=25)
    assert found(prison=prison, gender="women", age=30) == [women]
    assert found(gender="women", age=17) == [young]


def test_pathway_setting_mentor_and_capacity_filters():
    housing = ServiceFactory(
        name="Housing",
        pathways=[pathway("accommodation")],
        in_custody=True,
        lived_experience_mentors=True,
    )
    ServiceFactory(name="Jobs", pathways=[pathway("education-training-employment")])
    ServiceFactory(name="Full", accepting_referrals=False, lived_experience_mentors=True)
    assert found(pathway="accommodation", setting="in_custody") == [housing]
    assert found(lived_experience=True, accepting=True) == [housing]


def test_approved_provider_only_reads_current_awards():
    accredited = ServiceFactory()
    AwardFactory(organisation=accredited.organisation)
    expired = ServiceFactory()
    AwardFactory(
        organisation=expired.organisation,
        awarded_on=date.today() - timedelta(days=1200),
        expires_on=date.today() - timedelta(days=1),
    )
    withdrawn = ServiceFactory()
    AwardFactory(organisation=withdrawn.organisation, withdrawn_at=timezone.now())
    ServiceFactory()
    assert found(approved_provider_only=True) == [accredited]


def test_spelling_is_corrected_only_with_words_of_published_listings():
    from providers.models import SearchWord
    from providers.search import correct_spelling, refresh_search_index
    from providers.services import service_set_status

    draft = ServiceFactory(name="Zanzibarish secret plans", status=ServiceStatus.DRAFT)
    refresh_search_index([draft.pk])
    assert not SearchWord.objects.filter(word="zanzibarish").exists()
    assert correct_spelling("zanzibaris") == "zanzibaris"

    published = ServiceFactory(name="Quixotic mentoring")
    assert correct_spelling("quixotik") == "quixotic"
    service_set_status(actor=None, service=published, status=ServiceStatus.PAUSED)
    assert correct_spelling("quixotik") == "quixotik", "a paused listing's words leave the list"


def test_another_form_of_a_word_the_listings_use_is_not_corrected():
    from providers.search import correct_spelling

    ServiceFactory(name="Housing mentoring")
    assert correct_spelling("housing mentor") == "housing mentor"
    assert correct_spelling("housng mentor") == "housing mentor"
