"""Org admins list their services in the directory: create, edit, preview, publish, pause."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.forms import apply_validation_error

from .. import services
from ..constants import ServiceStatus
from ..forms.listings import ServiceForm, grouped_options
from ..models import Service, TaxonomyTerm
from ..permissions import org_admin_required
from ..tenancy import get_service_for_user_or_404


@org_admin_required
def listings(request):
    organisation = request.membership.organisation
    listed = (
        Service.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .order_by("status", "name")
    )
    return render(
        request,
        "providers/listings/list.html",
        {"organisation": organisation, "services": listed},
    )


def _form_page(request, form, *, service=None):
    return render(
        request,
        "providers/listings/form.html",
        {
            "form": form,
            "service": service,
            "council_groups": grouped_options(form["local_authorities"], lambda la: la.region.name),
            "prison_groups": grouped_options(form["prisons"], lambda p: p.probation_region),
        },
        status=400 if form.errors else 200,
    )


@org_admin_required
def listing_create(request):
    form = ServiceForm(request.POST or None, organisation=request.membership.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            service = services.service_create(
                actor=request.user,
                organisation=request.membership.organisation,
                submission_key=form.cleaned_data["submission_key"],
                request=request,
                **form.service_fields(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"{service.name} is saved as a draft. Preview it, then publish it."
            )
            return redirect("providers:listing_manage", service_id=service.pk)
    return _form_page(request, form)


@org_admin_required
def listing_edit(request, service_id):
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    form = ServiceForm(
        request.POST or None, instance=service, organisation=request.membership.organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.service_update(
                actor=request.user, service=service, request=request, **form.service_fields()
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Your changes to {service.name} are saved.")
            return redirect("providers:listing_manage", service_id=service.pk)
    return _form_page(request, form, service=service)


@org_admin_required
def listing_manage(request, service_id):
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    return render(
        request,
        "providers/listings/manage.html",
        {
            "service": service,
            "publish_problems": services.publish_problems(service)
            if service.status != ServiceStatus.PUBLISHED
            else [],
        },
    )


@org_admin_required
def listing_preview(request, service_id):
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    service = (
        Service.objects.filter(pk=service.pk)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("pathways", queryset=TaxonomyTerm.objects.order_by("position")),
            "regions",
            "local_authorities",
            "prisons",
            "locations",
        )
        .get()
    )
    return render(
        request, "providers/directory/service.html", {"service": service, "preview": True}
    )


STATUS_MESSAGES = {
    ServiceStatus.PUBLISHED: "{name} is published. Anyone can now find it in the directory.",
    ServiceStatus.PAUSED: "{name} is paused. It no longer shows in the directory.",
}


@require_POST
@org_admin_required
def listing_status(request, service_id):
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    status = request.POST.get("status", "")
    if status not in STATUS_MESSAGES:
        messages.error(request, "Choose to publish or pause the service.")
        return redirect("providers:listing_manage", service_id=service.pk)
    try:
        services.service_set_status(
            actor=request.user, service=service, status=status, request=request
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, STATUS_MESSAGES[status].format(name=service.name))
    return redirect("providers:listing_manage", service_id=service.pk)


@require_POST
@org_admin_required
def listing_reviewed(request, service_id):
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    services.service_mark_reviewed(actor=request.user, service=service, request=request)
    messages.success(request, f"Thank you. {service.name} is marked as checked today.")
    return redirect("providers:listing_manage", service_id=service.pk)
