"""allauth's passkey (WebAuthn) forms, with a message of ours for a credential they cannot read.

fido2 answers a malformed credential (missing fields, wrong types) with KeyError or TypeError,
which allauth lets through as a 500. Anyone can post one; the page says plainly it did not work.
"""

from allauth.mfa.webauthn.forms import (
    AddWebAuthnForm,
    AuthenticateWebAuthnForm,
    EditWebAuthnForm,
    LoginWebAuthnForm,
    ReauthenticateWebAuthnForm,
)
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from .mfa_forms import tries_limited

NOT_READ = (
    "Your passkey could not be checked. Try again, or use your authenticator app or password "
    "instead."
)
NAME_LONGEST = 100
UNREADABLE = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def _our_words(form) -> None:
    form.fields["credential"].error_messages.update(invalid=NOT_READ, required=NOT_READ)


class AddPasskeyForm(AddWebAuthnForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _our_words(self)

    def clean(self) -> dict:
        try:
            return super().clean()
        except UNREADABLE as error:
            raise ValidationError(NOT_READ, code="passkey_not_read") from error


class _ReadsCredential:
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _our_words(self)

    def clean_credential(self):
        return tries_limited(self.user, self._read_credential)

    def _read_credential(self):
        try:
            return super().clean_credential()
        except UNREADABLE as error:
            raise ValidationError(NOT_READ, code="passkey_not_read") from error
        except ValidationError as error:
            # allauth says "Incorrect code" of a passkey it could not match: not what happened
            if getattr(error, "code", None) == "incorrect_code":
                raise ValidationError(NOT_READ, code="passkey_not_read") from error
            raise


class AuthenticatePasskeyForm(_ReadsCredential, AuthenticateWebAuthnForm):
    pass


class LoginPasskeyForm(_ReadsCredential, LoginWebAuthnForm):
    pass


class ReauthenticatePasskeyForm(_ReadsCredential, ReauthenticateWebAuthnForm):
    pass


class EditPasskeyForm(EditWebAuthnForm):
    """Renaming a passkey: a name of a sensible length, asked for in our words."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.max_length = NAME_LONGEST
        name.validators.append(
            MaxLengthValidator(
                NAME_LONGEST, message=f"The name must be {NAME_LONGEST} characters or fewer"
            )
        )
        name.error_messages.update(required="Enter a name for this passkey")

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Enter a name for this passkey", code="required")
        return name
