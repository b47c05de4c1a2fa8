"""E-mail from templates, in the recipient's language.

Each e-mail is a triple in templates/emails/: `<name>_subject.txt`, `<name>.txt` and
`<name>.html`, rendered with the recipient's preferred language active.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def build_templated_email(*, template: str, recipient, context: dict, connection=None):
    context = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
    with translation.override(recipient.language_for_email):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[recipient.email], connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_email(*, template: str, recipient, context: dict, connection=None) -> None:
    build_templated_email(
        template=template, recipient=recipient, context=context, connection=connection
    ).send()
