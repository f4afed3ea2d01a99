"""`{% directory_result service %}`: one search result (providers/directory/_result.html), kept
per process for the directory version in force.

Everything a result shows comes from its listing, organisation, pathways and award, and any
change to those moves the directory version (providers/directory_version.py); the badge also
depends on the date. So a result rendered once is the same for every search that shows it until
the version or the day changes, and different searches share their results' HTML. Without a
version in the context (another page using the template) the result is rendered as usual.
"""

import threading

from django import template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

register = template.Library()

RESULT_TEMPLATE = "providers/directory/_result.html"
MAX_KEPT = 5_000  # results kept per process before starting afresh (about 8 MB)
_kept: dict[tuple, str] = {}
_lock = threading.Lock()


@register.simple_tag(takes_context=True)
def directory_result(context, service):
    result = context.template.engine.get_template(RESULT_TEMPLATE)
    version = context.get("directory_version")
    if version is None:
        with context.push(service=service):
            return result.render(context)
    key = (version, timezone.localdate(), translation.get_language(), service.pk)
    html = _kept.get(key)
    if html is None:
        with context.push(service=service):
            html = result.render(context)
        with _lock:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            _kept[key] = html
    return mark_safe(html)  # noqa: S308 - the template's own escaped output, kept as it was
