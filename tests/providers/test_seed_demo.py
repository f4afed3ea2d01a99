import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.core.management import CommandError, call_command

from accounts.constants import PlatformRole
from accounts.models import User
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import Membership, Organisation, Service
from providers.search import DirectoryFilters, apply_filters

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        Service.objects.count(),
    )


def test_seed_demo_is_idempotent_and_covers_every_role(capsys):
    call_command("seed_demo", force=True)
    first = counts()
    call_command("seed_demo", force=True)
    assert counts() == first

    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(MembershipRole.values)
    platform_roles = set(User.objects.values_list("platform_role", flat=True))
    assert {PlatformRole.COMMISSIONER, PlatformRole.ASSESSOR, PlatformRole.PLATFORM_ADMIN} <= (
        platform_roles
    )
    regions = set(Organisation.objects.active().values_list("region__name", flat=True))
    assert len(regions) >= 4
    assert Organisation.objects.filter(status=OrganisationStatus.PENDING).exists()
    shared = User.objects.get(email__startswith="coordinator.shared@")
    assert Membership.objects.active().filter(user=shared).count() == 2

    for membership in Membership.objects.select_related("user"):
        assert is_mfa_enabled(membership.user), membership  # mentors too
    output = capsys.readouterr().out
    assert "admin.mersey@demo.opengate.example" in output
    assert "mentoring-demo-2026" in output


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")
    assert counts() == (0, 0, 0, 0)


def test_demo_directory_has_something_for_each_filter():
    call_command("seed_demo", force=True)
    published = Service.objects.published()
    assert published.count() >= 6
    assert Service.objects.exclude(status="published").exists()  # drafts and paused ones too
    assert published.filter(lived_experience_mentors=True).exists()
    assert published.filter(national=True).exists()
    assert published.filter(prisons__isnull=False).exists()
    assert published.accredited().exists()
    assert published.filter(accepting_referrals=False).exists()
    assert list(apply_filters(published, DirectoryFilters(text="housing")))
