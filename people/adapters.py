from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        """Employees never sign themselves up; alumni and freelancers may when it is opened."""
        return settings.SELF_SIGNUP_ENABLED

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails (confirmation, password reset, …) in the recipient's chosen
        language, not the language of the browser that triggered them: a Dutch colleague who
        asks for a reset from an English laptop still reads Dutch. Someone without an account
        gets the portal's default language."""
        recipient = context.get("user") or _person_with_email(email)
        language = recipient.language_for_email if recipient else settings.LANGUAGE_CODE
        context = {"site_url": settings.SITE_URL, **context}
        with translation.override(language):
            super().send_mail(template_prefix, email, context)


def _person_with_email(email: str):
    from people.models import User

    return User.objects.filter(email__iexact=email).first()


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        """Single sign-on signs in people who already have an account, nobody new."""
        return False
