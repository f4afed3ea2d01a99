"""An org admin tunes matching's weights and the programme's length and meeting frequency."""

from django.shortcuts import redirect, render

from core.fields import posted
from core.forms import form_status, saved
from providers.permissions import org_admin_required

from ..cadence import meeting_interval, target_months
from ..forms import WeightsForm
from ..profiles import weights_for
from ..services.settings import WEIGHT_NAMES, matching_settings_update


@org_admin_required
def matching_settings(request):
    organisation = request.membership.organisation
    weights = weights_for(organisation)
    initial = {name: round(getattr(weights, name)) for name in WEIGHT_NAMES}
    initial.update(
        target_months=target_months(organisation),
        meeting_interval_days=meeting_interval(organisation),
    )
    form = WeightsForm(posted(request), initial=initial)
    if saved(
        request,
        form,
        lambda data: matching_settings_update(
            actor=request.user,
            organisation=organisation,
            weights={name: data[name] for name in WEIGHT_NAMES},
            target_months=data["target_months"],
            meeting_interval_days=data["meeting_interval_days"],
            request=request,
        ),
        success="Matching settings are saved.",
    ):
        return redirect("matching:settings")
    return render(request, "matching/settings.html", {"form": form}, status=form_status(form))
