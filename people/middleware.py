from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from hrsocial.middleware import sessionless
from people.permissions import needs_second_factor

# Pages a user without the required second factor may still open: their account's (where
# allauth sets it up, signs out, changes the password) and the language switch.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/health/", "/ready/", "/people/language/")


class SecondFactorMiddleware:
    """HR staff, HR leads and admins are sent to set up a second factor before any other page
    (the rule is people.permissions.needs_second_factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not request.path.startswith(ALLOWED_PREFIXES)
            and not sessionless(request)
            and needs_second_factor(request)
        ):
            messages.warning(
                request,
                _(
                    "Your role gives access to confidential information: set up two-factor "
                    "sign-in first (an authenticator app or a security key)."
                ),
            )
            return redirect("mfa_index")
        return self.get_response(request)
