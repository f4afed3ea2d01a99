from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared pieces"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .form_messages import use_our_wording

        use_our_wording()
