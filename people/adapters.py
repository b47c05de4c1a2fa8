from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from hrsocial.emails import render_text


def portal_site() -> Site:
    """The portal as allauth's templates see it: name and domain from the settings, so an
    e-mail never says example.com, whatever the Site row holds."""
    return Site(
        id=settings.SITE_ID, domain=urlsplit(settings.SITE_URL).netloc, name=settings.PORTAL_NAME
    )


def _on_site(url: str) -> str:
    """Links in e-mails point at SITE_URL (as the invitation does), not at the request's host."""
    parts = urlsplit(url)
    return settings.SITE_URL + parts.path + (f"?{parts.query}" if parts.query else "")


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Employees never sign themselves up; alumni and freelancers may when it is opened."""
        return settings.SELF_SIGNUP_ENABLED

    def format_email_subject(self, subject):
        return f"[{settings.PORTAL_NAME}] {subject}"

    def get_email_confirmation_url(self, request, emailconfirmation):
        return _on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return _on_site(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails in the recipient's chosen language, not the browser's.

        Someone without an account (a reset for an unknown address) gets the page's language.
        """
        recipient = context.get("user") or self._account_of(email)
        language = recipient.language_for_email if recipient else translation.get_language()
        ctx = {
            "request": self.request,
            "email": email,
            "recipient": recipient,
            "current_site": portal_site(),
            "portal_name": settings.PORTAL_NAME,
            "site_url": settings.SITE_URL,
            "site_domain": urlsplit(settings.SITE_URL).netloc,
            "self_signup_enabled": settings.SELF_SIGNUP_ENABLED,
            **context,
        }
        with translation.override(language or settings.LANGUAGE_CODE):
            message = self.render_mail(template_prefix, email, ctx)
        message.send()

    @staticmethod
    def _account_of(email):
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        return address.user if address else None

    def render_mail(self, template_prefix, email, context, headers=None):
        """The portal's subject / text / HTML triple (templates/account/email/)."""
        to = [email] if isinstance(email, str) else email
        subject = " ".join(render_text(f"{template_prefix}_subject.txt", context).split())
        text = render_text(f"{template_prefix}_message.txt", context).strip()
        message = EmailMultiAlternatives(
            self.format_email_subject(subject), text, self.get_from_email(), to, headers=headers
        )
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:
            pass  # allauth's notices we have not restyled go out as text
        else:
            message.attach_alternative(html, "text/html")
        return message


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """Single sign-on signs in people who already have an account, nobody new."""
        return False

    def pre_social_login(self, request, sociallogin):
        """Remember whether this identity provider's sign-in counts as two factors
        (people.permissions.sso_counts_as_second_factor); a password sign-in never does."""
        from people.permissions import SSO_MFA_SESSION_KEY, sso_counts_as_second_factor

        super().pre_social_login(request, sociallogin)
        data = sociallogin.account.extra_data or {}
        claims = {**data.get("id_token", {}), **data} if isinstance(data, dict) else {}
        provider = sociallogin.account.provider
        request.session[SSO_MFA_SESSION_KEY] = sso_counts_as_second_factor(
            provider=provider, claims=claims
        )
