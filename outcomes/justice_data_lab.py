"""The Justice Data Lab export: the people of a cohort in the fields the Ministry of Justice's
Justice Data Lab asks for, so it can match them to the Police National Computer and report
their proven reoffending against a matched comparison group.

The Justice Data Lab needs at least 60 people: with fewer its results could identify someone and
would say too little to be worth the risk of sending personal data. A smaller cohort is refused
with that reason. Erased records have no names left and are never included."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Q

from core.spreadsheets import safe_cell

from .constants import JUSTICE_DATA_LAB_MINIMUM
from .models import OutcomeRecord

HEADER = [
    "Our reference",
    "Surname",
    "Forenames",
    "Date of birth",
    "Gender",
    "Prison number",
    "Index date",
    "Index date type",
    "Intervention start date",
    "Intervention end date",
]


class CohortTooSmall(Exception):
    def __init__(self, size: int):
        self.size = size
        super().__init__(
            f"This cohort has {size} {'person' if size == 1 else 'people'}. The Justice Data Lab "
            f"needs at least {JUSTICE_DATA_LAB_MINIMUM}: with fewer, its results could identify "
            "someone and would be too uncertain to be useful. Choose a wider range of dates."
        )


@dataclass(frozen=True)
class CohortRow:
    reference: str
    full_name: str
    date_of_birth: date | None
    gender: str
    prison_number: str
    index_date: date
    index_kind: str
    started: date | None
    ended: date | None


def split_name(full_name: str) -> tuple[str, str]:
    """(surname, forenames): the last word is taken as the surname."""
    words = full_name.split()
    if not words:
        return "", ""
    return words[-1], " ".join(words[:-1])


def cohort(organisation, start: date, end: date):
    """Outcome records of the organisation's mentored people (not erased) whose follow-up
    started between the dates, with their first relationship's start and last one's end."""
    return (
        OutcomeRecord.objects.filter(
            organisation=organisation,
            mentee__erased_at__isnull=True,
            index_date__gte=start,
            index_date__lte=end,
            mentee__matches__started_on__isnull=False,
        )
        .annotate(
            started=Min("mentee__matches__started_on"),
            ended=Max("mentee__matches__ended_on"),
            still_under_way=Count(
                "mentee__matches",
                filter=Q(
                    mentee__matches__started_on__isnull=False,
                    mentee__matches__ended_on__isnull=True,
                ),
            ),
        )
        .select_related("mentee")
        .order_by("index_date", "mentee__reference")
    )


def rows(organisation, start: date, end: date) -> list[CohortRow]:
    records = list(cohort(organisation, start, end))
    if len(records) < JUSTICE_DATA_LAB_MINIMUM:
        raise CohortTooSmall(len(records))
    return [
        CohortRow(
            reference=record.mentee.reference,
            full_name=record.mentee.full_name,
            date_of_birth=record.mentee.date_of_birth,
            gender=record.get_gender_display() if record.gender else "",
            prison_number=record.mentee.prison_number,
            index_date=record.index_date,
            index_kind=record.get_index_kind_display(),
            started=record.started,
            ended=None if record.still_under_way else record.ended,
        )
        for record in records
    ]


def csv_text(cohort_rows: list[CohortRow]) -> str:
    def iso(value):
        return value.strftime("%d/%m/%Y") if value else ""

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in cohort_rows:
        surname, forenames = split_name(row.full_name)
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    row.reference,
                    surname,
                    forenames,
                    iso(row.date_of_birth),
                    row.gender,
                    row.prison_number,
                    iso(row.index_date),
                    row.index_kind,
                    iso(row.started),
                    iso(row.ended),
                )
            ]
        )
    return buffer.getvalue()
