from django.shortcuts import redirect
from django.urls import reverse

from alumni.permissions import is_waiting
from hrsocial.middleware import sessionless

# What someone waiting for verification may still open: the waiting page itself, signing
# out and account settings (allauth), the newsletter's unsubscribe link, the language switch
# and the JavaScript catalogue.
ALLOWED_PREFIXES = (
    "/accounts/",
    "/alumni/newsletter/unsubscribe/",
    "/alumni/join/",
    "/people/language/",
    "/i18n/",
    "/jsi18n/",
    "/static/",
)


class VerificationMiddleware:
    """Until HR (or the automatic check) verified a sign-up, every page but the waiting page
    sends the person there. The rule itself is alumni.permissions.is_waiting."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = None if sessionless(request) else getattr(request, "user", None)
        if user is not None and user.is_authenticated and (user.is_alumnus or user.is_freelancer):
            waiting = reverse("alumni:waiting")
            allowed = request.path == waiting or request.path.startswith(ALLOWED_PREFIXES)
            if not allowed and is_waiting(user):
                return redirect(waiting)
        return self.get_response(request)
