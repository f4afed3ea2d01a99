"""Every state change in volunteers/: one module per part, re-exported here."""

from .mentors import mentor_set_status, mentor_update, supervision_create
from .vetting import (
    application_approve,
    application_reject,
    dbs_check_record,
    dbs_risk_decide,
    interview_save,
    reference_record,
    training_record_add,
    vetting_checklist,
)
from .volunteering import (
    application_save_draft,
    application_save_step,
    application_start,
    application_submit,
    application_withdraw,
    submission_problems,
    training_module_create,
    training_module_update,
    volunteer_role_create,
    volunteer_role_set_status,
    volunteer_role_update,
)

__all__ = [
    "application_approve",
    "application_reject",
    "application_save_draft",
    "application_save_step",
    "application_start",
    "application_submit",
    "application_withdraw",
    "dbs_check_record",
    "dbs_risk_decide",
    "interview_save",
    "mentor_set_status",
    "mentor_update",
    "reference_record",
    "submission_problems",
    "supervision_create",
    "training_module_create",
    "training_module_update",
    "training_record_add",
    "vetting_checklist",
    "volunteer_role_create",
    "volunteer_role_set_status",
    "volunteer_role_update",
]
