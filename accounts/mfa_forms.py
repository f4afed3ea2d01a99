"""allauth's two-factor code forms, limited by accounts.ratelimits.MFA_CODES in place of
allauth's own limit.

allauth refuses every further code for an account, from anywhere, after a few wrong ones, so
whoever learnt a password could keep its owner out of their second factor. Ours counts per
account and address with a growing wait (see accounts/ratelimits.py), and is reached only by
someone who has just typed the password or is signed in. settings.ACCOUNT_RATE_LIMITS turns
allauth's "login_failed" limit off, so every form that used it is limited here instead.
"""

from collections.abc import Callable
from typing import TypeVar

from allauth.core import context
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.core.exceptions import ValidationError

from .ratelimits import MFA_CODES, wait_in_words

Checked = TypeVar("Checked")


def tries_limited(user, check: Callable[[], Checked]) -> Checked:
    """Run `check` (a form's code or passkey check) unless this account must wait here first;
    count its failure or clear the count on success."""
    if user is None:
        # A passkey sign-in names its account in what the browser sends: counting it would let
        # anyone slow someone else down, and a passkey cannot be guessed.
        return check()
    request = context.request
    who = str(user.pk)
    wait = MFA_CODES.wait(request, who)
    if wait:
        raise ValidationError(
            f"There have been too many wrong codes. Wait {wait_in_words(wait)}, then try again.",
            code="too_many_login_attempts",
        )
    try:
        value = check()
    except ValidationError:
        MFA_CODES.failed(request, who)
        raise
    MFA_CODES.succeeded(request, who)
    return value


class AuthenticateCodeForm(AuthenticateForm):
    def clean_code(self) -> str:
        return tries_limited(self.user, super().clean_code)


class ReauthenticateCodeForm(ReauthenticateForm):
    def clean_code(self) -> str:
        return tries_limited(self.user, super().clean_code)


class ActivateTotpForm(ActivateTOTPForm):
    def clean_code(self) -> str:
        return tries_limited(self.user, super().clean_code)
