from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from config.views import health
from core.languages import translated_path
from home.views import dashboard
from providers.views import invitation_accept

COOKIE_HEAD = [_("Name"), _("Purpose"), _("Expires")]
COOKIE_ROWS = [
    [
        "sessionid",
        _("Keeps you signed in, and remembers your answers while you fill in a form"),
        _("After 8 hours, or when you sign out"),
    ],
    [
        "csrftoken",
        _("Protects the forms you send from being forged by other websites"),
        _("1 year"),
    ],
]

# Django's admin signs in through allauth too, so MFA applies there as everywhere.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Open Gate platform administration"

urlpatterns = [
    translated_path("", TemplateView.as_view(template_name="pages/home.html"), name="home"),
    translated_path(
        "privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"
    ),
    translated_path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    translated_path(
        "cookies/",
        TemplateView.as_view(
            template_name="pages/cookies.html",
            extra_context={"cookie_head": COOKIE_HEAD, "cookie_rows": COOKIE_ROWS},
        ),
        name="cookies",
    ),
    path("healthz/", health, name="health"),
    path("dashboard/", dashboard, name="dashboard"),
    path("invitations/<str:token>/", invitation_accept, name="invitation_accept"),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include("providers.api.urls")),
    path("", include("accounts.urls")),
    path("", include("mentees.urls")),
    path("", include("volunteers.urls")),
    path("", include("matching.urls")),
    path("", include("accreditation.urls")),
    path("", include("outcomes.urls")),
    path("", include("providers.urls")),
    path("django-admin/", admin.site.urls),
]

# The error page, and the 503 "try again later" page while the database is down (config/errors).
handler500 = "config.errors.server_error"
