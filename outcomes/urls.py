from django.urls import path

from .views import commissioning, organisation, records

app_name = "outcomes"

OUTCOMES = "organisation/outcomes/"
SNAPSHOT = OUTCOMES + "reports/<uuid:snapshot_id>/"
MENTEE = "organisation/mentees/<uuid:mentee_id>/outcomes/"
REGION_SNAPSHOT = "commissioning/outcomes/reports/<uuid:snapshot_id>/"

urlpatterns = [
    # An organisation's outcomes.
    path(OUTCOMES, organisation.dashboard, name="dashboard"),
    path(OUTCOMES + "report.csv", organisation.dashboard_csv, name="dashboard_csv"),
    path(OUTCOMES + "report.pdf", organisation.dashboard_pdf, name="dashboard_pdf"),
    path(OUTCOMES + "settings/", organisation.outcome_settings, name="settings"),
    path(OUTCOMES + "subscription/", organisation.subscription, name="subscription"),
    path(OUTCOMES + "reports/", organisation.snapshot_list, name="snapshots"),
    path(SNAPSHOT, organisation.snapshot_detail, name="snapshot"),
    path(SNAPSHOT + "csv/", organisation.snapshot_csv, name="snapshot_csv"),
    path(SNAPSHOT + "pdf/", organisation.snapshot_pdf, name="snapshot_pdf"),
    path(
        OUTCOMES + "justice-data-lab/",
        organisation.justice_data_lab_export,
        name="justice_data_lab",
    ),
    # A mentee's outcome record, part of their case record.
    path(MENTEE, records.record, name="record"),
    path(MENTEE + "reoffending/", records.reoffending, name="record_reoffending"),
    path(MENTEE + "pathways/", records.pathways, name="record_pathways"),
    # Commissioners.
    path("commissioning/outcomes/", commissioning.comparison, name="comparison"),
    path("commissioning/outcomes.csv", commissioning.comparison_csv, name="comparison_csv"),
    path("commissioning/outcomes.pdf", commissioning.comparison_pdf, name="comparison_pdf"),
    path(
        "commissioning/outcomes/subscription/",
        commissioning.region_subscription,
        name="region_subscription",
    ),
    path(
        "commissioning/outcomes/reports/",
        commissioning.region_snapshot_list,
        name="region_snapshots",
    ),
    path(REGION_SNAPSHOT, commissioning.region_snapshot, name="region_snapshot"),
    path(REGION_SNAPSHOT + "csv/", commissioning.region_snapshot_csv, name="region_snapshot_csv"),
    path(REGION_SNAPSHOT + "pdf/", commissioning.region_snapshot_pdf, name="region_snapshot_pdf"),
]
