import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from matching.models import MatchingSettings
from matching.profiles import weights_for
from tests.html import error_summary

pytestmark = pytest.mark.django_db

URL = reverse("matching:settings")
GOOD = {
    "needs": 50,
    "lived_experience": 10,
    "language": 10,
    "availability": 10,
    "distance": 10,
    "age": 0,
    "load": 10,
    "reach_km": 20,
    "target_months": 12,
    "meeting_interval_days": 14,
}


def test_an_org_admin_tunes_the_weights(admin_client, organisation, org_admin):
    assert admin_client.get(URL).status_code == 200
    assert admin_client.post(URL, GOOD).status_code == 302
    assert weights_for(organisation).needs == 50 and weights_for(organisation).reach_km == 20
    settings = MatchingSettings.objects.get(organisation=organisation)
    assert settings.target_months == 12 and settings.meeting_interval_days == 14
    assert AuditEvent.objects.filter(actor=org_admin, action="updated").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"needs": 150}, "must be 100 or less"),
        ({"load": -5}, "must be 0 or more"),
        ({"distance": "lots"}, "Enter a whole number"),
    ],
)
def test_bad_weights_are_refused_beside_the_field(admin_client, organisation, changes, message):
    response = admin_client.post(URL, {**GOOD, **changes})
    assert response.status_code == 400
    assert any(message in text for text, _ in error_summary(response.content.decode()))
    assert not MatchingSettings.objects.filter(organisation=organisation).exists()


def test_all_weights_at_nothing_is_refused_and_matching_still_works(admin_client, organisation):
    nothing = {
        **GOOD,
        **dict.fromkeys(
            ["needs", "lived_experience", "language", "availability", "distance", "age", "load"], 0
        ),
    }
    response = admin_client.post(URL, nothing)
    assert response.status_code == 400
    assert "At least one of the weights must be more than 0" in response.content.decode()
    assert weights_for(organisation).total > 0
