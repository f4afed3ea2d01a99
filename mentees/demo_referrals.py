"""Fictional referrals and case records for the demo, made through the same services as real
ones. Safe to run again: referrals are keyed by a fixed submission key, and each decision or
case-record entry is only made once."""

import uuid
from datetime import date, timedelta

from django.utils import timezone

from providers.models import LocalAuthority, Prison, Service, TaxonomyTerm

from .constants import SERVICES_NEARBY, MenteeStatus, ReferralStatus
from .models import Mentee, Referral
from .needs import pathways_for
from .services import cases, referrals

DEMO_NAMESPACE = uuid.UUID("6b0f8f3e-2f4b-4d8e-9a51-0c2f7f0e5a11")


def _person(n, name, born, service, area, needs, days_ago, **answers) -> dict:
    return {
        "key": uuid.uuid5(DEMO_NAMESPACE, f"referral-{n}"),
        "service": service,
        "days_ago": days_ago,
        "answers": {
            "completed_by": "self",
            "full_name": name,
            "date_of_birth": born,
            "situation": "in_community",
            "local_authority": area,
            "needs": needs,
            "mentor_gender": "none",
            "lived_experience": "preferred",
            "language": "en",
            "contact_methods": ["phone"],
            "phone": "07700 900" + f"{n:03d}",
            **answers,
        },
    }


def _to_services_nearby(person: dict) -> dict:
    person["answers"]["service"] = SERVICES_NEARBY
    return person


def _in_prison(prison: str, number: str, release_in_days: int) -> dict:
    return {
        "situation": "in_custody",
        "prison": Prison.objects.get(name=prison),
        "prison_number": number,
        "expected_release_date": timezone.localdate() + timedelta(days=release_in_days),
        "contact_methods": ["omu"],
        "phone": "",
    }


def _worker(name: str, email: str, where: str) -> dict:
    return {
        "completed_by": "worker",
        "worker_name": name,
        "worker_role": "prison",
        "worker_organisation": where,
        "worker_email": email,
    }


def demo_people() -> list[dict]:
    def area(name):
        return LocalAuthority.objects.get(name=name)

    def service(name):
        return Service.objects.get(name=name)

    def needs(*codes):
        return list(TaxonomyTerm.objects.pathways().filter(code__in=codes))

    gate = service("Gate to Home mentoring")
    steps = service("Steady Steps mental health mentoring")
    new_leaf = service("New Leaf women's mentoring")
    ail_gyfle = service("Ail Gyfle peer mentoring")
    return [
        _person(
            1,
            "Liam Byrne",
            date(1994, 5, 2),
            gate,
            area("Sefton"),
            needs("accommodation", "finance-benefit-debt"),
            2,
            **_in_prison("HMP Liverpool", "A1234BC", 20),
        ),
        _person(
            2,
            "Kieran Doyle",
            date(1988, 11, 19),
            gate,
            area("Liverpool"),
            needs("accommodation", "drugs-alcohol"),
            8,
            **_in_prison("HMP/YOI Altcourse", "A4821DK", 45),
            **_worker("Pat Quinn", "pat.quinn@justice.example", "HMP/YOI Altcourse OMU"),
        ),
        # The same man asked again through his key worker: a likely duplicate.
        _person(
            3,
            "Liam Byrne",
            date(1994, 5, 2),
            gate,
            area("Sefton"),
            needs("accommodation"),
            1,
            **_in_prison("HMP Liverpool", "A1234BC", 20),
            **_worker("Jo Ward", "jo.ward@justice.example", "HMP Liverpool resettlement"),
        ),
        _person(
            4,
            "Mark Hughes",
            date(1979, 2, 14),
            gate,
            area("Wirral"),
            needs("accommodation", "education-training-employment"),
            30,
        ),
        _person(
            5,
            "Paul Riley",
            date(1990, 7, 7),
            gate,
            area("City of Bristol"),
            needs("health"),
            12,
            contact_methods=["email"],
            email="paul.riley@example.com",
            phone="",
        ),
        # Released to Newcastle: Mersey passes him to the Tyneside service.
        _person(
            6,
            "Daniel Shaw",
            date(1985, 3, 30),
            gate,
            area("Newcastle upon Tyne"),
            needs("health", "drugs-alcohol"),
            6,
            **_in_prison("HMP Liverpool", "A7712FH", 14),
        ),
        _person(
            7,
            "Gary Pearson",
            date(1982, 9, 1),
            steps,
            area("Gateshead"),
            needs("health", "attitudes-thinking-behaviour"),
            40,
            **_in_prison("HMP/YOI Durham", "A3390GT", 60),
        ),
        _person(
            8,
            "Chloe Adams",
            date(1997, 1, 23),
            new_leaf,
            area("City of Bristol"),
            needs("accommodation", "children-families"),
            3,
            mentor_gender="woman",
            **_in_prison("HMP/YOI Eastwood Park", "A5521HW", 35),
        ),
        _person(
            10,
            "Jordan Reid",
            date(1999, 4, 8),
            gate,
            area("Liverpool"),
            needs("education-training-employment", "accommodation"),
            9,
            **_in_prison("HMP/YOI Altcourse", "A6604JR", 12),
        ),
        _person(
            9,
            "Dafydd Hughes",
            date(1991, 6, 12),
            ail_gyfle,
            area("Cardiff"),
            needs("education-training-employment"),
            4,
            language="cy",
        ),
        # No listed service could take her: her request waits in the general inbox, where
        # Merseyside's providers can take it.
        _to_services_nearby(
            _person(
                11,
                "Leah Morgan",
                date(1994, 10, 2),
                None,
                area("Liverpool"),
                needs("children-families"),
                2,
            )
        ),
    ]


def seed_referrals(*, staff: dict) -> None:
    """staff: organisation key -> a coordinator who makes the demo's decisions."""
    made = {}
    for person in demo_people():
        service = person["service"]
        # As the journey would have asked them: the demo people fit the service they ask.
        gender = service.gender if service else None
        said = {"gender": {"men": "man", "women": "woman"}.get(gender), "offences": []}
        answers = {**said, **person["answers"], "fixed_service": service}
        referral = referrals.referral_submit(answers=answers, submission_key=person["key"])
        if referral.history.count() == 1 and person["days_ago"]:
            sent = timezone.now() - timedelta(days=person["days_ago"])
            Referral.objects.filter(pk=referral.pk).update(created_at=sent)
            referral.history.update(changed_at=sent)
        made[referral.submission_key] = referral

    def decide(n, action, coordinator, **kwargs):
        referral = made[uuid.uuid5(DEMO_NAMESPACE, f"referral-{n}")]
        referral.refresh_from_db()
        if referral.is_open:
            return action(actor=coordinator, referral=referral, **kwargs)
        return None

    mersey, tyneside = staff["mersey"], staff["tyneside"]
    looked_at = made[_key(2)]
    looked_at.refresh_from_db()
    if looked_at.status == ReferralStatus.RECEIVED:  # Seeding again opens it no second time.
        referrals.referral_view(actor=mersey, referral=looked_at)
    decide(
        5,
        referrals.referral_decline,
        mersey,
        reason="outside_area",
        note="We only work on Merseyside. Severn New Leaf works in Bristol.",
    )
    decide(
        6,
        referrals.referral_pass_on,
        mersey,
        service=Service.objects.get(name="Steady Steps mental health mentoring"),
        consent="Agreed on the phone with his key worker on Monday",
    )
    mark = decide(4, referrals.referral_accept, mersey)
    gary = decide(7, referrals.referral_accept, tyneside)
    decide(10, referrals.referral_accept, mersey)  # accepted, waiting for a mentor
    if mark:
        _build_case(mark, mersey, None)
    if gary:
        _build_case(gary, tyneside, MenteeStatus.ENGAGED_IN_CUSTODY)


def _key(n):
    return uuid.uuid5(DEMO_NAMESPACE, f"referral-{n}")


def _build_case(mentee: Mentee, coordinator, status: str | None) -> None:
    today = timezone.localdate()
    if status is not None:
        cases.mentee_set_status(
            actor=coordinator,
            mentee=mentee,
            status=status,
            note="Met at induction; keen to have a mentor.",
        )
    levels = {"accommodation": "high", "health": "medium", "drugs-alcohol": "low"}
    cases.assessment_record(
        actor=coordinator,
        mentee=mentee,
        kind="initial",
        assessed_on=today - timedelta(days=14),
        ratings=[(term, levels.get(term.code, "none"), "") for term in pathways_for(mentee)[0]],
    )
    for code, goal in (
        ("accommodation", "Move from the hostel into a flat of his own"),
        ("education-training-employment", "Start the CSCS card course"),
    ):
        cases.goal_save(
            actor=coordinator,
            mentee=mentee,
            pathway=TaxonomyTerm.objects.pathways().get(code=code),
            description=goal,
            target_date=today + timedelta(days=90),
            status="in_progress",
        )
    cases.note_add(
        actor=coordinator,
        mentee=mentee,
        text="Met at the probation office. Keen to work; worried about rent arrears from before.",
    )
