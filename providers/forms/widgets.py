from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A <select> whose options are written straight from the choices.

    The directory's area and prison lists have about 450 options; building and rendering each
    through Django's option machinery and template cost most of the search page's time.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "govuk-select", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        # crispy-forms-gds adds the GOV.UK error style only to widgets it knows as selects.
        if attrs.get("aria-invalid") == "true" and "govuk-select--error" not in attrs["class"]:
            attrs["class"] += " govuk-select--error"
        chosen = str(value) if value is not None else ""
        parts = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                parts.append(f'<optgroup label="{escape(group_value)}">')
                parts.extend(_option(v, label, chosen) for v, label in group_label)
                parts.append("</optgroup>")
            else:
                parts.append(_option(group_value, group_label, chosen))
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every value and label is escaped)


def _option(value, label, chosen: str) -> str:
    selected = " selected" if str(value) == chosen else ""
    return f'<option value="{escape(value)}"{selected}>{escape(label)}</option>'
