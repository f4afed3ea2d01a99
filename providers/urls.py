from django.urls import path

from . import views

app_name = "providers"

urlpatterns = [
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
