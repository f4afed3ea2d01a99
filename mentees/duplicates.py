"""Likely duplicates: the same person asking twice, or asking again once already a mentee.

Within one organisation only, matching the same prison number, or the same name (ignoring case;
names are stored with single spaces) and date of birth. A referral's own case record (the one
opened by accepting it) is not a duplicate of it."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from .models import Mentee, Referral


def _same_person(
    queryset: QuerySet, *, organisation, prison_number, date_of_birth, name
) -> QuerySet:
    """Rows of `queryset` that look like this person; the values may be OuterRefs."""
    return (
        queryset.annotate(name_key=Lower("full_name"))
        .filter(organisation=organisation)
        .filter(
            (Q(prison_number=prison_number) & ~Q(prison_number=""))
            | Q(date_of_birth=date_of_birth, name_key=name)
        )
    )


def _like_outer() -> dict:
    return {
        "organisation": OuterRef("organisation"),
        "prison_number": OuterRef("prison_number"),
        "date_of_birth": OuterRef("date_of_birth"),
        "name": Lower(OuterRef("full_name")),
    }


def with_duplicate_flag(referrals: QuerySet) -> QuerySet:
    """Annotate `has_duplicate`: another referral or a mentee of the same organisation looks
    like the same person."""
    others = _same_person(Referral.objects.exclude(pk=OuterRef("pk")), **_like_outer())
    mentees = _same_person(Mentee.objects.exclude(referral=OuterRef("pk")), **_like_outer())
    return referrals.annotate(has_duplicate=Exists(others) | Exists(mentees))


def duplicates_of(referral: Referral) -> tuple[list[Referral], list[Mentee]]:
    like = {
        "organisation": referral.organisation,
        "prison_number": referral.prison_number,
        "date_of_birth": referral.date_of_birth,
        "name": referral.full_name.lower(),
    }
    referrals = _same_person(
        Referral.objects.exclude(pk=referral.pk).filter(erased_at__isnull=True), **like
    )
    mentees = _same_person(
        Mentee.objects.exclude(referral=referral).filter(
            erased_at__isnull=True, merged_into__isnull=True
        ),
        **like,
    )
    return (
        list(referrals.select_related("prison", "local_authority").order_by("created_at")),
        list(mentees.select_related("prison", "local_authority").order_by("created_at")),
    )


def mentee_duplicates(mentee: Mentee) -> list[Mentee]:
    """Other case records of the same organisation that look like this person, not erased and
    not already merged."""
    like = {
        "organisation": mentee.organisation,
        "prison_number": mentee.prison_number,
        "date_of_birth": mentee.date_of_birth,
        "name": mentee.full_name.lower(),
    }
    others = _same_person(
        Mentee.objects.exclude(pk=mentee.pk).filter(
            erased_at__isnull=True, merged_into__isnull=True
        ),
        **like,
    )
    return list(others.select_related("prison", "local_authority").order_by("created_at"))
