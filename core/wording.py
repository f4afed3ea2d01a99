"""Counts and durations as people say them: "today", "yesterday", "3 days ago"; "1 mentor",
"2 mentors". One place, so every page and notification says them the same way."""


def days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """counted(1, "mentor") is "1 mentor"; counted(3, "mentor") is "3 mentors"."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
