"""An organisation's own details, edited by its org admins; its logo, served to anyone."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from accounts.middleware import public_page
from core.fields import posted
from core.forms import apply_validation_error
from core.upload_limits import upload_limit

from .. import services
from ..constants import OrganisationStatus
from ..forms.registration import LOGO_MAX_BYTES, OrganisationDetailsForm
from ..models import Organisation
from ..permissions import org_admin_required


@upload_limit(LOGO_MAX_BYTES)
@org_admin_required
def organisation_details(request):
    organisation = request.membership.organisation
    # The form works on its own copy; the service saves the change.
    form = OrganisationDetailsForm(
        posted(request),
        request.FILES or None,
        instance=Organisation.objects.get(pk=organisation.pk),
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if fields["logo"] is False:
            fields["logo"] = ""  # "Clear" was ticked.
        try:
            services.organisation_update(
                actor=request.user, organisation=organisation, request=request, **fields
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your organisation's details are saved.")
            return redirect("providers:organisation_details")
    return render(
        request,
        "providers/organisation_details.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@public_page
def organisation_logo(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.filter(status=OrganisationStatus.ACTIVE), slug=slug
    )
    if not organisation.logo:
        raise Http404("This organisation has no logo.")
    response = FileResponse(organisation.logo.open("rb"))
    response["Content-Type"] = (
        "image/png" if organisation.logo.name.endswith(".png") else "image/jpeg"
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
