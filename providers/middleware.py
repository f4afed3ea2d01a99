from core.row_security import tenant_scope

from .tenancy import choose_active_membership, load_memberships


class ActiveMembershipMiddleware:
    """Puts request.memberships and request.membership (the one the user acts for) on requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.memberships = load_memberships(request.user)
        request.membership = choose_active_membership(request.session, request.memberships)
        return self.get_response(request)


class TenantRowSecurityMiddleware:
    """While a request acts for an organisation, Postgres shows it only that organisation's rows
    of the tenant tables (core/row_security.py), whatever a query forgets to filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        membership = getattr(request, "membership", None)
        if membership is None:
            return self.get_response(request)
        with tenant_scope(membership.organisation_id):
            return self.get_response(request)
