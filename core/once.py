"""Every create-form sent twice (a double click, the back button, two tabs, a retry) makes one
record and lands on the same confirmation.

The form carries a random key in a hidden field (`SubmitOnceForm`), drawn when the page is
shown. The service creates its record through `create_once`, inside its own transaction: it first
claims the key by inserting it as the primary key of a `Submission` row. A second request with
the same key waits on that insert until the first commits, then finds the claim and gets the first
record back instead of making another (and sending another email). If the first fails and rolls
back, its claim goes too, and the second goes ahead.
"""

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from .models import Submission

T = TypeVar("T", bound=models.Model)


class SubmitOnceForm(forms.Form):
    """Mix into a form (first in its bases) whose sending makes a record. A model form changing
    a record that exists has no key: only making one can be repeated by accident."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and not instance._state.adding:
            del self.fields["submission_key"]
        elif not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


def create_once(*, actor, key: uuid.UUID | None, model: type[T], create: Callable[[], T]) -> T:
    """`create()`'s record, or, if `actor` already sent this key, the record that made. Call it
    inside the service's transaction.atomic, with the service's checks inside `create`."""
    if key is None or actor is None or not actor.is_authenticated:
        return create()  # Nothing to tell one sending from another.
    try:
        with transaction.atomic():
            claim = Submission.objects.create(key=key, user=actor)
    except IntegrityError:
        earlier = Submission.objects.filter(key=key, user=actor).first()
        found = (
            model.objects.filter(pk=earlier.object_id).first()
            if earlier is not None and earlier.object_type == model._meta.label_lower
            else None
        )
        if found is None:  # Someone else's key, or a different form's: treat as new.
            return create()
        return found
    record = create()
    claim.object_type, claim.object_id = record._meta.label_lower, str(record.pk)
    claim.save(update_fields=["object_type", "object_id"])
    return record


def forget_old_submissions(*, days: int) -> int:
    """Delete the claims of forms sent more than `days` ago. A key only has to outlive a double
    click, a retry or the back button; past that, a form sent again makes a new record."""
    before = timezone.now() - timedelta(days=days)
    deleted, _ = Submission.objects.filter(created_at__lt=before).delete()
    return deleted
