"""Django's password rules, saying what is wrong in our words (AUTH_PASSWORD_VALIDATORS)."""

from django.contrib.auth import password_validation as django_rules
from django.core.exceptions import ValidationError


class MinimumLengthValidator(django_rules.MinimumLengthValidator):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                f"Your password must be {self.min_length} characters or more",
                code="password_too_short",
            )

    def get_help_text(self):
        return f"Your password must be {self.min_length} characters or more"


class UserAttributeSimilarityValidator(django_rules.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                "Your password is too like your name or email address. Choose another.",
                code="password_too_similar",
            ) from error

    def get_help_text(self):
        return "Your password must not be like your name or email address"


class CommonPasswordValidator(django_rules.CommonPasswordValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                "This password is one that many people use, so it is easy to guess. Choose "
                "another.",
                code="password_too_common",
            ) from error

    def get_help_text(self):
        return "Your password must not be one that many people use"


class NumericPasswordValidator(django_rules.NumericPasswordValidator):
    def validate(self, password, user=None):
        if password.isdigit():
            raise ValidationError(
                "Your password must not be only numbers", code="password_entirely_numeric"
            )

    def get_help_text(self):
        return "Your password must not be only numbers"
