"""Every change to accreditation records, each audited; applications' steps also go in their
timeline."""

from .applications import (
    NOT_EDITABLE,
    Problem,
    application_start,
    application_submit,
    changes_save,
    current_award,
    evidence_add,
    evidence_remove,
    open_application,
    renewal_opens_on,
    response_save,
    submission_problems,
    summary_attach,
)
from .assessment import (
    application_decide,
    application_return,
    application_take,
    award_withdraw,
    conflict_message,
    decision_problems,
    is_member,
    requirement_review,
    visit_record,
)
from .standard import standard_copy, standard_publish
from .support import support_request_create, support_request_reply

__all__ = [
    "NOT_EDITABLE",
    "Problem",
    "application_decide",
    "application_return",
    "application_start",
    "application_submit",
    "application_take",
    "award_withdraw",
    "changes_save",
    "conflict_message",
    "current_award",
    "decision_problems",
    "evidence_add",
    "evidence_remove",
    "is_member",
    "open_application",
    "renewal_opens_on",
    "requirement_review",
    "response_save",
    "standard_copy",
    "standard_publish",
    "submission_problems",
    "summary_attach",
    "support_request_create",
    "support_request_reply",
    "visit_record",
]
