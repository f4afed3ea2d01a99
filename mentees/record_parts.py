"""What the apps above this one hold about a mentee, for the record's export, erasure and closing.

A mentee's record reaches into matching (relationships, meetings, must-not-match pairs) and
outcomes (follow-ups). This app sits below both, so it cannot import them: each registers a
RecordPart here from its AppConfig.ready, and the subject access export, the erasure and the
closing of a record ask every registered part in turn.
"""

from collections.abc import Callable
from dataclasses import dataclass


def _nothing_blocks(mentee) -> str | None:
    return None


@dataclass(frozen=True)
class RecordPart:
    key: str  # its section of the subject access export
    export: Callable[[object], object]
    erase: Callable[[object], None]  # called inside the erasure's transaction, row locked
    # Why the record cannot be closed or erased yet, or None.
    blocker: Callable[[object], str | None] = _nothing_blocks


_parts: dict[str, RecordPart] = {}


def register(part: RecordPart) -> None:
    _parts[part.key] = part


def parts() -> list[RecordPart]:
    return list(_parts.values())
