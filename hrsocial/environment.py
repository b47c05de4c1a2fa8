"""Reading settings from the environment, strictly.

django-environ reads anything that is not a "true" word as False, so `SECURE_SSL_REDIRECT=ture`
would quietly switch a protection off. Here a boolean is one of a few words, in any case, or
empty for the default; anything else stops the portal at start-up with the variable's name.
"""

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"true", "1", "yes", "on"})
FALSE_WORDS = frozenset({"false", "0", "no", "off"})


class StrictEnv(environ.Env):
    def bool(self, var, default=environ.Env.NOTSET):
        raw = self.ENVIRON.get(var, "")
        word = raw.strip().lower()
        if not word:
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the environment variable {var} (true or false).")
            return default
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(
            f"{var}={raw!r} is not a boolean: use true or false (or 1/0, yes/no, on/off)."
        )
