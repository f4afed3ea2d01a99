"""Every state change of a referral: sent by the person (or a worker for them), looked at,
accepted, declined, or passed to another provider."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.references import new_reference
from providers.eligibility import reasons_cannot_take
from providers.models import Service

from ..constants import (
    PRIVACY_NOTICE_VERSION,
    SERVICES_NEARBY,
    DeclineReason,
    ReferralStatus,
)
from ..models import Referral, ReferralStatusChange
from ..models.referrals import REFERENCE_PREFIX
from ..suggestions import person_from
from ..tasks import send_referral_decision_email, send_referral_withdrawn_email
from .cases import mentee_create_from_referral, record_view

# The answers of the journey that are copied onto the referral as they are.
PERSON_FIELDS = (
    "completed_by",
    "worker_name",
    "worker_role",
    "worker_organisation",
    "worker_email",
    "worker_phone",
    "full_name",
    "date_of_birth",
    "situation",
    "prison",
    "prison_number",
    "expected_release_date",
    "local_authority",
    "needs_details",
    "mentor_gender",
    "lived_experience",
    "language",
    "contact_methods",
    "phone",
    "email",
    "postal_address",
    "probation_practitioner",
)
# Fields a passed-on referral carries over to the receiving provider.
CARRIED_OVER = (*PERSON_FIELDS, "consented_at", "privacy_notice_version")
ATTEMPTS = 5


def referral_submit(*, answers: dict, submission_key: uuid.UUID, request=None) -> Referral:
    """Make the referral from a finished journey. The same journey sent twice (a double click,
    the back button, two tabs) returns the first referral rather than making a second."""
    for _attempt in range(ATTEMPTS):
        existing = Referral.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
        try:
            return _create_referral(answers, submission_key, request)
        except IntegrityError:
            continue  # The same key sent at the same moment, or (rarely) a reference reused.
    raise RuntimeError("Could not store the referral after several attempts.")


def _service_for(answers: dict) -> Service | None:
    """The service the request goes to: the one chosen from the list, else the one the journey
    began from; None for the general inbox. Refused unless it is in the directory and can take
    the person (their age, gender and offence types), whatever the pages let through."""
    if answers.get("service") == SERVICES_NEARBY:
        return None
    service: Service | None = answers.get("service") or answers.get("fixed_service")
    if service is None or not Service.objects.published().filter(pk=service.pk).exists():
        raise ValidationError({"service": "Choose a service that is in the directory"})
    reasons = reasons_cannot_take(service, person_from(answers))
    if reasons:
        raise ValidationError(
            {"service": f"{service.name} cannot take this request: {'; '.join(reasons)}"}
        )
    return service


@transaction.atomic
def _create_referral(answers: dict, submission_key: uuid.UUID, request) -> Referral:
    service = _service_for(answers)
    fields = {name: answers[name] for name in PERSON_FIELDS if name in answers}
    referral = Referral(
        organisation=service.organisation if service else None,
        service=service,
        status=ReferralStatus.RECEIVED if service else ReferralStatus.WAITING,
        reference=new_reference(REFERENCE_PREFIX),
        submission_key=submission_key,
        consented_at=timezone.now(),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
        asked_in=translation.get_language() or settings.LANGUAGE_CODE,
        **fields,
    )
    referral.full_clean(exclude=["organisation", "service"])
    referral.save()
    referral.needs.set(answers.get("needs") or [])
    _record_status(referral, actor=None)
    audit_record(
        actor=None,
        action=AuditAction.CREATED,
        obj=referral,
        organisation=referral.organisation,
        request=request,
        details={"completed_by": referral.completed_by},
    )
    return referral


def _record_status(referral: Referral, *, actor) -> None:
    ReferralStatusChange.objects.create(
        referral=referral,
        organisation_id=referral.organisation_id,
        status=referral.status,
        changed_by=actor if actor is not None and actor.is_authenticated else None,
    )


def _lock_open(referral: Referral) -> Referral:
    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    if not locked.is_open:
        raise ValidationError(
            f"This referral has already been decided: it is {locked.get_status_display().lower()}."
        )
    return locked


@transaction.atomic
def referral_view(*, actor, referral: Referral, request=None) -> Referral:
    """A coordinator opens the referral: audited, and a new one becomes "being looked at"."""
    audit_record(
        actor=actor,
        action=AuditAction.VIEWED,
        obj=referral,
        organisation=referral.organisation,
        request=request,
    )
    if referral.status == ReferralStatus.RECEIVED:
        updated = Referral.objects.filter(pk=referral.pk, status=ReferralStatus.RECEIVED).update(
            status=ReferralStatus.IN_REVIEW, updated_at=timezone.now()
        )
        if updated:
            referral.status = ReferralStatus.IN_REVIEW
            _record_status(referral, actor=actor)
    return referral


def duplicates_viewed(*, actor, referrals, mentees, request=None) -> None:
    """Record that the other records shown beside a referral, as likely duplicates, were seen."""

    for other in referrals:
        audit_record(
            actor=actor,
            action=AuditAction.VIEWED,
            obj=other,
            organisation=other.organisation,
            request=request,
            details={"part": "duplicate comparison"},
        )
    for mentee in mentees:
        record_view(actor=actor, mentee=mentee, request=request, part="duplicate comparison")


def _decide(
    referral: Referral,
    *,
    actor,
    status: str,
    request,
    decline_reason: str = "",
    decision_note: str = "",
    pass_on_consent: str = "",
) -> Referral:
    referral.status = status
    referral.decided_at = timezone.now()
    referral.decided_by = actor
    referral.decline_reason = decline_reason or referral.decline_reason
    referral.decision_note = decision_note or referral.decision_note
    referral.pass_on_consent = pass_on_consent or referral.pass_on_consent
    referral.save()
    _record_status(referral, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=referral,
        organisation=referral.organisation,
        request=request,
        details={"to": status},
    )

    send_referral_decision_email(str(referral.pk))  # to the outbox, in this transaction
    return referral


@transaction.atomic
def referral_accept(*, actor, referral: Referral, request=None):
    """Accept the referral and open the person's case record. Returns the new mentee."""

    referral = _lock_open(referral)
    _decide(referral, actor=actor, status=ReferralStatus.ACCEPTED, request=request)
    return mentee_create_from_referral(actor=actor, referral=referral, request=request)


@transaction.atomic
def referral_decline(
    *, actor, referral: Referral, reason: str, note: str = "", request=None
) -> Referral:
    if reason not in DeclineReason.values:
        raise ValidationError({"reason": "Select why the referral is not accepted"})
    if reason == DeclineReason.OTHER and not note.strip():
        raise ValidationError({"note": "Explain the reason, as the person will read it"})
    referral = _lock_open(referral)
    return _decide(
        referral,
        actor=actor,
        status=ReferralStatus.DECLINED,
        request=request,
        decline_reason=reason,
        decision_note=note.strip(),
    )


@transaction.atomic
def referral_pass_on(
    *, actor, referral: Referral, service: Service, consent: str, request=None
) -> Referral:
    """Send the referral to another provider's service, with the person's recorded consent.
    The receiving provider gets a new referral of its own and sees nothing else of ours."""
    if service.organisation_id == referral.organisation_id:
        raise ValidationError({"service": "Choose a service of another organisation"})
    if not Service.objects.published().filter(pk=service.pk).exists():
        raise ValidationError({"service": "Choose a service that is in the directory"})
    if not consent.strip():
        raise ValidationError(
            {"consent": "Record how the person agreed to their details being passed on"}
        )
    referral = _lock_open(referral)
    onward = Referral(
        organisation=service.organisation,
        service=service,
        reference=new_reference(REFERENCE_PREFIX),
        submission_key=uuid.uuid4(),
        passed_from=referral,
        pass_on_consent=consent.strip(),
        **{name: getattr(referral, name) for name in CARRIED_OVER},
    )
    onward.save()
    onward.needs.set(referral.needs.all())
    _record_status(onward, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=onward,
        organisation=service.organisation,
        request=request,
        details={"passed_on_by": referral.organisation.name},
    )
    _decide(
        referral,
        actor=actor,
        status=ReferralStatus.PASSED_ON,
        request=request,
        pass_on_consent=consent.strip(),
        decision_note=f"Passed to {service.organisation.name}",
    )
    return onward


@transaction.atomic
def referral_withdraw(*, referral: Referral, request=None) -> Referral:
    """The person (or the worker who asked for them) withdraws a request that is still open,
    from "Check your request": no account, so no actor. The provider's staff are emailed; the
    person is not, as they did it themselves. An accepted, declined or passed-on request cannot
    be withdrawn here."""
    referral = _lock_open(referral)
    now = timezone.now()
    referral.status = ReferralStatus.WITHDRAWN
    referral.decided_at = now  # The retention period runs from here, as for a decision.
    referral.decision_emailed_at = now  # Nothing to tell the person.
    referral.save(update_fields=["status", "decided_at", "decision_emailed_at", "updated_at"])
    _record_status(referral, actor=None)
    audit_record(
        actor=None,
        action=AuditAction.STATUS_CHANGED,
        obj=referral,
        organisation=referral.organisation,
        request=request,
        details={"to": ReferralStatus.WITHDRAWN, "by": "the person, from check your request"},
    )

    send_referral_withdrawn_email(str(referral.pk))  # to the outbox, in this transaction
    return referral


@transaction.atomic
def referral_take(*, actor, organisation, referral: Referral, request=None) -> Referral:
    """A provider near the person takes a request from the general inbox: it becomes that
    provider's referral, under the same reference, and leaves the inbox. Only the first of
    several providers taking it at once succeeds; the others are told it has gone."""
    from ..general_inbox import reach_of

    locked = Referral.objects.select_for_update().get(pk=referral.pk)
    if locked.status != ReferralStatus.WAITING or locked.organisation_id is not None:
        raise ValidationError("Another service has taken this request, or it was withdrawn.")
    if not reach_of(organisation).covers(locked):
        raise ValidationError("Your services do not work where this person is or will live.")
    locked.organisation = organisation
    locked.status = ReferralStatus.RECEIVED
    locked.save(update_fields=["organisation", "status", "updated_at"])
    _record_status(locked, actor=actor)
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=locked,
        organisation=organisation,
        request=request,
        details={"to": ReferralStatus.RECEIVED, "taken_from": "general inbox"},
    )
    return locked
