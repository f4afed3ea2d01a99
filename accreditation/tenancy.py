"""Single accreditation records, or 404.

For org admins, records of the organisation the page acts for; for assessors, applications sent
for assessment (never a draft). Another organisation's record, a draft asked for by an assessor
and a missing record all give the same 404, so ids cannot be probed."""

from django.shortcuts import get_object_or_404

from .models import Application, Award, EvidenceFile, RequirementResponse, SupportRequest


def get_application_for_user_or_404(user, organisation, pk) -> Application:
    return get_object_or_404(
        Application.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("organisation", "standard", "assessor", "previous_award"),
        pk=pk,
    )


def get_response_or_404(application: Application, code: str) -> RequirementResponse:
    """One requirement's response within an application already fetched through a helper."""
    return get_object_or_404(
        RequirementResponse.objects.filter(application=application).select_related(
            "requirement__area"
        ),
        requirement__code=code,
    )


def get_evidence_for_user_or_404(user, organisation, pk) -> EvidenceFile:
    return get_object_or_404(
        EvidenceFile.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("application", "response__requirement__area"),
        pk=pk,
    )


def get_award_for_user_or_404(user, organisation, pk) -> Award:
    return get_object_or_404(
        Award.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("organisation", "standard"),
        pk=pk,
    )


def get_application_for_assessor_or_404(user, pk) -> Application:
    return get_object_or_404(
        Application.objects.visible_to(user)
        .sent()
        .select_related("organisation__region", "standard", "assessor", "previous_award"),
        pk=pk,
    )


def get_evidence_for_assessor_or_404(user, pk) -> EvidenceFile:
    return get_object_or_404(
        EvidenceFile.objects.visible_to(user)
        .filter(application__in=Application.objects.visible_to(user).sent())
        .select_related("organisation", "application", "response__requirement__area"),
        pk=pk,
    )


def get_support_request_for_assessor_or_404(user, pk) -> SupportRequest:
    return get_object_or_404(
        SupportRequest.objects.visible_to(user).select_related("organisation", "requested_by"),
        pk=pk,
    )
