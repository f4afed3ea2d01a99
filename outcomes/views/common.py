"""What the report pages share: the period form with its default and quick links, and the
responses for a document as a page, a CSV or a PDF."""

from datetime import date, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode

from core.dates import add_months

from ..exports import document_csv, document_pdf, filename
from ..followup import complete_if_started_by
from ..forms import PeriodForm
from ..periods import (
    Period,
    financial_year_of,
    last_twelve_months,
    latest_complete_financial_year,
    previous_month,
    previous_quarter,
    published_choices,
)


def period_query(period: Period, **extra) -> str:
    params = {
        "start_0": period.start.day,
        "start_1": period.start.month,
        "start_2": period.start.year,
        "end_0": period.end.day,
        "end_1": period.end.month,
        "end_2": period.end.year,
    }
    params.update({key: value for key, value in extra.items() if value not in (None, "")})
    return urlencode(params)


def quick_periods(today: date, **extra) -> list[dict]:
    this_year = financial_year_of(today)
    last_year = financial_year_of(this_year.start - timedelta(days=1))
    choices = [
        ("Last 12 months", last_twelve_months(today)),
        ("This financial year so far", Period(this_year.start, today)),
        (f"Financial year {last_year.start.year}/{str(last_year.end.year)[2:]}", last_year),
        ("Last quarter", previous_quarter(today)),
        ("Last month", previous_month(today)),
    ]
    return [{"label": label, "query": period_query(period, **extra)} for label, period in choices]


def published_quick_periods(today: date, **extra) -> list[dict]:
    """Quick links for commissioners: only periods they may be shown (periods.py)."""
    return [
        {"label": label, "query": period_query(period, **extra)}
        for label, period in published_choices(today)
    ]


def latest_complete_published_year(today: date) -> Period:
    """The latest financial year whose every follow-up is complete today."""
    from ..followup import complete_if_started_by

    return latest_complete_financial_year(complete_if_started_by(today))


def latest_complete_year(today: date) -> Period:
    """The latest 12 months whose every follow-up is complete today."""

    end = complete_if_started_by(today)
    return Period(add_months(end, -12) + timedelta(days=1), end)


def read_period(request, *, default=None, **form_kwargs) -> tuple[PeriodForm, Period | None]:
    """The period asked for (by GET), or, if none was, `default` (by default the latest 12
    months whose follow-ups are all complete, so the proven reoffending rate shows at once);
    None if the form has errors. The form is always bound, so the page shows the period it
    reports on."""
    data = request.GET.copy()
    if not any(key.startswith(("start_", "end_")) for key in data):
        data.update(_as_data(default or latest_complete_year(timezone.localdate())))
    form = PeriodForm(data, **form_kwargs)
    if not form.is_valid():
        return form, None
    return form, form.period


def _as_data(period: Period) -> dict:
    return {
        "start_0": str(period.start.day),
        "start_1": str(period.start.month),
        "start_2": str(period.start.year),
        "end_0": str(period.end.day),
        "end_1": str(period.end.month),
        "end_2": str(period.end.year),
    }


def download(document: dict, extension: str) -> HttpResponse:
    if extension == "csv":
        response = HttpResponse(document_csv(document), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(document_pdf(document), content_type="application/pdf")
    return attachment(response, filename(document, extension))


def attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["Cache-Control"] = "private, no-store"
    return response
