"""Views of the service as a whole, not of any one app."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def health(request):
    """For a load balancer: the process is up and answering. Touches no database, so a slow
    database does not take every web process out of the pool at once. The load benchmark's
    bare Django view too (benchmarks/served.py)."""
    return HttpResponse("ok", content_type="text/plain")
