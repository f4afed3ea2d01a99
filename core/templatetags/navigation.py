"""Which navigation item is current.

    {% load navigation %}
    <a href="{{ href }}"{% aria_current href exact=exact %}>...</a>

gives aria-current="page" on the item's own page and aria-current="true" on the pages below it
(unless `exact`), which MoJ Frontend's primary navigation marks as the current section.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def aria_current(context, href: str, exact: bool = False) -> str:
    request = context.get("request")
    if request is None or not href:
        return ""
    if request.path == href:
        return mark_safe(' aria-current="page"')
    if not exact and href != "/" and request.path.startswith(href):
        return mark_safe(' aria-current="true"')
    return ""
