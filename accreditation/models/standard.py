"""The Approved Provider Standard as data: versions, their areas and requirements.

A published version never changes, because awards say which version they were assessed
against. To change the standard, a platform admin copies the current version as a draft, edits
it and publishes it; applications started after that use the new version.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ..constants import StandardStatus
from ..querysets import StandardQuerySet


class Standard(models.Model):
    version = models.CharField(
        max_length=20, unique=True, help_text="For example 2026 or 2026.1. Shown on certificates."
    )
    title = models.CharField(max_length=150, default="Approved Provider Standard")
    introduction = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=StandardStatus.choices, default=StandardStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = StandardQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]

    def __str__(self):
        return f"{self.title}, version {self.version}"

    @property
    def is_published(self) -> bool:
        return self.status == StandardStatus.PUBLISHED


class Area(models.Model):
    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="areas")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["standard", "position"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "position"], name="one_area_per_position")
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Requirement(models.Model):
    """One thing an organisation must show. `code` stays the same from version to version, so
    what refers to a requirement (the generated evidence summaries) survives a new version."""

    standard = models.ForeignKey(Standard, on_delete=models.CASCADE, related_name="requirements")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="requirements")
    position = models.PositiveSmallIntegerField(help_text="Its place within its area.")
    code = models.SlugField(max_length=40)
    title = models.CharField(max_length=200)
    description = models.TextField("what we look for")
    guidance = models.TextField("evidence that could show it", blank=True)

    class Meta:
        ordering = ["area__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="unique_requirement_code"),
            models.UniqueConstraint(fields=["area", "position"], name="one_requirement_per_place"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def clean(self):
        if self.area_id:
            self.standard_id = self.area.standard_id
            clash = Requirement.objects.filter(standard_id=self.standard_id, code=self.code)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError({"code": "Another requirement of this version has this code"})

    @property
    def number(self) -> str:
        return f"{self.area.position}.{self.position}"
