"""Where a request comes from: the one answer used by the audit log and every rate limit.

A client can put anything in X-Forwarded-For, so the header is believed only as far as it was
written by our own proxies. settings.TRUSTED_PROXIES lists their networks and is empty by
default ("no proxy"): then the address is the one the connection came from. With proxies
listed, we walk the header from the right, past each hop a trusted proxy added, and stop at the
first address that is not one of our proxies: that is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple[Network, ...]:
    """Our proxies' networks, e.g. "10.0.0.0/8" or "172.18.0.5" (checked at start-up)."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def _address(value: str | None) -> Address | None:
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def from_our_proxy(request) -> bool:
    """Whether this connection came from one of our own proxies (never, with none declared)."""
    address = _address(request.META.get("REMOTE_ADDR"))
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


class ForwardedProtoFromOurProxiesMiddleware:
    """Forgets X-Forwarded-Proto unless one of our own proxies sent the request.

    Django believes SECURE_PROXY_SSL_HEADER from anyone. Reached directly, a client could say
    "https" over plain http and be treated as secure (no redirect to https). settings only sets
    SECURE_PROXY_SSL_HEADER when TRUSTED_PROXIES is declared; this drops the header from anyone
    else, so a client that reaches gunicorn round the balancer cannot use it either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_FORWARDED_PROTO" in request.META and not from_our_proxy(request):
            del request.META["HTTP_X_FORWARDED_PROTO"]
        return self.get_response(request)


def client_ip(request) -> str | None:
    """The client's address, believing X-Forwarded-For only as far as our own proxies."""
    if request is None:
        return None
    address = _address(request.META.get("REMOTE_ADDR"))
    if address is None:
        return None
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while hops and any(address in network for network in networks):
        added_by_our_proxy = _address(hops.pop())
        if added_by_our_proxy is None:
            break  # not an address: keep the last one we can vouch for
        address = added_by_our_proxy
    return str(address)
