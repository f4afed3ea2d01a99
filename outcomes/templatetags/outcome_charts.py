from django import template
from django.utils.html import format_html

from ..charts import svg
from ..documents import definition_anchor

register = template.Library()


@register.simple_tag
def chart_svg(chart, chart_id):
    """{% chart_svg section.chart "people" %}: the section's chart as inline SVG."""
    return svg(chart, f"chart-{chart_id}")


@register.simple_tag
def defined(label):
    """A table label linked to the definition below that explains it, if there is one."""
    anchor = definition_anchor(str(label))
    if not anchor:
        return label
    return format_html('<a class="govuk-link" href="#{}">{}</a>', anchor, label)


@register.filter
def definition_id(line):
    """The id of a definition line ("Engaged: ..."), the target of `defined` links."""
    return definition_anchor(str(line).partition(":")[0])


@register.filter
def cut_term(line):
    return str(line).partition(": ")[0]


@register.filter
def cut_meaning(line):
    return str(line).partition(": ")[2]
