"""Platform administrators give and take platform roles: commissioners (with their region),
Approved Provider Standard assessors and other platform administrators."""

from allauth.mfa.models import Authenticator
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render

from core.fields import posted
from core.forms import form_status, saved

from .. import services
from ..constants import PlatformRole
from ..forms import GivePlatformRoleForm, PlatformRoleChangeForm
from ..models import User
from ..permissions import platform_role_required

PER_PAGE = 50
platform_admin_required = platform_role_required(PlatformRole.PLATFORM_ADMIN)


def _role_holders():
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return (
        User.objects.exclude(platform_role=PlatformRole.NONE)
        .select_related("commissioner_region__region")
        .annotate(has_mfa=Exists(totp))
        .order_by("platform_role", "full_name", "email")
    )


def _now_holds(user) -> str:
    role = user.get_platform_role_display()
    article = "an" if role[0] in "AEIOU" else "a"
    return f"{user.display_name} is now {article} {role}."


@platform_admin_required
def platform_people(request):
    form = GivePlatformRoleForm(posted(request))
    if saved(
        request,
        form,
        lambda data: services.platform_role_set(
            actor=request.user,
            user=form.user,
            role=data["role"],
            region=data["region"],
            request=request,
        ),
        success=_now_holds,
    ):
        return redirect("accounts:platform_people")
    page = Paginator(_role_holders(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/platform_people.html",
        {"form": form, "page": page},
        status=form_status(form),
    )


@platform_admin_required
def platform_person(request, user_id):
    person = get_object_or_404(User.objects.exclude(platform_role=PlatformRole.NONE), pk=user_id)
    region = getattr(getattr(person, "commissioner_region", None), "region", None)
    form = PlatformRoleChangeForm(
        posted(request), initial={"role": person.platform_role, "region": region}
    )
    if saved(
        request,
        form,
        lambda data: services.platform_role_set(
            actor=request.user,
            user=person,
            role=data["role"],
            region=data["region"],
            request=request,
        ),
        success=lambda user: (
            _now_holds(user)
            if user.platform_role
            else f"{user.display_name} no longer has a platform role."
        ),
    ):
        return redirect("accounts:platform_people")
    return render(
        request,
        "accounts/platform_person.html",
        {"form": form, "person": person},
        status=form_status(form),
    )
