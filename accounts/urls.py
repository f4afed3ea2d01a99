from django.urls import path

from . import views
from .views import people

app_name = "accounts"

urlpatterns = [
    path("organisation/audit/", views.audit_log, name="audit_log"),
    path("platform/people/", people.platform_people, name="platform_people"),
    path("platform/people/<int:user_id>/", people.platform_person, name="platform_person"),
]
