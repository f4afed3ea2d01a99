"""allauth's account adapter, changed only where Open Gate needs something else."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from core.emails import html_version

from .addresses import client_ip
from .ratelimits import signin_failed, signin_succeeded, signin_wait, wait_in_words


def _login(credentials: dict) -> str:
    return credentials.get("email") or credentials.get("username") or ""


class AccountAdapter(DefaultAccountAdapter):
    # allauth's messages, in our words (tests/security/test_form_wording.py checks none of
    # allauth's own reach anyone).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": "This account is closed. Contact us if you think this is wrong.",
        "cannot_remove_primary_email": "You cannot remove the email address you sign in with",
        "duplicate_email": "This email address is already on your account",
        "email_password_mismatch": "Enter the email address and password of your account. "
        "One of them is wrong.",
        "email_taken": "There is already an account with this email address. Sign in instead.",
        "enter_current_password": "Enter your current password",
        "incorrect_code": "The code is wrong. Check it and try again.",
        "incorrect_password": "The password is wrong. Check it and try again.",
        "invalid_or_expired_key": "This link has expired or does not work",
        "invalid_login": "We could not sign you in. Try again.",
        "invalid_password_reset": "This link to reset your password has expired or does not "
        "work. Ask for a new one.",
        "max_email_addresses": "You cannot add more than %d email addresses",
        "too_many_login_attempts": "There have been too many wrong tries. Wait a few minutes, "
        "then try again.",
        "unknown_email": "There is no account with this email address",
        "unverified_primary_email": "Confirm your email address first",
        "select_only_one": "Select one answer only",
        "same_as_current": "Enter something different from what you have now",
        "rate_limited": "You have tried too many times. Wait a few minutes, then try again.",
    }

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
        per-account one, which let anyone lock out an office or a person. Codes typed at the
        two-factor step are limited the same way (accounts.mfa_forms)."""
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

    # Where someone was going when they created their account, kept in their session until
    # they have confirmed their email address and signed in.
    NEXT_AFTER_VERIFICATION = "next_after_email_verification"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        super().send_mail(
            template_prefix, email, {"SERVICE_NAME": settings.SERVICE_NAME, **context}
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's emails in our words (templates/account/email/), in plain text and in the
        same HTML layout as every other email we send (core.emails)."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(html_version(message.body), "text/html")
        return message

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        wanted = request.POST.get("next") or request.GET.get("next") or ""
        if wanted and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            request.session[self.NEXT_AFTER_VERIFICATION] = wanted
        return user

    def get_email_verification_redirect_url(self, email_address) -> str:
        """After confirming their email address, someone signs in and goes back to where they
        were when they created the account (say, applying to volunteer), not to a home page
        that has nothing for them yet."""
        if self.request.user.is_authenticated:
            return super().get_email_verification_redirect_url(email_address)
        wanted = self.request.session.get(self.NEXT_AFTER_VERIFICATION)
        login = reverse("account_login")
        return f"{login}?{urlencode({'next': wanted})}" if wanted else login

    def get_login_redirect_url(self, request) -> str:
        """A volunteer applicant who belongs to no organisation goes to their applications,
        when nothing else says where to go."""
        user = request.user
        if (
            not user.platform_role
            and not user.memberships.filter(removed_at__isnull=True).exists()
            and user.volunteer_applications.exists()
        ):
            return reverse("volunteers:volunteer_applications")
        return super().get_login_redirect_url(request)


class MFAAdapter(DefaultMFAAdapter):
    # allauth's two-factor messages, in our words, like the account adapter's.
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "add_email_blocked": "You cannot add an email address while your account has a second "
        "step to sign in. Contact us to change it.",
        "cannot_delete_authenticator": "You cannot turn off your authenticator app",
        "cannot_generate_recovery_codes": "Set up an authenticator app first. Then you can make "
        "backup codes.",
        "incorrect_code": "The code is wrong. Check it and try again.",
        "unverified_email": "Confirm your email address before you set up an authenticator app",
    }
