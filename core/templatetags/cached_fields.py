"""`as_cached_crispy_field`: crispy-forms' `as_crispy_field`, kept per process for fields whose
HTML depends only on the field itself.

A select of a few hundred options (the directory's council areas and prisons) costs a widget
template for each option on every page; the HTML is the same every time the field shows the same
value. So a field without errors is rendered once for each value and kept, keyed by everything
its HTML comes from: the form's class, the field's name, label, help text, widget, attributes,
choices and value, and the language. A change to any of them (a prison added to the list, a
translated label) is a new key, so nothing stale is shown. Fields with errors are never kept.

    {% load cached_fields %}
    {{ form.area|as_cached_crispy_field }}
"""

import hashlib
import threading

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import template
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()

MAX_KEPT = 2_000  # distinct (field, value) pairs kept per process before starting afresh
_kept: dict[str, str] = {}
_lock = threading.Lock()


def field_key(bound_field) -> str:
    field = bound_field.field
    widget = field.widget
    parts = (
        type(bound_field.form).__module__,
        type(bound_field.form).__qualname__,
        bound_field.html_name,
        bound_field.auto_id,
        str(field.label),
        str(field.help_text),
        field.required,
        field.disabled,
        type(widget).__module__,
        type(widget).__qualname__,
        sorted((str(k), str(v)) for k, v in widget.attrs.items()),
        [(str(v), str(label)) for v, label in getattr(field, "choices", ())],
        str(bound_field.value()),
        translation.get_language(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@register.filter
def as_cached_crispy_field(bound_field):
    if bound_field.errors:
        return as_crispy_field(bound_field)
    key = field_key(bound_field)
    html = _kept.get(key)
    if html is None:
        html = as_crispy_field(bound_field)
        with _lock:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            _kept[key] = str(html)
    return mark_safe(html)  # noqa: S308 - crispy-forms' own escaped output, kept as it was
