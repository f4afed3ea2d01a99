from django.urls import path

from core.languages import translated_path

from .views import mentors, vetting, volunteer_roles, volunteering

app_name = "volunteers"

APPLICATION = "volunteer/applications/<uuid:application_id>/"
VETTING = "organisation/volunteers/<uuid:application_id>/"
MENTOR = "organisation/mentors/<uuid:mentor_id>/"

urlpatterns = [
    # Volunteering: public roles and the applicant's own area.
    translated_path("volunteer/", volunteering.roles, name="volunteer_roles"),
    translated_path(
        "volunteer/roles/<uuid:role_id>/", volunteering.role_detail, name="volunteer_role"
    ),
    translated_path(
        "volunteer/roles/<uuid:role_id>/apply/", volunteering.apply, name="volunteer_apply"
    ),
    path("volunteer/applications/", volunteering.my_applications, name="volunteer_applications"),
    path(APPLICATION, volunteering.application_detail, name="volunteer_application"),
    path(
        APPLICATION + "check/",
        volunteering.application_check,
        name="volunteer_application_check",
    ),
    path(APPLICATION + "sent/", volunteering.application_sent, name="volunteer_application_sent"),
    path(
        APPLICATION + "withdraw/",
        volunteering.application_withdraw,
        name="volunteer_application_withdraw",
    ),
    path(
        APPLICATION + "<slug:step>/",
        volunteering.application_step,
        name="volunteer_application_step",
    ),
    # The vetting pipeline (coordinators and org admins).
    path("organisation/volunteers/", vetting.pipeline, name="vetting"),
    path(VETTING, vetting.application_detail, name="vetting_application"),
    path(VETTING + "criminal-record/", vetting.disclosure, name="vetting_disclosure"),
    path(VETTING + "interview/", vetting.interview, name="vetting_interview"),
    path(
        VETTING + "references/<uuid:reference_id>/",
        vetting.reference,
        name="vetting_reference",
    ),
    path(VETTING + "dbs/", vetting.dbs_check, name="vetting_dbs"),
    path(
        VETTING + "dbs/<uuid:check_id>/risk-decision/",
        vetting.risk_decision,
        name="vetting_risk_decision",
    ),
    path(VETTING + "training/", vetting.training, name="vetting_training"),
    path(VETTING + "decision/", vetting.decision, name="vetting_decision"),
    # Mentor records.
    path("organisation/mentors/", mentors.mentor_list, name="mentors"),
    path(MENTOR, mentors.mentor_detail, name="mentor"),
    path(MENTOR + "edit/", mentors.mentor_edit, name="mentor_edit"),
    path(MENTOR + "status/", mentors.mentor_status, name="mentor_status"),
    path(MENTOR + "supervision/new/", mentors.supervision_create, name="supervision_create"),
    # Org admins: roles and training modules.
    path("organisation/volunteer-roles/", volunteer_roles.role_list, name="volunteer_role_list"),
    path(
        "organisation/volunteer-roles/new/",
        volunteer_roles.role_create,
        name="volunteer_role_create",
    ),
    path(
        "organisation/volunteer-roles/<uuid:role_id>/edit/",
        volunteer_roles.role_edit,
        name="volunteer_role_edit",
    ),
    path(
        "organisation/volunteer-roles/<uuid:role_id>/status/",
        volunteer_roles.role_status,
        name="volunteer_role_status",
    ),
    path(
        "organisation/training-modules/",
        volunteer_roles.training_module_list,
        name="training_module_list",
    ),
    path(
        "organisation/training-modules/new/",
        volunteer_roles.training_module_create,
        name="training_module_create",
    ),
    path(
        "organisation/training-modules/<uuid:module_id>/edit/",
        volunteer_roles.training_module_edit,
        name="training_module_edit",
    ),
]
