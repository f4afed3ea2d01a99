from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator


def record_new_totp_as_mfa_step(sender, request, user, authenticator, **kwargs):
    """Setting up TOTP means typing a valid code, so count it as this session's MFA step.

    Without this, a staff user made to set up MFA would be asked for a code straight after.
    """
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, method="mfa", type="totp", id=authenticator.pk)
