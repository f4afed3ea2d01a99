"""Search finds the places people type (towns, councils, postcodes) and forgives misspelt help
words: the pure matching layer on its own (what the SQLite demo relies on), then through HTTP on
Postgres."""

import csv

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from providers.searchtext import (
    DATA,
    EVERYDAY_PLACE_NAMES,
    fold,
    help_words,
    postcode_districts,
    understand,
)
from tests.factories import LocalAuthorityFactory, RegionFactory, ServiceFactory, pathway

DIRECTORY = reverse("providers:directory")
LIVERPOOL = "E08000012"
CARDIFF = "W06000015"


def councils() -> dict[str, str]:
    with open(DATA / "local_authorities.tsv", newline="") as file:
        return {row["gss_code"]: row["name"] for row in csv.DictReader(file, delimiter="\t")}


@pytest.mark.parametrize(
    ("typed", "council", "left"),
    [
        ("Liverpool", LIVERPOOL, ""),
        ("liverpol", LIVERPOOL, ""),
        ("housing in Liverpool", LIVERPOOL, "housing"),
        ("L1", LIVERPOOL, ""),
        ("l2 2hb jobs", LIVERPOOL, "jobs"),
        ("L22HB", LIVERPOOL, ""),
        ("CF10", CARDIFF, ""),
        ("cardiff", CARDIFF, ""),
        ("Birkenhead", "E08000015", ""),  # a town: Wirral's council
        ("stoke on trent", "E06000021", ""),
        ("Kings Lynn mentoring", "E07000146", "mentoring"),
        ("Isles of Scilly", "E06000053", ""),
        ("sheffeild", "E08000019", ""),
    ],
)
def test_a_town_council_or_postcode_is_read_as_its_council(typed, council, left):
    understood = understand(typed)
    assert understood.place is not None, typed
    assert understood.place.gss_code == council
    assert understood.text == left


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hosuing", "housing"),
        ("accomodation", "accommodation"),
        ("emplyment", "employment"),
        ("mentroing", "mentoring"),
    ],
)
def test_a_misspelt_help_word_is_corrected_and_never_taken_for_a_place(typed, meant):
    understood = understand(typed)
    assert understood.place is None
    assert understood.text == meant
    assert understood.uncorrected == typed


def test_every_councils_own_name_is_found():
    for gss_code, name in councils().items():
        if fold(name) in EVERYDAY_PLACE_NAMES:
            continue
        understood = understand(name)
        assert understood.place is not None, name
        assert understood.place.gss_code == gss_code, name


def test_every_postcode_district_maps_to_a_council_we_know():
    known = councils()
    districts = postcode_districts()
    assert len(districts) > 2000
    assert set(districts.values()) <= set(known)
    assert {"L1", "CF10", "M1", "B1", "SW1A", "TR21"} <= set(districts)


@pytest.mark.parametrize("word", sorted(help_words()))
def test_help_words_and_everyday_place_names_stay_words(word):
    understood = understand(word)
    assert understood.place is None
    assert understood.text == word


@pytest.mark.parametrize("word", ["reading", "Street", "march", "Wales", "Nacro", "St Giles"])
def test_names_that_are_everyday_words_are_searched_as_words(word):
    assert understand(word).place is None


def test_no_place_is_looked_for_when_asked_not_to():
    understood = understand("housing liverpol", find_place=False)
    assert understood.place is None
    assert understood.text == "housing liverpol"


@given(st.text(max_size=300))
def test_any_text_is_read_without_error_and_keeps_only_what_was_typed_or_corrected(text):
    understood = understand(text)
    typed = text.split()
    assert len(understood.uncorrected.split()) <= len(typed)
    assert set(understood.uncorrected.split()) <= set(typed)
    assert len(understood.text.split()) == len(understood.uncorrected.split())


# Through HTTP, on Postgres.


@pytest.fixture
def places(db):
    north_west = RegionFactory(name="North West")
    liverpool = LocalAuthorityFactory(gss_code=LIVERPOOL, name="Liverpool", region=north_west)
    manchester = LocalAuthorityFactory(gss_code="E08000003", name="Manchester", region=north_west)
    in_liverpool = ServiceFactory(
        name="Scouse housing help",
        local_authorities=[liverpool],
        pathways=[pathway("accommodation")],
    )
    in_manchester = ServiceFactory(
        name="Mancunian housing help",
        local_authorities=[manchester],
        pathways=[pathway("accommodation")],
    )
    return liverpool, manchester, in_liverpool, in_manchester


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["housing L1", "liverpol", "hosuing in Liverpool", "L1 8JQ"])
def test_the_directory_finds_services_in_the_place_typed(client, places, typed):
    response = client.get(DIRECTORY, {"q": typed})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Scouse housing help" in body
    assert "Mancunian housing help" not in body
    assert "Showing services that work in <strong>Liverpool</strong>" in body


@pytest.mark.django_db
def test_a_misspelt_help_word_still_finds_services(client, places):
    body = client.get(DIRECTORY, {"q": "accomodation"}).content.decode()
    assert "Scouse housing help" in body and "Mancunian housing help" in body
    assert "Showing services that work in" not in body


@pytest.mark.django_db
def test_a_chosen_area_wins_over_a_place_in_the_search(client, places):
    _liverpool, manchester, *_ = places
    response = client.get(DIRECTORY, {"q": "housing", "area": f"la-{manchester.gss_code}"})
    body = response.content.decode()
    assert "Mancunian housing help" in body and "Scouse housing help" not in body


@pytest.mark.django_db
def test_a_place_whose_council_is_not_loaded_is_searched_as_words(client, places):
    ServiceFactory(name="Swansea mentoring")
    body = client.get(DIRECTORY, {"q": "Swansea"}).content.decode()
    assert "Swansea mentoring" in body
    assert "Showing services that work in" not in body
