from django.conf import settings

# Pages for the public that are not views marked public_page (accounts.middleware).
LIGHT_URL_NAMES = frozenset({"home", "privacy", "accessibility", "cookies"})


def service(request):
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_PHASE": settings.SERVICE_PHASE,
        # allauth accepts this code only with DEBUG on; the demo shows it on the MFA pages.
        "DEMO_MFA_CODE": settings.DEBUG and settings.MFA_TOTP_INSECURE_BYPASS_CODE,
        "LIGHT_PAGE": is_light_page(request),
    }


def is_light_page(request) -> bool:
    """Whether the page gets the public pages' small stylesheet and script (static/scss/public.scss)
    instead of the staff pages' full ones: pages anyone may open, which must stay light on a
    prison's slow link."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return getattr(match.func, "public_page", False) or match.url_name in LIGHT_URL_NAMES
