"""One query for a page of results and the total: the total rides on each row as a window count,
so a search's matching and ranking run once rather than twice (count, then page)."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window


def page_with_total(queryset: QuerySet, number: int, per_page: int) -> tuple[Page | None, int]:
    """(the page, total) for page `number`; the page is None when it is past the last one."""
    start = (number - 1) * per_page
    rows = list(queryset.annotate(total_found=Window(Count("pk")))[start : start + per_page])
    total = rows[0].total_found if rows else (0 if number == 1 else queryset.count())
    paginator = Paginator(queryset, per_page)
    paginator.count = total  # Paginator.count is a cached property: give it what we know.
    if number > paginator.num_pages:
        return None, total
    return Page(rows, number, paginator), total
