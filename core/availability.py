"""When someone can meet: days of the week and parts of the day, stored as "<day>_<part>"
codes. Volunteers give theirs, mentees theirs, and matching compares the two."""

from django.db import models


class Day(models.TextChoices):
    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    SATURDAY = "sat", "Saturday"
    SUNDAY = "sun", "Sunday"


class PartOfDay(models.TextChoices):
    MORNING = "morning", "Morning"
    AFTERNOON = "afternoon", "Afternoon"
    EVENING = "evening", "Evening"


# Availability is stored as a list of "<day>_<part>" codes, e.g. "mon_evening", in this order.
AVAILABILITY_SLOTS = [f"{day.value}_{part.value}" for day in Day for part in PartOfDay]
AVAILABILITY_CHOICES = [
    (f"{day.value}_{part.value}", f"{day.label} {part.label.lower()}")
    for day in Day
    for part in PartOfDay
]
