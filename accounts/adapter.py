"""allauth's account adapter, changed only where Open Gate needs something else."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from .audit import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """The address the audit log records (trusting X-Forwarded-For only as far as
        settings.TRUSTED_PROXY_COUNT), so that behind our load balancer the rate limits count
        each visitor, not the balancer that all of them come through."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip
