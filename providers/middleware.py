from .tenancy import choose_active_membership, load_memberships


class ActiveMembershipMiddleware:
    """Puts request.memberships and request.membership (the one the user acts for) on requests."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.memberships = load_memberships(request.user)
        request.membership = choose_active_membership(request.session, request.memberships)
        return self.get_response(request)
