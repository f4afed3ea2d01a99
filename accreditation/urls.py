from django.urls import path

from core.languages import translated_path

from .views import assessor, commissioning, organisation, public

app_name = "accreditation"

APPLICATION = "organisation/accreditation/applications/<uuid:application_id>/"
ASSESSING = "assessment/applications/<uuid:application_id>/"

urlpatterns = [
    # Public.
    translated_path("accreditation/standard/", public.standard, name="standard"),
    translated_path("accreditation/register/", public.register, name="register"),
    translated_path("accreditation/verify/", public.verify_lookup, name="verify_lookup"),
    translated_path("accreditation/verify/<str:code>/", public.verify, name="verify"),
    # The organisation's org admins.
    path("organisation/accreditation/", organisation.overview, name="overview"),
    path("organisation/accreditation/start/", organisation.start, name="start"),
    path("organisation/accreditation/renew/", organisation.renew, name="renew"),
    path("organisation/accreditation/support/", organisation.support, name="support"),
    path(APPLICATION, organisation.application_detail, name="application"),
    path(f"{APPLICATION}changes/", organisation.changes, name="changes"),
    path(f"{APPLICATION}send/", organisation.submit, name="submit"),
    path(f"{APPLICATION}requirements/<slug:code>/", organisation.requirement, name="requirement"),
    path(
        f"{APPLICATION}requirements/<slug:code>/evidence/",
        organisation.evidence_add,
        name="evidence_add",
    ),
    path(
        f"{APPLICATION}requirements/<slug:code>/summaries/",
        organisation.summary_attach,
        name="summary_attach",
    ),
    path(
        "organisation/accreditation/evidence/<uuid:evidence_id>/",
        organisation.evidence_download,
        name="evidence_download",
    ),
    path(
        "organisation/accreditation/evidence/<uuid:evidence_id>/remove/",
        organisation.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "organisation/accreditation/awards/<uuid:award_id>/certificate/",
        organisation.certificate,
        name="certificate",
    ),
    # Assessors.
    path("assessment/", assessor.queue, name="queue"),
    path("assessment/awards/", assessor.awards, name="awards"),
    path("assessment/support/", assessor.support_requests, name="support_requests"),
    path(ASSESSING, assessor.assess, name="assess"),
    path(f"{ASSESSING}take/", assessor.take, name="take"),
    path(f"{ASSESSING}return/", assessor.return_to_organisation, name="return"),
    path(f"{ASSESSING}requirements/<slug:code>/", assessor.review, name="review"),
    path(f"{ASSESSING}visit/", assessor.visit, name="visit"),
    path(f"{ASSESSING}decision/", assessor.decide, name="decide"),
    path(f"{ASSESSING}withdraw/", assessor.withdraw, name="withdraw"),
    path(
        "assessment/evidence/<uuid:evidence_id>/",
        assessor.assessor_evidence,
        name="assessor_evidence",
    ),
    # Commissioners.
    path("commissioning/accreditation/", commissioning.commissioning, name="commissioning"),
]
