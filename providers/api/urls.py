from django.urls import path, re_path

from . import views

app_name = "api"

# Paths have no trailing slash, as in the Open Referral UK profile. Ids are read as text and
# checked in the view, so a malformed id is a JSON 404 like an unknown one.
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service_detail, name="service"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:organization_id>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:taxonomy_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:term_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:service_at_location_id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    # Last: any other address under /api/v1/ is the API's JSON 404, not the site's HTML page.
    re_path(r"^(?P<path>.*)$", views.not_found, name="not_found"),
]
