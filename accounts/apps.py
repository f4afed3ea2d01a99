from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .mfa import record_new_totp_as_mfa_step

        authenticator_added.connect(record_new_totp_as_mfa_step)
