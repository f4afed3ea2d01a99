from django.conf import settings
from django.db import models


class Submission(models.Model):
    """A form sent once: its key (a hidden field the form was drawn with) is the primary key, so
    the same form sent again, even at the same moment, finds the first one (see core/once.py)."""

    key = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Submission {self.key} ({self.object_type} {self.object_id})"
