from django import template

from ..charts import svg

register = template.Library()


@register.simple_tag
def chart_svg(chart, chart_id):
    """{% chart_svg section.chart "people" %}: the section's chart as inline SVG."""
    return svg(chart, f"chart-{chart_id}")
