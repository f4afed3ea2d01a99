"""Org admins list their services in the directory: create, edit, preview, publish, pause."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.fields import posted
from core.forms import apply_validation_error

from .. import services
from ..constants import ServiceStatus
from ..forms.listings import LONG_LISTS, ServiceForm, grouped_options
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
            "council_groups": grouped_options(
                form["local_authorities"], LONG_LISTS["local_authorities"]
            ),
            "prison_groups": grouped_options(form["prisons"], LONG_LISTS["prisons"]),
        },
        status=400 if form.errors else 200,
    )


@org_admin_required
def listing_create(request):
    form = ServiceForm(posted(request), organisation=request.membership.organisation)
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
    published = service.status == ServiceStatus.PUBLISHED
    form = ServiceForm(
        posted(request),
        instance=service,
        organisation=request.membership.organisation,
        draft=services.draft_fields(service) if published else None,
    )
    if request.method == "POST" and form.is_valid():
        save = services.service_save_draft if published else services.service_update
        try:
            save(actor=request.user, service=service, request=request, **form.service_fields())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if published:
                messages.success(
                    request,
                    f"Your changes to {service.name} are saved as a draft. The directory shows "
                    "the published version until you publish them. Preview them first.",
                )
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


class _PreviewDone(Exception):
    """Raised to roll back the draft changes applied only to render the preview."""


def _public_copy(service_pk):
    return (
        Service.objects.filter(pk=service_pk)
        .with_accreditation()
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


@org_admin_required
def listing_preview(request, service_id):
    """The service page exactly as the public would see it (the Approved Provider Standard
    badge included); with changes waiting, as it will look once they are published. The
    changes are applied in a transaction that is rolled back once the page is rendered."""
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    context = {
        "preview": True,
        "preview_published": service.status == ServiceStatus.PUBLISHED,
        "preview_draft": bool(service.draft_changes),
    }
    if not service.draft_changes:
        return render(
            request,
            "providers/directory/service.html",
            {**context, "service": _public_copy(service.pk)},
        )
    page = None
    try:
        with transaction.atomic():
            locked = Service.objects.select_for_update().get(pk=service.pk)
            services.listings._apply(locked, services.draft_fields(service), index=False)
            page = render(
                request,
                "providers/directory/service.html",
                {**context, "service": _public_copy(service.pk)},
            )
            raise _PreviewDone
    except _PreviewDone:
        pass
    return page


@require_POST
@org_admin_required
def listing_draft(request, service_id):
    """Publish or discard the changes waiting on a published service."""
    service = get_service_for_user_or_404(request.user, request.membership.organisation, service_id)
    action = request.POST.get("action", "")
    try:
        if action == "publish":
            services.service_publish_draft(actor=request.user, service=service, request=request)
            messages.success(request, f"Your changes to {service.name} are published.")
        elif action == "discard":
            services.service_discard_draft(actor=request.user, service=service, request=request)
            messages.success(request, f"Your changes to {service.name} are discarded.")
        else:
            messages.error(request, "Choose to publish or discard the changes.")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("providers:listing_manage", service_id=service.pk)


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
