"""The printable directory's data: which services, grouped and numbered how, with what text."""

from datetime import date

import pytest

from providers.constants import OrganisationStatus
from providers.models import Organisation
from providers.printing.directory import OTHER_SECTION, printable_directory
from providers.search import DirectoryFilters, apply_filters, public_services
from tests.factories import OrganisationFactory, PrisonFactory, ServiceFactory, pathway

from .printing_fixtures import NEVER_PRINTED, make_listings

pytestmark = pytest.mark.django_db

MADE_ON = date(2026, 11, 24)


@pytest.fixture
def places():
    return make_listings()


def build(place):
    return printable_directory(place, made_on=MADE_ON, check_online_at="opengate.test/services/")


def names(directory) -> set[str]:
    return {entry.name for section in directory.sections for entry in section.entries}


def test_a_prison_has_the_services_that_work_there(places):
    directory = build(places.hmp_liverpool)
    assert names(directory) == {"Gate to Home"}
    assert directory.service_count == 1
    assert directory.title == "Mentoring services: HMP Liverpool"
    assert directory.scope == "Mentoring services that work with people in HMP Liverpool."


def test_a_council_area_includes_regional_and_national_services(places):
    directory = build(places.liverpool)
    assert names(directory) == {"Gate to Home", "Working Futures", "North West Recovery"}
    assert "all of North West or all of England and Wales" in directory.scope
    assert names(build(places.sefton)) == {"Working Futures", "North West Recovery", "Sefton Start"}


def test_a_region_includes_its_councils_services_and_national_ones(places):
    assert names(build(places.north_west)) == {
        "Gate to Home",
        "Working Futures",
        "North West Recovery",
        "Sefton Start",
    }
    assert names(build(places.north_east)) == {"Durham Mentors", "Working Futures"}


@pytest.mark.parametrize(
    ("attribute", "filter_name"),
    [
        ("hmp_liverpool", "prison"),
        ("hmp_durham", "prison"),
        ("liverpool", "local_authority"),
        ("durham", "local_authority"),
        ("north_west", "region"),
        ("north_east", "region"),
    ],
)
def test_exactly_what_the_public_directory_lists(places, attribute, filter_name):
    place = getattr(places, attribute)
    listed = apply_filters(public_services(), DirectoryFilters(**{filter_name: place}))
    assert names(build(place)) == {service.name for service in listed}
    assert not names(build(place)) & set(NEVER_PRINTED)


def test_a_service_is_written_out_once_under_its_first_pathway_and_cross_referenced(places):
    directory = build(places.north_west)
    sections = [
        (section.name, [e.name for e in section.entries], [e.name for e in section.also])
        for section in directory.sections
    ]
    # In the taxonomy's order; empty pathways are left out, services with none come last.
    assert sections == [
        ("Accommodation", ["Gate to Home"], []),
        ("Education, training and employment", ["Working Futures"], []),
        ("Health, including mental health", ["North West Recovery"], []),
        ("Drugs and alcohol", [], ["North West Recovery"]),
        ("Finance, benefit and debt", [], ["Gate to Home"]),
        (OTHER_SECTION, ["Sefton Start"], []),
    ]


def test_numbers_follow_the_reading_order_and_cross_references_share_them(places):
    directory = build(places.north_west)
    entries = [entry for section in directory.sections for entry in section.entries]
    assert [(entry.number, entry.name) for entry in entries] == [
        (1, "Gate to Home"),
        (2, "Working Futures"),
        (3, "North West Recovery"),
        (4, "Sefton Start"),
    ]
    finance = next(s for s in directory.sections if s.anchor == "finance-benefit-debt")
    assert finance.also[0].number == 1
    assert finance.also[0].section == "Accommodation"
    assert finance.count == "1 service"


def test_services_in_a_section_are_in_name_order(places):
    for name in ("Zephyr House", "Anchor Point", "Mooring"):
        ServiceFactory(name=name, prisons=[places.hmp_liverpool])
    accommodation = build(places.hmp_liverpool).sections[0]
    assert [e.name for e in accommodation.entries] == [
        "Anchor Point",
        "Gate to Home",
        "Mooring",
        "Zephyr House",
    ]


def facts(entry) -> dict[str, tuple[str, ...]]:
    return {fact.label: fact.lines for fact in entry.facts}


def test_each_service_says_who_it_is_for_where_and_how_to_ask(places):
    entry = build(places.hmp_liverpool).sections[0].entries[0]
    assert entry.organisation == "Mersey Mentors"
    assert entry.summary == "Housing and benefits help through the gate."
    details = facts(entry)
    assert details["Helps with"] == ("Accommodation", "Finance, benefit and debt")
    assert details["Who it is for"] == ("Anyone, aged 18 or over",)
    assert details["Where"] == (
        "Through the gate, in the community",
        "Covers Liverpool",
        "Prisons: HMP Liverpool",
    )
    assert details["Taking new people"] == ("Yes, usually within 2 weeks",)
    assert details["How to ask"] == (
        "You can ask yourself",
        "Prison staff can refer you",
        "Ask the offender management unit to email us.",
        "A key worker, the resettlement team or the prison library can help you ask.",
    )
    assert details["Contact"] == ("Telephone: 0151 496 0000", "Email: mentoring@example.org")


def test_a_full_service_says_so_and_a_national_one_says_where(places):
    entry = build(places.liverpool).sections[1].entries[0]
    assert entry.name == "Working Futures"
    details = facts(entry)
    assert details["Taking new people"] == (
        "Not at the moment. You can still ask to go on the waiting list.",
    )
    assert "Covers all of England and Wales" in details["Where"]


def test_contact_falls_back_to_the_organisation_and_exclusions_are_listed():
    prison = PrisonFactory()
    ServiceFactory(
        prisons=[prison],
        email="",
        phone="",
        organisation=OrganisationFactory(email="office@example.org", phone="01632 960000"),
        gender="women",
        eligibility="Women leaving custody.",
        excluded_offences=["arson"],
        maximum_age=25,
        is_free=False,
        cost_description="£5 a session",
        languages=["cy"],
    )
    details = facts(build(prison).sections[0].entries[0])
    assert details["Contact"] == ("Telephone: 01632 960000", "Email: office@example.org")
    assert details["Who it is for"] == (
        "Women only, aged 25 or under",
        "Women leaving custody.",
        "Cannot take people convicted of: Arson",
    )
    assert details["Cost"] == ("£5 a session",)
    assert details["Languages"] == ("Welsh",)


def test_long_lists_of_areas_are_cut_short(places):
    from tests.factories import LocalAuthorityFactory

    councils = [LocalAuthorityFactory(name=f"Council {n:02d}") for n in range(12)]
    prison = PrisonFactory()
    ServiceFactory(prisons=[prison], local_authorities=councils)
    where = facts(build(prison).sections[0].entries[0])["Where"]
    assert where[1].startswith("Covers Council 00, Council 01")
    assert where[1].endswith("Council 07 and 4 more")


def test_a_place_with_no_services_says_so():
    directory = build(PrisonFactory(name="HMP Nowhere"))
    assert directory.sections == ()
    assert directory.service_count == 0
    assert directory.empty_message.startswith(
        "No mentoring services in the directory cover HMP Nowhere at the moment."
    )


def test_heading_date_and_file_name(places):
    directory = build(places.hmp_durham)
    assert directory.correct_on == "Correct on 24 November 2026"
    assert directory.filename("pdf") == "mentoring-services-hmpyoi-durham-2026-11-24.pdf"
    assert "opengate.test/services/" in " ".join(directory.intro)
    assert any("key worker" in sentence for sentence in directory.intro)


def test_an_organisation_suspended_later_drops_out(places):
    gate = Organisation.objects.get(name="Mersey Mentors")
    gate.status = OrganisationStatus.SUSPENDED
    gate.save()
    assert names(build(places.hmp_liverpool)) == set()


def test_queries_do_not_grow_with_the_number_of_services(places, django_assert_num_queries):
    for n in range(10):
        ServiceFactory(
            prisons=[places.hmp_liverpool],
            pathways=[pathway("health"), pathway("accommodation")],
            regions=[places.north_west],
            local_authorities=[places.liverpool],
            name=f"Extra {n}",
        )
    with django_assert_num_queries(6):
        directory = build(places.hmp_liverpool)
    assert directory.service_count == 11
