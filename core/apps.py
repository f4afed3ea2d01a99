from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate

from .form_messages import use_our_wording
from .row_security import enable_row_security

# Before any app's models or forms are imported: a form class builds its fields' messages when
# it is defined, so ours must be in place first.
use_our_wording()


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared pieces"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_row_security_after_migrating, sender=self)


def _row_security_after_migrating(sender, using, **kwargs) -> None:
    """After every migrate (all apps' tables are there by now), make sure each tenant table
    has row security and our policy: idempotent, so new and changed tables are covered."""
    enable_row_security(connections[using])
