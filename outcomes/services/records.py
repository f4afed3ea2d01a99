"""Every change to a mentee's outcome record, each audited. Answers that cannot be known yet
are refused with the date from which they can be."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from accounts.audit import audit_record, changed_fields
from accounts.constants import AuditAction
from mentees.models import Mentee

from ..constants import PATHWAY_OUTCOMES, Answer, IndexKind
from ..followup import FollowUp
from ..models import OutcomeRecord

REOFFENDING_FIELDS = (
    "index_date",
    "index_kind",
    "reoffended",
    "offence_date",
    "proven_on",
    "proven_by",
    "counts_as_proven",
    "reoffending_source",
    "returned_to_custody",
    "returned_on",
    "gender",
)
PATHWAY_FIELDS = (
    *(name for name, _label in PATHWAY_OUTCOMES),
    "wellbeing_start",
    "wellbeing_start_on",
    "wellbeing_end",
    "wellbeing_end_on",
)


def _day(value: date) -> str:
    return f"{value:%-d %B %Y}"


def suggested_start(mentee: Mentee) -> tuple[date | None, str]:
    """The follow-up start date to offer: the release date for someone released from custody,
    else the day their first relationship began in the community."""
    today = timezone.localdate()
    if mentee.prison_id and mentee.release_date and mentee.release_date <= today:
        return mentee.release_date, IndexKind.RELEASE
    first = mentee.matches.filter(started_on__isnull=False).aggregate(first=Min("started_on"))
    if first["first"]:
        return first["first"], IndexKind.COMMUNITY
    return None, ""


def record_for(mentee: Mentee) -> OutcomeRecord:
    """The mentee's outcome record, or a new unsaved one with the suggested start date."""
    record = OutcomeRecord.objects.filter(mentee=mentee).first()
    if record is None:
        index_date, index_kind = suggested_start(mentee)
        record = OutcomeRecord(
            organisation_id=mentee.organisation_id,
            mentee=mentee,
            index_date=index_date,
            index_kind=index_kind,
        )
    return record


def _locked_record(mentee: Mentee) -> OutcomeRecord:
    """The record, locked for this transaction; created first if it does not exist, so two
    forms sent at once still make one record."""
    Mentee.objects.select_for_update().get(pk=mentee.pk)
    record = OutcomeRecord.objects.select_for_update().filter(mentee=mentee).first()
    return record or OutcomeRecord(organisation_id=mentee.organisation_id, mentee=mentee)


def _refuse_if_erased(mentee: Mentee) -> None:
    if mentee.erased_at:
        raise ValidationError("This record has been erased: its outcomes cannot change.")


def check_reoffending(fields: dict, today: date) -> dict:
    """The fields as they will be saved, or a ValidationError naming each problem."""
    errors: dict[str, str] = {}
    index_date = fields.get("index_date")
    reoffended = fields.get("reoffended") or Answer.UNKNOWN
    returned = fields.get("returned_to_custody") or Answer.UNKNOWN
    answered = reoffended != Answer.UNKNOWN or returned != Answer.UNKNOWN
    if index_date and not fields.get("index_kind"):
        errors["index_kind"] = "Select whether the follow-up starts at release or in the community"
    if answered and index_date is None:
        errors["index_date"] = "Enter the follow-up start date before recording an answer"
    elif answered and index_date > today:
        errors["index_date"] = (
            f"The follow-up starts on {_day(index_date)}: answers can be recorded from then"
        )
    if errors:
        raise ValidationError(errors)

    cleaned = dict(fields)
    cleaned["counts_as_proven"] = False
    if reoffended != Answer.YES:
        cleaned["proven_on"], cleaned["proven_by"] = None, ""
    if reoffended == Answer.UNKNOWN:
        cleaned["offence_date"] = None
        cleaned["reoffending_source"] = ""
    else:
        follow_up = FollowUp(index_date)
        if not fields.get("reoffending_source"):
            errors["reoffending_source"] = "Select where the answer comes from"
        if reoffended == Answer.NO and not follow_up.is_complete(today):
            errors["reoffended"] = (
                f"You can answer no from {_day(follow_up.final_on)}, 18 months after the "
                "follow-up start date (12 months for an offence and 6 more for it to be proven). "
                "Until then the answer is not yet known"
            )
        if reoffended == Answer.NO:
            cleaned["offence_date"] = None
        if reoffended == Answer.YES:
            offence = fields.get("offence_date")
            if offence is None:
                errors["offence_date"] = "Enter the date of the offence"
            elif offence > today:
                errors["offence_date"] = "The offence date must be today or in the past"
            elif offence < index_date:
                errors["offence_date"] = (
                    f"The offence date must be on or after the follow-up start date, "
                    f"{_day(index_date)}"
                )
            elif not follow_up.counts(offence):
                errors["offence_date"] = (
                    f"Only an offence by {_day(follow_up.window_ends)} (12 months after the "
                    "start) counts as proven reoffending. If there was none, answer no"
                )
            proven_on = fields.get("proven_on")
            if proven_on is None:
                errors["proven_on"] = "Enter the date the offence was proven in court or cautioned"
            elif proven_on > today:
                errors["proven_on"] = "The date it was proven must be today or in the past"
            elif offence is not None and proven_on < offence:
                errors["proven_on"] = (
                    f"The date it was proven must be on or after the offence date, {_day(offence)}"
                )
            if not fields.get("proven_by"):
                errors["proven_by"] = "Select whether it was proven by a conviction or a caution"
            if "offence_date" not in errors and "proven_on" not in errors:
                cleaned["counts_as_proven"] = follow_up.proven_in_time(offence, proven_on)
    if returned == Answer.YES:
        returned_on = fields.get("returned_on")
        if returned_on is None:
            errors["returned_on"] = "Enter the date they returned to custody"
        elif returned_on > today:
            errors["returned_on"] = "The date they returned to custody must be today or in the past"
        elif index_date and returned_on < index_date:
            errors["returned_on"] = (
                f"The date they returned to custody must be on or after the follow-up start "
                f"date, {_day(index_date)}"
            )
    else:
        cleaned["returned_on"] = None
    if errors:
        raise ValidationError(errors)
    cleaned["reoffended"], cleaned["returned_to_custody"] = reoffended, returned
    return cleaned


def check_pathways(fields: dict, today: date) -> dict:
    errors: dict[str, str] = {}
    for which in ("start", "end"):
        score, on = fields.get(f"wellbeing_{which}"), fields.get(f"wellbeing_{which}_on")
        if score is not None and on is None:
            errors[f"wellbeing_{which}_on"] = f"Enter the date of the score at the {which}"
        elif on is not None and score is None:
            errors[f"wellbeing_{which}"] = f"Enter the score at the {which}, from 7 to 35"
        elif on is not None and on > today:
            errors[f"wellbeing_{which}_on"] = (
                f"The date of the {which} score must be today or in the past"
            )
    start_on, end_on = fields.get("wellbeing_start_on"), fields.get("wellbeing_end_on")
    if not errors and end_on and start_on and end_on <= start_on:
        errors["wellbeing_end_on"] = (
            f"The end score must be taken after the start score, on {_day(start_on)}"
        )
    if not errors and end_on and not start_on:
        errors["wellbeing_start"] = "Enter the score at the start before the score at the end"
    if errors:
        raise ValidationError(errors)
    return fields


def _save(actor, mentee, fields: dict, names, request, part: str) -> OutcomeRecord:
    record = _locked_record(mentee)
    created = record._state.adding
    values = {name: fields[name] for name in names if name in fields}
    changed = changed_fields(record, values)
    for name, value in values.items():
        setattr(record, name, value)
    answer = {"reoffended", "offence_date", "proven_on", "proven_by", "reoffending_source"}
    if answer & set(changed):
        record.reoffending_recorded_by = actor
        record.reoffending_recorded_at = timezone.now()
    record.updated_by = actor
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED if created else AuditAction.UPDATED,
        obj=record,
        organisation=mentee.organisation,
        request=request,
        details={"part": part, "fields": changed, "mentee": mentee.reference},
    )
    return record


@transaction.atomic
def outcome_record_reoffending(
    *,
    actor,
    mentee: Mentee,
    index_date: date | None,
    index_kind: str,
    reoffended: str,
    offence_date: date | None,
    proven_on: date | None,
    proven_by: str,
    reoffending_source: str,
    returned_to_custody: str,
    returned_on: date | None,
    gender: str,
    request=None,
) -> OutcomeRecord:
    """Proven reoffending, return to custody and the Justice Data Lab's gender."""
    fields = {
        "index_date": index_date,
        "index_kind": index_kind,
        "reoffended": reoffended,
        "offence_date": offence_date,
        "proven_on": proven_on,
        "proven_by": proven_by,
        "reoffending_source": reoffending_source,
        "returned_to_custody": returned_to_custody,
        "returned_on": returned_on,
        "gender": gender,
    }
    _refuse_if_erased(mentee)
    cleaned = check_reoffending(fields, timezone.localdate())
    return _save(actor, mentee, cleaned, REOFFENDING_FIELDS, request, "reoffending")


@transaction.atomic
def outcome_record_pathways(*, actor, mentee: Mentee, request=None, **fields) -> OutcomeRecord:
    """Pathway outcomes and the wellbeing scores."""
    _refuse_if_erased(mentee)
    cleaned = check_pathways(fields, timezone.localdate())
    return _save(actor, mentee, cleaned, PATHWAY_FIELDS, request, "pathways")


def record_view(*, actor, mentee: Mentee, request=None) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.VIEWED,
        obj=mentee,
        organisation=mentee.organisation,
        request=request,
        details={"part": "outcomes"},
    )


# --- Subject access and erasure (called by mentees.services.privacy) -------------------------


def outcome_export(mentee: Mentee) -> list[dict] | None:
    """The outcome record as labelled facts, for subject access."""
    record = OutcomeRecord.objects.filter(mentee=mentee).first()
    if record is None:
        return None

    def iso(value):
        return value.isoformat() if value else ""

    facts = [
        ("Follow-up start", iso(record.index_date)),
        ("Follow-up start kind", record.get_index_kind_display()),
        ("Proven reoffending", record.get_reoffended_display()),
        ("Offence date", iso(record.offence_date)),
        ("Date proven", iso(record.proven_on)),
        ("Proven by", record.get_proven_by_display()),
        ("Where the answer comes from", record.get_reoffending_source_display()),
        ("Returned to custody", record.get_returned_to_custody_display()),
        ("Date returned to custody", iso(record.returned_on)),
        *((label, getattr(record, f"get_{name}_display")()) for name, label in PATHWAY_OUTCOMES),
        ("Wellbeing score at the start", record.wellbeing_start or ""),
        ("Date of the start score", iso(record.wellbeing_start_on)),
        ("Wellbeing score at the end", record.wellbeing_end or ""),
        ("Date of the end score", iso(record.wellbeing_end_on)),
        ("Gender (for the Justice Data Lab)", record.get_gender_display()),
    ]
    return [{"label": label, "value": value} for label, value in facts]


def outcome_erase(mentee: Mentee) -> None:
    """Keep what reports count (answers, dates to the month); drop gender and exact dates."""

    def month(value):
        return value.replace(day=1) if value else None

    record = OutcomeRecord.objects.select_for_update().filter(mentee=mentee).first()
    if record is None:
        return
    for name in (
        "index_date",
        "offence_date",
        "proven_on",
        "returned_on",
        "wellbeing_start_on",
        "wellbeing_end_on",
    ):
        setattr(record, name, month(getattr(record, name)))
    record.gender = ""
    record.save()
