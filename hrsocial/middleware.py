import functools

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


def sessionless(request) -> bool:
    """A request for a path an app declared `sessionless_paths` (the share redirect /s/, the
    hottest public URL): middleware must not touch `request.user` or the session for it, so
    that even a signed-in visitor's request loads neither."""
    return request.path_info.startswith(_sessionless_paths())


@functools.cache
def _sessionless_paths() -> tuple[str, ...]:
    from hrsocial import plugins

    return tuple(plugins.declared("sessionless_paths"))


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's, asking the view before the user: a public view (@login_not_required) never
    loads the session and the signed-in user only to learn that it needs neither."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class LanguageMiddleware:
    """Choose the page language: Dutch unless the person chose otherwise.

    The choice is the signed-in user's preferred language, else the language cookie set by
    the language switch, else LANGUAGE_CODE (nl). The browser's Accept-Language is ignored on
    purpose: the portal is Dutch-first, and many Dutch people run English browsers.
    Replaces Django's LocaleMiddleware; it must run after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def language_for(self, request) -> str:
        user = None if sessionless(request) else getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language in self.languages:
            return user.preferred_language
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return cookie if cookie in self.languages else settings.LANGUAGE_CODE

    def __call__(self, request):
        language = self.language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class PrivatePagesMiddleware:
    """Signed-in pages are personal (HR's lists, someone's questions): no browser history
    cache, shared computer or proxy may keep a copy. `Cache-Control: private, no-store` on
    every response to a signed-in user; anonymous public pages and static files (served by
    WhiteNoise before this middleware) keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = None if sessionless(request) else getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
        return response


def client_ip(request) -> str | None:
    """The client's address by the same rule as allauth's throttling: the address
    ALLAUTH_TRUSTED_PROXY_COUNT proxies back in X-Forwarded-For, else REMOTE_ADDR. Use it for
    anything keyed on an address, so one setting covers every limit."""
    from allauth.core.internal.httpkit import get_client_ip

    return get_client_ip(request)
