"""Org admins describe their volunteer roles and keep their list of training modules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.fields import posted
from core.forms import form_status, saved
from providers.permissions import org_admin_required

from .. import services
from ..constants import ApplicationStatus, VolunteerRoleStatus
from ..forms.volunteering import TrainingModuleForm, VolunteerRoleForm
from ..models import TrainingModule, VolunteerRole
from ..tenancy import get_training_module_for_user_or_404, get_volunteer_role_for_user_or_404


@org_admin_required
def role_list(request):
    organisation = request.membership.organisation
    roles = (
        VolunteerRole.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .annotate(
            open_applications=Count(
                "applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED)
            )
        )
        .order_by("status", "title")
    )
    return render(
        request,
        "volunteers/volunteering/roles_admin/list.html",
        {"organisation": organisation, "roles": roles},
    )


def _role_form_page(request, form, role=None):
    return render(
        request,
        "volunteers/volunteering/roles_admin/form.html",
        {"form": form, "role": role},
        status=form_status(form),
    )


@org_admin_required
@require_http_methods(["GET", "POST"])
def role_create(request):
    form = VolunteerRoleForm(posted(request))
    if saved(
        request,
        form,
        lambda data: services.volunteer_role_create(
            actor=request.user,
            organisation=request.membership.organisation,
            request=request,
            **data,
        ),
        success=lambda role: f"{role.title} is saved as a draft. Publish it when ready.",
    ):
        return redirect("volunteers:volunteer_role_list")
    return _role_form_page(request, form)


@org_admin_required
@require_http_methods(["GET", "POST"])
def role_edit(request, role_id):
    role = get_volunteer_role_for_user_or_404(
        request.user, request.membership.organisation, role_id
    )
    form = VolunteerRoleForm(posted(request), instance=VolunteerRole.objects.get(pk=role.pk))
    if saved(
        request,
        form,
        lambda data: services.volunteer_role_update(
            actor=request.user, role=role, request=request, **data
        ),
        success=f"Your changes to {role.title} are saved.",
    ):
        return redirect("volunteers:volunteer_role_list")
    return _role_form_page(request, form, role)


ROLE_STATUS_MESSAGES = {
    VolunteerRoleStatus.PUBLISHED: "{title} is published. People can now apply.",
    VolunteerRoleStatus.CLOSED: "{title} is closed to new applications.",
}


@require_POST
@org_admin_required
def role_status(request, role_id):
    role = get_volunteer_role_for_user_or_404(
        request.user, request.membership.organisation, role_id
    )
    status = request.POST.get("status", "")
    if status not in ROLE_STATUS_MESSAGES:
        messages.error(request, "Choose to publish or close the role.")
        return redirect("volunteers:volunteer_role_list")
    try:
        services.volunteer_role_set_status(
            actor=request.user, role=role, status=status, request=request
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, ROLE_STATUS_MESSAGES[status].format(title=role.title))
    return redirect("volunteers:volunteer_role_list")


@org_admin_required
def training_module_list(request):
    organisation = request.membership.organisation
    modules = TrainingModule.objects.visible_to(request.user).filter(organisation=organisation)
    return render(
        request,
        "volunteers/vetting/training_modules.html",
        {"organisation": organisation, "modules": modules},
    )


def _module_form_page(request, form, module=None):
    return render(
        request,
        "volunteers/vetting/training_module_form.html",
        {"form": form, "module": module},
        status=form_status(form),
    )


@org_admin_required
@require_http_methods(["GET", "POST"])
def training_module_create(request):
    form = TrainingModuleForm(posted(request))
    if saved(
        request,
        form,
        lambda data: services.training_module_create(
            actor=request.user,
            organisation=request.membership.organisation,
            request=request,
            **data,
        ),
        success=lambda module: f"{module.name} is added.",
    ):
        return redirect("volunteers:training_module_list")
    return _module_form_page(request, form)


@org_admin_required
@require_http_methods(["GET", "POST"])
def training_module_edit(request, module_id):
    module = get_training_module_for_user_or_404(
        request.user, request.membership.organisation, module_id
    )
    form = TrainingModuleForm(posted(request), instance=TrainingModule.objects.get(pk=module.pk))
    if saved(
        request,
        form,
        lambda data: services.training_module_update(
            actor=request.user, module=module, request=request, **data
        ),
        success=f"{module.name} is saved.",
    ):
        return redirect("volunteers:training_module_list")
    return _module_form_page(request, form, module)
