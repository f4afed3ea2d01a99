"""What the organisation's and the assessors' pages share."""

from itertools import groupby


def area_groups(responses) -> list[tuple]:
    """(area, [responses]) in the standard's order, from responses with requirement__area."""
    return [
        (area, list(items))
        for area, items in groupby(responses, key=lambda response: response.requirement.area)
    ]


def timeline(application):
    """Every step of the application, newest first."""
    return application.events.select_related("actor", "requirement__area")
