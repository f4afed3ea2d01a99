"""What keeps the directory fast under load, and never stale: search pages kept in the cache
under a directory version that every change moves, and the full-text index the main query uses
at a realistic size (issue 15)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.constants import PlatformRole
from accreditation.services.assessment import award_withdraw
from benchmarks.directory import Scale, seed
from providers.constants import ServiceStatus
from providers.directory_version import directory_changed, directory_version
from providers.search import DirectoryFilters, apply_filters
from providers.services import (
    organisation_details,
    organisation_update,
    service_set_status,
    service_update,
)
from providers.views.directory import listed_services
from tests.conftest import sign_in
from tests.factories import ServiceFactory, UserFactory
from tests.factories_accreditation import AwardFactory

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("providers:directory")


def search(client, **query) -> str:
    response = client.get(DIRECTORY, query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_repeated_search_is_answered_without_the_database(client, django_assert_num_queries):
    ServiceFactory(name="Harbour housing mentors")
    first = search(client, q="housing", pathway="accommodation")
    assert "Harbour housing mentors" in first
    with django_assert_num_queries(0):
        again = search(client, pathway="accommodation", q="housing")  # any order
    # The same answer, but for the nonce and the language links, which keep the address as typed.
    as_typed = re.compile(r' nonce="[^"]*"|href="[^"]*/services/\?[^"]*"')
    assert as_typed.sub("", again) == as_typed.sub("", first)


def test_the_next_search_sees_a_listing_published_paused_or_edited(client):
    service = ServiceFactory(
        name="Harbour housing mentors", status=ServiceStatus.DRAFT, national=True
    )
    assert "Harbour housing mentors" not in search(client, q="housing")

    service_set_status(actor=None, service=service, status=ServiceStatus.PUBLISHED)
    assert "Harbour housing mentors" in search(client, q="housing")

    service_update(actor=None, service=service, name="Lighthouse housing mentors")
    page = search(client, q="housing")
    assert "Lighthouse housing mentors" in page and "Harbour housing mentors" not in page

    details = {**organisation_details(service.organisation), "name": "Quayside Trust"}
    organisation_update(actor=None, organisation=service.organisation, **details)
    assert "Quayside Trust" in search(client, q="housing")
    assert "Lighthouse housing mentors" in search(client, q="quayside"), "its name is searched"

    service_set_status(actor=None, service=service, status=ServiceStatus.PAUSED)
    assert "Lighthouse housing mentors" not in search(client, q="housing")


def test_the_next_search_sees_an_award_given_withdrawn_or_expired(client):
    badge = "Approved Provider Standard</strong>"
    service = ServiceFactory(name="Harbour housing mentors")
    assert badge not in search(client, q="housing")
    version = directory_version()
    award = AwardFactory(organisation=service.organisation)  # as the assessor's decision does
    directory_changed()
    assert directory_version() != version
    assert badge in search(client, q="housing")

    award_withdraw(
        actor=UserFactory(platform_role=PlatformRole.ASSESSOR), award=award, reason="Lapsed"
    )
    assert badge not in search(client, q="housing")

    AwardFactory(organisation=service.organisation, expires_on=timezone.localdate())
    directory_changed()
    assert badge in search(client, q="housing")
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert badge not in search(client, q="housing"), "the cached page is of yesterday"


def test_signed_in_people_are_never_served_a_cached_page(client, coordinator):
    ServiceFactory(name="Harbour housing mentors")
    search(client, q="housing")  # now in the cache for visitors
    sign_in(client, coordinator)
    with CaptureQueriesContext(connection) as queries:
        assert "Harbour housing mentors" in search(client, q="housing")
    assert any("providers_service" in query["sql"] for query in queries.captured_queries)


def test_the_main_query_uses_the_full_text_index_at_a_realistic_size():
    """With thousands of listings loaded in bulk, as a region's import or the benchmark does,
    Postgres must still find a search's matches through the GIN index, not by reading every
    listing (it did not while the index kept a pending list: migration 0009)."""
    seed(Scale(organisations=300, services=4_000))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE providers_service")
    services = apply_filters(
        listed_services(), DirectoryFilters(text="housing", text_is_corrected=True)
    )
    plan = services[:20].explain()
    assert "providers_service_search_vector_gin" in plan, plan
    assert "Seq Scan on providers_service " not in plan, plan
    # The total is counted apart, without ranking or sorting every match.
    with connection.cursor() as cursor:
        sql, params = services.order_by().values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN SELECT count(*) FROM ({sql}) AS matches", params)
        count_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "providers_service_search_vector_gin" in count_plan, count_plan


def test_the_web_s_database_connections_never_compile_queries_with_jit():
    """Postgres's JIT starts on any query its planner costs highly (a search with an area filter
    over 10,000 listings did) and compiling took longer than running the query: settings turn
    it off for every connection the web opens (docs/decisions/0051)."""
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
