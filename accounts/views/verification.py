"""Confirming an email address: send the link again to someone whose first email did not come.

The answer is the same whether or not an account is waiting for that address, so nobody can use
it to find out who has an account. allauth's "confirm_email" rate limit (one email to an address
every few minutes) applies, so nobody can use it to flood an inbox either.
"""

from allauth.account.internal.flows.email_verification import (
    send_verification_email_to_address,
)
from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.fields import posted

from ..middleware import public_page


class SendAgainForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address you used to create your account",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Email address must be 254 characters or fewer",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


@public_page
@require_http_methods(["GET", "POST"])
def send_again(request):
    form = SendAgainForm(posted(request), initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        address = (
            EmailAddress.objects.filter(email__iexact=email, verified=False)
            .select_related("user")
            .first()
        )
        if address is not None:
            send_verification_email_to_address(request, address)
            # allauth adds its own "sent" message; ours below says the same for everyone.
            list(messages.get_messages(request))
        messages.success(
            request,
            f"If {email} is waiting to be confirmed, we have sent a new link to it. It can take a "
            "few minutes to arrive. We send at most one email every 3 minutes.",
        )
        return redirect("account_email_verification_sent")
    return render(
        request, "account/send_again.html", {"form": form}, status=400 if form.errors else 200
    )
