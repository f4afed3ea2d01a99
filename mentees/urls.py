from django.urls import path

from core.languages import translated_path

from .views import (
    ask,
    cases,
    check,
    mentors,
    merging,
    privacy,
    referrals,
    vetting,
    volunteer_roles,
    volunteering,
    waiting,
)

app_name = "mentees"

urlpatterns = [
    # Ask for a mentor: public, no account.
    translated_path("ask-for-a-mentor/", ask.ask_start, name="ask_start"),
    translated_path("ask-for-a-mentor/start/", ask.ask_begin, name="ask_begin"),
    translated_path("ask-for-a-mentor/start-again/", ask.ask_clear, name="ask_clear"),
    translated_path("ask-for-a-mentor/check-your-answers/", ask.ask_check, name="ask_check"),
    translated_path(
        "ask-for-a-mentor/request-sent/", ask.ask_confirmation, name="ask_confirmation"
    ),
    translated_path("ask-for-a-mentor/<slug:slug>/", ask.ask_step, name="ask_step"),
    translated_path("check-your-request/", check.check_request, name="check_request"),
    translated_path("check-your-request/your-request/", check.check_result, name="check_result"),
    translated_path("check-your-request/finish/", check.check_finish, name="check_finish"),
    translated_path("check-your-request/withdraw/", check.check_withdraw, name="check_withdraw"),
    # The referral inbox: org admins and coordinators.
    path("organisation/referrals/", referrals.referral_inbox, name="referral_inbox"),
    path("organisation/referrals/waiting/", waiting.waiting_list, name="waiting_list"),
    path(
        "organisation/referrals/waiting/<uuid:referral_id>/take/",
        waiting.waiting_take,
        name="waiting_take",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/",
        referrals.referral_detail,
        name="referral_detail",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/duplicates/",
        referrals.referral_duplicates,
        name="referral_duplicates",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/merge/",
        merging.referral_merge,
        name="referral_merge",
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/merge/",
        merging.mentee_merge,
        name="mentee_merge",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/accept/",
        referrals.referral_accept,
        name="referral_accept",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/decline/",
        referrals.referral_decline,
        name="referral_decline",
    ),
    path(
        "organisation/referrals/<uuid:referral_id>/pass-on/",
        referrals.referral_pass_on,
        name="referral_pass_on",
    ),
    # Mentee case records: org admins and coordinators; export and erasure for org admins.
    path("organisation/mentees/", cases.mentee_list, name="mentee_list"),
    path("organisation/mentees/<uuid:mentee_id>/", cases.mentee_detail, name="mentee_detail"),
    path("organisation/mentees/<uuid:mentee_id>/edit/", cases.mentee_edit, name="mentee_edit"),
    path(
        "organisation/mentees/<uuid:mentee_id>/status/", cases.mentee_status, name="mentee_status"
    ),
    path("organisation/mentees/<uuid:mentee_id>/needs/", cases.mentee_needs, name="mentee_needs"),
    path(
        "organisation/mentees/<uuid:mentee_id>/needs/new/",
        cases.assessment_create,
        name="assessment_create",
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/action-plan/", cases.mentee_plan, name="mentee_plan"
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/action-plan/new/",
        cases.goal_edit,
        name="goal_create",
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/action-plan/<int:goal_id>/",
        cases.goal_edit,
        name="goal_edit",
    ),
    path("organisation/mentees/<uuid:mentee_id>/notes/", cases.mentee_notes, name="mentee_notes"),
    path(
        "organisation/mentees/<uuid:mentee_id>/documents/",
        cases.mentee_documents,
        name="mentee_documents",
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/documents/<uuid:document_id>/",
        cases.document_download,
        name="document_download",
    ),
    path(
        "organisation/mentees/<uuid:mentee_id>/export/",
        privacy.mentee_export,
        name="mentee_export",
    ),
    path("organisation/mentees/<uuid:mentee_id>/erase/", privacy.mentee_erase, name="mentee_erase"),
]

APPLICATION = "volunteer/applications/<uuid:application_id>/"
VETTING = "organisation/volunteers/<uuid:application_id>/"
MENTOR = "organisation/mentors/<uuid:mentor_id>/"

urlpatterns += [
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
