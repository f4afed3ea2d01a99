"""An org admin tunes matching's weights and the programme's length and meeting frequency."""

from django.shortcuts import redirect, render

from accounts.audit import audit_record
from accounts.constants import AuditAction
from accounts.forms import form_status, saved
from providers.permissions import org_admin_required

from ..forms import WeightsForm
from ..models import MatchingSettings
from ..profiles import weights_for

WEIGHT_NAMES = (
    "needs",
    "lived_experience",
    "language",
    "availability",
    "distance",
    "age",
    "load",
    "reach_km",
)


@org_admin_required
def matching_settings(request):
    organisation = request.membership.organisation
    settings, _ = MatchingSettings.objects.get_or_create(organisation=organisation)
    weights = weights_for(organisation)
    initial = {name: round(getattr(weights, name)) for name in WEIGHT_NAMES}
    initial.update(
        target_months=settings.target_months, meeting_interval_days=settings.meeting_interval_days
    )
    form = WeightsForm(request.POST or None, initial=initial)

    def save(data):
        settings.weights = {name: data[name] for name in WEIGHT_NAMES}
        settings.target_months = data["target_months"]
        settings.meeting_interval_days = data["meeting_interval_days"]
        settings.save()
        audit_record(
            actor=request.user,
            action=AuditAction.UPDATED,
            obj=settings,
            organisation=organisation,
            request=request,
            details={"fields": sorted(data)},
        )

    if saved(request, form, save, success="Matching settings are saved."):
        return redirect("matching:settings")
    return render(request, "matching/settings.html", {"form": form}, status=form_status(form))
