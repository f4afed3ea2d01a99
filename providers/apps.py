from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "providers"

    def ready(self):
        from .council_version import connect_signals

        connect_signals()
