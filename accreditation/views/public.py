"""Public pages: the standard, the register of accredited organisations, and checking a
certificate. No sign-in, no JavaScript."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from accounts.middleware import public_page
from accounts.ratelimits import allowed
from core.references import normalise_reference

from ..constants import VERIFICATION_PREFIX
from ..forms import RegisterFilterForm, VerifyForm
from ..models import Award, Standard

REGISTER_PER_PAGE = 50


@public_page
def standard(request):
    current = Standard.objects.current()
    areas = current.areas.prefetch_related("requirements") if current else []
    return render(
        request, "accreditation/public/standard.html", {"standard": current, "areas": areas}
    )


@public_page
def register(request):
    form = RegisterFilterForm(request.GET or None)
    awards = (
        Award.objects.public()
        .latest_per_organisation()
        .select_related("organisation__region", "standard")
        .order_by("organisation__name", "pk")
    )
    if form.is_bound and not form.is_valid():
        return render(
            request, "accreditation/public/register.html", {"form": form, "page": None}, status=400
        )
    if form.is_bound and form.cleaned_data.get("region"):
        awards = awards.filter(organisation__region=form.cleaned_data["region"])
    page = Paginator(awards, REGISTER_PER_PAGE).get_page(request.GET.get("page"))
    status = 200
    return render(
        request, "accreditation/public/register.html", {"form": form, "page": page}, status=status
    )


@public_page
def verify_lookup(request):
    """A box to type the code into; a good code goes to its own page."""
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("accreditation:verify", code=form.cleaned_data["code"])
    return render(
        request,
        "accreditation/public/verify_lookup.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@public_page
def verify(request, code):
    if not allowed(request, "verify_certificate"):
        return render(request, "accreditation/public/too_many.html", status=429)
    canonical = normalise_reference(code, VERIFICATION_PREFIX)
    if canonical and canonical != code:
        return redirect("accreditation:verify", code=canonical)
    award = (
        Award.objects.filter(verification_code=canonical)
        .select_related("organisation", "standard")
        .first()
        if canonical
        else None
    )
    if award is None:
        return render(
            request, "accreditation/public/verify_unknown.html", {"code": code[:30]}, status=404
        )
    return render(request, "accreditation/public/verify.html", {"award": award})
