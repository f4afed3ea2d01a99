"""Single relationships, meetings and bulk proposals for the organisation a page acts for (or,
for a mentor, their own), or 404: another organisation's and a missing one look the same."""

from django.shortcuts import get_object_or_404

from .models import BulkProposal, Exclusion, Match, Meeting


def get_match_for_user_or_404(user, organisation, pk) -> Match:
    return get_object_or_404(
        Match.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("mentee", "mentor__user", "organisation"),
        pk=pk,
    )


def get_meeting_for_user_or_404(user, match: Match, pk) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user).filter(match=match), pk=pk)


def get_bulk_for_user_or_404(user, organisation, pk) -> BulkProposal:
    return get_object_or_404(
        BulkProposal.objects.visible_to(user).filter(organisation=organisation), pk=pk
    )


def get_exclusion_for_user_or_404(user, mentee, pk) -> Exclusion:
    return get_object_or_404(Exclusion.objects.visible_to(user).filter(mentee=mentee), pk=pk)


def get_own_match_or_404(user, organisation, pk) -> Match:
    """A relationship or proposal of this mentor, in the organisation they act for."""
    return get_object_or_404(
        Match.objects.of_mentor_user(user)
        .filter(organisation=organisation)
        .select_related("mentee__local_authority", "mentee__prison", "mentor__user"),
        pk=pk,
    )
