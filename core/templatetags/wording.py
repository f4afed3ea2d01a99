"""core.wording for templates: {% load wording %} then {{ days|days_ago }} or
{{ count|counted:"mentor" }} ({{ count|counted:"person,people" }} for an odd plural)."""

from django import template

from core import wording

register = template.Library()


@register.filter
def days_ago(days) -> str:
    return wording.days_ago(int(days))


@register.filter
def counted(number, nouns: str) -> str:
    singular, _, plural = nouns.partition(",")
    return wording.counted(int(number), singular, plural or None)
