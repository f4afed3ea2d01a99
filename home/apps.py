from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top layer: pages that compose several apps (the signed-in home) and the demo seed."""

    name = "home"
