"""Fictional volunteering for the demo: roles and training per organisation, applications at
every stage of vetting, approved mentors with profiles and supervision. Run again, it adds
nothing: each part is made only if it is missing."""

from datetime import date, timedelta

from django.utils import timezone

from providers.constants import MembershipRole
from providers.models import LocalAuthority, Membership, Organisation, TaxonomyTerm

from . import services
from .constants import ApplicationUpdateKind, DBSLevel, VolunteerRoleStatus
from .models import (
    ApplicationUpdate,
    MentorProfile,
    TrainingModule,
    VolunteerApplication,
    VolunteerRole,
)

ROLES = {
    "mersey": [
        {
            "title": "Through-the-gate mentor",
            "summary": "Meet a man in HMP Liverpool or HMP Altcourse before release, at the gate "
            "on the day, and every week for a year after.",
            "description": "You meet your mentee two or three times in prison before he is "
            "released, then at the gate on release day with one of our project workers. After "
            "that you meet every week: a coffee, a trip to the housing office, a walk. You help "
            "him keep appointments and find his feet.\n\nMost of our mentors have been in "
            "prison themselves.",
            "time_commitment": "2 to 3 hours a week for at least a year",
            "training_given": "Four evening sessions: the role, boundaries, safeguarding, and "
            "what happens on release day. Then monthly group supervision.",
            "expenses": "Travel, and lunch on the days you meet your mentee",
            "where": "HMP Liverpool, HMP Altcourse and community venues across Merseyside",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.ENHANCED_BARRED,
        },
        {
            "title": "Peer work coach",
            "summary": "Help someone who has been in prison get ready for work, using your own "
            "experience of finding a job with a record.",
            "description": "You meet your mentee weekly for up to nine months to work on CVs, "
            "disclosure letters, applications and interviews.",
            "time_commitment": "2 hours a week for 9 months",
            "training_given": "Two days of training, including how to talk about convictions "
            "with employers.",
            "expenses": "Travel",
            "where": "Liverpool city centre",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.STANDARD,
        },
    ],
    "tyneside": [
        {
            "title": "Wellbeing mentor",
            "summary": "Support a man with anxiety or depression as he leaves prison, from "
            "three months before release.",
            "description": "You visit your mentee in prison and then meet him weekly, helping "
            "him register with a GP and keep mental-health appointments.",
            "time_commitment": "2 hours a week for a year",
            "training_given": "Mental health first aid and our own three-day induction.",
            "expenses": "Travel and a meal allowance",
            "where": "HMP Durham, HMP Holme House and Tyneside",
            "criminal_record_policy": "case_by_case",
            "dbs_level": DBSLevel.ENHANCED_BARRED,
        },
        {
            "title": "Telephone befriender",
            "summary": "A weekly phone call with someone recently released who feels alone.",
            "description": "You call the same person at an agreed time each week.",
            "time_commitment": "1 hour a week for 6 months",
            "training_given": "One evening session.",
            "expenses": "None: calls are made from our office phone",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.BASIC,
        },
    ],
    "severn": [
        {
            "title": "Community mentor",
            "summary": "Meet a woman or man on licence in Bristol weekly to help with housing "
            "and work.",
            "description": "Weekly meetings for a year, working to the mentee's action plan.",
            "time_commitment": "2 hours a week for a year",
            "training_given": "Three days of induction.",
            "expenses": "Travel and childcare",
            "where": "Bristol and South Gloucestershire",
            "criminal_record_policy": "some_excluded",
            "criminal_record_notes": "We cannot accept people with convictions for sexual "
            "offences for this role.",
            "dbs_level": DBSLevel.ENHANCED,
        },
        {
            "title": "Women's peer mentor",
            "summary": "Use your own experience to support a woman leaving HMP Eastwood Park.",
            "description": "Weekly meetings, starting in prison before release.",
            "time_commitment": "2 hours a week for a year",
            "training_given": "Three days of induction, including trauma-informed practice.",
            "expenses": "Travel and childcare",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.ENHANCED_BARRED,
        },
    ],
    "cardiff": [
        {
            "title": "Bilingual peer mentor",
            "summary": "Mentor someone leaving HMP Cardiff or HMP Parc, in Welsh or English.",
            "description": "Weekly meetings, before and after release.",
            "time_commitment": "2 hours a week for a year",
            "training_given": "Two days of induction.",
            "expenses": "Travel",
            "where": "Cardiff, Bridgend and the Vale of Glamorgan",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.ENHANCED_BARRED,
        },
        {
            "title": "Gate-day volunteer",
            "summary": "Meet people at the gate on release day and take them to their first "
            "appointments.",
            "description": "A morning or two a month, with a project worker.",
            "time_commitment": "A morning or two a month",
            "training_given": "One day of induction.",
            "expenses": "Travel and breakfast",
            "criminal_record_policy": "welcome",
            "dbs_level": DBSLevel.ENHANCED,
        },
    ],
}

MODULES = [
    ("Mentor induction", True, None),
    ("Safeguarding adults", True, 36),
    ("Trauma-informed practice", False, None),
]

# (applicant key, full name, organisation key, role index, how far they have got)
APPLICANTS = [
    ("mentor.mersey", "Tony Walsh", "mersey", 0, "approved"),
    ("mentor2.mersey", "Sue Parry", "mersey", 0, "approved_after_disclosure"),
    ("mentor.tyneside", "Lee Armstrong", "tyneside", 0, "approved"),
    ("volunteer.draft", "Kieran Doyle", "mersey", 0, "draft"),
    ("volunteer.new", "Maria Kowalska", "mersey", 1, "submitted"),
    ("volunteer.references", "Dwayne Campbell", "mersey", 0, "interviewed"),
    ("volunteer.disclosure", "Fatima Begum", "mersey", 0, "disclosed"),
    ("volunteer.training", "Hywel Pritchard", "cardiff", 0, "training"),
    ("volunteer.declined", "Gareth Price", "cardiff", 1, "rejected"),
]

STAGE_LABELS = {
    "draft": "application not sent yet",
    "submitted": "waiting for an interview",
    "interviewed": "waiting for references",
    "disclosed": "DBS disclosure waiting for a decision",
    "training": "training to finish",
    "rejected": "not approved",
}

AREAS = {
    "mersey": ["Liverpool", "Sefton", "Wirral"],
    "tyneside": ["Newcastle upon Tyne", "Gateshead"],
    "severn": ["City of Bristol"],
    "cardiff": ["Cardiff", "Bridgend"],
}


def seed_volunteering(*, actor, organisations: dict[str, Organisation], make_user):
    """Returns (email, description) pairs of the demo applicants' sign-ins."""
    for key, organisation in organisations.items():
        if not organisation.is_active:
            continue
        for spec in ROLES.get(key, []):
            _role(actor, organisation, spec)
        for name, required, months in MODULES:
            if not TrainingModule.objects.filter(organisation=organisation, name=name).exists():
                services.training_module_create(
                    actor=actor,
                    organisation=organisation,
                    name=name,
                    required=required,
                    valid_for_months=months,
                )
    logins = []
    made = []
    for key, full_name, org_key, role_index, stage in APPLICANTS:
        organisation = organisations[org_key]
        user = make_user(key, full_name)
        role = VolunteerRole.objects.filter(organisation=organisation).order_by("created_at")[
            role_index
        ]
        if not key.startswith("mentor"):
            logins.append((user.email, f"Volunteer applicant: {STAGE_LABELS[stage]}"))
        if VolunteerApplication.objects.filter(applicant=user, role=role).exists():
            continue
        coordinator = _coordinator(organisation) or actor
        application = _application(user, role, stage, coordinator, org_key)
        _backdate(application)
        made.append(application)
    # The demo sends no email: mark what applicants were told as already sent.
    ApplicationUpdate.objects.filter(application__in=made, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    return logins


# How many days ago the demo's updates and decisions happened, so their dates tell a story.
DAYS_AGO = {
    ApplicationUpdateKind.RECEIVED: 60,
    ApplicationUpdateKind.INTERVIEW_ARRANGED: 55,
    ApplicationUpdateKind.INTERVIEW_PASSED: 50,
    ApplicationUpdateKind.REJECTED: 48,
    ApplicationUpdateKind.REFERENCES_RECEIVED: 40,
    ApplicationUpdateKind.DBS_CLEARED: 28,
    ApplicationUpdateKind.TRAINING_COMPLETE: 20,
    ApplicationUpdateKind.APPROVED: 18,
}


def _backdate(application: VolunteerApplication) -> None:
    now = timezone.now()
    for kind, days in DAYS_AGO.items():
        application.updates.filter(kind=kind).update(created_at=now - timedelta(days=days))
    if application.decided_at:
        decided = now - timedelta(days=DAYS_AGO[ApplicationUpdateKind.APPROVED])
        VolunteerApplication.objects.filter(pk=application.pk).update(decided_at=decided)
        MentorProfile.objects.filter(application=application).update(
            approved_at=decided, status_changed_at=decided
        )


def _role(actor, organisation, spec) -> VolunteerRole:
    role = VolunteerRole.objects.filter(organisation=organisation, title=spec["title"]).first()
    if role is None:
        role = services.volunteer_role_create(actor=actor, organisation=organisation, **spec)
        services.volunteer_role_set_status(
            actor=actor, role=role, status=VolunteerRoleStatus.PUBLISHED
        )
    return role


def _coordinator(organisation):
    membership = (
        Membership.objects.active()
        .filter(organisation=organisation, role=MembershipRole.COORDINATOR)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _answers(user, organisation_key: str, disclosed: bool) -> dict[str, dict]:
    surname = user.full_name.split()[-1].lower()
    return {
        "about-you": {
            "full_name": user.full_name,
            "date_of_birth": date(1968 + len(user.full_name) % 30, 3, 14),
            "gender": "woman" if user.full_name.split()[0] in {"Sue", "Maria", "Fatima"} else "man",
            "gender_description": "",
            "phone": "0151 496 0" + str(100 + len(user.full_name)),
            "postcode": "L1 8JQ",
        },
        "lived-experience": {
            "lived_experience": ["prison", "addiction"] if disclosed else [],
            "lived_experience_details": "",
        },
        "availability": {"availability": ["tue_evening", "thu_evening", "sat_morning"]},
        "areas": {
            "local_authorities": list(
                LocalAuthority.objects.filter(name__in=AREAS[organisation_key])
            ),
            "can_visit_prisons": True,
        },
        "languages": {
            "languages": ["en", "cy"] if organisation_key == "cardiff" else ["en"],
            "other_languages": "",
        },
        "skills": {
            "pathways": list(
                TaxonomyTerm.objects.pathways().filter(
                    code__in=["accommodation", "education-training-employment"]
                )
            ),
            "experience": "I have worked in a hostel and helped friends find work.",
        },
        "motivation": {
            "motivation": "When I came out, someone stood by me. I would like to do the same."
            if disclosed
            else "I want to give something back to my community."
        },
        "referees": {
            "referees": [
                {
                    "name": "Pat Morris",
                    "relationship": "My manager for four years",
                    "email": f"pat.{surname}@referee.example.org",
                    "phone": "",
                },
                {
                    "name": "Chris Lee",
                    "relationship": "Support worker",
                    "email": "",
                    "phone": "0151 496 0999",
                },
            ]
        },
        "criminal-record": {
            "has_record": disclosed,
            "details": "Two convictions for theft, the last in 2011." if disclosed else "",
        },
        "dbs-consent": {"dbs_consent": True},
    }


def _application(user, role, stage, coordinator, key: str) -> VolunteerApplication:
    organisation = role.organisation
    disclosed = stage in ("approved_after_disclosure", "disclosed")
    application = services.application_start(actor=user, role=role)
    answers = _answers(user, key, disclosed)
    steps = list(answers)[:4] if stage == "draft" else list(answers)
    for step in steps:
        application = services.application_save_step(
            actor=user, application=application, step=step, answers=answers[step]
        )
    if stage == "draft":
        return application
    application = services.application_submit(actor=user, application=application)
    sent = timezone.now() - timedelta(days=60)
    VolunteerApplication.objects.filter(pk=application.pk).update(submitted_at=sent)
    application.refresh_from_db()
    if stage == "submitted":
        return application
    today = timezone.localdate()
    if stage == "rejected":
        services.interview_save(
            actor=coordinator,
            application=application,
            interview_date=today - timedelta(days=50),
            outcome="not_suitable",
            notes="Cannot commit to weekly meetings for the next year.",
        )
        services.application_reject(
            actor=coordinator,
            application=application,
            reason="The role needs weekly meetings for a year, which you told us you cannot "
            "manage at the moment. We would be glad to hear from you again in future.",
        )
        return application
    services.interview_save(
        actor=coordinator,
        application=application,
        interview_date=today - timedelta(days=50),
        arrangements="10am at our office",
        outcome="suitable",
        notes="Warm, realistic about the role.",
    )
    if stage == "interviewed":
        application.references.filter(position=1).update(requested_on=today - timedelta(days=45))
        return application
    for reference in application.references.all():
        services.reference_record(
            actor=coordinator,
            reference=reference,
            requested_on=today - timedelta(days=45),
            received_on=today - timedelta(days=40),
            satisfactory=True,
        )
    check = services.dbs_check_record(
        actor=coordinator,
        application=application,
        level=role.dbs_level,
        certificate_number=f"{user.pk:012d}",
        issue_date=today - timedelta(days=30),
        result="disclosed" if disclosed else "clear",
    )
    if stage == "disclosed":
        return application
    if disclosed:
        services.dbs_risk_decide(
            actor=coordinator,
            check=check,
            decision="proceed",
            decided_by=coordinator,
            decided_on=today - timedelta(days=28),
            reason="Theft convictions over ten years old, openly disclosed and discussed at "
            "interview. No risk to mentees in this role.",
        )
    modules = TrainingModule.objects.required().filter(organisation=organisation)
    for module in modules if stage != "training" else modules[:1]:
        services.training_record_add(
            actor=coordinator,
            application=application,
            module=module,
            completed_on=today - timedelta(days=20),
        )
    if stage == "training":
        return application
    mentor = services.application_approve(actor=coordinator, application=application, capacity=2)
    services.supervision_create(
        actor=coordinator,
        mentor=mentor,
        held_on=today - timedelta(days=14),
        supervisor=coordinator,
        notes="First supervision. Settling in well; has met their mentee twice in prison.",
    )
    services.supervision_create(
        actor=coordinator,
        mentor=mentor,
        held_on=today - timedelta(days=1),
        supervisor=coordinator,
        notes="Release day went to plan. Mentee has a hostel place.",
        concerns="Mentee mentioned old friends calling him; agreed to raise it with probation."
        if disclosed
        else "",
    )
    return application
