from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "outcomes"

    def ready(self):
        # Imported here, as Django wants: models are not ready when this module loads.
        from mentees import record_parts
        from mentees.merging import on_merge

        from .merging import move_outcome_record
        from .services.records import outcome_erase, outcome_export

        record_parts.register(
            record_parts.RecordPart(key="outcomes", export=outcome_export, erase=outcome_erase)
        )
        on_merge(move_outcome_record)
