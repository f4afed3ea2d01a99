from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"

    def ready(self):
        from mentees.merging import on_merge

        from .merging import move_relationships

        on_merge(move_relationships)
