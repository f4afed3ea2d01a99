"""When a proven reoffending answer can be known, on the Ministry of Justice definition.

An offence counts if it was committed in the 12 months after the start date (release from
custody, or the start in the community) and proven by a conviction or caution in that year or a
further 6 months. So "yes" can be known as soon as an offence in the year is proven, but "no" is
only final 18 months after the start date; until then the answer is "not yet known".
"""

from dataclasses import dataclass
from datetime import date

from core.dates import add_months

from .constants import ANSWER_FINAL_AFTER_MONTHS, FOLLOW_UP_MONTHS


@dataclass(frozen=True)
class FollowUp:
    index_date: date

    @property
    def window_ends(self) -> date:
        """The last day an offence counts: 12 months after the start date, less a day."""
        return date.fromordinal(add_months(self.index_date, FOLLOW_UP_MONTHS).toordinal() - 1)

    @property
    def final_on(self) -> date:
        """The day the answer becomes final: 18 months after the start date (a day or two
        later from the end of a long month, so that it agrees with `is_complete`)."""
        day = add_months(self.index_date, ANSWER_FINAL_AFTER_MONTHS)
        while not self.is_complete(day):
            day = date.fromordinal(day.toordinal() + 1)
        return day

    def is_complete(self, today: date) -> bool:
        # The same test the reports make in the database, so the two always agree.
        return self.index_date <= complete_if_started_by(today)

    def counts(self, offence_date: date) -> bool:
        return self.index_date <= offence_date <= self.window_ends

    @property
    def proof_by(self) -> date:
        """The last day a conviction or caution proves an offence: 18 months after the start."""
        return add_months(self.index_date, ANSWER_FINAL_AFTER_MONTHS)

    def proven_in_time(self, offence_date: date, proven_on: date) -> bool:
        return self.counts(offence_date) and offence_date <= proven_on <= self.proof_by


def complete_if_started_by(today: date) -> date:
    """The latest start date whose follow-up is complete on `today`."""
    return add_months(today, -ANSWER_FINAL_AFTER_MONTHS)
