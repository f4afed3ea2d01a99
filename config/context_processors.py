from django.conf import settings


def service(request):
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_PHASE": settings.SERVICE_PHASE,
    }
