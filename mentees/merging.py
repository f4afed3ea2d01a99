"""What moves when two case records of one person are merged. Higher apps (matching,
outcomes) own rows that point at a mentee; each registers here, in its AppConfig.ready(), a
function moving its rows from the merged record to the kept one, or refusing with a message
(a ValidationError) when it cannot. mentees never imports them."""

from collections.abc import Callable

# function(*, merged, kept) -> None, run inside the merge's transaction with both rows locked.
MERGE_STEPS: list[Callable] = []


def on_merge(step: Callable) -> Callable:
    if step not in MERGE_STEPS:
        MERGE_STEPS.append(step)
    return step
