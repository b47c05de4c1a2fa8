from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """Speak the signed-in user's preferred language, whatever the browser asks for.

    Runs after LocaleMiddleware (which serves visitors by cookie or Accept-Language) and
    after authentication. The preference is saved by the language switch.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.preferred_language
            if language in self.languages:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
