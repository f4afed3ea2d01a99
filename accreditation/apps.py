from django.apps import AppConfig


class AccreditationConfig(AppConfig):
    name = "accreditation"

    def ready(self):
        # Imported here, as Django wants: models are not ready when this module loads.
        from accounts.services import role_change_checks
        from providers.querysets import accreditation

        from .querysets import accredited, accredited_until
        from .services.assessment import assessor_must_finish

        if assessor_must_finish not in role_change_checks:
            role_change_checks.append(assessor_must_finish)
        accreditation.register(accredited=accredited, accredited_until=accredited_until)
