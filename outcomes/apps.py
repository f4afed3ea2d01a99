from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "outcomes"

    def ready(self):
        from mentees.merging import on_merge

        from .merging import move_outcome_record

        on_merge(move_outcome_record)
