"""E-mail to candidates, who are not users: an outbox of their own (`CandidateMessage`).

The message is rendered in the candidate's language and written in the event's transaction
under a unique key (so the same event cannot make it twice); the task sends it after the
commit and marks it sent under a row lock (so a retry never sends it twice). The rendering
uses hrsocial.emails with the application (or question) as recipient: it has `.email` and
`.language_for_email`.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.utils import timezone

from hrsocial.emails import build_templated_email
from recruitment.models import CandidateMessage


def message_queue(*, key: str, template: str, recipient, context: dict, application=None):
    """Write the message once (a second call with the same key does nothing) and send it
    after the commit. Returns the message, or None when it existed already."""
    if not recipient.email:
        return None
    email = build_templated_email(template=template, recipient=recipient, context=context)
    html = email.alternatives[0][0] if email.alternatives else ""
    try:
        with transaction.atomic():
            message = CandidateMessage.objects.create(
                key=key,
                application=application,
                to=recipient.email,
                language=recipient.language_for_email,
                template=template,
                subject=email.subject,
                body=email.body,
                html=html,
            )
    except IntegrityError:
        return None
    from recruitment import tasks

    transaction.on_commit(lambda: tasks.send_candidate_message.delay(message.pk), robust=True)
    return message


def message_send(*, message_id: int) -> bool:
    """Send one message if it has not been sent; True when this call sent it."""
    with transaction.atomic():
        message = CandidateMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.sent_at is not None or not message.to:
            return False
        email = EmailMultiAlternatives(subject=message.subject, body=message.body, to=[message.to])
        if message.html:
            email.attach_alternative(message.html, "text/html")
        email.send()
        message.sent_at = timezone.now()
        message.save(update_fields=["sent_at"])
    return True
