"""Every state change of volunteer roles, training modules and an applicant's application."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.once import create_once
from core.references import unique_reference
from providers.models import Organisation

from ..constants import (
    ApplicationStatus,
    ApplicationUpdateKind,
    VettingStage,
    VolunteerRoleStatus,
)
from ..forms.volunteering import STEP_TITLES
from ..models import (
    ApplicationUpdate,
    CriminalRecordDisclosure,
    TrainingModule,
    VolunteerApplication,
    VolunteerReference,
    VolunteerRole,
)
from ..models.volunteering import APPLICATION_REFERENCE_PREFIX
from ..tasks import send_application_update_email
from ..volunteer_age import date_of_birth_problem

# --- Roles and training modules (org admins) -------------------------------------------------


def _changed(before: dict, obj) -> list[str]:
    return sorted(name for name, value in before.items() if getattr(obj, name) != value)


@transaction.atomic
def volunteer_role_create(
    *, actor, organisation: Organisation, submission_key=None, request=None, **fields
) -> VolunteerRole:
    """Add a volunteer role as a draft. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=VolunteerRole,
        create=lambda: _volunteer_role_create(
            actor=actor, organisation=organisation, request=request, **fields
        ),
    )


@transaction.atomic
def _volunteer_role_create(
    *, actor, organisation: Organisation, request=None, **fields
) -> VolunteerRole:
    role = VolunteerRole(organisation=organisation, status=VolunteerRoleStatus.DRAFT, **fields)
    _check_role_title(role)
    role.full_clean()
    role.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=role,
        organisation=organisation,
        request=request,
    )
    return role


@transaction.atomic
def volunteer_role_update(*, actor, role: VolunteerRole, request=None, **fields) -> VolunteerRole:
    role = VolunteerRole.objects.select_for_update().get(pk=role.pk)
    before = {name: getattr(role, name) for name in fields}
    for name, value in fields.items():
        setattr(role, name, value)
    _check_role_title(role)
    role.full_clean()
    role.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=role,
        organisation=role.organisation,
        request=request,
        details={"fields": _changed(before, role)},
    )
    return role


def _check_role_title(role: VolunteerRole) -> None:
    # Also what a double-clicked "Save" meets the second time: one role, not two. Locking the
    # organisation's row makes two at once wait for each other.
    Organisation.objects.select_for_update().only("pk").get(pk=role.organisation_id)
    taken = (
        VolunteerRole.objects.filter(organisation_id=role.organisation_id, title=role.title)
        .exclude(pk=role.pk)
        .exists()
    )
    if taken:
        raise ValidationError({"title": f"You already have a role called {role.title}"})


@transaction.atomic
def volunteer_role_set_status(
    *, actor, role: VolunteerRole, status: str, request=None
) -> VolunteerRole:
    """Publish a role (people can apply) or close it (no new applications; open ones go on)."""
    role = VolunteerRole.objects.select_for_update().select_related("organisation").get(pk=role.pk)
    if status not in VolunteerRoleStatus.values or status == VolunteerRoleStatus.DRAFT:
        raise ValidationError("Choose to publish or close the role.")
    if status == role.status:
        raise ValidationError(f"This role is already {role.get_status_display().lower()}.")
    if status == VolunteerRoleStatus.PUBLISHED and not role.organisation.is_active:
        raise ValidationError("Your organisation must be approved before it can publish roles.")
    previous = role.status
    role.status = status
    if status == VolunteerRoleStatus.PUBLISHED:
        role.published_at = role.published_at or timezone.now()
    role.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=role,
        organisation=role.organisation,
        request=request,
        details={"from": previous, "to": status},
    )
    return role


@transaction.atomic
def training_module_create(
    *, actor, organisation: Organisation, submission_key=None, request=None, **fields
) -> TrainingModule:
    """Add a training module. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=TrainingModule,
        create=lambda: _training_module_create(
            actor=actor, organisation=organisation, request=request, **fields
        ),
    )


@transaction.atomic
def _training_module_create(
    *, actor, organisation: Organisation, request=None, **fields
) -> TrainingModule:
    module = TrainingModule(organisation=organisation, **fields)
    _check_module_name(module)
    module.full_clean()
    module.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=module,
        organisation=organisation,
        request=request,
    )
    return module


@transaction.atomic
def training_module_update(
    *, actor, module: TrainingModule, request=None, **fields
) -> TrainingModule:
    module = TrainingModule.objects.select_for_update().get(pk=module.pk)
    before = {name: getattr(module, name) for name in fields}
    for name, value in fields.items():
        setattr(module, name, value)
    _check_module_name(module)
    module.full_clean()
    module.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=module,
        organisation=module.organisation,
        request=request,
        details={"fields": _changed(before, module)},
    )
    return module


def _check_module_name(module: TrainingModule) -> None:
    taken = (
        TrainingModule.objects.filter(organisation_id=module.organisation_id, name=module.name)
        .exclude(pk=module.pk)
        .exists()
    )
    if taken:
        raise ValidationError({"name": f"You already have a module called {module.name}"})


# --- The applicant's journey ------------------------------------------------------------------


def application_start(*, actor, role: VolunteerRole, request=None) -> VolunteerApplication:
    """The person's open application to this role: the existing one, or a new draft.

    One application per role: asking twice (two tabs, a double click) gives the same one.
    """
    existing = VolunteerApplication.objects.of_applicant(actor).open().filter(role=role).first()
    if existing:
        return existing
    if not VolunteerRole.objects.published().filter(pk=role.pk).exists():
        raise ValidationError("This role is not taking applications.")
    reference = unique_reference(VolunteerApplication, "reference", APPLICATION_REFERENCE_PREFIX)
    try:
        with transaction.atomic():
            application = VolunteerApplication.objects.create(
                reference=reference,
                organisation=role.organisation,
                role=role,
                applicant=actor,
                full_name=actor.full_name,
            )
            audit_record(actor=actor, action=AuditAction.CREATED, obj=application, request=request)
            return application
    except IntegrityError:
        # Another request made it first.
        return VolunteerApplication.objects.of_applicant(actor).open().get(role=role)


# Steps an applicant must complete before sending; "lived-experience" is optional.
REQUIRED_STEPS = [
    "about-you",
    "availability",
    "areas",
    "languages",
    "skills",
    "motivation",
    "referees",
    "criminal-record",
    "dbs-consent",
]
RELATED_FIELDS = ("local_authorities", "pathways")


def _lock_draft(application: VolunteerApplication, actor) -> VolunteerApplication:
    application = VolunteerApplication.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id != actor.pk:
        raise ValidationError("This is not your application.")
    _refuse_if_erased(application)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(
            "You have already sent this application, so it cannot be changed here. "
            f"Contact {application.organisation} if something needs correcting."
        )
    return application


def _refuse_if_erased(application: VolunteerApplication) -> None:
    if application.erased_at:
        raise ValidationError(
            "This application was erased, as unsent and undecided applications are after 12 "
            "months. Start a new one if you would still like to volunteer."
        )


@transaction.atomic
def application_save_step(
    *, actor, application: VolunteerApplication, step: str, answers: dict, request=None
) -> VolunteerApplication:
    """Save one page of a draft. What was saved before stays saved whatever happens here."""
    application = _lock_draft(application, actor)
    answers = dict(answers)
    if step == "referees":
        _save_referees(application, answers.pop("referees"))
    elif step == "criminal-record":
        CriminalRecordDisclosure.objects.update_or_create(
            application=application,
            defaults={
                "organisation": application.organisation,
                "has_record": answers.pop("has_record"),
                "details": answers.pop("details", ""),
            },
        )
    elif step == "dbs-consent":
        if answers.pop("dbs_consent") is not True:
            raise ValidationError({"dbs_consent": "Confirm that you agree to a DBS check"})
        application.dbs_consent = True
        application.dbs_consent_at = application.dbs_consent_at or timezone.now()
    if "date_of_birth" in answers:
        problem = date_of_birth_problem(answers["date_of_birth"])
        if problem:
            raise ValidationError({"date_of_birth": problem})
    related = {name: answers.pop(name) for name in RELATED_FIELDS if name in answers}
    for name, value in answers.items():
        setattr(application, name, value)
    if step not in application.completed_steps:
        application.completed_steps = [*application.completed_steps, step]
    application.full_clean(exclude=["role", "organisation", "applicant"])
    application.save()
    for name, values in related.items():
        getattr(application, name).set(values)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=application,
        request=request,
        details={"step": step},
    )
    return application


@transaction.atomic
def application_save_draft(
    *, actor, application: VolunteerApplication, step: str, answers: dict, request=None
) -> VolunteerApplication:
    """ "Save and come back later": keep a page as it stands, however little of it is filled in.
    Nothing is asked for here; the page counts as in progress, not complete, until it is saved
    with "Save and continue", and the application is checked in full before it is sent."""
    application = _lock_draft(application, actor)
    answers = dict(answers)
    if step == "referees":
        for position, details in enumerate(answers.pop("referees"), start=1):
            if details:
                VolunteerReference.objects.update_or_create(
                    application=application,
                    position=position,
                    defaults={**details, "organisation": application.organisation},
                )
    elif step == "criminal-record":
        CriminalRecordDisclosure.objects.update_or_create(
            application=application,
            defaults={
                "organisation": application.organisation,
                "has_record": answers.pop("has_record"),
                "details": answers.pop("details", ""),
            },
        )
    elif step == "dbs-consent":
        application.dbs_consent = answers.pop("dbs_consent")
        if application.dbs_consent:
            application.dbs_consent_at = application.dbs_consent_at or timezone.now()
        else:
            application.dbs_consent_at = None
    if answers.get("date_of_birth") and date_of_birth_problem(answers["date_of_birth"]):
        answers.pop("date_of_birth")
    related = {name: answers.pop(name) for name in RELATED_FIELDS if name in answers}
    for name, value in answers.items():
        setattr(application, name, value)
    application.completed_steps = [done for done in application.completed_steps if done != step]
    application.save()
    for name, values in related.items():
        getattr(application, name).set(values)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=application,
        request=request,
        details={"step": step, "complete": False},
    )
    return application


def _save_referees(application: VolunteerApplication, referees: list[dict]) -> None:
    for position, details in enumerate(referees, start=1):
        VolunteerReference.objects.update_or_create(
            application=application,
            position=position,
            defaults={**details, "organisation": application.organisation},
        )


def submission_problems(application: VolunteerApplication) -> list[tuple[str, str]]:
    """What stops a draft being sent, as (step, message) pairs for the page."""

    problems = [
        (step, f"Complete ‘{STEP_TITLES[step]}’")
        for step in REQUIRED_STEPS
        if step not in application.completed_steps
    ]
    done = set(application.completed_steps)
    if "referees" in done and application.references.count() != 2:
        problems.append(("referees", "Give the details of two referees"))
    if "dbs-consent" in done and not application.dbs_consent:
        problems.append(("dbs-consent", "Confirm that you agree to a DBS check"))
    if (
        "criminal-record" in done
        and not CriminalRecordDisclosure.objects.filter(
            application=application, has_record__isnull=False
        ).exists()
    ):
        problems.append(("criminal-record", "Answer the question about a criminal record"))
    if not VolunteerRole.objects.published().filter(pk=application.role_id).exists():
        problems.append(("", f"{application.role} is no longer taking applications"))
    return problems


@transaction.atomic
def application_submit(
    *, actor, application: VolunteerApplication, request=None
) -> VolunteerApplication:
    """Send a finished draft to the organisation. Sending twice sends it once."""
    application = VolunteerApplication.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id != actor.pk:
        raise ValidationError("This is not your application.")
    _refuse_if_erased(application)
    if application.status == ApplicationStatus.SUBMITTED and application.submitted_at:
        return application
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError("This application can no longer be sent.")
    problems = submission_problems(application)
    if problems:
        raise ValidationError([message for _, message in problems])
    application.status = ApplicationStatus.SUBMITTED
    application.stage = VettingStage.INTERVIEW
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "stage", "submitted_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=application,
        organisation=application.organisation,
        request=request,
        details={"from": ApplicationStatus.DRAFT, "to": ApplicationStatus.SUBMITTED},
    )
    tell_applicant(
        application,
        ApplicationUpdateKind.RECEIVED,
        f"{application.organisation} has your application to be a {application.role}. They will "
        "contact you to arrange an interview.",
    )
    return application


@transaction.atomic
def application_withdraw(
    *, actor, application: VolunteerApplication, request=None
) -> VolunteerApplication:
    application = VolunteerApplication.objects.select_for_update().get(pk=application.pk)
    if application.applicant_id != actor.pk:
        raise ValidationError("This is not your application.")
    _refuse_if_erased(application)
    if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED):
        raise ValidationError(
            f"This application is {application.get_status_display().lower()}, so it cannot be "
            "withdrawn."
        )
    was_sent = application.status == ApplicationStatus.SUBMITTED
    previous = application.status
    application.status = ApplicationStatus.WITHDRAWN
    application.stage = VettingStage.DECIDED if was_sent else ""
    application.withdrawn_at = timezone.now()
    application.save(update_fields=["status", "stage", "withdrawn_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=application,
        organisation=application.organisation if was_sent else None,
        request=request,
        details={"from": previous, "to": ApplicationStatus.WITHDRAWN},
    )
    if was_sent:
        tell_applicant(
            application,
            ApplicationUpdateKind.WITHDRAWN,
            f"You withdrew your application. {application.organisation} will not take it further.",
        )
    return application


def tell_applicant(
    application: VolunteerApplication, kind: str, message: str, *, once: bool = False
) -> ApplicationUpdate | None:
    """Record an update on the applicant's page and email it to them after the commit.

    With once=True an update of this kind already given is not given again.
    """

    if once and application.updates.filter(kind=kind).exists():
        return None
    update = ApplicationUpdate.objects.create(
        organisation=application.organisation, application=application, kind=kind, message=message
    )
    send_application_update_email(update.pk)  # to the outbox, in this transaction
    return update
