"""Single volunteering records for the organisation a staff page acts for (or an applicant's own),
or 404.

Another organisation's record and a missing one give the same 404, so ids cannot be probed."""

from django.shortcuts import get_object_or_404

from .models import (
    DBSCheck,
    MentorProfile,
    TrainingModule,
    VolunteerApplication,
    VolunteerReference,
    VolunteerRole,
)


def get_volunteer_role_for_user_or_404(user, organisation, pk):
    return get_object_or_404(
        VolunteerRole.objects.visible_to(user).filter(organisation=organisation), pk=pk
    )


def get_training_module_for_user_or_404(user, organisation, pk):
    return get_object_or_404(
        TrainingModule.objects.visible_to(user).filter(organisation=organisation), pk=pk
    )


def get_application_for_user_or_404(user, organisation, pk):
    """A sent application to the organisation the page acts for, if the user is its staff."""

    return get_object_or_404(
        VolunteerApplication.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("role", "applicant", "organisation"),
        pk=pk,
    )


def get_own_application_or_404(user, pk):
    """One of the signed-in person's own applications; anyone else's is a 404."""

    return get_object_or_404(
        VolunteerApplication.objects.of_applicant(user).select_related(
            "role", "organisation", "applicant"
        ),
        pk=pk,
    )


def get_reference_for_user_or_404(user, application, pk):
    return get_object_or_404(
        VolunteerReference.objects.visible_to(user).filter(application=application), pk=pk
    )


def get_dbs_check_for_user_or_404(user, application, pk):
    return get_object_or_404(
        DBSCheck.objects.visible_to(user).filter(application=application), pk=pk
    )


def get_mentor_for_user_or_404(user, organisation, pk):
    return get_object_or_404(
        MentorProfile.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("user", "application", "application__role"),
        pk=pk,
    )
