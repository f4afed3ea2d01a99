import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.addresses import client_ip
from accounts.audit import audit_record
from accounts.constants import AuditAction
from accounts.models import AuditEvent
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(organisation, org_admin):
    return audit_record(
        actor=org_admin,
        action=AuditAction.VIEWED,
        object_type="mentees.mentee",
        object_id="42",
        object_repr="Mentee JM-7K3Q",
        organisation=organisation,
    )


def test_audit_record_keeps_who_what_when_and_where(rf, org_admin, organisation):
    request = rf.get("/", REMOTE_ADDR="203.0.113.9")
    event = audit_record(
        actor=org_admin,
        action=AuditAction.VIEWED,
        object_type="mentees.mentee",
        object_id="7",
        organisation=organisation,
        request=request,
    )
    event.refresh_from_db()
    assert event.actor == org_admin
    assert event.actor_email == org_admin.email
    assert event.ip_address == "203.0.113.9"
    assert timezone.now() - event.occurred_at < dt.timedelta(seconds=5)


def test_forwarded_address_is_trusted_only_as_far_as_our_proxies(rf, settings, org_admin):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    settings.TRUSTED_PROXIES = []
    assert audit_record(actor=org_admin, action="viewed", request=request).ip_address == (
        "10.0.0.2"
    )
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert audit_record(actor=org_admin, action="viewed", request=request).ip_address == (
        "203.0.113.7"
    )


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # no proxy of ours in front: the header is the client's own words
        ("198.51.100.1", "192.0.2.1", "198.51.100.1"),
        # our balancer passes on the address it saw; what the client wrote before it is ignored
        ("10.0.0.2", "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        # two of our proxies in a row
        ("10.0.0.2", "192.0.2.1, 203.0.113.7, 10.0.0.3", "203.0.113.7"),
        # our proxy says it came from ourselves all the way: the leftmost we were told
        ("10.0.0.2", "10.0.0.4, 10.0.0.3", "10.0.0.4"),
        # rubbish in the header: keep the last address we can vouch for
        ("10.0.0.2", "nonsense", "10.0.0.2"),
        ("10.0.0.2", "", "10.0.0.2"),
        ("2001:db8::1", "192.0.2.1", "2001:db8::1"),
    ],
)
def test_client_address_walks_back_only_past_our_own_proxies(
    rf, settings, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_a_forged_forwarded_header_does_not_reach_the_audit_log(client, coordinator):
    """With no proxy configured (the default), viewing a case record records the address the
    request really came from, not the one the client wrote."""
    from tests.mentees.factories import MenteeFactory

    mentee = MenteeFactory(organisation=coordinator.memberships.get().organisation)
    sign_in(client, coordinator)
    url = reverse("mentees:mentee_detail", args=[mentee.pk])
    response = client.get(url, REMOTE_ADDR="203.0.113.77", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.VIEWED, object_id=str(mentee.pk))
    assert event.ip_address == "203.0.113.77"


def test_database_refuses_to_update_an_audit_event(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(object_repr="tampered")
    event.refresh_from_db()
    assert event.object_repr == "Mentee JM-7K3Q"


def test_database_refuses_to_delete_an_audit_event(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_database_refuses_raw_sql_changes_too(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET actor_email = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent")
    assert AuditEvent.objects.count() == 1


def test_org_admin_sees_only_their_organisations_events(
    client, org_admin, organisation, other_organisation, event
):
    audit_record(
        actor=UserFactory(),
        action=AuditAction.VIEWED,
        object_type="mentees.mentee",
        object_repr="Someone else's mentee",
        organisation=other_organisation,
    )
    sign_in(client, org_admin)
    response = client.get(reverse("accounts:audit_log"))
    assert response.status_code == 200
    assert "Mentee JM-7K3Q" in response.text
    assert "Someone else" not in response.text
    assert "1 event" in response.text


def test_audit_log_filters(client, org_admin, organisation, event):
    audit_record(
        actor=org_admin,
        action=AuditAction.INVITED,
        object_type="providers.invitation",
        object_repr="Invitation for a@example.org",
        organisation=organisation,
    )
    sign_in(client, org_admin)
    url = reverse("accounts:audit_log")
    by_action = client.get(url, {"action": AuditAction.INVITED})
    assert "Invitation for a@example.org" in by_action.text
    assert "Mentee JM-7K3Q" not in by_action.text
    by_record = client.get(url, {"record": "mentee"})
    assert "Mentee JM-7K3Q" in by_record.text
    assert "Invitation for" not in by_record.text
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert "0 events" in client.get(url, {"date_from": tomorrow}).text
    assert "2 events" in client.get(url, {"actor": org_admin.email.upper()}).text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "31/02/2026"}, "Enter the from date as a real date"),
        ({"date_from": "2026-05-02", "date_to": "2026-05-01"}, "The to date must be the same"),
        ({"action": "dropped_tables"}, "Select an answer from the list"),
    ],
)
def test_bad_filters_get_a_clear_message_and_no_rows(client, org_admin, event, params, message):
    sign_in(client, org_admin)
    response = client.get(reverse("accounts:audit_log"), params)
    assert response.status_code == 200
    assert message in response.text
    assert "govuk-error-summary" in response.text
    assert "Mentee JM-7K3Q" not in response.text


def test_audit_log_is_for_org_admins_only(client, coordinator, event):
    sign_in(client, coordinator)
    assert client.get(reverse("accounts:audit_log")).status_code == 403


def test_audit_log_query_count_does_not_grow_with_rows(
    client, org_admin, organisation, django_assert_max_num_queries
):
    actors = [MembershipFactory(organisation=organisation).user for _ in range(5)]
    for n in range(60):
        audit_record(
            actor=actors[n % 5], action="viewed", object_type="x", organisation=organisation
        )
    sign_in(client, org_admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:audit_log"))
    assert response.status_code == 200
    assert "Next" in response.text  # 60+ events paginate at 50


def test_audit_log_absurd_page_number_shows_last_page(client, org_admin, event):
    sign_in(client, org_admin)
    response = client.get(reverse("accounts:audit_log"), {"page": "999999999999"})
    assert response.status_code == 200
    assert "Mentee JM-7K3Q" in response.text
    assert client.get(reverse("accounts:audit_log"), {"page": "abc"}).status_code == 200


def test_removing_a_member_is_audited(client, org_admin, organisation):
    member = MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR)
    sign_in(client, org_admin)
    client.post(reverse("providers:member_remove", args=[member.pk]))
    event = AuditEvent.objects.get(action=AuditAction.REMOVED)
    assert event.actor == org_admin
    assert event.organisation == organisation
    assert event.object_id == str(member.pk)
    assert event.ip_address == "127.0.0.1"
