from django.urls import include, path

from core.languages import translated_path

from . import views

app_name = "providers"

urlpatterns = [
    path("", include("providers.print_urls")),
    translated_path("services/", views.directory, name="directory"),
    translated_path("services/<uuid:service_id>/", views.service_detail, name="service_detail"),
    translated_path(
        "services/<uuid:service_id>/ask-for-a-mentor/",
        views.service_ask,
        name="service_ask",
    ),
    path("organisations/register/", views.organisation_register, name="organisation_register"),
    path("commissioning/services/", views.commissioning, name="commissioning"),
    path("commissioning/services.csv", views.commissioning_csv, name="commissioning_csv"),
    path("platform/organisations/", views.moderation, name="moderation"),
    path(
        "platform/organisations/<int:organisation_id>/",
        views.moderation_review,
        name="moderation_review",
    ),
    path(
        "platform/organisations/<int:organisation_id>/approve/",
        views.moderation_approve,
        name="moderation_approve",
    ),
    translated_path(
        "organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"
    ),
    path("organisations/<slug:slug>/logo/", views.organisation_logo, name="organisation_logo"),
    translated_path(
        "organisations/<slug:slug>/volunteer/",
        views.organisation_volunteer,
        name="organisation_volunteer",
    ),
    path("organisation/services/", views.listings, name="listings"),
    path("organisation/services/new/", views.listing_create, name="listing_create"),
    path("organisation/services/<uuid:service_id>/", views.listing_manage, name="listing_manage"),
    path("organisation/services/<uuid:service_id>/edit/", views.listing_edit, name="listing_edit"),
    path(
        "organisation/services/<uuid:service_id>/changes/",
        views.listing_draft,
        name="listing_draft",
    ),
    path(
        "organisation/services/<uuid:service_id>/preview/",
        views.listing_preview,
        name="listing_preview",
    ),
    path(
        "organisation/services/<uuid:service_id>/status/",
        views.listing_status,
        name="listing_status",
    ),
    path(
        "organisation/services/<uuid:service_id>/reviewed/",
        views.listing_reviewed,
        name="listing_reviewed",
    ),
    path("organisation/details/", views.organisation_details, name="organisation_details"),
    path("organisation/places/", views.locations, name="locations"),
    path("organisation/places/new/", views.location_create, name="location_create"),
    path("organisation/places/<uuid:location_id>/edit/", views.location_edit, name="location_edit"),
    path(
        "organisation/places/<uuid:location_id>/remove/",
        views.location_remove,
        name="location_remove",
    ),
    path("organisation/switch/", views.organisation_switch, name="organisation_switch"),
    path("organisation/team/", views.team, name="team"),
    path("organisation/team/invite/", views.invitation_create, name="invitation_create"),
    path(
        "organisation/team/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "organisation/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]
