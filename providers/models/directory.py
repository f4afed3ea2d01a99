"""The public directory, shaped after Open Referral UK (HSDS 3.0): taxonomies, services, where
they are delivered and whom they serve. Identifiers are UUIDs because the API publishes them."""

import uuid
from datetime import timedelta

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ..constants import (
    REVIEW_DUE_AFTER_DAYS,
    DeliverySetting,
    ExcludedOffence,
    GenderEligibility,
    Language,
    MentorType,
    ReferralRoute,
    ServiceStatus,
)
from ..querysets import LocationQuerySet, ServiceQuerySet, TaxonomyTermQuerySet
from .reference import LocalAuthority, Prison, Region
from .tenancy import Organisation
from .welsh_text import ServiceText


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.SlugField(max_length=60, help_text="Used in search URLs, e.g. accommodation.")
    name = models.CharField(max_length=200)
    description = models.TextField()
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"], name="unique_term_code_per_taxonomy"
            )
        ]

    def __str__(self):
        return self.name


class Service(models.Model):
    """A mentoring service an organisation offers; public once published."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences shown in search results."
    )
    description = models.TextField()
    # Optional Welsh versions of what the provider writes, shown on Welsh pages (ServiceText).
    name_cy = models.CharField("service name in Welsh", max_length=200, blank=True)
    summary_cy = models.CharField("summary in Welsh", max_length=300, blank=True)
    description_cy = models.TextField("description in Welsh", blank=True)
    how_to_refer_cy = models.TextField("how to ask for a mentor, in Welsh", blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.DRAFT, db_index=True
    )
    # Edits to a published service wait here until published again: the listing form's values,
    # related rows as lists of ids (providers.services.listings.service_save_draft).
    draft_changes = models.JSONField(null=True, blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)

    # Where and how it is delivered.
    in_custody = models.BooleanField(DeliverySetting.IN_CUSTODY.label, default=False)
    through_the_gate = models.BooleanField(DeliverySetting.THROUGH_THE_GATE.label, default=False)
    in_community = models.BooleanField(DeliverySetting.IN_COMMUNITY.label, default=False)
    pathways = models.ManyToManyField(TaxonomyTerm, related_name="services", blank=True)

    # Whom it serves.
    gender = models.CharField(
        "who can use it",
        max_length=10,
        choices=GenderEligibility.choices,
        default=GenderEligibility.ANYONE,
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    eligibility = models.TextField("who it is for", blank=True)
    excluded_offences = models.JSONField(default=list, blank=True)

    # Where it works.
    national = models.BooleanField("covers all of England and Wales", default=False)
    regions = models.ManyToManyField(Region, related_name="services", blank=True)
    local_authorities = models.ManyToManyField(LocalAuthority, related_name="services", blank=True)
    prisons = models.ManyToManyField(Prison, related_name="services", blank=True)

    # Mentors.
    volunteer_mentors = models.BooleanField(MentorType.VOLUNTEER.label, default=False)
    lived_experience_mentors = models.BooleanField(MentorType.LIVED_EXPERIENCE.label, default=False)
    paid_mentors = models.BooleanField(MentorType.PAID.label, default=False)
    languages = models.JSONField(default=list, blank=True)

    # Cost, referral and capacity.
    is_free = models.BooleanField("free to the person mentored", default=True)
    cost_description = models.CharField(max_length=300, blank=True)
    self_referral = models.BooleanField(ReferralRoute.SELF.label, default=False)
    probation_referral = models.BooleanField(ReferralRoute.PROBATION.label, default=False)
    prison_staff_referral = models.BooleanField(ReferralRoute.PRISON_STAFF.label, default=False)
    how_to_refer = models.TextField("how to ask for a mentor", blank=True)
    accepting_referrals = models.BooleanField(default=True)
    typical_wait_weeks = models.PositiveSmallIntegerField(null=True, blank=True)

    # Contact.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    url = models.URLField("website", blank=True)

    last_reviewed_at = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)

    # Denormalised text searched by trigram similarity, and its weighted tsvector (Postgres only);
    # both are rebuilt by providers.search.refresh_search_index after every change.
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name", "id"], name="service_name_order")]

    def __str__(self):
        return self.name

    def clean(self):
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValidationError(
                {"maximum_age": "Maximum age must be the same as or more than the minimum age."}
            )

    @property
    def text(self) -> ServiceText:
        """What the provider wrote, in the active language (Welsh when they gave it)."""
        return ServiceText(self)

    @property
    def is_published(self) -> bool:
        return self.status == ServiceStatus.PUBLISHED

    @property
    def is_paused(self) -> bool:
        return self.status == ServiceStatus.PAUSED

    @property
    def review_due(self) -> bool:
        return self.last_reviewed_at <= timezone.localdate() - timedelta(days=REVIEW_DUE_AFTER_DAYS)

    @property
    def settings_display(self) -> list[str]:
        return [str(choice.label) for choice in DeliverySetting if getattr(self, choice.value)]

    @property
    def languages_display(self) -> list[str]:
        names = dict(Language.choices)
        return [str(names.get(code, code)) for code in self.languages]

    @property
    def excluded_offences_display(self) -> list[str]:
        names = dict(ExcludedOffence.choices)
        return [str(names.get(code, code)) for code in self.excluded_offences]

    @property
    def mentor_types_display(self) -> list[str]:
        fields = {
            MentorType.VOLUNTEER: self.volunteer_mentors,
            MentorType.LIVED_EXPERIENCE: self.lived_experience_mentors,
            MentorType.PAID: self.paid_mentors,
        }
        return [str(choice.label) for choice, offered in fields.items() if offered]

    @property
    def referral_routes_display(self) -> list[str]:
        fields = {
            ReferralRoute.SELF: self.self_referral,
            ReferralRoute.PROBATION: self.probation_referral,
            ReferralRoute.PRISON_STAFF: self.prison_staff_referral,
        }
        return [str(choice.label) for choice, offered in fields.items() if offered]


class Location(models.Model):
    """A place where a service meets people, with coordinates for proximity search."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="locations"
    )
    name = models.CharField(max_length=200)
    address_1 = models.CharField("address line 1", max_length=200)
    city = models.CharField("town or city", max_length=100)
    postcode = models.CharField(max_length=10)
    local_authority = models.ForeignKey(
        LocalAuthority, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    latitude = models.DecimalField(max_digits=12, decimal_places=9, null=True, blank=True)
    longitude = models.DecimalField(max_digits=12, decimal_places=9, null=True, blank=True)
    services = models.ManyToManyField(
        Service, through="ServiceAtLocation", related_name="locations", blank=True
    )

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.city}"


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="unique_service_location")
        ]

    def __str__(self):
        return f"{self.service} at {self.location}"


class SearchWord(models.Model):
    """Every word in the published listings, for correcting misspelt searches (Postgres)."""

    word = models.CharField(max_length=60, primary_key=True)

    def __str__(self):
        return self.word
