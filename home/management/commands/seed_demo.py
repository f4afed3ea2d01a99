"""Realistic, fictional demo data for every role. Safe to run again: it changes nothing twice."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max

from accounts.constants import PlatformRole
from accounts.demo import DEMO_EMAIL_DOMAIN, DEMO_TOTP_SECRET, enrol_demo_mfa
from accounts.models import User
from accreditation.demo import seed_accreditation
from core.models import OutboxMessage, OutboxStatus
from matching.demo import seed_matching
from mentees.demo_referrals import seed_referrals
from outcomes.demo import seed_outcomes
from providers import services
from providers.constants import MembershipRole, OrganisationStatus
from providers.demo_listings import seed_listings
from providers.models import Membership, Organisation, Region
from providers.reference_data import load_reference_data
from volunteers.demo import seed_volunteering

DEMO_PASSWORD = "mentoring-demo-2026"

ORGANISATIONS = [
    {
        "name": "Mersey Through the Gate",
        "region": "North West",
        "status": OrganisationStatus.ACTIVE,
        "description": "Volunteer mentors, many with lived experience, who meet men at HMP "
        "Liverpool and HMP Altcourse before release and at the gate on release day.",
        "charity_number": "1100001",
        "website": "https://mersey-gate.example.org",
        "email": "hello@mersey-gate.example.org",
        "phone": "0151 496 0000",
        "address_1": "12 Dale Street",
        "city": "Liverpool",
        "postcode": "L2 2HB",
        "key": "mersey",
    },
    {
        "name": "Tyneside Mind Prison Mentoring",
        "region": "North East",
        "status": OrganisationStatus.ACTIVE,
        "description": "Mentoring for men with mental-health needs leaving prisons in the "
        "North East, run by a local mental-health charity.",
        "charity_number": "1100002",
        "website": "https://tyneside-mentoring.example.org",
        "email": "mentoring@tyneside-mentoring.example.org",
        "phone": "0191 498 0000",
        "key": "tyneside",
    },
    {
        "name": "Severn New Leaf",
        "region": "South West",
        "status": OrganisationStatus.ACTIVE,
        "description": "Community mentoring for women and men on licence in Bristol and "
        "Gloucestershire, with a focus on housing and work.",
        "charity_number": "1100003",
        "website": "https://severn-newleaf.example.org",
        "email": "team@severn-newleaf.example.org",
        "phone": "0117 496 0000",
        "key": "severn",
    },
    {
        "name": "Cardiff Bay Second Chance",
        "region": "Wales",
        "status": OrganisationStatus.ACTIVE,
        "description": "Bilingual peer mentoring for people leaving HMP Cardiff and HMP Parc.",
        "charity_number": "1100004",
        "website": "https://cardiff-secondchance.example.org",
        "email": "croeso@cardiff-secondchance.example.org",
        "phone": "029 2018 0000",
        "key": "cardiff",
    },
    {
        "name": "Thames Valley Fresh Start",
        "region": "South East",
        "status": OrganisationStatus.PENDING,
        "description": "A new project awaiting approval.",
        "charity_number": "1100005",
        "key": "thames",
    },
]

# (email local part, full name, organisation key, role)
MEMBERS = [
    ("admin.mersey", "Aisha Rahman", "mersey", MembershipRole.ORG_ADMIN),
    ("coordinator.mersey", "Dan Kelly", "mersey", MembershipRole.COORDINATOR),
    ("mentor.mersey", "Tony Walsh", "mersey", MembershipRole.MENTOR),
    ("mentor2.mersey", "Sue Parry", "mersey", MembershipRole.MENTOR),
    ("admin.tyneside", "Graham Lowe", "tyneside", MembershipRole.ORG_ADMIN),
    ("coordinator.tyneside", "Priya Shah", "tyneside", MembershipRole.COORDINATOR),
    ("mentor.tyneside", "Lee Armstrong", "tyneside", MembershipRole.MENTOR),
    ("admin.severn", "Hannah Price", "severn", MembershipRole.ORG_ADMIN),
    ("coordinator.severn", "Marcus Bell", "severn", MembershipRole.COORDINATOR),
    ("mentor.severn", "Jo Fielding", "severn", MembershipRole.MENTOR),
    ("admin.cardiff", "Rhys Evans", "cardiff", MembershipRole.ORG_ADMIN),
    ("coordinator.cardiff", "Catrin Morgan", "cardiff", MembershipRole.COORDINATOR),
    ("mentor.cardiff", "Owain Jones", "cardiff", MembershipRole.MENTOR),
    ("admin.thames", "Sam Okafor", "thames", MembershipRole.ORG_ADMIN),
    # A coordinator who works for two charities, to show switching organisation.
    ("coordinator.shared", "Nia Roberts", "mersey", MembershipRole.COORDINATOR),
    ("coordinator.shared", "Nia Roberts", "cardiff", MembershipRole.COORDINATOR),
]

PLATFORM_USERS = [
    ("platform.admin", "Ruth Adeyemi", PlatformRole.PLATFORM_ADMIN),
    ("commissioner", "Ian Forsyth", PlatformRole.COMMISSIONER),
    ("assessor", "Beth Carter", PlatformRole.ASSESSOR),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


class Command(BaseCommand):
    help = "Load reference data and fictional demo organisations, staff and mentors."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (never on a live service).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("seed_demo only runs with DEBUG on. Use --force for a test copy.")
        load_reference_data()
        with transaction.atomic():
            before = OutboxMessage.objects.aggregate(last=Max("id"))["last"] or 0
            logins = self.seed()
            # The demo sends no email: what its made-up people were told is not sent to them.
            OutboxMessage.objects.filter(id__gt=before, status=OutboxStatus.PENDING).delete()
        self.print_logins(logins)

    def user(self, local_part: str, full_name: str, **extra) -> User:
        email = demo_email(local_part)
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": full_name, **extra}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def seed(self) -> list[tuple[str, str]]:
        platform_admin = None
        logins: list[tuple[str, str]] = []
        for local_part, name, role in PLATFORM_USERS:
            is_admin = role == PlatformRole.PLATFORM_ADMIN
            user = self.user(
                local_part,
                name,
                platform_role=role,
                is_staff=is_admin,
                is_superuser=is_admin,
            )
            enrol_demo_mfa(user)
            platform_admin = platform_admin or user
            logins.append((user.email, PlatformRole(role).label))

        organisations: dict[str, Organisation] = {}
        for spec in ORGANISATIONS:
            spec = dict(spec)
            key = spec.pop("key")
            region = Region.objects.get(name=spec.pop("region"))
            organisation = Organisation.objects.filter(name=spec["name"]).first()
            if organisation is None:
                organisation = services.organisation_create(
                    actor=platform_admin, region=region, **spec
                )
            organisations[key] = organisation

        for local_part, name, org_key, role in MEMBERS:
            user = self.user(local_part, name)
            organisation = organisations[org_key]
            if not Membership.objects.active().filter(user=user, organisation=organisation):
                services.membership_create(
                    actor=platform_admin, organisation=organisation, user=user, role=role
                )
            enrol_demo_mfa(user)  # staff and mentors alike must use two-factor authentication
            label = f"{MembershipRole(role).label}, {organisation}"
            if (user.email, label) not in logins:
                logins.append((user.email, label))

        seed_listings(actor=platform_admin, organisations=organisations)
        coordinators = {
            key: User.objects.get(email=demo_email(f"coordinator.{key}"))
            for key in ("mersey", "tyneside")
        }
        seed_referrals(staff=coordinators)
        logins += seed_volunteering(
            actor=platform_admin, organisations=organisations, make_user=self.user
        )
        # Mentors who came through the volunteering journey need two-factor authentication too.
        for user in User.objects.filter(memberships__isnull=False).distinct():
            enrol_demo_mfa(user)
        seed_matching(staff=coordinators)
        seed_accreditation(
            organisations=organisations,
            admins={
                key: User.objects.get(email=demo_email(f"admin.{key}"))
                for key in ("mersey", "tyneside", "severn", "cardiff")
            },
            assessor=User.objects.get(email=demo_email("assessor")),
        )
        seed_outcomes(
            organisations=organisations,
            staff={
                key: User.objects.get(email=demo_email(f"admin.{key}"))
                for key in ("mersey", "tyneside")
            },
            commissioner_email=demo_email("commissioner"),
        )
        return logins

    def print_logins(self, logins: list[tuple[str, str]]) -> None:
        self.stdout.write(self.style.SUCCESS("\nDemo data is ready. Sign in at /accounts/login/"))
        self.stdout.write(f"Every demo account's password: {DEMO_PASSWORD}\n")
        width = max(len(email) for email, _ in logins)
        for email, label in logins:
            self.stdout.write(f"  {email.ljust(width)}  {label}")
        self.stdout.write(
            "\nStaff and mentor accounts use two-factor authentication. In the demo (DEBUG on) "
            "the code "
            "000000 is accepted;\nor add this secret to an authenticator app: "
            f"{DEMO_TOTP_SECRET}\n(`python manage.py demo_mfa_code` prints the current code)."
        )
