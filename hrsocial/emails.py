"""E-mail from templates, in the recipient's language.

Each e-mail is a triple in templates/emails/: `<name>_subject.txt`, `<name>.txt` and
`<name>.html`, rendered with the recipient's preferred language active. The subject and the
plain-text part are rendered without HTML escaping ("foto's", "Q&A" as written, never
"foto&#x27;s"); only the HTML part escapes.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def render_text(template_name: str, context: dict) -> str:
    """A subject or plain-text part: the template language without HTML autoescaping."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def build_templated_email(
    *, template: str, recipient, context: dict, connection=None, to=None, headers=None
):
    """`to` replaces the recipient's own address (alumni: a private address); `headers` are
    extra message headers (the newsletter's List-Unsubscribe, RFC 8058)."""
    context = {"recipient": recipient, "site_url": settings.SITE_URL, **context}
    with translation.override(recipient.language_for_email):
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        text = render_text(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to or recipient.email],
        connection=connection,
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_templated_email(
    *, template: str, recipient, context: dict, connection=None, to=None, headers=None
) -> None:
    build_templated_email(
        template=template,
        recipient=recipient,
        context=context,
        connection=connection,
        to=to,
        headers=headers,
    ).send()
