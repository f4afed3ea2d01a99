"""Likely duplicates: the same person asking twice, or asking again once already a mentee.

Within one organisation only, matching the same prison number, or the same name (ignoring case;
names are stored with single spaces) and date of birth."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from .models import Mentee, Referral


def _same_person(queryset: QuerySet) -> QuerySet:
    return queryset.filter(organisation=OuterRef("organisation")).filter(
        (Q(prison_number=OuterRef("prison_number")) & ~Q(prison_number=""))
        | (Q(date_of_birth=OuterRef("date_of_birth")) & Q(name_key=Lower(OuterRef("full_name"))))
    )


def with_duplicate_flag(referrals: QuerySet) -> QuerySet:
    """Annotate `has_duplicate`: another referral or a mentee of the same organisation looks
    like the same person."""
    others = _same_person(
        Referral.objects.annotate(name_key=Lower("full_name")).exclude(pk=OuterRef("pk"))
    )
    mentees = _same_person(Mentee.objects.annotate(name_key=Lower("full_name")))
    return referrals.annotate(has_duplicate=Exists(others) | Exists(mentees))


def duplicates_of(referral: Referral) -> tuple[list[Referral], list[Mentee]]:
    def matching(queryset):
        same = Q(date_of_birth=referral.date_of_birth, full_name__iexact=referral.full_name)
        if referral.prison_number:
            same |= Q(prison_number=referral.prison_number)
        return queryset.filter(organisation=referral.organisation).filter(same)

    referrals = matching(Referral.objects.exclude(pk=referral.pk).filter(erased_at__isnull=True))
    mentees = matching(Mentee.objects.filter(erased_at__isnull=True))
    return (
        list(referrals.select_related("prison", "local_authority").order_by("created_at")),
        list(mentees.select_related("prison", "local_authority").order_by("created_at")),
    )
