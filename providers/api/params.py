"""Reading query parameters strictly: anything we cannot understand is a 400 with a reason."""

import re
import uuid
from datetime import UTC, datetime, time
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date, parse_datetime


class ApiError(Exception):
    """A request we refuse; becomes a JSON `{"detail": ...}` response."""

    status = 400

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(ApiError):
    status = 404


MAX_TEXT_LENGTH = 200
MAX_AGE = 150
MAX_PROXIMITY_METRES = 1_000_000
_GSS_CODE = re.compile(r"[EWSN][0-9]{8}")
# A space in place of the "+" of a UTC offset: what an unencoded "+01:00" turns into.
_SPACED_OFFSET = re.compile(r"(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$")


def text(params, name: str) -> str:
    value = params.get(name, "").strip()
    if "\x00" in value:
        raise ApiError(f"{name} must not contain NUL characters.")
    if len(value) > MAX_TEXT_LENGTH:
        raise ApiError(f"{name} must be {MAX_TEXT_LENGTH} characters or fewer.")
    return value


def uuid_param(params, name: str) -> uuid.UUID | None:
    value = text(params, name)
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        example = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        raise ApiError(f"{name} must be a UUID, such as {example}.") from None


def path_uuid(value: str, what: str) -> uuid.UUID:
    """An id from the URL path: one that is not a UUID names nothing, so it is a 404."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"No {what} with id {value[:60]!r}.") from None


def datetime_param(params, name: str) -> datetime | None:
    value = text(params, name)
    if not value:
        return None
    value = _SPACED_OFFSET.sub(r"\1+\2", value)
    message = f"{name} must be an ISO 8601 date and time, such as 2025-01-31T09:00:00Z."
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise ApiError(message)
            moment = datetime.combine(day, time.min)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ApiError(message) from None


def number_param(params, name: str, *, maximum: int) -> Decimal | None:
    value = text(params, name)
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ApiError(f"{name} must be a number, not {value[:40]!r}.") from None
    if not number.is_finite() or not 0 <= number <= maximum:
        raise ApiError(f"{name} must be a number from 0 to {maximum}.")
    return number


def age_param(params, name: str) -> Decimal | None:
    return number_param(params, name, maximum=MAX_AGE)


def proximity_param(params) -> Decimal | None:
    number = number_param(params, "proximity", maximum=MAX_PROXIMITY_METRES)
    if number is not None and number <= 0:
        raise ApiError("proximity must be more than 0 metres.")
    return number


def gss_code_param(params, name: str) -> str:
    value = text(params, name).upper()
    if value and not _GSS_CODE.fullmatch(value):
        raise ApiError(f"{name} must be an ONS GSS code such as E08000006, not {value[:40]!r}.")
    return value


def normalise_postcode(value: str) -> str:
    """Upper case without spaces: "m1 1aa" and "M11AA" are the same postcode."""
    return re.sub(r"\s+", "", value).upper()


def postcode_param(params) -> str:
    value = normalise_postcode(text(params, "postcode"))
    if value and not re.fullmatch(r"[A-Z0-9]{5,8}", value):
        raise ApiError("postcode must be a UK postcode, such as M1 1AA.")
    return value
