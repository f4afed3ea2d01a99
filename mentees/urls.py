from django.urls import path

from core.languages import translated_path

from .views import (
    ask,
    cases,
    check,
    merging,
    privacy,
    referrals,
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
        "organisation/referrals/<uuid:referral_id>/merge-referral/",
        merging.referral_combine,
        name="referral_combine",
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
