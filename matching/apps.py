from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"

    def ready(self):
        # Imported here, as Django wants: models are not ready when this module loads.
        from mentees import record_parts
        from mentees.merging import on_merge

        from .merging import move_relationships
        from .services.privacy import live_relationship_problem, matching_erase, matching_export

        record_parts.register(
            record_parts.RecordPart(
                key="mentoring",
                export=matching_export,
                erase=matching_erase,
                blocker=live_relationship_problem,
            )
        )
        on_merge(move_relationships)
