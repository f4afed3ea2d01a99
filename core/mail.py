"""Django's EMAIL_BACKEND: sending an email writes it to the outbox (core/outbox.py) instead,
one row per address, in the caller's transaction. The relay sends it with
OUTBOX_DELIVERY_BACKEND (SMTP in production) once that transaction has committed."""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from . import outbox
from .tasks import kick_relay


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        written = 0
        with transaction.atomic():
            for message in email_messages:
                if message.attachments:
                    raise ValueError("The outbox does not carry attachments; send a link instead.")
                html = next(
                    (
                        content
                        for content, kind in getattr(message, "alternatives", []) or []
                        if kind == "text/html"
                    ),
                    "",
                )
                headers = {
                    name: value
                    for name, value in message.extra_headers.items()
                    if name.lower() not in {"message-id", "to", "from", "subject"}
                }
                if message.reply_to:
                    headers["Reply-To"] = ", ".join(message.reply_to)
                for address in message.recipients():
                    outbox.enqueue(
                        recipient=address,
                        subject=str(message.subject),
                        body=str(message.body),
                        from_email=message.from_email,
                        html_body=str(html),
                        headers=headers,
                    )
                written += 1
            if written:
                transaction.on_commit(kick_relay)
        return written
