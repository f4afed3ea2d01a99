"""What reports are measured against: named national comparators, each organisation's
assumptions, and the region each commissioner works in."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from providers.models import Organisation

from ..constants import (
    DEFAULT_HOURLY_EARNINGS,
    DEFAULT_HOURLY_EARNINGS_SOURCE,
    HOURLY_EARNINGS_MAX,
    HOURLY_EARNINGS_MIN,
    HOURLY_EARNINGS_PLACES,
)
from ..stats import DEFAULT_COST_PER_CRIME


class ComparatorQuerySet(models.QuerySet):
    def default(self):
        return self.filter(is_default=True).order_by("pk").first() or self.order_by("pk").first()


class Comparator(models.Model):
    """A published reoffending rate to set a cohort's rate beside. It is a national rate for a
    population, not a comparison group matched to the cohort, and reports say so."""

    name = models.CharField(max_length=150, unique=True)
    rate = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text="As a fraction: 0.6 for 60%.",
    )
    population = models.CharField(max_length=300, help_text="Who the rate is about.")
    source = models.CharField(max_length=300)
    period = models.CharField(
        max_length=50, blank=True, help_text="The cohort's year, e.g. 2014/15."
    )
    published = models.CharField(max_length=50, blank=True, help_text="e.g. April 2017.")
    cohort_size = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The comparator's own cohort size, if published: the interval of the "
        "difference then allows for its uncertainty too.",
    )
    is_default = models.BooleanField(default=False)

    objects = ComparatorQuerySet.as_manager()

    class Meta:
        ordering = ["-is_default", "name"]

    def __str__(self):
        return self.name

    @property
    def date_label(self) -> str:
        published = f"published {self.published}" if self.published else ""
        return ", ".join(part for part in (self.period, published) if part)


class OutcomeSettings(models.Model):
    """An organisation's assumptions for its reports (each is stated beside its figure)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="outcome_settings"
    )
    comparator = models.ForeignKey(
        Comparator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cost_per_crime = models.PositiveIntegerField(
        "cost of a crime (£)", default=DEFAULT_COST_PER_CRIME
    )
    hourly_earnings = models.DecimalField(
        "value of a volunteer hour (£)",
        max_digits=HOURLY_EARNINGS_PLACES + 4,
        decimal_places=HOURLY_EARNINGS_PLACES,
        default=Decimal(DEFAULT_HOURLY_EARNINGS),
        validators=[
            MinValueValidator(Decimal(HOURLY_EARNINGS_MIN)),
            MaxValueValidator(Decimal(HOURLY_EARNINGS_MAX)),
        ],
    )
    hourly_earnings_source = models.CharField(
        max_length=300, default=DEFAULT_HOURLY_EARNINGS_SOURCE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "outcome settings"

    def __str__(self):
        return f"Outcome settings of {self.organisation}"
