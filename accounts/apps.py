from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        # Imported here, as Django wants: models are not ready when this module loads.
        from allauth.mfa.signals import authenticator_added

        from .mfa import record_new_totp_as_mfa_step

        authenticator_added.connect(record_new_totp_as_mfa_step)
