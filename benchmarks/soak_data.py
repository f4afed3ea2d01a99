"""What the soak benchmark reads from the database, in the benchmark's own process: who takes
part (from whatever data is there: the demo, or a test's own), and, at the end, whether every
acknowledged write and every email is there.

Django must be set up (benchmarks/soak.py does it) before these are called."""

import time
from dataclasses import dataclass, field

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections

from benchmarks.soak_users import AskTarget, Ledger, Relationship, SignedIn

# allauth's record of how a session was signed in: a password, then an authenticator code.
SIGNED_IN_WITH = "account_authentication_methods"


@dataclass
class Plan:
    services: list[int]
    ask_targets: list[AskTarget]
    coordinators: list[SignedIn]
    mentors: list[SignedIn]
    started_at: object = None  # the database's clock when the run began


def _session_cookie(user) -> dict[str, str]:
    """A session as signing in with a password and an authenticator code leaves it, signed
    with the served site's secret key (which may not be this process's)."""
    from django.test.utils import override_settings

    from benchmarks.served import server_environment

    with override_settings(SECRET_KEY=server_environment("", 0, {})["SECRET_KEY"]):
        return _signed_in_session(user)


def _signed_in_session(user) -> dict[str, str]:
    from django.conf import settings

    from accounts.demo import enrol_demo_mfa

    enrol_demo_mfa(user)
    from allauth.mfa.models import Authenticator

    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    now = time.time()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["account_authentication_methods_user"] = str(user.pk)
    session[SIGNED_IN_WITH] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": totp.pk, "type": "totp"},
    ]
    session.create()
    return {settings.SESSION_COOKIE_NAME: session.session_key}


def _relationships(matches) -> list[Relationship]:
    return [Relationship(str(m.pk), m.started_on) for m in matches if m.started_on]


def _propose(coordinators, most: int) -> int:
    """Up to `most` proposals, made as a coordinator makes them, for mentors to answer: each
    matchable mentor with nothing proposed to them, to someone waiting whom they may mentor."""
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from matching.constants import MatchStatus
    from matching.services.matches import match_propose
    from matching.waiting import waiting_mentees
    from volunteers.models import MentorProfile

    made = 0
    for membership in coordinators:
        organisation = membership.organisation
        mentors = (
            MentorProfile.objects.matchable()
            .filter(organisation=organisation)
            .exclude(matches__status=MatchStatus.PROPOSED)
            .select_related("user")
        )
        for profile in mentors:
            for mentee in waiting_mentees(organisation)[:20]:
                try:
                    with transaction.atomic():
                        match_propose(actor=membership.user, mentee=mentee, mentor=profile)
                except ValidationError:
                    continue
                made += 1
                break
            if made >= most:
                return made
    return made


def plan(*, coordinators: int, mentors: int, proposals: int = 20) -> Plan:
    """Up to `coordinators` coordinators and `mentors` mentors with relationships under way, and
    the published services of their organisations that take requests from the person."""
    from django.utils import timezone

    from matching.constants import ACTIVE_STATUSES, MatchStatus
    from matching.models import Match
    from providers.constants import GenderEligibility, MembershipRole
    from providers.models import Membership, Prison, Service

    yesterday = timezone.localdate()
    active = Match.objects.filter(status__in=ACTIVE_STATUSES, started_on__lt=yesterday)
    services = list(
        Service.objects.published()
        .filter(self_referral=True, local_authorities__isnull=False, pathways__isnull=False)
        .distinct()
        .order_by("pk")
    )
    organisations = sorted({s.organisation_id for s in services})
    prison = Prison.objects.order_by("pk").first()
    targets = [
        AskTarget(
            service=s.pk,
            local_authority=f"la-{s.local_authorities.order_by('pk').first().gss_code}",
            prison=prison.pk,
            need=s.pathways.order_by("pk").first().code,
            gender={GenderEligibility.MEN: "man", GenderEligibility.WOMEN: "woman"}.get(
                s.gender, "not_say"
            ),
        )
        for s in services
    ]
    staff = (
        Membership.objects.filter(
            organisation_id__in=organisations,
            role=MembershipRole.COORDINATOR,
            removed_at__isnull=True,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("pk")[:coordinators]
    )
    signed_in_coordinators = [
        SignedIn(
            cookies=_session_cookie(m.user),
            organisation=m.organisation_id,
            relationships=_relationships(active.filter(organisation_id=m.organisation_id)),
        )
        for m in staff
    ]
    if signed_in_coordinators:
        _propose(staff, proposals)
    waiting = Match.objects.filter(status=MatchStatus.PROPOSED).select_related("mentor__user")
    by_mentor: dict = {}
    for match in list(active.select_related("mentor__user")) + list(waiting):
        by_mentor.setdefault(match.mentor, []).append(match)
    signed_in_mentors = []
    for profile, matches in sorted(by_mentor.items(), key=lambda pair: pair[0].pk)[:mentors]:
        signed_in_mentors.append(
            SignedIn(
                cookies=_session_cookie(profile.user),
                organisation=profile.organisation_id,
                relationships=_relationships(m for m in matches if m.status in ACTIVE_STATUSES),
                proposals=[str(m.pk) for m in matches if m.status == MatchStatus.PROPOSED],
            )
        )
    connections.close_all()
    return Plan(
        services=[s.pk for s in Service.objects.published().order_by("pk")[:200]],
        ask_targets=targets,
        coordinators=signed_in_coordinators,
        mentors=signed_in_mentors,
        started_at=timezone.now(),
    )


@dataclass
class Count:
    kind: str
    acknowledged: int
    found: int
    missing: list[str] = field(default_factory=list)


def count_writes(ledger: Ledger) -> list[Count]:
    """Each acknowledged write, looked for in the database."""
    from matching.constants import ACTIVE_STATUSES
    from matching.models import Match, Meeting
    from mentees.constants import ReferralStatus
    from mentees.models import Referral

    def count(kind: str, wanted: list[str], found: set[str]) -> Count:
        missing = sorted(set(wanted) - found)
        return Count(kind, len(wanted), len(set(wanted)) - len(missing), missing)

    referrals = set(
        Referral.objects.filter(full_name__in=ledger.referrals).values_list("full_name", flat=True)
    )
    accepted = {
        str(pk)
        for pk in Referral.objects.filter(
            pk__in=ledger.accepted, status=ReferralStatus.ACCEPTED
        ).values_list("pk", flat=True)
    }
    declined = {
        str(pk)
        for pk in Referral.objects.filter(
            pk__in=ledger.declined, status=ReferralStatus.DECLINED
        ).values_list("pk", flat=True)
    }
    meetings = {
        str(key)
        for key in Meeting.objects.filter(submission_key__in=ledger.meetings).values_list(
            "submission_key", flat=True
        )
    }
    proposals = {
        str(pk)
        for pk in Match.objects.filter(
            pk__in=ledger.proposals_accepted, status__in=ACTIVE_STATUSES
        ).values_list("pk", flat=True)
    }
    return [
        count("requests for a mentor sent", ledger.referrals, referrals),
        count("referrals accepted", ledger.accepted, accepted),
        count("referrals declined", ledger.declined, declined),
        count("meetings logged", ledger.meetings, meetings),
        count("proposals accepted by the mentor", ledger.proposals_accepted, proposals),
    ]


@dataclass
class EmailCount:
    written: int  # outbox rows written since the run began
    sent: int  # of those, marked sent
    delivered: int  # of those, received by the SMTP sink (by Message-ID)
    duplicates: int  # Message-IDs the sink received more than once
    unsent: list[str] = field(default_factory=list)  # "id status" of rows not delivered


def count_emails(since, received_ids: list[str]) -> EmailCount:
    from core.models import OutboxMessage, OutboxStatus
    from core.outbox import message_id

    rows = list(OutboxMessage.objects.filter(created_at__gte=since).order_by("id"))
    expected = {message_id(row): row for row in rows}
    received = set(received_ids)
    return EmailCount(
        written=len(rows),
        sent=sum(row.status == OutboxStatus.SENT for row in rows),
        delivered=len(received & set(expected)),
        duplicates=len(received_ids) - len(received),
        unsent=[f"{row.pk} {row.status}" for mid, row in expected.items() if mid not in received],
    )


def outbox_waiting(since) -> int:
    from core.models import OutboxMessage, OutboxStatus

    return (
        OutboxMessage.objects.filter(created_at__gte=since)
        .exclude(status=OutboxStatus.SENT)
        .count()
    )
