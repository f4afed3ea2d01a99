from django.urls import path

from .views import coordinator, mentor, notifications, relationships, settings

app_name = "matching"

MENTEE = "organisation/matching/<uuid:mentee_id>/"
RELATIONSHIP = "organisation/relationships/<uuid:match_id>/"

urlpatterns = [
    # Coordinators: who is waiting, ranked mentors, bulk suggestions.
    path("organisation/matching/", coordinator.waiting_list, name="waiting"),
    path("organisation/matching/settings/", settings.matching_settings, name="settings"),
    path("organisation/matching/bulk/", coordinator.bulk_create, name="bulk_create"),
    path(
        "organisation/matching/bulk/<uuid:proposal_id>/",
        coordinator.bulk_review,
        name="bulk_review",
    ),
    path(MENTEE, coordinator.mentee_matching, name="mentee_matching"),
    path(MENTEE + "exclusions/", coordinator.exclusion_add, name="exclusion_add"),
    path(
        MENTEE + "exclusions/<int:exclusion_id>/remove/",
        coordinator.exclusion_remove,
        name="exclusion_remove",
    ),
    # Relationships through the gate.
    path("organisation/relationships/", relationships.relationship_list, name="relationships"),
    path(RELATIONSHIP, relationships.relationship_detail, name="relationship"),
    path(RELATIONSHIP + "gate-meeting/", relationships.gate_meeting, name="gate_meeting"),
    path(RELATIONSHIP + "release/", relationships.release, name="release"),
    path(RELATIONSHIP + "end/", relationships.end, name="end"),
    path(RELATIONSHIP + "change-mentor/", relationships.change_mentor, name="change_mentor"),
    path(RELATIONSHIP + "withdraw/", relationships.withdraw, name="withdraw"),
    path(RELATIONSHIP + "meetings/new/", relationships.meeting_create, name="meeting_create"),
    path(
        RELATIONSHIP + "meetings/<uuid:meeting_id>/",
        relationships.meeting_edit,
        name="meeting_edit",
    ),
    # A mentor's own area.
    path("mentor/", mentor.mentor_home, name="mentor_home"),
    path("mentor/proposals/<uuid:match_id>/", mentor.mentor_proposal, name="mentor_proposal"),
    path(
        "mentor/relationships/<uuid:match_id>/",
        mentor.mentor_relationship,
        name="mentor_relationship",
    ),
    path(
        "mentor/relationships/<uuid:match_id>/meetings/new/",
        mentor.mentor_meeting_create,
        name="mentor_meeting_create",
    ),
    # Everyone's notifications.
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.notifications_read, name="notifications_read"),
    path("notifications/email/", notifications.email_preferences, name="email_preferences"),
    path(
        "notifications/<int:notification_id>/",
        notifications.notification_open,
        name="notification_open",
    ),
]
