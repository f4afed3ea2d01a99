"""The profile's Page envelope and the page/per_page query parameters."""

import math
import re
from collections.abc import Callable, Iterable

from django.db.models import QuerySet

from core.paging import page_with_total

from .params import ApiError

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Far beyond any real directory; keeps the SQL offset a small number.
MAX_PAGE = 100_000

_WHOLE_NUMBER = re.compile(r"[0-9]{1,12}")


def _whole_number(params, name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None:
        return default  # Left out; an empty value is refused like any other bad one.
    if not _WHOLE_NUMBER.fullmatch(raw):
        raise ApiError(f"{name} must be a whole number of 1 or more, not {raw[:40]!r}.")
    return int(raw)


def page_params(params) -> tuple[int, int]:
    """(page, per_page) from the query string; per_page above the cap is capped."""
    page = _whole_number(params, "page", 1)
    if not 1 <= page <= MAX_PAGE:
        raise ApiError(f"page must be between 1 and {MAX_PAGE}.")
    per_page = _whole_number(params, "per_page", DEFAULT_PER_PAGE)
    if per_page < 1:
        raise ApiError("per_page must be 1 or more.")
    return page, min(per_page, MAX_PER_PAGE)


def paginate(
    queryset: QuerySet,
    *,
    page: int,
    per_page: int,
    serialize: Callable[[list], Iterable[dict]],
) -> dict:
    """One page of `queryset`; `serialize` turns the page's objects into HSDS dicts."""
    found, total = page_with_total(queryset, page, per_page)
    items = list(found.object_list) if found else []
    contents = list(serialize(items))
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
