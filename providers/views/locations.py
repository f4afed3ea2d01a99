"""Org admins keep the list of places where their services meet people."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.fields import posted
from core.forms import apply_validation_error

from .. import services
from ..forms.locations import LocationForm
from ..models import Location
from ..permissions import org_admin_required
from ..tenancy import get_location_for_user_or_404


@org_admin_required
def locations(request):
    organisation = request.membership.organisation
    places = (
        Location.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .prefetch_related("services")
    )
    return render(
        request,
        "providers/locations/list.html",
        {"organisation": organisation, "locations": places},
    )


def _form_page(request, form, location=None):
    return render(
        request,
        "providers/locations/form.html",
        {"form": form, "location": location},
        status=400 if form.errors else 200,
    )


def _place(data: dict) -> dict:
    """The form's answers the services take: the place's own details, nothing else."""
    return {name: data[name] for name in LocationForm.Meta.fields}


@org_admin_required
def location_create(request):
    form = LocationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            location = services.location_create(
                actor=request.user,
                organisation=request.membership.organisation,
                submission_key=form.cleaned_data.get("submission_key"),
                request=request,
                **_place(form.cleaned_data),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{location.name} is added. Choose it on a service's form.")
            return redirect("providers:locations")
    return _form_page(request, form)


@org_admin_required
def location_edit(request, location_id):
    location = get_location_for_user_or_404(
        request.user, request.membership.organisation, location_id
    )
    form = LocationForm(posted(request), instance=Location.objects.get(pk=location.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.location_update(
                actor=request.user,
                location=location,
                request=request,
                **_place(form.cleaned_data),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The place is saved.")
            return redirect("providers:locations")
    return _form_page(request, form, location)


@require_POST
@org_admin_required
def location_remove(request, location_id):
    location = get_location_for_user_or_404(
        request.user, request.membership.organisation, location_id
    )
    services.location_remove(actor=request.user, location=location, request=request)
    messages.success(request, f"{location.name} is removed.")
    return redirect("providers:locations")
