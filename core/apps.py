from django.apps import AppConfig

from .form_messages import use_our_wording

# Before any app's models or forms are imported: a form class builds its fields' messages when
# it is defined, so ours must be in place first.
use_our_wording()


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared pieces"
    default_auto_field = "django.db.models.BigAutoField"
