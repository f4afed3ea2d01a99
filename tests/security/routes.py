"""Every URL pattern of the project, classified for the cross-tenant walk.

Add each new URL here. A pattern the walk cannot classify fails tests/security/test_url_walk.py,
so nobody can add a page that skips the tenant and role checks unnoticed.

Kinds:
- Public: anyone, no sign-in.
- SignedIn: any signed-in user; anonymous visitors are sent to sign in.
- Staff: users acting for an organisation with one of `roles`; no object id in the URL.
- TenantObject: like Staff, with an object id; `make(organisation)` builds an object of that
  organisation and returns the URL kwargs. Another tenant's object must be a 404.
- Token: public, keyed by an unguessable token; an unknown token is a 404.
- PublicObject: anyone, with an object id; `make()` builds a public object and `make_hidden()`
  one the public must not see (a draft service, a pending organisation), which is a 404.
- Platform: users with one of the platform `roles`; everyone else signed in gets 403.
- PlatformObject: like Platform, with an object id; `make()` builds an object the page acts on
  and `make_other()` one it must not (e.g. an organisation no longer pending): a 404.
- Journey: a public question-page journey kept in the session; without one under way a page
  sends the visitor to `lands_on()` (never to sign in). `kwarg` names a page slug, where an
  unknown one is a 404.
- StaffOrPlatform: provider staff with one of `roles` in an active organisation, or users with
  one of the `platform_roles`; anyone else signed in gets 403.
- OwnRecord: a signed-in person's own record (their volunteer applications, their
  notifications); `make(user)` builds one of that user's and returns the URL kwargs. Anyone
  else's, staff included, is a 404.
- RegionObject: a commissioner's own region's object (a region report); `make(region)` builds
  one for that region. A commissioner of another region gets a 404; other platform roles and
  provider staff get 403.
- MentorObject: a mentor's own relationship; `make(user, organisation)` builds one with `user`
  as its mentor and returns the URL kwargs. Another mentor's, in the same organisation or not,
  is a 404; staff roles get 403 (they have their own pages).
"""

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from accounts.constants import PlatformRole
from mentees.constants import ReferralStatus, Situation
from providers import pathways
from providers.constants import MembershipRole, OrganisationStatus, ServiceStatus
from tests.factories import (
    InvitationFactory,
    LocalAuthorityFactory,
    LocationFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    UserFactory,
    organisation_with_logo,
    pathway,
)
from tests.factories_accreditation import (
    AccreditationApplicationFactory,
    AwardFactory,
    sent_application,
    taken_application,
)
from tests.factories_volunteering import (
    ApplicationFactory,
    DBSCheckFactory,
    MentorProfileFactory,
    SubmittedApplicationFactory,
    TrainingModuleFactory,
    VolunteerRoleFactory,
)
from tests.matching.factories import MatchFactory, MeetingFactory, mentor_for
from tests.mentees.factories import MenteeFactory, ReferralFactory
from volunteers.constants import VolunteerRoleStatus

ORG_ADMIN = (MembershipRole.ORG_ADMIN,)
MENTOR = (MembershipRole.MENTOR,)
STAFF = (MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR)
PLATFORM_ADMIN = (PlatformRole.PLATFORM_ADMIN,)
COMMISSIONERS = (PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN)


def _service(**kwargs):
    return {"service_id": ServiceFactory(**kwargs).pk}


def _organisation_slug(**kwargs):
    return {"slug": OrganisationFactory(**kwargs).slug}


def _organisation_id(**kwargs):
    return {"organisation_id": OrganisationFactory(**kwargs).pk}


def _ask_start():
    return reverse("mentees:ask_start")


def _own_referral(org):
    return {"referral_id": ReferralFactory(organisation=org).pk}


def _waiting_near(org):
    """A request in the general inbox where the organisation's only service works: it may
    take it; an organisation working elsewhere may not even see it."""
    council = LocalAuthorityFactory()
    ServiceFactory(organisation=org, local_authorities=[council])
    waiting = ReferralFactory(
        organisation=None,
        status=ReferralStatus.WAITING,
        situation=Situation.IN_COMMUNITY,
        prison=None,
        local_authority=council,
    )
    return {"referral_id": waiting.pk}


def _own_mentee(org):
    return {"mentee_id": MenteeFactory(organisation=org).pk}


def _own_goal(org):
    mentee = MenteeFactory(organisation=org)
    goal = mentee.goals.create(
        organisation=org, pathway=pathway("health"), description="Register with a GP"
    )
    return {"mentee_id": mentee.pk, "goal_id": goal.pk}


def _own_document(org):
    from django.core.files.base import ContentFile

    mentee = MenteeFactory(organisation=org)
    document = mentee.documents.model(
        mentee=mentee,
        organisation=org,
        title="Licence",
        content_type="application/pdf",
        extension="pdf",
        size=9,
    )
    document.file.save("upload", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"mentee_id": mentee.pk, "document_id": document.pk}


def _own_match(org):
    return {"match_id": MatchFactory(mentee__organisation=org).pk}


def _own_meeting(org):
    meeting = MeetingFactory(match__mentee__organisation=org)
    return {"match_id": meeting.match_id, "meeting_id": meeting.pk}


def _own_bulk(org):
    from matching.models import BulkProposal

    proposal = BulkProposal.objects.create(
        organisation=org,
        created_by=UserFactory(),
        waiting=0,
        optimal_total=0,
        optimal_matched=0,
        greedy_total=0,
        greedy_matched=0,
    )
    return {"proposal_id": proposal.pk}


def _own_exclusion(org):
    from matching.models import Exclusion

    mentee = MenteeFactory(organisation=org)
    exclusion = Exclusion.objects.create(
        organisation=org,
        mentee=mentee,
        mentor=MentorProfileFactory(organisation=org),
        reason="Co-defendants",
    )
    return {"mentee_id": mentee.pk, "exclusion_id": exclusion.pk}


def _mentors_match(user, org, **kwargs):
    return {
        "match_id": MatchFactory(
            mentee__organisation=org, mentor=mentor_for(user, org), **kwargs
        ).pk
    }


def _own_notification(user):
    from matching.models import Notification

    notification = Notification.objects.create(
        user=user, kind="proposal", key=str(uuid.uuid4()), title="Hello", link="/mentor/"
    )
    return {"notification_id": notification.pk}


_snapshot_years = itertools.count(2000)


def _snapshot(scope, obj):
    """A stored report of a month of its own (one report per scope and period)."""
    from outcomes.constants import PeriodKind
    from outcomes.models import ReportSnapshot

    year = next(_snapshot_years)
    return ReportSnapshot.objects.create(
        scope=scope,
        organisation=obj if scope == "organisation" else None,
        region=obj if scope == "region" else None,
        scope_key=f"{scope}:{obj.pk}",
        period_kind=PeriodKind.MONTH,
        period_start=f"{year}-01-01",
        period_end=f"{year}-01-31",
        data={
            "kind": "organisation",
            "title": "Monthly outcomes report",
            "scope": str(obj),
            "period": {"start": "2026-01-01", "end": "2026-01-31", "label": "January 2026"},
            "made_on": "2026-02-01",
            "suppressed": scope == "region",
            "sections": [],
            "definitions": [],
        },
        csv="Monthly outcomes report\n",
        pdf=b"%PDF-1.4\n",
        origin="scheduled",
    )


def _own_snapshot(org):
    return {"snapshot_id": _snapshot("organisation", org).pk}


def _region_snapshot(region):
    return {"snapshot_id": _snapshot("region", region).pk}


PUBLIC_SERVICE = {
    "make": _service,
    "make_hidden": lambda: _service(status=ServiceStatus.DRAFT),
}
PUBLIC_ORGANISATION = {
    "make": _organisation_slug,
    "make_hidden": lambda: _organisation_slug(status=OrganisationStatus.PENDING),
}
PLATFORM_ROLE_HOLDER = {
    "make": lambda: {"user_id": UserFactory(platform_role=PlatformRole.ASSESSOR).pk},
    "make_other": lambda: {"user_id": UserFactory().pk},
}

PENDING_ORGANISATION = {
    "make": lambda: _organisation_id(status=OrganisationStatus.PENDING),
    "make_other": lambda: _organisation_id(status=OrganisationStatus.ACTIVE),
}


def _role_id(**kwargs):
    return {"role_id": VolunteerRoleFactory(**kwargs).pk}


PUBLIC_ROLE = {
    "make": _role_id,
    "make_hidden": lambda: _role_id(status=VolunteerRoleStatus.DRAFT),
}


def _own_application(user):
    return {"application_id": ApplicationFactory(applicant=user).pk}


def _sent_application(org):
    return {"application_id": SubmittedApplicationFactory(role__organisation=org).pk}


def _reference(org):
    application = SubmittedApplicationFactory(role__organisation=org)
    return {"application_id": application.pk, "reference_id": application.references.first().pk}


def _disclosed_dbs_check(org):
    check = DBSCheckFactory(
        application=SubmittedApplicationFactory(role__organisation=org), result="disclosed"
    )
    return {"application_id": check.application_id, "check_id": check.pk}


def _mentor(org):
    return {"mentor_id": MentorProfileFactory(organisation=org).pk}


def _own_role(org):
    return {"role_id": VolunteerRoleFactory(organisation=org).pk}


def _own_module(org):
    return {"module_id": TrainingModuleFactory(organisation=org).pk}


def _own_location(org):
    return {"location_id": LocationFactory(organisation=org).pk}


def _own_service(org):
    return {"service_id": ServiceFactory(organisation=org).pk}


def _own_accreditation(org):
    return {"application_id": AccreditationApplicationFactory(organisation=org).pk}


def _own_requirement(org):
    return {**_own_accreditation(org), "code": "aims"}


def _evidence_of(application):
    from django.core.files.base import ContentFile

    response = application.responses.get(requirement__code="safety")
    evidence = response.files.model(
        organisation=application.organisation,
        application=application,
        response=response,
        title="Safeguarding policy",
        content_type="application/pdf",
        extension="pdf",
        size=9,
        uploaded_by=application.started_by,
    )
    evidence.file.save("upload", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"evidence_id": evidence.pk}


def _own_evidence(org):
    return _evidence_of(AccreditationApplicationFactory(organisation=org))


def _own_award(org):
    return {"award_id": AwardFactory(organisation=org).pk}


def _sent_accreditation(**kwargs):
    return {"application_id": sent_application(**kwargs).pk}


def _draft_accreditation():
    return {"application_id": AccreditationApplicationFactory().pk}


def _taken_accreditation(assessor):
    return {"application_id": taken_application(assessor).pk}


# Assessors see applications waiting for one, and those they have taken; a draft is out of their
# reach (404), and so is an application another assessor has taken.
SENT_ACCREDITATION = {
    "make": _sent_accreditation,
    "make_other": _draft_accreditation,
    "make_taken": _taken_accreditation,
}
SENT_REQUIREMENT = {
    "make": lambda: {**_sent_accreditation(), "code": "aims"},
    "make_other": lambda: {**_draft_accreditation(), "code": "aims"},
    "make_taken": lambda assessor: {**_taken_accreditation(assessor), "code": "aims"},
}
ASSESSORS = (PlatformRole.ASSESSOR,)


@dataclass(frozen=True)
class Public:
    pass


@dataclass(frozen=True)
class SignedIn:
    pass


@dataclass(frozen=True)
class Staff:
    roles: tuple[str, ...]
    method: str = "get"


@dataclass(frozen=True)
class TenantObject:
    roles: tuple[str, ...]
    make: Callable = field(compare=False)
    method: str = "get"


@dataclass(frozen=True)
class Token:
    kwarg: str


@dataclass(frozen=True)
class PublicObject:
    make: Callable = field(compare=False)
    make_hidden: Callable = field(compare=False)


@dataclass(frozen=True)
class Platform:
    roles: tuple[str, ...]
    method: str = "get"


@dataclass(frozen=True)
class PlatformObject:
    roles: tuple[str, ...]
    make: Callable = field(compare=False)
    make_other: Callable = field(compare=False)
    method: str = "get"
    # Assessors' pages: an object taken by the assessor given (kwargs for the URL). Another
    # assessor must get a 404 for it, and the walk checks that they do.
    make_taken: Callable | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Journey:
    lands_on: Callable = field(compare=False)
    kwarg: str = ""
    page: str = ""  # a real value of `kwarg`
    method: str = "get"  # "post" for an action that only takes a form


@dataclass(frozen=True)
class MentorObject:
    make: Callable = field(compare=False)
    method: str = "get"


@dataclass(frozen=True)
class OwnRecord:
    make: Callable = field(compare=False)
    method: str = "get"


@dataclass(frozen=True)
class RegionObject:
    make: Callable = field(compare=False)
    roles: tuple[str, ...] = (PlatformRole.COMMISSIONER,)


@dataclass(frozen=True)
class StaffOrPlatform:
    roles: tuple[str, ...]
    platform_roles: tuple[str, ...]


ROUTES = {
    "home": Public(),
    "privacy": Public(),
    "health": Public(),
    "accounts:signed_out": Public(),
    "accounts:stay_signed_in": SignedIn(),
    "accounts:send_verification_again": Public(),
    "accessibility": Public(),
    "cookies": Public(),
    "dashboard": SignedIn(),
    "invitation_accept": Token(kwarg="token"),
    "providers:organisation_switch": SignedIn(),
    "providers:team": Staff(roles=ORG_ADMIN),
    "providers:invitation_create": Staff(roles=ORG_ADMIN),
    "providers:member_remove": TenantObject(
        roles=ORG_ADMIN,
        make=lambda org: {"membership_id": MembershipFactory(organisation=org).pk},
    ),
    "providers:invitation_revoke": TenantObject(
        roles=ORG_ADMIN,
        make=lambda org: {"invitation_id": InvitationFactory(organisation=org).pk},
        method="post",
    ),
    "accounts:audit_log": Staff(roles=ORG_ADMIN),
    "accounts:platform_people": Platform(roles=PLATFORM_ADMIN),
    "accounts:platform_person": PlatformObject(roles=PLATFORM_ADMIN, **PLATFORM_ROLE_HOLDER),
    "api:index": Public(),
    "api:openapi": Public(),
    "api:services": Public(),
    "api:service": PublicObject(**PUBLIC_SERVICE),
    "api:organization": PublicObject(
        make=lambda: {"organization_id": ServiceFactory().organisation.uuid},
        make_hidden=lambda: {
            "organization_id": ServiceFactory(status=ServiceStatus.DRAFT).organisation.uuid
        },
    ),
    "api:service_at_location": PublicObject(
        make=lambda: {"service_at_location_id": ServiceAtLocationFactory().pk},
        make_hidden=lambda: {
            "service_at_location_id": ServiceAtLocationFactory(
                service__status=ServiceStatus.DRAFT
            ).pk
        },
    ),
    "api:taxonomy": PublicObject(
        make=lambda: {"taxonomy_id": pathways.taxonomy_id()},
        make_hidden=lambda: {"taxonomy_id": uuid.uuid4()},  # no taxonomy is hidden
    ),
    "api:taxonomy_term": PublicObject(
        make=lambda: {"term_id": pathways.term_id("health")},
        make_hidden=lambda: {"term_id": uuid.uuid4()},
    ),
    "api:organizations": Public(),
    "api:taxonomies": Public(),
    "api:taxonomy_terms": Public(),
    "api:service_at_locations": Public(),
    "api:not_found": Token(kwarg="path"),  # Any other address under /api/v1/: a JSON 404.
    # The public directory.
    "providers:directory": Public(),
    "providers:service_detail": PublicObject(**PUBLIC_SERVICE),
    "providers:service_ask": PublicObject(**PUBLIC_SERVICE),
    "providers:organisation_detail": PublicObject(**PUBLIC_ORGANISATION),
    "providers:organisation_volunteer": PublicObject(**PUBLIC_ORGANISATION),
    "providers:organisation_logo": PublicObject(
        make=lambda: {"slug": organisation_with_logo().slug},
        make_hidden=lambda: {
            "slug": organisation_with_logo(status=OrganisationStatus.PENDING).slug
        },
    ),
    "providers:organisation_details": Staff(roles=ORG_ADMIN),
    "providers:locations": Staff(roles=ORG_ADMIN),
    "providers:location_create": Staff(roles=ORG_ADMIN),
    "providers:location_edit": TenantObject(roles=ORG_ADMIN, make=_own_location),
    "providers:location_remove": TenantObject(roles=ORG_ADMIN, make=_own_location, method="post"),
    # Listings, managed by org admins.
    "providers:listings": Staff(roles=ORG_ADMIN),
    "providers:listing_create": Staff(roles=ORG_ADMIN),
    "providers:listing_manage": TenantObject(roles=ORG_ADMIN, make=_own_service),
    "providers:listing_edit": TenantObject(roles=ORG_ADMIN, make=_own_service),
    "providers:listing_preview": TenantObject(roles=ORG_ADMIN, make=_own_service),
    "providers:listing_status": TenantObject(roles=ORG_ADMIN, make=_own_service, method="post"),
    "providers:listing_draft": TenantObject(roles=ORG_ADMIN, make=_own_service, method="post"),
    "providers:listing_reviewed": TenantObject(roles=ORG_ADMIN, make=_own_service, method="post"),
    # Registration and moderation.
    "providers:organisation_register": SignedIn(),
    "providers:moderation": Platform(roles=PLATFORM_ADMIN),
    "providers:moderation_review": PlatformObject(roles=PLATFORM_ADMIN, **PENDING_ORGANISATION),
    "providers:moderation_approve": PlatformObject(
        roles=PLATFORM_ADMIN, method="post", **PENDING_ORGANISATION
    ),
    # Asking for a mentor: public, no account.
    "mentees:ask_start": Public(),
    "mentees:ask_begin": Journey(lands_on=lambda: reverse("mentees:ask_step", args=["who"])),
    "mentees:ask_step": Journey(lands_on=_ask_start, kwarg="slug", page="name"),
    "mentees:ask_check": Journey(lands_on=_ask_start),
    "mentees:ask_confirmation": Journey(lands_on=_ask_start),
    "mentees:check_request": Public(),
    "mentees:check_result": Journey(lands_on=lambda: reverse("mentees:check_request")),
    "mentees:check_finish": Journey(
        lands_on=lambda: reverse("mentees:check_request"), method="post"
    ),
    "mentees:check_withdraw": Journey(lands_on=lambda: reverse("mentees:check_request")),
    "mentees:ask_clear": Journey(lands_on=_ask_start, method="post"),
    # The referral inbox and case records: the organisation's staff.
    "mentees:referral_inbox": Staff(roles=STAFF),
    "mentees:waiting_list": Staff(roles=STAFF),
    "mentees:waiting_take": TenantObject(roles=STAFF, make=_waiting_near),
    "mentees:referral_detail": TenantObject(roles=STAFF, make=_own_referral),
    "mentees:referral_duplicates": TenantObject(roles=STAFF, make=_own_referral),
    "mentees:referral_accept": TenantObject(roles=STAFF, make=_own_referral, method="post"),
    "mentees:referral_merge": TenantObject(roles=STAFF, make=_own_referral, method="post"),
    "mentees:referral_combine": TenantObject(roles=STAFF, make=_own_referral, method="post"),
    "mentees:referral_decline": TenantObject(roles=STAFF, make=_own_referral),
    "mentees:referral_pass_on": TenantObject(roles=STAFF, make=_own_referral),
    "mentees:mentee_list": Staff(roles=STAFF),
    "mentees:mentee_detail": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_edit": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_merge": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_status": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_needs": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:assessment_create": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_plan": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:goal_create": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:goal_edit": TenantObject(roles=STAFF, make=_own_goal),
    "mentees:mentee_notes": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:mentee_documents": TenantObject(roles=STAFF, make=_own_mentee),
    "mentees:document_download": TenantObject(roles=STAFF, make=_own_document),
    "mentees:mentee_export": TenantObject(roles=ORG_ADMIN, make=_own_mentee),
    "mentees:mentee_erase": TenantObject(roles=ORG_ADMIN, make=_own_mentee),
    # Matching and relationships: the organisation's staff; settings for org admins.
    "matching:waiting": Staff(roles=STAFF),
    "matching:settings": Staff(roles=ORG_ADMIN),
    "matching:bulk_create": Staff(roles=STAFF, method="post"),
    "matching:bulk_review": TenantObject(roles=STAFF, make=_own_bulk),
    "matching:mentee_matching": TenantObject(roles=STAFF, make=_own_mentee),
    "matching:exclusion_add": TenantObject(roles=STAFF, make=_own_mentee),
    "matching:exclusion_remove": TenantObject(roles=STAFF, make=_own_exclusion, method="post"),
    "matching:relationships": Staff(roles=STAFF),
    "matching:relationship": TenantObject(roles=STAFF, make=_own_match),
    "matching:gate_meeting": TenantObject(roles=STAFF, make=_own_match),
    "matching:release": TenantObject(roles=STAFF, make=_own_match),
    "matching:end": TenantObject(roles=STAFF, make=_own_match),
    "matching:change_mentor": TenantObject(roles=STAFF, make=_own_match),
    "matching:withdraw": TenantObject(roles=STAFF, make=_own_match, method="post"),
    "matching:meeting_create": TenantObject(roles=STAFF, make=_own_match),
    "matching:meeting_edit": TenantObject(roles=STAFF, make=_own_meeting),
    # A mentor's own area.
    "matching:mentor_home": Staff(roles=MENTOR),
    "matching:mentor_proposal": MentorObject(
        make=lambda user, org: _mentors_match(user, org, status="proposed")
    ),
    "matching:mentor_relationship": MentorObject(make=_mentors_match),
    "matching:mentor_meeting_create": MentorObject(make=_mentors_match),
    # Everyone's notifications.
    "matching:notifications": SignedIn(),
    "matching:notifications_read": SignedIn(),
    "matching:email_preferences": SignedIn(),
    "matching:notification_open": OwnRecord(make=_own_notification),
    # Commissioners.
    "providers:commissioning": Platform(roles=COMMISSIONERS),
    "providers:commissioning_csv": Platform(roles=COMMISSIONERS),
    # The printable directory, for provider staff and commissioners.
    "providers:print_directory": StaffOrPlatform(roles=STAFF, platform_roles=COMMISSIONERS),
    # Volunteering: public roles and the applicant's own area.
    "volunteers:volunteer_roles": Public(),
    "volunteers:volunteer_role": PublicObject(**PUBLIC_ROLE),
    "volunteers:volunteer_apply": PublicObject(**PUBLIC_ROLE),
    "volunteers:volunteer_applications": SignedIn(),
    "volunteers:volunteer_application": OwnRecord(make=_own_application),
    "volunteers:volunteer_application_check": OwnRecord(make=_own_application),
    "volunteers:volunteer_application_sent": OwnRecord(make=_own_application),
    "volunteers:volunteer_application_withdraw": OwnRecord(make=_own_application),
    "volunteers:volunteer_application_step": OwnRecord(
        make=lambda user: {**_own_application(user), "step": "about-you"}
    ),
    # The vetting pipeline and mentor records (coordinators and org admins).
    "volunteers:vetting": Staff(roles=STAFF),
    "volunteers:vetting_application": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:vetting_disclosure": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:vetting_interview": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:vetting_reference": TenantObject(roles=STAFF, make=_reference),
    "volunteers:vetting_dbs": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:vetting_risk_decision": TenantObject(roles=STAFF, make=_disclosed_dbs_check),
    "volunteers:vetting_training": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:vetting_decision": TenantObject(roles=STAFF, make=_sent_application),
    "volunteers:mentors": Staff(roles=STAFF),
    "volunteers:mentor": TenantObject(roles=STAFF, make=_mentor),
    "volunteers:mentor_edit": TenantObject(roles=STAFF, make=_mentor),
    "volunteers:mentor_status": TenantObject(roles=STAFF, make=_mentor),
    "volunteers:supervision_create": TenantObject(roles=STAFF, make=_mentor),
    # Volunteer roles and training modules, managed by org admins.
    "volunteers:volunteer_role_list": Staff(roles=ORG_ADMIN),
    "volunteers:volunteer_role_create": Staff(roles=ORG_ADMIN),
    "volunteers:volunteer_role_edit": TenantObject(roles=ORG_ADMIN, make=_own_role),
    "volunteers:volunteer_role_status": TenantObject(
        roles=ORG_ADMIN, make=_own_role, method="post"
    ),
    "volunteers:training_module_list": Staff(roles=ORG_ADMIN),
    "volunteers:training_module_create": Staff(roles=ORG_ADMIN),
    "volunteers:training_module_edit": TenantObject(roles=ORG_ADMIN, make=_own_module),
    # The Approved Provider Standard: public pages.
    "accreditation:standard": Public(),
    "accreditation:register": Public(),
    "accreditation:verify_lookup": Public(),
    "accreditation:verify": Token(kwarg="code"),
    # The organisation's side: org admins only.
    "accreditation:overview": Staff(roles=ORG_ADMIN),
    "accreditation:start": Staff(roles=ORG_ADMIN, method="post"),
    "accreditation:renew": Staff(roles=ORG_ADMIN, method="post"),
    "accreditation:support": Staff(roles=ORG_ADMIN),
    "accreditation:application": TenantObject(roles=ORG_ADMIN, make=_own_accreditation),
    "accreditation:changes": TenantObject(roles=ORG_ADMIN, make=_own_accreditation),
    "accreditation:submit": TenantObject(roles=ORG_ADMIN, make=_own_accreditation),
    "accreditation:requirement": TenantObject(roles=ORG_ADMIN, make=_own_requirement),
    "accreditation:evidence_add": TenantObject(roles=ORG_ADMIN, make=_own_requirement),
    "accreditation:summary_attach": TenantObject(roles=ORG_ADMIN, make=_own_requirement),
    "accreditation:evidence_download": TenantObject(roles=ORG_ADMIN, make=_own_evidence),
    "accreditation:evidence_remove": TenantObject(
        roles=ORG_ADMIN, make=_own_evidence, method="post"
    ),
    "accreditation:certificate": TenantObject(roles=ORG_ADMIN, make=_own_award),
    # Assessors.
    "accreditation:queue": Platform(roles=ASSESSORS),
    "accreditation:awards": Platform(roles=ASSESSORS),
    "accreditation:support_requests": Platform(roles=ASSESSORS),
    "accreditation:assess": PlatformObject(roles=ASSESSORS, **SENT_ACCREDITATION),
    "accreditation:take": PlatformObject(roles=ASSESSORS, method="post", **SENT_ACCREDITATION),
    "accreditation:return": PlatformObject(roles=ASSESSORS, method="post", **SENT_ACCREDITATION),
    "accreditation:review": PlatformObject(roles=ASSESSORS, **SENT_REQUIREMENT),
    "accreditation:visit": PlatformObject(roles=ASSESSORS, **SENT_ACCREDITATION),
    "accreditation:decide": PlatformObject(roles=ASSESSORS, **SENT_ACCREDITATION),
    "accreditation:withdraw": PlatformObject(
        roles=ASSESSORS,
        make=lambda: {"application_id": AwardFactory().application_id},
        make_other=_draft_accreditation,
        make_taken=lambda assessor: {
            "application_id": AwardFactory(awarded_by=assessor).application_id
        },
    ),
    "accreditation:assessor_evidence": PlatformObject(
        roles=ASSESSORS,
        make=lambda: _evidence_of(sent_application()),
        make_other=lambda: _evidence_of(AccreditationApplicationFactory()),
        make_taken=lambda assessor: _evidence_of(taken_application(assessor)),
    ),
    # Commissioners.
    "accreditation:commissioning": Platform(roles=COMMISSIONERS),
}

ROUTES.update(
    {
        # Outcomes: an organisation's staff; settings and the Justice Data Lab for org admins.
        "outcomes:dashboard": Staff(roles=STAFF),
        "outcomes:dashboard_csv": Staff(roles=STAFF),
        "outcomes:dashboard_pdf": Staff(roles=STAFF),
        "outcomes:settings": Staff(roles=ORG_ADMIN),
        "outcomes:subscription": Staff(roles=STAFF, method="post"),
        "outcomes:snapshots": Staff(roles=STAFF),
        "outcomes:snapshot": TenantObject(roles=STAFF, make=_own_snapshot),
        "outcomes:snapshot_csv": TenantObject(roles=STAFF, make=_own_snapshot),
        "outcomes:snapshot_pdf": TenantObject(roles=STAFF, make=_own_snapshot),
        "outcomes:justice_data_lab": Staff(roles=ORG_ADMIN),
        "outcomes:record": TenantObject(roles=STAFF, make=_own_mentee),
        "outcomes:record_reoffending": TenantObject(roles=STAFF, make=_own_mentee),
        "outcomes:record_pathways": TenantObject(roles=STAFF, make=_own_mentee),
        # Commissioners compare their region's accredited providers; never a person's row.
        "outcomes:comparison": Platform(roles=COMMISSIONERS),
        "outcomes:comparison_csv": Platform(roles=COMMISSIONERS),
        "outcomes:comparison_pdf": Platform(roles=COMMISSIONERS),
        "outcomes:region_subscription": Platform(roles=(PlatformRole.COMMISSIONER,), method="post"),
        "outcomes:region_snapshots": Platform(roles=COMMISSIONERS),
        "outcomes:region_snapshot": RegionObject(make=_region_snapshot),
        "outcomes:region_snapshot_csv": RegionObject(make=_region_snapshot),
        "outcomes:region_snapshot_pdf": RegionObject(make=_region_snapshot),
    }
)

# Third-party areas with their own access rules, checked by their own tests in this folder.
THIRD_PARTY_MODULE_PREFIXES = ("allauth.",)
ADMIN_NAMESPACE = "admin"
