from django.conf import settings


def service(request):
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_PHASE": settings.SERVICE_PHASE,
        # allauth accepts this code only with DEBUG on; the demo shows it on the MFA pages.
        "DEMO_MFA_CODE": settings.DEBUG and settings.MFA_TOTP_INSECURE_BYPASS_CODE,
    }
