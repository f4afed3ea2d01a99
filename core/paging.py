"""A page of results and the total, as two plain queries.

The page is the first `per_page` rows in order, which Postgres finds without sorting every match
(a top-N sort, or the name index for the unranked list); the total is a count of the matches
without their ranking, ordering or the columns shown. Counting with a window over every row of
the page query instead made Postgres build, sort and number all of them (10,000 for the
unfiltered directory, spilling to disk) to return 20. A first page shorter than `per_page` is its
own total, so a narrow search is one query.
"""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


def page_with_total(queryset: QuerySet, number: int, per_page: int) -> tuple[Page | None, int]:
    """(the page, total) for page `number`; the page is None when it is past the last one."""
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page])
    if rows and len(rows) < per_page:
        total = start + len(rows)
    elif not rows and number == 1:
        total = 0
    else:
        total = queryset.count()  # Django leaves out the ordering and unused annotations
    paginator = Paginator(queryset, per_page)
    paginator.count = total  # Paginator.count is a cached property: give it what we know.
    if number > paginator.num_pages:
        return None, total
    return Page(rows, number, paginator), total
