"""allauth's account adapter, changed only where Open Gate needs something else."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied, ValidationError

from .addresses import client_ip
from .ratelimits import signin_failed, signin_succeeded, signin_wait, wait_in_words


def _login(credentials: dict) -> str:
    return credentials.get("email") or credentials.get("username") or ""


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The address the audit log records (accounts.addresses), so that behind our load
        balancer the rate limits count each visitor, not the balancer all of them come through,
        and without one no visitor can choose the address they are counted under."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def pre_authenticate(self, request, **credentials) -> None:
        """Our sign-in limit (accounts.ratelimits) in place of allauth's per-address and
        per-account one, which let anyone lock out an office or a person. allauth's
        "login_failed" rate still limits codes typed at the two-factor step."""
        wait = signin_wait(request, _login(credentials))
        if wait:
            raise ValidationError(
                "There have been too many wrong passwords for this account. "
                f"Wait {wait_in_words(wait)}, then try again.",
                code="too_many_login_attempts",
            )

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None:
            signin_succeeded(request, _login(credentials))
        return user

    def authentication_failed(self, request, **credentials) -> None:
        signin_failed(request, _login(credentials))
