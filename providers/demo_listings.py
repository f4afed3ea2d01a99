"""Fictional directory listings for the demo: a spread of pathways, areas, prisons, statuses."""

from datetime import timedelta

from django.utils import timezone

from . import services
from .constants import GenderEligibility, ServiceStatus
from .models import LocalAuthority, Location, Organisation, Prison, Region, Service, TaxonomyTerm

# organisation key -> listings. Areas are council names, "region:<name>" or "national".
LISTINGS = {
    "mersey": [
        {
            "name": "Gate to Home mentoring",
            "summary": "A mentor meets you in HMP Liverpool or HMP Altcourse, at the gate on "
            "release day and every week for a year after.",
            "description": "Our volunteer mentors, most of whom have served time themselves, "
            "start meeting you up to three months before release. On the day you leave they "
            "meet you at the gate, go with you to probation and your housing appointment, and "
            "keep meeting you every week for up to twelve months.\n\nWe help with somewhere "
            "to live, a bank account, benefits, getting a GP and staying away from old "
            "friends who could pull you back.",
            "pathways": ["accommodation", "finance-benefit-debt", "attitudes-thinking-behaviour"],
            "areas": ["Liverpool", "Sefton", "Knowsley", "Wirral", "St. Helens"],
            "prisons": ["HMP Liverpool", "HMP/YOI Altcourse"],
            "in_custody": True,
            "through_the_gate": True,
            "in_community": True,
            "gender": GenderEligibility.MEN,
            "minimum_age": 18,
            "eligibility": "Men aged 18 or over returning to Merseyside.",
            "excluded_offences": ["sexual", "arson"],
            "volunteer_mentors": True,
            "lived_experience_mentors": True,
            "languages": ["en", "pl"],
            "self_referral": True,
            "probation_referral": True,
            "prison_staff_referral": True,
            "how_to_refer": "Put in an application to the resettlement team asking for Gate to "
            "Home, or ask your probation practitioner to email us.",
            "typical_wait_weeks": 3,
            "phone": "0151 496 0001",
            "email": "gate@mersey-gate.example.org",
            "location": ("Mersey Through the Gate hub", "12 Dale Street", "Liverpool", "L2 2HB"),
        },
        {
            "name": "Working Futures peer coaching",
            "summary": "Peer coaches with lived experience help you into training, "
            "volunteering and paid work after release.",
            "description": "Weekly one-to-one coaching for up to nine months: CVs, disclosing "
            "a conviction to employers, applying for jobs and keeping one.",
            "pathways": ["education-training-employment"],
            "areas": ["region:North West"],
            "in_community": True,
            "lived_experience_mentors": True,
            "paid_mentors": True,
            "self_referral": True,
            "probation_referral": True,
            "typical_wait_weeks": 6,
            "email": "work@mersey-gate.example.org",
        },
    ],
    "tyneside": [
        {
            "name": "Steady Steps mental health mentoring",
            "summary": "Mentoring for men with anxiety, depression or other mental health "
            "needs, from three months before release.",
            "description": "A trained mentor from a local mental health charity visits you in "
            "prison, helps you register with a GP and a community mental health team, and "
            "keeps meeting you for a year.",
            "pathways": ["health", "drugs-alcohol"],
            "areas": ["Newcastle upon Tyne", "Gateshead", "North Tyneside", "South Tyneside"],
            "prisons": ["HMP/YOI Durham", "HMP/YOI Holme House"],
            "in_custody": True,
            "through_the_gate": True,
            "in_community": True,
            "gender": GenderEligibility.MEN,
            "minimum_age": 21,
            "volunteer_mentors": True,
            "self_referral": True,
            "prison_staff_referral": True,
            "accepting_referrals": False,
            "how_to_refer": "Ask the mental health in-reach team to refer you.",
            "email": "steps@tyneside-mentoring.example.org",
        },
        {
            "name": "Family Ties",
            "summary": "Support to rebuild contact with your children and family during and "
            "after a sentence.",
            "description": "Volunteers help you write to your children, prepare for family "
            "visits and, after release, work with children's services.",
            "pathways": ["children-families"],
            "areas": ["region:North East"],
            "in_custody": True,
            "in_community": True,
            "volunteer_mentors": True,
            "probation_referral": True,
            "prison_staff_referral": True,
            "typical_wait_weeks": 4,
            "reviewed_days_ago": 240,
        },
    ],
    "severn": [
        {
            "name": "New Leaf women's mentoring",
            "summary": "Women mentors for women on licence in Bristol and Gloucestershire: "
            "housing, benefits, children and staying safe.",
            "description": "Every woman is matched with a woman mentor who meets her weekly "
            "for at least six months. We work closely with women's centres and specialist "
            "domestic abuse services.",
            "pathways": [
                "accommodation",
                "children-families",
                "women-abuse-survivors",
                "finance-benefit-debt",
            ],
            "areas": ["City of Bristol", "South Gloucestershire", "Gloucester"],
            "prisons": ["HMP/YOI Eastwood Park"],
            "through_the_gate": True,
            "in_community": True,
            "gender": GenderEligibility.WOMEN,
            "minimum_age": 18,
            "volunteer_mentors": True,
            "lived_experience_mentors": True,
            "self_referral": True,
            "probation_referral": True,
            "prison_staff_referral": True,
            "typical_wait_weeks": 2,
            "phone": "0117 496 0001",
            "location": ("New Leaf women's centre", "4 Old Market Street", "Bristol", "BS2 0EZ"),
        },
        {
            "name": "Money Matters mentoring",
            "summary": "Help with benefit claims, debt and budgeting in your first months "
            "out of prison.",
            "description": "A mentor helps you claim Universal Credit, deal with fines and "
            "debts, and set up a budget you can keep to.",
            "pathways": ["finance-benefit-debt"],
            "areas": ["City of Bristol"],
            "in_community": True,
            "volunteer_mentors": True,
            "self_referral": True,
            "status": ServiceStatus.DRAFT,
        },
    ],
    "cardiff": [
        {
            "name": "Ail Gyfle peer mentoring",
            "summary": "Bilingual peer mentors meet you in HMP Cardiff or HMP Parc and support "
            "you after release in South Wales.",
            "description": "Ail Gyfle means second chance. Our peer mentors have been through "
            "the system themselves and work in Welsh or English.",
            # Given in Welsh too (the description is left to show the English-only note).
            "name_cy": "Mentora cymheiriaid Ail Gyfle",
            "summary_cy": "Mae mentoriaid cymheiriaid dwyieithog yn cwrdd â chi yng Ngharchar "
            "Caerdydd neu Garchar y Parc, ac yn eich cefnogi ar ôl i chi adael, yn y De.",
            "how_to_refer_cy": "Gofynnwch i'r tîm adsefydlu neu e-bostiwch ni. Rydyn ni'n ateb "
            "yn Gymraeg neu'n Saesneg.",
            "pathways": ["accommodation", "education-training-employment", "drugs-alcohol"],
            "areas": ["Cardiff", "Bridgend", "The Vale of Glamorgan"],
            "prisons": ["HMP/YOI Cardiff", "HMP/YOI Parc"],
            "in_custody": True,
            "through_the_gate": True,
            "in_community": True,
            "lived_experience_mentors": True,
            "volunteer_mentors": True,
            "languages": ["en", "cy"],
            "self_referral": True,
            "probation_referral": True,
            "prison_staff_referral": True,
            "typical_wait_weeks": 2,
            "email": "croeso@cardiff-secondchance.example.org",
        },
        {
            "name": "Young adults mentoring (paused)",
            "summary": "Mentoring for 18 to 25 year olds leaving custody.",
            "description": "Paused while we recruit new mentors.",
            "pathways": ["education-training-employment"],
            "areas": ["Cardiff"],
            "in_community": True,
            "minimum_age": 18,
            "maximum_age": 25,
            "volunteer_mentors": True,
            "self_referral": True,
            "status": ServiceStatus.PAUSED,
        },
    ],
}

NATIONAL_LISTING = {
    "name": "Next Chapter telephone mentoring",
    "summary": "Weekly telephone mentoring for anyone on licence in England and Wales.",
    "description": "If there is no mentoring near you, a trained volunteer can call you every "
    "week for six months.",
    "pathways": ["attitudes-thinking-behaviour", "health"],
    "areas": ["national"],
    "in_community": True,
    "volunteer_mentors": True,
    "self_referral": True,
    "probation_referral": True,
    "typical_wait_weeks": 1,
}
LISTINGS["severn"].append(NATIONAL_LISTING)


def _area_fields(areas: list[str]) -> dict:
    fields = {"national": False, "regions": [], "local_authorities": []}
    for area in areas:
        if area == "national":
            fields["national"] = True
        elif area.startswith("region:"):
            fields["regions"].append(Region.objects.get(name=area.removeprefix("region:")))
        else:
            fields["local_authorities"].append(LocalAuthority.objects.get(name=area))
    return fields


def seed_listings(*, actor, organisations: dict[str, Organisation]) -> None:
    """Create the demo listings that do not exist yet, through the audited services."""
    for key, listings in LISTINGS.items():
        organisation = organisations[key]
        for spec in listings:
            if Service.objects.filter(organisation=organisation, name=spec["name"]).exists():
                continue
            spec = dict(spec)
            status = spec.pop("status", ServiceStatus.PUBLISHED)
            reviewed_days_ago = spec.pop("reviewed_days_ago", 0)
            location = spec.pop("location", None)
            areas = _area_fields(spec.pop("areas"))
            pathway_codes = spec.pop("pathways")
            prison_names = spec.pop("prisons", [])
            fields = {
                **spec,
                **areas,
                "pathways": list(TaxonomyTerm.objects.pathways().filter(code__in=pathway_codes)),
                "prisons": list(Prison.objects.filter(name__in=prison_names)),
            }
            service = services.service_create(actor=actor, organisation=organisation, **fields)
            if location:
                _add_location(service, *location)
            if status != ServiceStatus.DRAFT:
                services.service_set_status(
                    actor=actor, service=service, status=ServiceStatus.PUBLISHED
                )
            if status == ServiceStatus.PAUSED:
                services.service_set_status(actor=actor, service=service, status=status)
            if reviewed_days_ago:
                Service.objects.filter(pk=service.pk).update(
                    last_reviewed_at=timezone.localdate() - timedelta(days=reviewed_days_ago)
                )


def _add_location(service: Service, name: str, address_1: str, city: str, postcode: str):
    council = service.local_authorities.first()
    location, _ = Location.objects.get_or_create(
        organisation=service.organisation,
        name=name,
        defaults={
            "address_1": address_1,
            "city": city,
            "postcode": postcode,
            "local_authority": council,
            # The council's centroid: close enough for distance searches in the demo.
            "latitude": council.latitude if council else None,
            "longitude": council.longitude if council else None,
        },
    )
    location.services.add(service)
