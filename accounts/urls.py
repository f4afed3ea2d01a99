from django.urls import path

from . import views
from .views import people, sessions, verification

app_name = "accounts"

urlpatterns = [
    path("organisation/audit/", views.audit_log, name="audit_log"),
    path("platform/people/", people.platform_people, name="platform_people"),
    path("platform/people/<int:user_id>/", people.platform_person, name="platform_person"),
    path("signed-out/", sessions.signed_out, name="signed_out"),
    path("stay-signed-in/", sessions.stay_signed_in, name="stay_signed_in"),
    path("confirm-your-email/send-again/", verification.send_again, name="send_verification_again"),
]
