from datetime import date

import pytest
from allauth.mfa.utils import is_mfa_enabled
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.constants import PlatformRole
from accounts.models import User
from mentees.suggestions import suggested_services
from providers.constants import MembershipRole, OrganisationStatus
from providers.models import LocalAuthority, Membership, Organisation, Prison, Service, TaxonomyTerm
from providers.search import DirectoryFilters, apply_filters

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        Service.objects.count(),
    )


def every_table():
    """Rows in each table, the audit log included."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seed_demo_is_idempotent_and_covers_every_role(demo, capsys):
    """Seeding again (on the demo the session seeded once) adds or removes no row anywhere:
    this stands for every demo test's "run twice, it adds nothing"."""
    first = every_table()
    call_command("seed_demo", force=True)
    again = every_table()
    assert {label: (n, again[label]) for label, n in first.items() if again[label] != n} == {}
    assert all(counts())

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
    assert output == demo.output  # the same sign-ins, printed again
    assert "admin.mersey@demo.opengate.example" in output
    assert "mentoring-demo-2026" in output


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")
    assert counts() == (0, 0, 0, 0)


def test_demo_directory_has_something_for_each_filter(demo):
    published = Service.objects.published()
    assert published.count() >= 6
    assert Service.objects.exclude(status="published").exists()  # drafts and paused ones too
    assert published.filter(lived_experience_mentors=True).exists()
    assert published.filter(national=True).exists()
    assert published.filter(prisons__isnull=False).exists()
    assert published.accredited().exists()
    assert published.filter(accepting_referrals=False).exists()
    assert list(apply_filters(published, DirectoryFilters(text="housing")))


def test_the_demo_offers_services_by_fit_in_liverpool(demo):
    """What issue 12 saw on the demo: housing in Liverpool. A man is offered the local housing
    service first, never the national telephone line; a woman is never offered the men-only
    service that cannot work with sexual or arson offences."""
    gate = Service.objects.get(name="Gate to Home mentoring")
    assert gate.gender == "men" and set(gate.excluded_offences) == {"sexual", "arson"}
    answers = {
        "date_of_birth": date(1990, 3, 27),
        "situation": "in_custody",
        "prison": Prison.objects.get(name="HMP/YOI Altcourse"),
        "local_authority": LocalAuthority.objects.get(name="Liverpool"),
        "needs": [TaxonomyTerm.objects.get(code="accommodation")],
        "offences": [],
    }
    for_a_man = [s.service.name for s in suggested_services({**answers, "gender": "man"})]
    assert for_a_man[0] == "Gate to Home mentoring"
    assert for_a_man[-1] == "Next Chapter telephone mentoring"
    for_a_woman = [s.service.name for s in suggested_services({**answers, "gender": "woman"})]
    assert "Gate to Home mentoring" not in for_a_woman and for_a_woman
    with_arson = {**answers, "gender": "man", "offences": ["arson"]}
    assert "Gate to Home mentoring" not in [s.service.name for s in suggested_services(with_arson)]
